/** Null: tests presence, not value. `"true"` holds when the key is absent, `"false"` when it is present. */
import { joinText, type TextPart } from '../policy/variables.ts';
import type { OperatorDef } from './operator.ts';

export const nullOperator: OperatorDef = {
  name: 'Null',
  negated: false,
  variables: false,
  compile(value: readonly TextPart[]) {
    const expected = joinText(value).trim().toLowerCase();
    if (expected !== 'true' && expected !== 'false') return `"${joinText(value)}" is not true or false`;
    // Never called on a value: the key's presence is what is tested (see evaluateNull).
    return () => false;
  },
};

/** Several values OR together, as for any operator. */
export function evaluateNull(values: readonly string[], present: boolean): boolean {
  for (const value of values) {
    const wantsAbsent = value.trim().toLowerCase() === 'true';
    if (wantsAbsent !== present) return true;
  }
  return false;
}
