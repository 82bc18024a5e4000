/** The trust matrix's rows, columns, OU bands and filters before drawing (ui/src/org/matrix-layout.ts). */
import { expect, it } from 'vitest';
import { arrange, describeCell, type MatrixCell } from '../../ui/src/org/matrix-layout.ts';

const accounts = [
  { id: '1', name: 'prod-a', ouPath: ['Workloads', 'Prod'] },
  { id: '2', name: 'prod-b', ouPath: ['Workloads', 'Prod'] },
  { id: '3', name: 'security', ouPath: ['Security'] },
];
const cell = (from: string, to: string, roleCount: number, assumptions: string[] = []): MatrixCell => ({
  from,
  to,
  roleCount,
  edgeCount: roleCount,
  conditionalCount: assumptions.length ? roleCount : 0,
  assumptions,
  worstSeverity: null,
});
const cells = [cell('3', '1', 5), cell('3', '2', 1, ['externalId']), cell('outside:anyone', '2', 2)];

it('groups rows and columns by OU, with the outside callers in a band of their own', () => {
  const a = arrange(accounts, cells, 'ou', '');
  expect(a.rows.map((r) => r.id)).toEqual(['1', '2', '3', 'outside:anyone']);
  expect(a.rowBands.map((b) => [b.name, b.start, b.end])).toEqual([
    ['Workloads / Prod', 0, 2],
    ['Security', 2, 3],
    ['Outside the organization', 3, 4],
  ]);
  expect(a.cell(2, 0)?.roleCount).toBe(5);
  expect(a.filled).toEqual([
    [2, 0],
    [2, 1],
    [3, 1],
  ]);
});

it('sorts columns by the roles reachable in them and keeps every cell', () => {
  const a = arrange(accounts, cells, 'trusted', '');
  expect(a.cols.map((c) => c.id)).toEqual(['1', '2', '3']);
  expect(a.colBands).toHaveLength(1);
  expect(a.filled).toHaveLength(3);
  const b = arrange(accounts, [...cells, cell('1', '3', 9)], 'trusted', '');
  expect(b.cols.map((c) => c.id)).toEqual(['3', '1', '2']);
});

it('filters by condition category, and tells a cell in words', () => {
  const a = arrange(accounts, cells, 'ou', 'externalId');
  expect(a.filled).toEqual([[2, 1]]);
  expect(describeCell(a.rows[2]!, a.cols[1]!, a.cell(2, 1))).toBe(
    'security (Security) → prod-b (Workloads / Prod): 1 role, 1 edge, conditions: externalId. Enter opens its edges.',
  );
  expect(arrange(accounts, cells, 'ou', 'unconditional').filled).toHaveLength(2);
});
