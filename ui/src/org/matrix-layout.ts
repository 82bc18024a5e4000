/**
 * The trust matrix as rows, columns and bands, before anything is drawn (pure): callers (the
 * organization's accounts, then one row per kind of outside caller) by target accounts, ordered
 * by OU or by how much trust they carry, with the cells a filter keeps.
 */
export interface MatrixAccount {
  id: string;
  name: string;
  ouPath: readonly string[];
}

export interface MatrixCell {
  from: string;
  to: string;
  edgeCount: number;
  conditionalCount: number;
  roleCount: number;
  assumptions: readonly string[];
  worstSeverity?: string | null;
}

export interface Line {
  id: string;
  name: string;
  /** The OU path in words, or "Outside the organization". */
  group: string;
}

/** A run of lines of one group. */
export interface Band {
  name: string;
  start: number;
  end: number;
}

export type Order = 'ou' | 'trusted' | 'trusting';

export interface Arranged {
  rows: Line[];
  cols: Line[];
  rowBands: Band[];
  colBands: Band[];
  /** The cell at row i, column j, when it is kept. */
  cell(i: number, j: number): MatrixCell | undefined;
  /** Kept cells, row by row: [row, column]. */
  filled: [number, number][];
}

export const OUTSIDE_ROWS: Readonly<Record<string, string>> = {
  'outside:accounts': 'Other AWS accounts',
  'outside:aws-services': 'AWS services',
  'outside:identity-providers': 'Identity providers',
  'outside:anyone': 'Anyone',
};
const OUTSIDE = 'Outside the organization';

const ouName = (a: MatrixAccount) => a.ouPath.join(' / ') || 'Root';

/** Does a cell pass the filter: '' every cell, 'unconditional', or a condition category. */
export function keeps(c: MatrixCell, only: string): boolean {
  if (!only) return true;
  return only === 'unconditional' ? c.conditionalCount < c.edgeCount : c.assumptions.includes(only);
}

function bands(lines: Line[], grouped: boolean): Band[] {
  const out: Band[] = [];
  lines.forEach((l, i) => {
    const name = grouped || l.group === OUTSIDE ? l.group : '';
    const last = out.at(-1);
    if (last && last.name === name) last.end = i + 1;
    else out.push({ name, start: i, end: i + 1 });
  });
  return out;
}

export function arrange(
  accounts: readonly MatrixAccount[],
  cells: readonly MatrixCell[],
  order: Order,
  only: string,
): Arranged {
  const kept = cells.filter((c) => keeps(c, only));
  const rolesTo = new Map<string, number>();
  const rolesFrom = new Map<string, number>();
  for (const c of kept) {
    rolesTo.set(c.to, (rolesTo.get(c.to) ?? 0) + c.roleCount);
    rolesFrom.set(c.from, (rolesFrom.get(c.from) ?? 0) + c.roleCount);
  }
  const line = (a: MatrixAccount): Line => ({ id: a.id, name: a.name, group: ouName(a) });
  const byMost = (m: Map<string, number>) => (a: Line, b: Line) =>
    (m.get(b.id) ?? 0) - (m.get(a.id) ?? 0) || a.name.localeCompare(b.name);
  const cols = accounts.map(line);
  const rows = accounts.map(line);
  if (order === 'trusted') cols.sort(byMost(rolesTo));
  if (order === 'trusting') rows.sort(byMost(rolesFrom));
  for (const [id, name] of Object.entries(OUTSIDE_ROWS))
    if (cells.some((c) => c.from === id)) rows.push({ id, name, group: OUTSIDE });

  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const colIndex = new Map(cols.map((c, j) => [c.id, j]));
  const at = new Map<number, MatrixCell>();
  const filled: [number, number][] = [];
  for (const c of kept) {
    const i = rowIndex.get(c.from);
    const j = colIndex.get(c.to);
    if (i === undefined || j === undefined) continue;
    at.set(i * cols.length + j, c);
    filled.push([i, j]);
  }
  filled.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    rows,
    cols,
    rowBands: bands(rows, order !== 'trusting'),
    colBands: bands(cols, order !== 'trusted'),
    cell: (i, j) => at.get(i * cols.length + j),
    filled,
  };
}

/** The cell in words: what a person hears on the focused cell and sees under the pointer. */
export function describeCell(row: Line, col: Line, c: MatrixCell | undefined): string {
  const head = `${row.name} (${row.group}) → ${col.name} (${col.group})`;
  if (!c) return `${head}: no role to assume.`;
  const plural = (n: number, w: string) => `${n.toLocaleString('en')} ${w}${n === 1 ? '' : 's'}`;
  return `${head}: ${plural(c.roleCount, 'role')}, ${plural(c.edgeCount, 'edge')}${c.worstSeverity ? `, worst finding ${c.worstSeverity}` : ''}${c.assumptions.length ? `, conditions: ${c.assumptions.join(', ')}` : ''}. Enter opens its edges.`;
}
