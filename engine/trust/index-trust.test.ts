/**
 * The identity-side prefilter reads Resource patterns written by whoever can
 * edit IAM in an audited account. IAM wildcards are only `*` and `?`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards),
 * so matching them must stay linear in the name, whatever the pattern.
 */
import { describe, expect, it } from 'vitest';
import { analyseTrust } from './reachability.ts';
import { A, allowAssume, B, ModelBuilder, trustAws } from './test-model.ts';

const STARS = 20;
const NAME_LENGTH = 1000;

/** `arn:aws:iam::*:role/*a*a…*a*Z`: 20 stars; no role named only of `a`s matches it. */
const hostile = `arn:aws:iam::*:role/${'*a'.repeat(STARS - 2)}*Z`;

function model(pattern: string, roleName: string) {
  const b = new ModelBuilder().account(A).account(B);
  const caller = b.user(A, 'caller', { policies: [allowAssume(pattern)] });
  const target = b.role(B, roleName, trustAws(A));
  return { model: b.build(), caller, target };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('identity prefilter on hostile Resource patterns', () => {
  it(`${STARS} stars against a ${NAME_LENGTH}-character role name: no match, under 50 ms`, () => {
    expect((hostile.match(/\*/g) ?? []).length).toBe(STARS);
    // Warm the evaluator's code paths on a small model so the measurement is the matching alone.
    analyseTrust(model(hostile, 'warm-up').model);

    const { model: m, caller, target } = model(hostile, 'a'.repeat(NAME_LENGTH));
    const { value, ms } = timed(() => analyseTrust(m));
    expect(value.edges.some((e) => e.from === caller && e.to === target)).toBe(false);
    expect(ms).toBeLessThan(50);
  });

  it('the same pattern ending in a matching letter still finds the role, also under 50 ms', () => {
    const pattern = `arn:aws:iam::*:role/${'*a'.repeat(STARS - 1)}*`;
    const { model: m, caller, target } = model(pattern, 'a'.repeat(NAME_LENGTH));
    const { value, ms } = timed(() => analyseTrust(m));
    expect(value.edges.some((e) => e.from === caller && e.to === target)).toBe(true);
    expect(ms).toBeLessThan(50);
  });

  it('regex metacharacters in a Resource are literal', () => {
    const b = new ModelBuilder().account(A).account(B);
    const caller = b.user(A, 'caller', { policies: [allowAssume(`arn:aws:iam::${B}:role/a.c*`)] });
    const dot = b.role(B, 'a.c-role', trustAws(A));
    const other = b.role(B, 'abc-role', trustAws(A));
    const edges = analyseTrust(b.build()).edges;
    expect(edges.some((e) => e.from === caller && e.to === dot)).toBe(true);
    expect(edges.some((e) => e.from === caller && e.to === other)).toBe(false);
  });

  it('role ARNs match case-sensitively, as Resource ARNs do', () => {
    const b = new ModelBuilder().account(A).account(B);
    const caller = b.user(A, 'caller', { policies: [allowAssume(`arn:aws:iam::${B}:role/Deploy*`)] });
    const lower = b.role(B, 'deploy-prod', trustAws(A));
    const exact = b.role(B, 'Deploy-prod', trustAws(A));
    const edges = analyseTrust(b.build()).edges;
    expect(edges.some((e) => e.from === caller && e.to === exact)).toBe(true);
    expect(edges.some((e) => e.from === caller && e.to === lower)).toBe(false);
  });
});
