/** Bool: `true` / `false`, compared without regard to case (requests carry booleans as text). */
import { joinText, type TextPart } from '../policy/variables.ts';
import type { OperatorDef, ValueTest } from './operator.ts';

function bool(value: readonly TextPart[]): ValueTest | string {
  const expected = joinText(value).trim().toLowerCase();
  if (expected !== 'true' && expected !== 'false') return `"${joinText(value)}" is not true or false`;
  return (actual) => actual.trim().toLowerCase() === expected;
}

export const boolOperators: readonly OperatorDef[] = [
  { name: 'Bool', negated: false, variables: false, compile: bool },
];
