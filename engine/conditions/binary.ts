/** BinaryEquals: policy and request values are base64; they are equal when the decoded bytes are. */
import { joinText, type TextPart } from '../policy/variables.ts';
import type { OperatorDef, ValueTest } from './operator.ts';

export function decodeBase64(text: string): string | undefined {
  try {
    return atob(text.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
}

function binaryEquals(value: readonly TextPart[]): ValueTest | string {
  const expected = decodeBase64(joinText(value));
  if (expected === undefined) return `"${joinText(value)}" is not base64`;
  return (actual) => decodeBase64(actual) === expected;
}

export const binaryOperators: readonly OperatorDef[] = [
  { name: 'BinaryEquals', negated: false, variables: false, compile: binaryEquals },
];
