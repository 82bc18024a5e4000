/**
 * The query layer: every read of a snapshot, as plain async functions
 * `(source, snapshotId, args)` returning plain serializable objects, shared by
 * the CLI and the GraphQL API. `source` is the explicit dependency: a driver,
 * or a Reader that adds a request's view of the answer cache and reachability
 * index (query/cache.ts). Inputs are validated here (the
 * exported zod schemas, bounds and defaults in args.ts); failures are
 * QueryInputError (bad input) or NotInSnapshotError (names something the
 * snapshot does not hold).
 */
export { canAssume, simulate } from './evaluate.ts';
export type {
  CanAssumeResult,
  EvaluatedPrincipal,
  EvaluationOutcome,
  RootReading,
  SimulateResult,
} from './evaluate.ts';
export { whoCanAssume, reachableFrom, reachPage, paths } from './reachability.ts';
export type {
  PathsResult,
  ReachableFromResult,
  ReachEntry,
  Found,
  FoundEntry,
  WhoCanAssumeResult,
} from './reachability.ts';
export { whoCan } from './who-can.ts';
export { personReach, peopleWhoCanReach, signInsOf } from './people.ts';
export type {
  PeopleWhoCanReachResult,
  PersonOut,
  PersonReachEntry,
  PersonReachResult,
  SignInOut,
} from './people.ts';
export {
  assignments,
  assignmentsArgs,
  listPeople,
  listPeopleArgs,
  MAX_PEOPLE_PAGE,
  peopleGroups,
  peopleGroupsArgs,
  permissionSetHolders,
  permissionSets,
  permissionSetsArgs,
  personByName,
  personGroups,
} from './people-catalog.ts';
export type {
  AssignmentOut,
  AssignmentsInput,
  Counted,
  HolderOut,
  ListPeopleInput,
  PeopleGroupOut,
  PeopleGroupsInput,
  PermissionSetOut,
  PermissionSetsInput,
  PersonWithGroups,
} from './people-catalog.ts';
export type { WhoCanResult } from './who-can.ts';
export { findings } from './findings.ts';
export type { FindingOut, FindingsResult, FindingSubject } from './findings.ts';
export { escalationPaths, escalationPathsIn, escalations } from './escalation.ts';
export type { EscalationResult } from './escalation.ts';
export { ASSUMPTION_NAMES, ASSUMPTION_PATTERNS, assumptionOf, assumptionParams } from './assumptions.ts';
export { assumptionsSchema } from './arg-schemas.ts';
export type { AssumptionName, Assumptions } from './assumptions.ts';
export {
  API_DEFAULTS,
  DEFAULT_ESCALATION_MAX_HOPS,
  DEFAULT_MAX_HOPS,
  DEFAULT_PATHS_LIMIT,
  DEFAULT_REACH_LIMIT,
  DEFAULT_WHO_CAN_LIMIT,
  MAX_HOPS,
  MAX_PATHS_LIMIT,
  MAX_REACH_LIMIT,
  MAX_WHO_CAN_LIMIT,
  contextSchema,
  parseArgs,
} from './args.ts';
export { NotInSnapshotError, QueryInputError } from './errors.ts';
export { hopOf, pathSummary, toAccessHop, toCondition, toEscalationHop, toHop, toNodeRef } from './graph.ts';
export type {
  ChainStepOut,
  ConditionOut,
  Edge,
  EvidenceRef,
  Hop,
  HopType,
  NodeKind,
  NodeRef,
  Path,
  PathSummary,
  PathWithEdges,
} from './graph.ts';
export { PRINCIPAL_FORMS, ROLE_ARN_FORM, parsePrincipal, parseRoleArn, resolveNode } from './principal.ts';
export type { PrincipalSpec } from './principal.ts';
export { loadModelSlice } from './model-slice.ts';
export * as catalog from './catalog.ts';
export * as trust from './trust.ts';
export { snapshotDiff, type DiffSide, type PeopleEdgeOut } from './diff.ts';
export { snapshot, snapshots } from './snapshots.ts';
export { Reader, type Source } from './cache.ts';
export {
  chooseAccount,
  emptyModel,
  loadSnapshotModel,
  planCheck,
  planCheckSnapshot,
  STAND_IN_ACCOUNT,
} from './plan-check.ts';
export type { AnalysisMode, PlanCheckOptions, PlanCheckResult } from './plan-check.ts';
export { orgOverview, trustBetween, trustMatrix } from './org-overview.ts';
export { canAccess, externalAccess, listResources, resource, whoCanAccess } from './resources.ts';
export type {
  AccessEntry,
  CanAccessResult,
  ExternalAccessOut,
  ExternalAccessResult,
  PersonAccessEntry,
  ResourceListItem,
  ResourceOut,
  ResourceRef,
  WhoCanAccessResult,
} from './resources.ts';
export type { OrgOverview, OverviewUnit, TrustMatrix, UnitTrust } from './org-overview.ts';

// Every query's argument schema, in the module the command line loads at start-up.
export {
  accessLevelSchema,
  canAccessArgs,
  canAssumeArgs,
  escalationPathsArgs,
  externalAccessArgs,
  listResourcesArgs,
  resourceArgs,
  whoCanAccessArgs,
  ZONES_OF_TRUST,
  escalationsArgs,
  findingsArgs,
  pathsArgs,
  peopleWhoCanReachArgs,
  personReachArgs,
  reachableFromArgs,
  simulateArgs,
  whoCanArgs,
  whoCanAssumeArgs,
} from './arg-schemas.ts';
export type {
  CanAccessInput,
  CanAssumeArgs,
  EscalationPathsInput,
  ExternalAccessInput,
  ListResourcesInput,
  ResourceArgs,
  WhoCanAccessInput,
  EscalationsInput,
  FindingsArgs,
  PathsArgs,
  PeopleWhoCanReachInput,
  PersonReachInput,
  ReachableFromArgs,
  SimulateArgs,
  WhoCanArgs,
  WhoCanAssumeArgs,
} from './arg-schemas.ts';
