import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from './app.ts';
import { operationCost, operationCostOnce } from './request-cost.ts';

describe('operationCostOnce', () => {
  it('counts as operationCost does, for each set of page sizes and each operation of a document', () => {
    const schema = buildSchema();
    const doc = parse(`
      query Reach($s: ID, $k: ID!, $n: Int, $m: Int) {
        whoCanAssume(snapshot: $s, role: $k, maxHops: 4, first: $n) {
          totalCount nodes { hops node { key } path { edges { from { key } to { key } } } } }
        reachableFrom(snapshot: $s, principal: $k, first: $m) { nodes { ...R } } }
      fragment R on Reach { node { key } }
      query Fixed($k: ID!) { whoCanAssume(role: $k, first: 50) { nodes { hops } } }`);
    const seen = new Set<number>();
    for (const [op, vars] of [
      ['Reach', { k: 'a', n: 10, m: 3 }],
      ['Reach', { k: 'b', n: 10, m: 3 }],
      ['Reach', { k: 'a', n: 200, m: 3 }],
      ['Reach', { k: 'a', n: 10, m: 400 }],
      ['Reach', { k: 'a' }],
      ['Fixed', { k: 'a' }],
      ['Reach', { k: 'a', n: 10, m: 3 }],
    ] as const) {
      const cost = operationCostOnce(schema, doc, vars, op);
      expect(cost, `${op} ${JSON.stringify(vars)}`).toBe(operationCost(schema, doc, vars, op));
      seen.add(cost);
    }
    // Page sizes change the count; other variables do not.
    expect(seen.size).toBe(5);
  });
});
