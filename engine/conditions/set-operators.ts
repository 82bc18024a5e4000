/**
 * How a test over one request value extends to a key's values.
 * Without a set operator: positive operators hold when some value matches
 * some policy value; negated ones when none does (NOR). With ForAnyValue the
 * per-value test must hold for at least one request value, with ForAllValues
 * for every one; for a negated operator the per-value test is "matches no
 * policy value".
 */
import type { ValueTest } from './operator.ts';

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

function anyTest(tests: readonly ValueTest[], value: string): boolean {
  for (const test of tests) if (test(value)) return true;
  return false;
}

export function matchValues(
  setOperator: SetOperator | undefined,
  negated: boolean,
  values: string | readonly string[],
  tests: readonly ValueTest[],
): boolean {
  if (typeof values === 'string') return anyTest(tests, values) !== negated;
  if (setOperator === 'ForAllValues') {
    for (const value of values) if (anyTest(tests, value) === negated) return false;
    return true;
  }
  if (setOperator === 'ForAnyValue') {
    for (const value of values) if (anyTest(tests, value) !== negated) return true;
    return false;
  }
  for (const value of values) if (anyTest(tests, value)) return !negated;
  return negated;
}

/** A missing key or empty set: ForAllValues holds vacuously, ForAnyValue has nothing to match. */
export function setOperatorOnMissingKey(setOperator: SetOperator): boolean {
  return setOperator === 'ForAllValues';
}
