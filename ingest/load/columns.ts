/**
 * A batch's rows as the parameters of its statement. Statements that create nodes or
 * relationships take their rows as columns: one list per field (`$key`, `$from`, `$to`, and one
 * per property the statement names, read as `$name[i]`), the i-th entries of all lists making the
 * i-th row. Property names are then not sent and decoded once per row, and the statement sets
 * each named property in its CREATE pattern. A property the statement does not name goes, per
 * row, into `$more[i]` (a map laid over the new node or relationship, as `SET += row.props`
 * did); a statement without `$more` writes only the properties it names. Statements that set
 * properties on existing nodes (`marks`) take rows as maps: a column would write nulls over
 * properties a row leaves alone.
 */
import neo4j from 'neo4j-driver';
import type { Props, PropValue } from '../transform/graph-rows.ts';
import type { Row } from './unique-rows.ts';

/** Fields every creating statement may read besides the properties it names. */
const STRUCTURAL = new Set(['key', 'from', 'to', 'more']);

export interface StatementColumns {
  /** Properties the statement names, each read from its own list. */
  props: string[];
  /** Whether the statement lays `$more[i]` over what it creates. */
  more: boolean;
}

const cache = new Map<string, StatementColumns>();

/** The columns a statement reads (`$name[i]`), found in its text. */
export function statementColumns(text: string): StatementColumns {
  let c = cache.get(text);
  if (!c) {
    const names = new Set<string>();
    for (const m of text.matchAll(/\$`?(\w+)`?\[i\]/g)) names.add(m[1]!);
    c = { props: [...names].filter((n) => !STRUCTURAL.has(n)), more: names.has('more') };
    cache.set(text, c);
  }
  return c;
}

/** Integers must reach Neo4j as integers, not floats (the driver sends JS numbers as floats). */
function toNeo4j(v: PropValue): unknown {
  return typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
}

export function toNeo4jProps(p: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = toNeo4j(v);
  return out;
}

const NO_MORE: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/**
 * Columns of `rows` for a statement reading `columns`. With `ends`, each row's `from` and `to`
 * become the element ids `ids` holds for them, and a row whose end is not there is left out.
 * Returns the parameters and the number of rows they hold.
 */
export function columnParams(
  rows: Row[],
  columns: StatementColumns,
  ends: Map<string, string> | undefined,
): { params: Record<string, unknown[]>; count: number } {
  const key: string[] = [];
  const from: string[] = [];
  const to: string[] = [];
  const lists: unknown[][] = columns.props.map(() => []);
  const position = new Map(columns.props.map((p, i) => [p, i]));
  const more: Record<string, unknown>[] = [];
  for (const r of rows) {
    if (ends) {
      const a = ends.get(r.from!);
      const b = ends.get(r.to!);
      if (a === undefined || b === undefined) continue;
      from.push(a);
      to.push(b);
    }
    const at = key.length;
    key.push(r.key);
    for (const list of lists) list.push(null);
    let extra: Record<string, unknown> | undefined;
    for (const k in r.props) {
      const v = r.props[k]!;
      const p = position.get(k);
      if (p !== undefined) lists[p]![at] = toNeo4j(v);
      else if (columns.more) (extra ??= {})[k] = toNeo4j(v);
    }
    if (columns.more) more.push(extra ?? NO_MORE);
  }
  const params: Record<string, unknown[]> = { key };
  if (ends) Object.assign(params, { from, to });
  columns.props.forEach((p, i) => (params[p] = lists[i]!));
  if (columns.more) params.more = more;
  return { params, count: key.length };
}
