/**
 * What a condition evaluates to when its key is not in the request. IfExists
 * makes it hold; set operators follow their own rule; otherwise negated
 * operators hold (nothing equals the policy value) and the rest do not.
 */
import type { ParsedOperator } from './operator.ts';
import { setOperatorOnMissingKey } from './set-operators.ts';

export function onMissingKey(operator: ParsedOperator): boolean {
  if (operator.ifExists) return true;
  if (operator.setOperator) return setOperatorOnMissingKey(operator.setOperator);
  return operator.def.negated;
}
