/** The evaluator's public API: `evaluate` plus the policy parser and matchers it is built from. */
export { evaluate } from './evaluate.ts';
export {
  decodePolicyDocument,
  parsePolicy,
  parsePolicyOrThrow,
  PolicyParseError,
  type ParsedPolicy,
  type ParsedStatement,
} from '../policy/parse.ts';
export type { PolicyProblem } from '../policy/problems.ts';
export { validatePolicy, validatePolicyActions } from '../policy/validate.ts';
export { actionMatches, expandActions, isKnownAction } from '../policy/action.ts';
export { resourceMatches } from '../policy/resource.ts';
export {
  compilePrincipalMatcher,
  matchPrincipal,
  notPrincipalExempts,
  type PrincipalMatch,
  type PrincipalMatchKind,
} from '../policy/principal.ts';
export { globFromString, matchGlob, wildcardMatches, type GlobToken } from '../policy/wildcard.ts';
export {
  evaluateConditions,
  isSnapshotKey,
  RequestKeys,
  type ConditionClause,
  type ConditionResult,
} from '../conditions/index.ts';
export type * from '../types.ts';
