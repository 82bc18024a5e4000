/**
 * The query layer: plain async functions `(driver, snapshotId, args)` returning
 * plain serializable objects, shared by the CLI and the GraphQL API. Inputs are
 * validated here (the exported zod schemas); failures are QueryInputError (bad
 * input) or NotInSnapshotError (names something the snapshot does not hold).
 */
export { canAssume, simulate, canAssumeArgs, simulateArgs } from './evaluate.ts';
export type {
  CanAssumeArgs,
  CanAssumeResult,
  EvaluatedPrincipal,
  EvaluationOutcome,
  RootReading,
  SimulateArgs,
  SimulateResult,
} from './evaluate.ts';
export {
  whoCanAssume,
  reachableFrom,
  reachPage,
  paths,
  whoCanAssumeArgs,
  reachableFromArgs,
  pathsArgs,
  DEFAULT_REACH_LIMIT,
  MAX_REACH_LIMIT,
  DEFAULT_PATHS_LIMIT,
  MAX_PATHS_LIMIT,
} from './reachability.ts';
export type {
  PathOut,
  PathsArgs,
  PathsResult,
  ReachableFromArgs,
  ReachableFromResult,
  ReachEntry,
  Found,
  FoundEntry,
  WhoCanAssumeArgs,
  WhoCanAssumeResult,
} from './reachability.ts';
export { whoCan, whoCanArgs, DEFAULT_WHO_CAN_LIMIT, MAX_WHO_CAN_LIMIT } from './who-can.ts';
export type { WhoCanArgs, WhoCanResult } from './who-can.ts';
export { findings, findingsArgs } from './findings.ts';
export type { FindingOut, FindingsArgs, FindingsResult, FindingSubject } from './findings.ts';
export {
  ASSUMPTION_NAMES,
  ASSUMPTION_PATTERNS,
  assumptionOf,
  assumptionParams,
  assumptionsSchema,
} from './assumptions.ts';
export type { AssumptionName, Assumptions } from './assumptions.ts';
export { DEFAULT_MAX_HOPS, MAX_HOPS, contextSchema } from './args.ts';
export { NotInSnapshotError, QueryInputError } from './errors.ts';
export { pathSummary, toCondition, toHop, toNodeRef } from './graph.ts';
export type { ConditionOut, Hop, NodeKind, NodeRef } from './graph.ts';
export { PRINCIPAL_FORMS, ROLE_ARN_FORM, parsePrincipal, parseRoleArn, resolveNode } from './principal.ts';
export type { PrincipalSpec } from './principal.ts';
export { loadModelSlice } from './model-slice.ts';
