/**
 * The resource analysis's contract: who can reach which resource, at which
 * access level, and the findings Access Analyzer would give (public access,
 * access from outside the zone of trust). Pure data.
 */
import type { Finding } from '../findings/index.ts';
import type { CanAssumeEdge } from '../trust/index.ts';
import type { StatementRef, UnresolvedCondition } from '../types.ts';

/**
 * Access levels as the Service Authorization Reference classifies actions:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_understand-policy-summary-access-level-summaries.html
 */
export const ACCESS_LEVELS = ['read', 'write', 'list', 'permissions-management', 'tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** How the access is granted. */
export type AccessVia =
  | 'resource-policy' // the resource policy alone (same account, naming the principal)
  | 'identity-policy' // an identity policy alone (same account, the resource policy silent)
  | 'both' // both sides (cross-account, or an account principal in the resource policy)
  | 'kms-grant'
  | 's3-acl';

/** What one access level of a CAN_ACCESS edge rests on. */
export interface LevelAccess {
  level: AccessLevel;
  /** The actions of this level (from the type's documented set) the caller is allowed. */
  actions: string[];
  via: AccessVia;
  /** Anyone can use it: a public grant (S3's definition of public for every type) not cut by Block Public Access. */
  public: boolean;
  conditional: boolean;
  conditions: UnresolvedCondition[];
  /** The resource-policy statement that grants, when one does. */
  resourceStatement?: StatementRef;
  /** Every statement the decision rests on (resource, identity, boundary, SCPs, RCPs). */
  evidence: StatementRef[];
  /** The evaluator's sentences and the service notes; when the edge is `renamed`, they name `renamed.from`. */
  reasons: string[];
}

/**
 * One principal reaching one resource, at one or more access levels. Principals that share a
 * decision (memo.ts) share the same `levels` array: its reasons name the principal the decision
 * was made for, and `renamed` says which name to put in its place (`reasonsOf`).
 */
export interface CanAccessEdge {
  /** Node key of the caller, as for CAN_ASSUME: user/role ARN, account id, service name, `*`, or an external principal ARN. */
  from: string;
  fromKind: CanAssumeEdge['fromKind'];
  /** The resource ARN. */
  to: string;
  crossAccount: boolean;
  crossOrganization: boolean;
  /** One entry per level reached, in ACCESS_LEVELS order; never empty. Shared, never mutate. */
  levels: readonly LevelAccess[];
  /** The levels' reasons name `from` (the principal the shared decision was made for): read them with reasonsOf. */
  renamed?: { from: string; to: string };
}

/** A level's reasons as they apply to this edge's caller. */
export function reasonsOf(edge: CanAccessEdge, level: LevelAccess): string[] {
  const r = edge.renamed;
  if (r === undefined || level.reasons.length === 0) return level.reasons;
  const [first = '', ...rest] = level.reasons;
  return [first.split(r.from).join(r.to), ...rest];
}

/** One level of an edge with the edge's caller and resource: how each level used to be an edge of its own. */
export type LevelEdge = Omit<CanAccessEdge, 'levels' | 'renamed'> & LevelAccess;

/** The edge's levels, each with the caller, resource and its own reasons. */
export function levelEdges(edge: CanAccessEdge): LevelEdge[] {
  const { levels, renamed: _renamed, ...rest } = edge;
  return levels.map((l) => ({ ...rest, ...l, reasons: reasonsOf(edge, l) }));
}

/** Is some level of the edge public? */
export const isPublicEdge = (edge: CanAccessEdge): boolean => edge.levels.some((l) => l.public);

/** The zone of trust, as Access Analyzer's analyzers choose it. */
export type ZoneOfTrust = 'account' | 'organization';

export interface ResourceAnalysisStats {
  resources: number;
  analysedResources: number;
  evaluateCalls: number;
  edges: number;
  publicEdges: number;
  externalEdges: number;
}

export interface ResourceAnalysis {
  edges: CanAccessEdge[];
  /** `public-access` and `external-access` findings, subjects `[resourceArn, callerKey]`. */
  findings: Finding[];
  stats: ResourceAnalysisStats;
}
