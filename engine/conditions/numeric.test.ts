import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, problemsOf } from './test-support.ts';

const KEY = 's3:max-keys';

describe('numeric operators', () => {
  it('compares the request value to the policy value', () => {
    expect(check({ NumericLessThan: { [KEY]: '10' } }, { [KEY]: 9 })).toBe('true');
    expect(check({ NumericLessThan: { [KEY]: '10' } }, { [KEY]: 10 })).toBe('false');
    expect(check({ NumericLessThanEquals: { [KEY]: 10 } }, { [KEY]: '10' })).toBe('true');
    expect(check({ NumericGreaterThan: { [KEY]: '10' } }, { [KEY]: '11' })).toBe('true');
    expect(check({ NumericGreaterThan: { [KEY]: '10' } }, { [KEY]: '9' })).toBe('false');
    expect(check({ NumericGreaterThanEquals: { [KEY]: '10' } }, { [KEY]: '10.0' })).toBe('true');
    expect(check({ NumericEquals: { [KEY]: '1e1' } }, { [KEY]: '10' })).toBe('true');
  });

  it('a request value that is not a number matches nothing', () => {
    expect(check({ NumericEquals: { [KEY]: '10' } }, { [KEY]: 'ten' })).toBe('false');
    expect(check({ NumericNotEquals: { [KEY]: '10' } }, { [KEY]: 'ten' })).toBe('true');
  });

  it('rejects policy values that are not numbers', () => {
    expect(problemsOf({ NumericEquals: { [KEY]: 'ten' } })[0]?.message).toMatch(/not a number/);
  });

  it('agrees with JavaScript number comparison', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (policy, actual) => {
          const at = (op: string) => check({ [op]: { [KEY]: String(policy) } }, { [KEY]: actual }) === 'true';
          return (
            at('NumericLessThan') === actual < policy &&
            at('NumericGreaterThan') === actual > policy &&
            at('NumericLessThanEquals') === actual <= policy &&
            at('NumericGreaterThanEquals') === actual >= policy &&
            at('NumericEquals') === (actual === policy) &&
            at('NumericNotEquals') === (actual !== policy)
          );
        },
      ),
    );
  });
});
