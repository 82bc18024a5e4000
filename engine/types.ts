/**
 * The request/decision contract of the policy evaluator (engine/evaluate).
 * Everything here is plain data so that the CLI, the API, the loader and the
 * tests can build inputs and read results without knowing the evaluator's
 * internals.
 */
import type { PolicyDocumentJson } from './model.ts';

export type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';

/** Which kind of policy a statement came from; it decides where it sits in AWS's evaluation order. */
export type PolicyKind =
  'identity' | 'resource' | 'trust' | 'permissionsBoundary' | 'session' | 'scp' | 'rcp';

/** One policy given to the evaluator. `id` is what evidence names (an ARN, or `ROLE_ARN#inline/NAME`). */
export interface PolicyInput {
  id: string;
  /** An object, or a JSON string (URL-encoded or not) as AWS returns it. */
  document: PolicyDocumentJson | string;
}

/** A value in the request context: strings, booleans and numbers as AWS would send them; lists for multi-valued keys. */
export type ContextValue = string | boolean | number | Array<string | boolean | number>;

export type PrincipalType =
  | 'User' // IAM user
  | 'Role' // an IAM role, i.e. a session of it (AssumedRole)
  | 'Root' // the account root user
  | 'FederatedUser'
  | 'Service' // an AWS service principal such as ec2.amazonaws.com
  | 'SAML' // a SAML-federated caller arriving through an identity provider
  | 'WebIdentity' // an OIDC-federated caller arriving through an identity provider
  | 'Anonymous';

/** The caller, with everything the snapshot knows about it (used to decide aws:Principal* keys). */
export interface RequestPrincipal {
  type: PrincipalType;
  /**
   * The principal's ARN as a policy would name it: the user ARN, the role ARN
   * (not the session ARN), `arn:aws:iam::ACCOUNT:root`, the service name
   * (`ec2.amazonaws.com`) or the identity provider ARN.
   */
  arn: string;
  /** 12-digit account id; absent for services and anonymous callers. */
  accountId?: string;
  /** Unique id (AIDA.../AROA...), for aws:userid and for trust policies naming deleted principals. */
  uniqueId?: string;
  /** User name or role name (aws:username is only set for users). */
  name?: string;
  /** Role session name, for assumed-role session ARNs and aws:userid (`AROA...:session`). */
  sessionName?: string;
  tags?: Record<string, string>;
  /** aws:PrincipalOrgID, when the principal's account is in a known organization. */
  orgId?: string;
  /** aws:PrincipalOrgPaths, e.g. `o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/`. */
  orgPaths?: string[];
  /** True for the organization's management account (SCPs do not apply to it). */
  inManagementAccount?: boolean;
  /** True for service-linked roles (SCPs do not apply to them). */
  serviceLinkedRole?: boolean;
  /**
   * What the caller signs with, which decides whether aws:TokenIssueTime is in
   * the request: temporary credentials carry it, long-term access keys do not.
   * Default: 'temporary' for roles and federated users, 'either' for users and
   * the root user. Use 'either' for a caller standing for any principal of an account.
   */
  credentials?: 'temporary' | 'long-term' | 'either';
}

export interface RequestResource {
  arn: string;
  /** Owning account; derived from the ARN when absent. */
  accountId?: string;
  tags?: Record<string, string>;
  orgId?: string;
  orgPaths?: string[];
  /** True when the resource lives in the organization's management account (RCPs do not apply). */
  inManagementAccount?: boolean;
}

export interface EvaluationRequest {
  principal: RequestPrincipal;
  action: string;
  resource: RequestResource;
  /**
   * Request-time context the caller knows (keys case-insensitive, e.g.
   * `aws:MultiFactorAuthPresent`, `sts:ExternalId`, `aws:SourceIp`). A
   * request-time key that is absent here is not guessed: statements that test
   * it come back as unresolved conditions.
   */
  context?: Record<string, ContextValue>;
  /**
   * Request-time keys that are known to be absent from the request (not just
   * unknown), e.g. `sts:ExternalId` when the caller will not send one.
   */
  absentKeys?: string[];
  /**
   * True when `context` (with `absentKeys`) is the whole request, as in AWS's
   * policy simulator: a request-time key it does not give is absent, not
   * unknown. Keys the snapshot decides (aws:PrincipalTag/*, aws:ResourceTag/*,
   * ...) still come from the snapshot.
   */
  contextComplete?: boolean;
  /**
   * The earliest time the request can be made (ISO 8601), normally the
   * snapshot's reference date. A condition on aws:CurrentTime, aws:EpochTime
   * or aws:TokenIssueTime that no request made from then on can meet makes
   * its statement not apply; one that every such request meets holds. Values
   * given in `context` win.
   */
  notBefore?: string;
}

/** Everything that governs one request, as AWS's evaluation logic lists it. */
export interface EvaluationInput {
  request: EvaluationRequest;
  /** Identity-based policies of the principal: for users their own and their groups', managed (default version) and inline. */
  identityPolicies: PolicyInput[];
  /** Resource-based policy of the target (for sts:AssumeRole* this is the role's trust policy). */
  resourcePolicy?: PolicyInput;
  /** Kind to report for the resource policy: 'trust' for role trust policies. Default 'resource'. */
  resourcePolicyKind?: 'resource' | 'trust';
  permissionsBoundary?: PolicyInput;
  sessionPolicies?: PolicyInput[];
  /**
   * SCPs that apply to the principal's account, one array per level from the
   * root down to the account; every level must allow. Empty or absent: no SCPs.
   */
  scps?: PolicyInput[][];
  /** RCPs that apply to the resource's account, one array per level, as for SCPs. */
  rcps?: PolicyInput[][];
}

/** A statement that decided (part of) the result. */
export interface StatementRef {
  policyId: string;
  policyKind: PolicyKind;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** The statement as written, for display. */
  statement?: Record<string, unknown>;
}

/** A condition the snapshot cannot decide; the decision holds only if it does (or, when `mustHold` is false, if it does not). */
export interface UnresolvedCondition {
  /** The condition key as written in the policy (e.g. `aws:MultiFactorAuthPresent`). */
  key: string;
  /** The operator as written, with any `ForAnyValue:`/`ForAllValues:` prefix and `IfExists` suffix. */
  operator: string;
  values: string[];
  /** True: the condition must hold (from an Allow). False: it must not hold (from a Deny that would otherwise apply). */
  mustHold: boolean;
  source: StatementRef;
}

export interface EvaluationResult {
  decision: Decision;
  /** For `allowed`: conditions that must hold at request time. Empty means unconditionally allowed. */
  conditions: UnresolvedCondition[];
  /** The decisive statements: the Allows that grant, or the Deny that denies. */
  evidence: StatementRef[];
  /** Which evaluation step decided, in words a reviewer reads (e.g. "no SCP at ou-ab12-1111 allows sts:AssumeRole"). */
  reasons: string[];
}
