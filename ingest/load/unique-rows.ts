/** The loader's rows made unique before they are created. */
import type { Props } from '../transform/graph-rows.ts';

export interface Row {
  key: string;
  props: Props;
  from?: string;
  to?: string;
}

/**
 * One row per node key (per key and ends for a relationship), later rows'
 * properties laid over earlier ones, as MERGE then `SET +=` once did: the
 * statements CREATE, so a key sent twice would otherwise fail or be doubled.
 * Rows are looked up by key alone and told apart by their ends only when a key
 * repeats, so no string is built per row (a large load has millions of rows).
 */
export function uniqueRows<T extends Row>(rows: T[]): T[] {
  const seen = new Map<string, number | number[]>();
  let out: T[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const prior = seen.get(r.key);
    // Until a duplicate turns up, `out` is `rows` itself: positions are the same.
    const at = prior === undefined ? undefined : sameRow(out ?? rows, prior, r);
    if (at === undefined) {
      const pos = out ? out.length : i;
      seen.set(r.key, prior === undefined ? pos : [...(typeof prior === 'number' ? [prior] : prior), pos]);
      out?.push(r);
      continue;
    }
    out ??= rows.slice(0, i);
    const merged = { ...out[at]!.props, ...r.props };
    for (const k of Object.keys(merged)) if (merged[k] === null) delete merged[k];
    out[at] = { ...out[at]!, props: merged };
  }
  return out ?? rows;
}

/** Which of the kept rows with `r`'s key (at `prior`) has `r`'s ends, if any. */
function sameRow(kept: Row[], prior: number | number[], r: Row): number | undefined {
  for (const at of typeof prior === 'number' ? [prior] : prior)
    if (kept[at]!.from === r.from && kept[at]!.to === r.to) return at;
  return undefined;
}
