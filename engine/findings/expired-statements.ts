/**
 * Statements that time has already ruled out: a condition on aws:CurrentTime,
 * aws:EpochTime or aws:TokenIssueTime that no request made on or after the
 * snapshot's reference date can meet, whoever the caller (engine/conditions/time-bound.ts).
 * The evaluator drops such statements; this says which clause did it, for findings.
 */
import {
  evaluateClause,
  TIME_KEYS,
  timeBound,
  UNKNOWN,
  type ConditionClause,
  type KeyLookup,
} from '../conditions/index.ts';
import type { ParsedStatement } from '../policy/parse.ts';
import type { RequestPrincipal } from '../types.ts';

/** Any caller: it may sign with long-term keys or with a session. */
const ANY_CALLER: RequestPrincipal = { type: 'Role', arn: '*', credentials: 'either' };

/** The first clause of the statement that fails for every request on or after `notBeforeMs`, if any. */
export function clauseTimeRulesOut(
  statement: ParsedStatement,
  notBeforeMs: number,
): ConditionClause | undefined {
  const keys: KeyLookup = {
    get: () => UNKNOWN,
    timeBound: (keyLower) => timeBound(keyLower, notBeforeMs, ANY_CALLER),
  };
  for (const clause of statement.conditions) {
    if (TIME_KEYS.has(clause.keyLower) && evaluateClause(clause, keys) === false) return clause;
  }
  return undefined;
}
