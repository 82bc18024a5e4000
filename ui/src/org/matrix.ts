/**
 * The account × account trust matrix: callers (rows) by target accounts (columns), both grouped by
 * OU; a cell stands for the roles the row's callers can assume in the column's account, coloured
 * by the worst finding about those roles; a cell opens the edges behind it (GraphQL trustMatrix,
 * trustBetween). Callers outside the organization are rows of their own, one per kind. Drawn on a
 * canvas (matrix-canvas.ts), ordered and filtered by matrix-layout.ts.
 */
import { request } from '../api.ts';
import { assumptions } from '../data.ts';
import { byId, clear, h } from '../dom.ts';
import type * as Op from '../generated/operations.ts';
import { CONDITION_KINDS } from '../palette.ts';
import { state, update } from '../url-state.ts';
import { matrixGrid, type MatrixGrid } from './matrix-canvas.ts';
import { arrange, type Order } from './matrix-layout.ts';

type Matrix = Op.TrustMatrixQuery['trustMatrix'];

let order: Order = 'ou';
/** Which cells to show: all, those with an edge that needs no condition, or those with a condition of one category. */
let only = '';
/** Cell size in pixels: 6 shows 500 accounts at once on a laptop's screen, 16 and more show the counts. */
let cellSize = 14;
let current: Matrix | undefined;
let grid: MatrixGrid | undefined;

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

function select(
  id: string,
  label: string,
  options: [string, string][],
  value: string,
  change: (v: string) => void,
): HTMLSelectElement {
  const el = h(
    'select',
    { id, 'aria-label': label },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  el.addEventListener('change', () => change(el.value));
  return el;
}

function render(m: Matrix): void {
  const el = host();
  const a = arrange(m.accounts, m.cells, order, only);
  el.dataset.rows = String(a.rows.length);
  el.dataset.cols = String(a.cols.length);
  el.dataset.filled = String(a.filled.length);
  if (!grid) {
    clear(el);
    const status = h('div', { id: 'matrix-status', class: 'matrix-status', 'aria-live': 'polite' }, '');
    grid = matrixGrid({
      status,
      onOpen: (i, j) => {
        const now = arrange(current!.accounts, current!.cells, order, only);
        const row = now.rows[i]!;
        const col = now.cols[j]!;
        void openCell(row.id, row.name, col.id, col.name);
      },
    });
    el.append(
      h(
        'div',
        { class: 'matrix-tools' },
        select(
          'matrix-order',
          'Order of rows and columns',
          [
            ['ou', 'Grouped by OU'],
            ['trusted', 'Columns: most roles reachable first'],
            ['trusting', 'Rows: callers reaching most roles first'],
          ],
          order,
          (v) => {
            order = v as Order;
            render(current!);
          },
        ),
        select(
          'matrix-only',
          'Cells shown',
          [
            ['', 'Every cell'],
            ['unconditional', 'Cells with an edge that needs no condition'],
            ...CONDITION_KINDS.map((k): [string, string] => [k, `Cells with a condition on ${k}`]),
          ],
          only,
          (v) => {
            only = v;
            render(current!);
          },
        ),
        select(
          'matrix-size',
          'Cell size',
          [
            ['6', 'Small cells'],
            ['10', 'Medium cells'],
            ['14', 'Large cells'],
            ['20', 'Cells with counts'],
          ],
          String(cellSize),
          (v) => {
            cellSize = Number(v);
            render(current!);
          },
        ),
        h(
          'span',
          { class: 'muted' },
          'Colour: worst finding about the roles reachable. Assumptions (toolbar) apply. Click a cell, or Enter on it, for its edges.',
        ),
      ),
      status,
      grid.el,
      h('div', { id: 'matrix-edges', class: 'matrix-edges', hidden: true }),
    );
  }
  el.hidden = false;
  grid.show(a, cellSize);
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
