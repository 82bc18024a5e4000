/** Trust reachability: the CAN_ASSUME edges of a snapshot and the context they are evaluated in. */
export {
  buildSnapshotContext,
  type AccountContext,
  type PrincipalContext,
  type RoleTarget,
  type SnapshotContext,
  type SnapshotContextOptions,
} from './context.ts';
export {
  indexRoleTrust,
  IdentityAssumeIndex,
  statementCovers,
  type RoleTrust,
  type TrustStatementInfo,
} from './index-trust.ts';
export {
  analyseTrust,
  CALLER_OWN_POLICIES,
  reachabilityStats,
  type AnalyseOptions,
  type AssumeMechanism,
  type AssumeVia,
  type CanAssumeEdge,
  type ReachabilityStats,
  type TrustAnalysis,
} from './reachability.ts';
