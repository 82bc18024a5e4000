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
 */
export function uniqueRows<T extends Row>(rows: T[]): T[] {
  const seen = new Map<string, number>();
  let out: T[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const id = r.from === undefined ? r.key : `${r.key}\u0000${r.from}\u0000${r.to}`;
    const at = seen.get(id);
    if (at === undefined) {
      seen.set(id, out ? out.length : i);
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
