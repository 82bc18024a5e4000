/**
 * Condition keys come from policy text; classifying one must stay linear in
 * its length (the same patterns run in Cypher against every edge's keys).
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_PATTERNS, assumptionOf, assumptionParams } from './assumptions.ts';

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

describe('the edge filter per set of assumptions', () => {
  it('is one frozen object per combination, with the patterns of the categories set to false', () => {
    const a = assumptionParams({ mfa: false, other: false });
    expect(assumptionParams({ other: false, mfa: false, network: true })).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.dropPatterns) && Object.isFrozen(a.knownPatterns)).toBe(
      true,
    );
    expect(a.dropPatterns).toEqual(ASSUMPTION_PATTERNS.mfa);
    expect(a.dropOther).toBe(true);
    expect(a.knownPatterns).toEqual(Object.values(ASSUMPTION_PATTERNS).flat());
    const none = assumptionParams();
    expect(none).not.toBe(a);
    expect(none).toEqual({ dropPatterns: [], dropOther: false, knownPatterns: a.knownPatterns });
    expect(assumptionParams({ externalId: false, region: false }).dropPatterns).toEqual([
      ...ASSUMPTION_PATTERNS.externalId,
      ...ASSUMPTION_PATTERNS.region,
    ]);
  });

  it('classifies a key the same the second time, in any case', () => {
    for (const key of ['aws:MultiFactorAuthPresent', 'sts:ExternalId', 'saml:aud', 'aws:PrincipalTag/team'])
      expect([assumptionOf(key), assumptionOf(key), assumptionOf(key.toUpperCase())]).toEqual(
        Array(3).fill(assumptionOf(key.toLowerCase())),
      );
    expect(assumptionOf('aws:SourceIp')).toBe('network');
    expect(assumptionOf('aws:PrincipalTag/team')).toBe('other');
  });
});
