/**
 * Condition keys come from policy text; classifying one must stay linear in
 * its length (the same patterns run in Cypher against every edge's keys).
 */
import { describe, expect, it } from 'vitest';
import { assumptionOf } from './assumptions.ts';

describe('assumption patterns on hostile condition keys', () => {
  it('a 50,000-character key without a colon is classified in well under 50 ms', () => {
    for (const key of ['a.'.repeat(25_000), '.'.repeat(50_000)]) {
      const start = performance.now();
      expect(assumptionOf(key)).toBe('other');
      expect(performance.now() - start).toBeLessThan(50);
    }
  });

  it('an OIDC provider key (a host with dots before the first colon) is still federation', () => {
    expect(assumptionOf(`${'a.'.repeat(25_000)}b:sub`)).toBe('federation');
    expect(assumptionOf('x:a.b')).toBe('other');
  });
});
