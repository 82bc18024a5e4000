/** The Findings tab: filters by severity, kind and account; each finding opens its subgraph. */
import type { Finding } from './data.ts';
import { loadEscalation, loadFindings, loadReach } from './data.ts';
import { byId, clear, h, keyboardList } from './dom.ts';
import { jsonView, parseJson } from './json-view.ts';
import type { GraphResult } from './model.ts';
import { accountLine, accountNames, shortName } from './model.ts';
import { SEVERITIES, SEVERITY_RANK } from './palette.ts';
import { track } from './status.ts';
import { state, update } from './url-state.ts';

let cache: { snap: string | undefined; list: Finding[] } | undefined;
let kindFilter = '';
let accountFilter = '';

export async function findings(): Promise<Finding[]> {
  const snap = state().snap;
  if (!cache || cache.snap !== snap) cache = { snap, list: await track('findings', loadFindings) };
  return cache.list;
}

const accountOf = (f: Finding) => f.subjects[0]?.accountId ?? f.subjectKeys[0]?.match(/::(\d{12}):/)?.[1];

export async function renderFindings(): Promise<void> {
  const panel = byId('panel-findings');
  panel.dataset.state = 'loading';
  const list = await findings();
  const s = state();
  clear(panel);
  const sev = h(
    'select',
    { id: 'f-severity', 'aria-label': 'Severity' },
    h('option', { value: '' }, 'all severities'),
    SEVERITIES.map((x) => h('option', { value: x }, x)),
  );
  sev.value = s.fSeverity ?? '';
  sev.addEventListener('change', () => update({ fSeverity: (sev.value || undefined) as never }, 'replace'));
  const kinds = [...new Set(list.map((f) => f.kind))].sort();
  const kind = h(
    'select',
    { id: 'f-kind', 'aria-label': 'Kind' },
    h('option', { value: '' }, 'all kinds'),
    kinds.map((k) => h('option', { value: k }, k)),
  );
  kind.value = kindFilter;
  kind.addEventListener('change', () => {
    kindFilter = kind.value;
    void renderFindings();
  });
  const accts = [...new Set(list.map(accountOf).filter((x): x is string => !!x))].sort();
  const acct = h(
    'select',
    { id: 'f-account', 'aria-label': 'Account' },
    h('option', { value: '' }, 'all accounts'),
    accts.map((a) => h('option', { value: a }, accountNames.get(a) ?? a)),
  );
  acct.value = accountFilter;
  acct.addEventListener('change', () => {
    accountFilter = acct.value;
    void renderFindings();
  });

  const shown = list
    .filter(
      (f) =>
        (!s.fSeverity || f.severity === s.fSeverity) &&
        (!kindFilter || f.kind === kindFilter) &&
        (!accountFilter || accountOf(f) === accountFilter),
    )
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.kind.localeCompare(b.kind));

  const ul = h('ul', { class: 'list', id: 'findings-list', 'aria-label': 'Findings' });
  for (const f of shown) {
    const li = h(
      'li',
      { tabindex: 0, 'data-finding': f.id, 'aria-current': s.finding === f.id ? 'true' : undefined },
      h('span', { class: 'title' }, h('span', { class: `sev sev-${f.severity}` }, f.severity), ' ', f.title),
      h('span', { class: 'meta' }, `${f.kind} · ${accountLine(accountOf(f))}`),
    );
    li.addEventListener('click', () => openFinding(f));
    ul.append(li);
  }
  keyboardList(ul, 'li', (li) => {
    const f = shown.find((x) => x.id === li.dataset.finding);
    if (f) openFinding(f);
  });
  panel.append(
    h('h2', {}, `Findings (${shown.length} of ${list.length})`),
    h('div', { class: 'field' }, h('label', { for: 'f-severity' }, 'Severity'), sev),
    h('div', { class: 'field' }, h('label', { for: 'f-kind' }, 'Kind'), kind),
    h('div', { class: 'field' }, h('label', { for: 'f-account' }, 'Account'), acct),
    shown.length
      ? ul
      : h(
          'p',
          { class: 'muted' },
          list.length ? 'No finding matches these filters.' : 'This snapshot has no findings.',
        ),
  );
  panel.dataset.state = 'ready';
}

function openFinding(f: Finding): void {
  update({ view: 'finding', finding: f.id, node: f.subjectKeys[0], to: undefined, sel: undefined });
}

/** A finding's subgraph: who can reach its main subject (roles), or what it can reach (others). */
export async function findingGraph(
  id: string,
  hops: number,
): Promise<{ finding: Finding | undefined; result: GraphResult }> {
  const f = (await findings()).find((x) => x.id === id);
  const subject = f?.subjects[0] ?? (f ? { key: f.subjectKeys[0]!, kind: 'Role' } : undefined);
  if (!f || !subject) return { finding: f, result: { nodes: [], edges: [] } };
  // Escalation findings are about what their subject can become; trust findings about who gets in.
  const r = await track<GraphResult>('finding subgraph', () =>
    f.kind.startsWith('escalation')
      ? loadEscalation(subject.key, Math.max(hops, 2))
      : loadReach(subject.kind === 'Role' ? 'in' : 'out', subject.key, Math.min(hops, 2), 500),
  );
  return { finding: f, result: r };
}

export function findingCard(f: Finding): HTMLElement {
  return h(
    'div',
    { class: 'finding-card' },
    h('p', {}, h('span', { class: `sev sev-${f.severity}` }, f.severity), ' ', h('strong', {}, f.title)),
    h('p', {}, f.why),
    h(
      'p',
      { class: 'muted' },
      `Subject: ${f.subjects.map((s) => shortName(s)).join(', ') || f.subjectKeys.join(', ')}`,
    ),
    h('details', {}, h('summary', {}, 'Evidence'), jsonView(parseJson(f.evidence))),
  );
}
