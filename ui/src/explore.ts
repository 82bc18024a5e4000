/** The Explore tab: the question being asked, the analyst's assumptions, filters, and the result as a list. */
import { byId, clear, h, keyboardList } from './dom.ts';
import { graph, nodeIndex } from './graph.ts';
import { shapeIcon } from './legend.ts';
import { accountNames } from './model.ts';
import type { ConditionKind, EdgeKind, Kind } from './palette.ts';
import {
  accountColor,
  CONDITION_BADGE,
  CONDITION_HELP,
  CONDITION_KINDS,
  EDGE_KINDS,
  EDGE_LABEL,
  KIND_LABEL,
  KINDS,
} from './palette.ts';
import { MAX_HOPS, state, update } from './url-state.ts';

const QUESTION: Record<string, string> = {
  'reach-in': 'Who can reach this',
  'reach-out': 'What can this reach',
  admin: 'Paths to admin',
  paths: 'Paths between two nodes',
};

let pickingTarget = false;

export function isPickingTarget(): boolean {
  return pickingTarget;
}

export function stopPicking(): void {
  pickingTarget = false;
  renderExplore();
}

document.addEventListener('atlas:pick-target', () => {
  pickingTarget = true;
  renderExplore();
});

function check<T extends string>(
  name: string,
  value: T,
  checked: boolean,
  label: Node | string,
  onChange: (on: boolean) => void,
) {
  const id = `${name}-${value}`;
  const input = h('input', { type: 'checkbox', id, name, value, checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h('label', { for: id }, input, label);
}

function toggleIn<T>(list: readonly T[], v: T, on: boolean, all: readonly T[]): T[] {
  // An empty list means "all": the first box unticked turns into "all but this one".
  const base = list.length ? list : all;
  const next = on ? [...new Set([...base, v])] : base.filter((x) => x !== v);
  return next.length === all.length ? [] : next;
}

export function renderExplore(): void {
  const s = state();
  const panel = byId('panel-explore');
  clear(panel);

  if (pickingTarget)
    panel.append(
      h(
        'div',
        { class: 'card hint', role: 'status' },
        'Choose the target: search for it, or click a node in the graph. ',
        h('kbd', {}, 'Esc'),
        ' cancels.',
      ),
    );

  {
    const hops = h('input', { type: 'number', id: 'hops', min: 1, max: MAX_HOPS, value: s.hops });
    hops.addEventListener('change', () =>
      update({ hops: Math.max(1, Math.min(MAX_HOPS, Number(hops.value) || 1)) }, 'replace'),
    );
    panel.append(
      h('h2', {}, 'Question'),
      h(
        'div',
        { class: 'card' },
        h('strong', {}, QUESTION[s.view] ?? 'Questions ask up to'),
        h('div', { class: 'field' }, h('label', { for: 'hops' }, 'Max hops'), hops),
      ),
    );
  }

  panel.append(
    h('h2', {}, 'Assumptions'),
    h(
      'p',
      { class: 'hint' },
      'Which request-time conditions an attacker can satisfy. Unticked: edges that need it are dropped.',
    ),
    h(
      'div',
      { class: 'card checks stack', id: 'assumptions' },
      CONDITION_KINDS.map((k: ConditionKind) =>
        check('assume', k, !s.off.includes(k), ` ${CONDITION_BADGE[k]}: ${CONDITION_HELP[k]}`, (on) => {
          const off = new Set(s.off);
          if (on) off.delete(k);
          else off.add(k);
          update({ off: [...off] }, 'replace');
        }),
      ),
    ),
  );

  const accounts = [...accountNames.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  panel.append(
    h('h2', {}, 'Filters'),
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'hint' }, 'Principal kind'),
      h(
        'div',
        { class: 'checks' },
        KINDS.filter((k) => k !== 'account').map((k: Kind) =>
          check(
            'fKind',
            k,
            !s.fKind.length || s.fKind.includes(k),
            h('span', { class: 'chip' }, shapeIcon(k), KIND_LABEL[k]),
            (on) => update({ fKind: toggleIn(s.fKind, k, on, KINDS) }, 'replace'),
          ),
        ),
      ),
      h('div', { class: 'hint' }, 'Edge kind'),
      h(
        'div',
        { class: 'checks' },
        EDGE_KINDS.map((k: EdgeKind) =>
          check('fEdge', k, !s.fEdge.length || s.fEdge.includes(k), ` ${EDGE_LABEL[k]}`, (on) =>
            update({ fEdge: toggleIn(s.fEdge, k, on, EDGE_KINDS) }, 'replace'),
          ),
        ),
      ),
      h('div', { class: 'field' }, h('label', { for: 'fCond' }, 'Conditions'), condSelect()),
      accounts.length > ACCOUNT_CHECKS_INLINE
        ? accountChecksLater(accounts)
        : accounts.length
          ? [h('div', { class: 'hint' }, 'Accounts'), accountChecks(accounts)]
          : null,
    ),
  );

  panel.append(h('h2', {}, 'In this view'), resultList());
}

/** Up to this many accounts, their filter boxes are drawn with the panel. */
const ACCOUNT_CHECKS_INLINE = 25;

function accountChecks(accounts: [string, string][]): HTMLElement {
  const s = state();
  const ids = accounts.map((a) => a[0]);
  return h(
    'div',
    { class: 'checks' },
    accounts.map(([id, name]) =>
      check(
        'fAccount',
        id,
        !s.fAccount.length || s.fAccount.includes(id),
        h('span', { class: 'chip' }, shapeIcon('account', accountColor(id)), name),
        (on) => update({ fAccount: toggleIn(s.fAccount, id, on, ids) }, 'replace'),
      ),
    ),
  );
}

/**
 * Hundreds of accounts (an organization at scale): their boxes are built when the list is opened,
 * so the panel, drawn again with every view, stays a few dozen elements.
 */
function accountChecksLater(accounts: [string, string][]): HTMLElement {
  const s = state();
  const box = h(
    'details',
    { class: 'account-checks' },
    h(
      'summary',
      { class: 'hint' },
      `Accounts (${accounts.length.toLocaleString('en')}${s.fAccount.length ? `, ${s.fAccount.length} shown` : ''})`,
    ),
  ) as HTMLDetailsElement;
  const fill = () => {
    if (box.childElementCount < 2) box.append(accountChecks(accounts));
  };
  box.addEventListener('toggle', () => box.open && fill());
  if (s.fAccount.length) {
    box.open = true;
    fill();
  }
  return box;
}

function condSelect(): HTMLSelectElement {
  const s = state();
  const sel = h(
    'select',
    { id: 'fCond' },
    h('option', { value: '' }, 'all edges'),
    h('option', { value: 'conditional' }, 'only conditional'),
    h('option', { value: 'unconditional' }, 'only unconditional'),
  );
  sel.value = s.fCond ?? '';
  sel.addEventListener('change', () =>
    update({ fCond: (sel.value || undefined) as 'conditional' | 'unconditional' | undefined }, 'replace'),
  );
  return sel;
}

/** Every node drawn, as a keyboard-navigable list: the graph reachable without a mouse. */
function resultList(): HTMLElement {
  const ul = h('ul', { class: 'list', id: 'result-list', 'aria-label': 'Nodes in this view' });
  let cy;
  try {
    cy = graph();
  } catch {
    return ul;
  }
  const nodes = cy
    .nodes()
    .filter((n) => !n.isParent() && !n.hasClass('hidden'))
    .sort((a, b) => String(a.data('name')).localeCompare(String(b.data('name'))))
    .slice(0, 300);
  for (const n of nodes) {
    const g = nodeIndex.get(n.id());
    const li = h(
      'li',
      { tabindex: 0, 'data-key': n.id(), 'aria-current': state().sel === n.id() ? 'true' : undefined },
      h(
        'span',
        { class: 'title' },
        shapeIcon(g?.kind ?? 'external', accountColor(g?.accountId)),
        ' ',
        String(n.data('name')),
      ),
      h(
        'span',
        { class: 'meta' },
        String(n.data('label')).split('\n')[1] ?? KIND_LABEL[(g?.kind ?? 'external') as Kind],
      ),
    );
    li.addEventListener('click', () => update({ sel: n.id() }, 'replace'));
    ul.append(li);
  }
  keyboardList(ul, 'li', (li) => update({ sel: li.dataset.key }, 'replace'));
  return ul;
}
