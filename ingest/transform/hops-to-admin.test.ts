import { describe, expect, it } from 'vitest';
import { hopsToAdmin } from './hops-to-admin.ts';

const edge = (from: string, to: string, reachesAdmin = false) => ({ from, to, reachesAdmin });

describe('hopsToAdmin', () => {
  it('counts the fewest edges to one that reaches admin, over longer ways and cycles', () => {
    const hops = hopsToAdmin([
      edge('u', 'r1'),
      edge('r1', 'r2'),
      edge('r2', 'admin', true),
      edge('u', 'r3'),
      edge('r3', 'r2'),
      edge('r2', 'r1'),
      edge('v', 'u'),
    ]);
    expect(Object.fromEntries(hops)).toEqual({ r2: 1, r1: 2, r3: 2, u: 3, v: 4 });
  });

  it('leaves out nodes that reach no administrator, and does not walk through one', () => {
    const hops = hopsToAdmin([edge('a', 'b'), edge('b', 'a'), edge('c', 'boss', true), edge('boss', 'd')]);
    expect(hops.has('a')).toBe(false);
    expect(hops.has('d')).toBe(false);
    expect(hops.get('c')).toBe(1);
  });
});
