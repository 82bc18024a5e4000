/** NumericEquals, NumericNotEquals, NumericLessThan(Equals), NumericGreaterThan(Equals): request value compared to policy value. */
import { joinText, type TextPart } from '../policy/variables.ts';
import type { OperatorDef, ValueTest } from './operator.ts';

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

function numeric(compare: (actual: number, expected: number) => boolean) {
  return (value: readonly TextPart[]): ValueTest | string => {
    const expected = parseNumber(joinText(value));
    if (expected === undefined) return `"${joinText(value)}" is not a number`;
    return (actual) => {
      const n = parseNumber(actual);
      return n !== undefined && compare(n, expected);
    };
  };
}

const eq = numeric((a, e) => a === e);

export const numericOperators: readonly OperatorDef[] = [
  { name: 'NumericEquals', negated: false, variables: false, compile: eq },
  { name: 'NumericNotEquals', negated: true, variables: false, compile: eq },
  { name: 'NumericLessThan', negated: false, variables: false, compile: numeric((a, e) => a < e) },
  { name: 'NumericLessThanEquals', negated: false, variables: false, compile: numeric((a, e) => a <= e) },
  { name: 'NumericGreaterThan', negated: false, variables: false, compile: numeric((a, e) => a > e) },
  { name: 'NumericGreaterThanEquals', negated: false, variables: false, compile: numeric((a, e) => a >= e) },
];
