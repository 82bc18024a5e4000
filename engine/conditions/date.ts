/**
 * DateEquals, DateNotEquals, DateLessThan(Equals), DateGreaterThan(Equals).
 * Values are ISO 8601 dates or epoch times; all-digit values are read as
 * seconds (aws:EpochTime's unit) unless too large to be seconds.
 */
import { joinText, type TextPart } from '../policy/variables.ts';
import type { OperatorDef, ValueTest } from './operator.ts';

const EPOCH_MS_THRESHOLD = 1e11;

export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= EPOCH_MS_THRESHOLD ? n : n * 1000;
  }
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

function date(compare: (actual: number, expected: number) => boolean) {
  return (value: readonly TextPart[]): ValueTest | string => {
    const expected = parseDate(joinText(value));
    if (expected === undefined) return `"${joinText(value)}" is not an ISO 8601 date or epoch time`;
    return (actual) => {
      const ms = parseDate(actual);
      return ms !== undefined && compare(ms, expected);
    };
  };
}

const eq = date((a, e) => a === e);

export const dateOperators: readonly OperatorDef[] = [
  { name: 'DateEquals', negated: false, variables: false, compile: eq },
  { name: 'DateNotEquals', negated: true, variables: false, compile: eq },
  { name: 'DateLessThan', negated: false, variables: false, compile: date((a, e) => a < e) },
  { name: 'DateLessThanEquals', negated: false, variables: false, compile: date((a, e) => a <= e) },
  { name: 'DateGreaterThan', negated: false, variables: false, compile: date((a, e) => a > e) },
  { name: 'DateGreaterThanEquals', negated: false, variables: false, compile: date((a, e) => a >= e) },
];
