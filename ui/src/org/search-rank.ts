/** The order of search hits: the exact name first, then names that start with the text, then the rest. */
export interface Rankable {
  name: string;
}

export function rankHits<T extends Rankable>(q: string, hits: readonly T[]): T[] {
  const t = q.trim().toLowerCase();
  const score = (h: T) => {
    const n = h.name.toLowerCase();
    return n === t ? 0 : n.startsWith(t) ? 1 : n.includes(t) ? 2 : 3;
  };
  return hits
    .map((h, i) => ({ h, i, s: score(h) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.h);
}
