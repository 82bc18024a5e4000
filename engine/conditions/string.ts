/** StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike. */
import { joinText, type TextPart } from '../policy/variables.ts';
import { compileGlob, matchGlob } from '../policy/wildcard.ts';
import type { OperatorDef, ValueTest } from './operator.ts';

function equals(value: readonly TextPart[]): ValueTest {
  const expected = joinText(value);
  return (actual) => actual === expected;
}

function equalsIgnoreCase(value: readonly TextPart[]): ValueTest {
  const expected = joinText(value).toLowerCase();
  return (actual) => actual.toLowerCase() === expected;
}

/** `*` and `?` are wildcards, case-sensitive; substituted variable values are literal. */
function like(value: readonly TextPart[]): ValueTest {
  const glob = compileGlob(value);
  return (actual) => matchGlob(glob, actual);
}

export const stringOperators: readonly OperatorDef[] = [
  { name: 'StringEquals', negated: false, variables: true, compile: equals },
  { name: 'StringNotEquals', negated: true, variables: true, compile: equals },
  { name: 'StringEqualsIgnoreCase', negated: false, variables: true, compile: equalsIgnoreCase },
  { name: 'StringNotEqualsIgnoreCase', negated: true, variables: true, compile: equalsIgnoreCase },
  { name: 'StringLike', negated: false, variables: true, compile: like },
  { name: 'StringNotLike', negated: true, variables: true, compile: like },
];
