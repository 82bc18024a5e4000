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

/** One principal reaching one resource at one access level. */
export interface CanAccessEdge {
  /** Node key of the caller, as for CAN_ASSUME: user/role ARN, account id, service name, `*`, or an external principal ARN. */
  from: string;
  fromKind: CanAssumeEdge['fromKind'];
  /** The resource ARN. */
  to: string;
  level: AccessLevel;
  /** The actions of this level (from the type's documented set) the caller is allowed. */
  actions: string[];
  via: AccessVia;
  crossAccount: boolean;
  crossOrganization: boolean;
  /** Anyone can use it: a public grant (S3's definition of public for every type) not cut by Block Public Access. */
  public: boolean;
  conditional: boolean;
  conditions: UnresolvedCondition[];
  /** The resource-policy statement that grants, when one does. */
  resourceStatement?: StatementRef;
  /** Every statement the decision rests on (resource, identity, boundary, SCPs, RCPs). */
  evidence: StatementRef[];
  reasons: string[];
}

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
