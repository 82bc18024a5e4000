/**
 * The account × account trust matrix: callers (rows) by target accounts (columns), both grouped by
 * OU; a cell shows how many roles the row's callers can assume in the column's account, coloured
 * by the worst finding about those roles; a cell opens the edges behind it (GraphQL trustMatrix,
 * trustBetween). Callers outside the organization are rows of their own, one per kind.
 */
import { request } from '../api.ts';
import { assumptions } from '../data.ts';
import { byId, clear, h } from '../dom.ts';
import type * as Op from '../generated/operations.ts';
import { CONDITION_KINDS, SEVERITY_COLOR, type Severity } from '../palette.ts';
import { state, update } from '../url-state.ts';

type Matrix = Op.TrustMatrixQuery['trustMatrix'];
type Cell = Matrix['cells'][number];
type Order = 'ou' | 'trusted' | 'trusting';

const OUTSIDE_NAMES: Record<string, string> = {
  'outside:accounts': 'Other AWS accounts',
  'outside:aws-services': 'AWS services',
  'outside:identity-providers': 'Identity providers',
  'outside:anyone': 'Anyone',
};

let order: Order = 'ou';
/** Which cells to show: all, those with an edge that needs no condition, or those with a condition of one category. */
let only = '';
let current: Matrix | undefined;

function host(): HTMLElement {
  let el = document.getElementById('matrix');
  if (!el) {
    el = h('div', { id: 'matrix', class: 'org-matrix', hidden: true });
    byId('graph').after(el);
  }
  return el;
}

export function hideMatrix(): void {
  const el = document.getElementById('matrix');
  if (el) el.hidden = true;
}

const total = (cells: Cell[], pick: (c: Cell) => string, id: string) =>
  cells.filter((c) => pick(c) === id).reduce((n, c) => n + c.roleCount, 0);

function render(m: Matrix): void {
  const el = host();
  clear(el);
  const cols = [...m.accounts];
  const rowsIn = [...m.accounts];
  if (order === 'trusted')
    cols.sort((a, b) => total(m.cells, (c) => c.to, b.id) - total(m.cells, (c) => c.to, a.id));
  if (order === 'trusting')
    rowsIn.sort((a, b) => total(m.cells, (c) => c.from, b.id) - total(m.cells, (c) => c.from, a.id));
  const outsideRows = Object.keys(OUTSIDE_NAMES).filter((id) => m.cells.some((c) => c.from === id));
  const keep = (c: Cell) =>
    !only || (only === 'unconditional' ? c.conditionalCount < c.edgeCount : c.assumptions.includes(only));
  const cell = new Map(m.cells.filter(keep).map((c) => [`${c.from}|${c.to}`, c]));
  const ou = (a: Matrix['accounts'][number]) => a.ouPath.join(' / ') || 'Root';

  const sorter = h(
    'select',
    { id: 'matrix-order', 'aria-label': 'Order of rows and columns' },
    h('option', { value: 'ou', selected: order === 'ou' }, 'Grouped by OU'),
    h('option', { value: 'trusted', selected: order === 'trusted' }, 'Columns: most roles reachable first'),
    h(
      'option',
      { value: 'trusting', selected: order === 'trusting' },
      'Rows: callers reaching most roles first',
    ),
  );
  const filter = h(
    'select',
    { id: 'matrix-only', 'aria-label': 'Cells shown' },
    [
      ['', 'Every cell'],
      ['unconditional', 'Cells with an edge that needs no condition'],
      ...CONDITION_KINDS.map((k) => [k, `Cells with a condition on ${k}`]),
    ].map(([v, label]) => h('option', { value: v!, selected: only === v }, label!)),
  );
  filter.addEventListener('change', () => {
    only = filter.value;
    render(m);
  });
  sorter.addEventListener('change', () => {
    order = sorter.value as Order;
    render(m);
  });

  // Column groups: one header cell per run of accounts of the same OU.
  const groupRow = h('tr', {}, h('th', { class: 'corner' }, ''));
  let prev = '';
  for (const a of cols) {
    const g = order === 'trusted' ? '' : ou(a);
    if (g === prev && groupRow.lastElementChild?.classList.contains('ou-head')) {
      const th = groupRow.lastElementChild as HTMLTableCellElement;
      th.colSpan += 1;
    } else groupRow.append(h('th', { class: 'ou-head', colspan: 1, title: g }, g));
    prev = g;
  }
  const head = h(
    'tr',
    {},
    h('th', { class: 'corner' }, 'caller ↓  target →'),
    cols.map((a) => h('th', { class: 'col', title: `${a.name} ${a.id} (${ou(a)})` }, h('span', {}, a.name))),
  );
  const body = h('tbody');
  const row = (id: string, name: string, group: string) => {
    const tr = h('tr', { 'data-row': id }, h('th', { class: 'row', title: `${name} (${group})` }, name));
    for (const a of cols) {
      const c = cell.get(`${id}|${a.id}`);
      if (!c) {
        tr.append(h('td', {}));
        continue;
      }
      const sev = (c.worstSeverity ?? 'none') as Severity | 'none';
      const td = h(
        'td',
        {
          class: `cell-hit sev-${sev}`,
          'data-from': id,
          'data-to': a.id,
          tabindex: 0,
          title: `${name} → ${a.name}: ${c.roleCount} roles, ${c.edgeCount} edges${c.worstSeverity ? `, worst finding ${c.worstSeverity}` : ''}${c.assumptions.length ? `, conditions: ${c.assumptions.join(', ')}` : ''}`,
        },
        String(c.roleCount),
      );
      td.style.setProperty('--sev', SEVERITY_COLOR[sev]);
      td.addEventListener('click', () => void openCell(id, name, a.id, a.name));
      td.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter') void openCell(id, name, a.id, a.name);
      });
      tr.append(td);
    }
    body.append(tr);
  };
  let prevGroup = '';
  for (const a of rowsIn) {
    const g = ou(a);
    if (order !== 'trusting' && g !== prevGroup)
      body.append(h('tr', { class: 'group' }, h('th', { colspan: cols.length + 1 }, g)));
    prevGroup = g;
    row(a.id, a.name, g);
  }
  if (outsideRows.length)
    body.append(
      h('tr', { class: 'group' }, h('th', { colspan: cols.length + 1 }, 'Outside the organization')),
    );
  for (const id of outsideRows) row(id, OUTSIDE_NAMES[id]!, 'outside the organization');

  el.append(
    h(
      'div',
      { class: 'matrix-tools' },
      sorter,
      filter,
      h(
        'span',
        { class: 'muted' },
        'Cells: roles reachable; colour: worst finding about them. Click a cell for its edges.',
      ),
    ),
    h(
      'div',
      { class: 'matrix-scroll' },
      h('table', { class: 'matrix' }, h('thead', {}, groupRow, head), body),
    ),
    h('div', { id: 'matrix-edges', class: 'matrix-edges', hidden: true }),
  );
  el.hidden = false;
}

async function openCell(from: string, fromName: string, to: string, toName: string): Promise<void> {
  const box = byId('matrix-edges');
  clear(box);
  box.hidden = false;
  box.dataset.state = 'loading';
  box.append(h('h3', {}, `${fromName} → ${toName}`));
  const d = await request('TRUST_BETWEEN', { snap: state().snap, a: assumptions(), from, to, first: 200 });
  const t = d.trustBetween;
  box.append(
    h(
      'p',
      { class: 'muted' },
      `${t.totalCount} edges${t.totalCount > t.nodes.length ? `, the first ${t.nodes.length} shown` : ''}`,
    ),
    h(
      'ul',
      { class: 'edge-list' },
      t.nodes.map((e) => {
        const a = h(
          'a',
          { href: `?view=node&node=${encodeURIComponent(e.to.key)}`, 'data-key': e.to.key },
          `${e.from.name ?? e.from.key} → ${e.to.name ?? e.to.key}`,
        );
        a.addEventListener('click', (ev) => {
          ev.preventDefault();
          update({ view: 'node', node: e.to.key, sel: e.to.key });
        });
        return h(
          'li',
          {},
          a,
          e.conditional
            ? h('span', { class: 'muted' }, ` · if ${e.conditions.map((c) => c.assumption).join(', ')}`)
            : '',
        );
      }),
    ),
  );
  box.dataset.state = 'ready';
}

/** Fetches and shows the matrix; answers its size for the heading. */
export async function showMatrix(): Promise<{ accounts: number; cells: number }> {
  const d = await request('TRUST_MATRIX', { snap: state().snap, a: assumptions() });
  current = d.trustMatrix;
  render(current);
  return { accounts: current.accounts.length, cells: current.cells.length };
}
