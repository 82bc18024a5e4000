/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** A plan to check and add to a review session. */
export type AddPlanCheckToReviewInput = {
  /** The 12-digit account the change applies to (default: the plan's AWS provider, else the snapshot's only account). */
  account?: string | null | undefined;
  /** Gate rules, as checkPlan takes them. */
  failOn?: string | null | undefined;
  /** A name for the plan in the items (default: uploaded-plan.json). */
  fileName?: string | null | undefined;
  /** An opening note for every item added. */
  note?: string | null | undefined;
  /** The plan (JSON) or the CloudFormation template (JSON or YAML), as text. */
  plan: string;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: string | null | undefined;
  /** The review session; the plan is checked against its snapshot. */
  sessionId: string | number;
};

/** What an account assignment is made to. */
export type AssignmentPrincipalType =
  /** A group: every member gets it. */
  | 'GROUP'
  /** A person. */
  | 'USER';

/**
 * Analyst assumptions about request-time conditions. Each is true by default (the attacker is assumed
 * able to satisfy it, and edges needing it count, flagged as conditional); false drops every edge with a
 * condition in that category.
 */
export type AssumptionsInput = {
  /** The caller knows the ExternalId (sts:ExternalId). */
  externalId?: boolean | null | undefined;
  /** Federated claims match (SAML:*, OIDC provider keys such as token.actions.githubusercontent.com:sub). */
  federation?: boolean | null | undefined;
  /** The caller has MFA (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge). */
  mfa?: boolean | null | undefined;
  /** The caller calls from an allowed network (aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:VpcSourceIp). */
  network?: boolean | null | undefined;
  /** Any other request-time condition holds. */
  other?: boolean | null | undefined;
  /** The call is made in an allowed region (aws:RequestedRegion). */
  region?: boolean | null | undefined;
};

/** How a request was authenticated. */
export type AuthMethod =
  /** Authorization: Bearer token. */
  | 'BEARER'
  /** Session cookie obtained with the one-time sign-in token printed by serve. */
  | 'COOKIE';

/** A proposed change to check. */
export type CheckPlanInput = {
  /** The 12-digit account the change applies to (default: the plan's AWS provider, else the snapshot's only account). */
  account?: string | null | undefined;
  /** Gate rules, comma-separated, as `iamatlas plan-check --fail-on` takes them (default: new-admin-path,new-external-trust,severity>=high). */
  failOn?: string | null | undefined;
  /** A name for the plan in messages and reports (default: uploaded-plan.json). */
  fileName?: string | null | undefined;
  /** The plan (JSON) or the CloudFormation template (JSON or YAML), as text. */
  plan: string;
  /** Snapshot id or name (default: the latest complete snapshot). */
  snapshot?: string | number | null | undefined;
};

/** Input for createReviewSession. */
export type CreateReviewSessionInput = {
  /** The analyst assumptions to keep with it; default all true. */
  assumptions?: AssumptionsInput | null | undefined;
  /** A name, e.g. 2025-Q2 access review. */
  name: string;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: string | null | undefined;
  /** Snapshot id or name; default the latest. */
  snapshot?: string | number | null | undefined;
};

/** Which end of an edge. */
export type EdgeDirection =
  /** Edges that enter. */
  | 'IN'
  /** Edges that leave. */
  | 'OUT';

/** Relationship types that connect principals. */
export type EdgeType =
  /** CAN_ACCESS: can use the resource at one access level. */
  | 'CAN_ACCESS'
  /** CAN_ASSUME: may call sts:AssumeRole* on the role. */
  | 'CAN_ASSUME'
  /** CAN_ESCALATE_TO: can become the target by an escalation method. */
  | 'CAN_ESCALATE_TO';

/** Kinds of graph nodes that take part in trust. */
export type NodeKind =
  /** An account (its root), in or outside the organization. */
  | 'Account'
  /** The * principal. */
  | 'Anyone'
  /** A principal named by a trust policy but not in the snapshot. */
  | 'ExternalPrincipal'
  /** A SAML or OIDC identity provider. */
  | 'IdentityProvider'
  /** An IAM Identity Center group of people. */
  | 'PeopleGroup'
  /** An IAM Identity Center permission set. */
  | 'PermissionSet'
  /** An IAM Identity Center user (a person). */
  | 'Person'
  /** A resource (bucket, key, queue, topic, function, secret, repository, ...): where a CAN_ACCESS path ends. */
  | 'Resource'
  /** IAM role. */
  | 'Role'
  /** An AWS service such as ec2.amazonaws.com. */
  | 'ServicePrincipal'
  /** IAM user. */
  | 'User';

/** What a unit of the overview is. */
export type OverviewUnitKind =
  /** An account of the organization. */
  | 'ACCOUNT'
  /** An organizational unit (the root included). */
  | 'OU'
  /** Callers outside the organization of one kind: other AWS accounts, AWS services, identity providers, anyone. */
  | 'OUTSIDE_GROUP'
  /** One caller of an expanded outside group. */
  | 'OUTSIDE_MEMBER';

/** What a review item about a proposed change records. */
export type PlanChangeKind =
  /** A source that can newly become an account's administrator. */
  | 'NEW_ADMIN_PATH'
  /** A new CAN_ASSUME edge from anyone or from outside the organization. */
  | 'NEW_EXTERNAL_TRUST'
  /** A finding the change adds. */
  | 'NEW_FINDING'
  /** The check as a whole: the gate's outcome and the counts. */
  | 'RESULT';

/** What kind of principal. */
export type PrincipalKind =
  /** IAM role. */
  | 'ROLE'
  /** IAM user. */
  | 'USER';

/** Report formats. */
export type ReportFormat =
  /** JSON for scripts. */
  | 'JSON'
  /** Markdown for people. */
  | 'MARKDOWN';

/** One item of addReviewItems: exactly one of finding or path. */
export type ReviewItemInput = {
  /** A finding id of the session's snapshot. */
  finding?: string | number | null | undefined;
  /** An opening note. */
  note?: string | null | undefined;
  /** A path as node keys from start to end; each step must be a CAN_ASSUME or CAN_ESCALATE_TO edge. */
  path?: Array<string | number> | null | undefined;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: string | null | undefined;
};

/** Kinds of review items. */
export type ReviewItemKind =
  /** A finding. */
  | 'FINDING'
  /** A path. */
  | 'PATH'
  /** Something a proposed change (a Terraform plan or CloudFormation template) would add (addPlanCheckToReview). */
  | 'PLAN_CHANGE';

/** Review status of an item. */
export type ReviewStatus =
  /** Known and accepted. */
  | 'ACCEPTED_RISK'
  /** Intended access, archived as IAM Access Analyzer archives a finding (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-work-with-findings.html). */
  | 'ARCHIVED'
  /** Not a real issue. */
  | 'FALSE_POSITIVE'
  /** Fixed. */
  | 'FIXED'
  /** Must be fixed. */
  | 'NEEDS_FIX'
  /** Not looked at yet. */
  | 'OPEN';

/** What a token allows. */
export type Role =
  /** Read every query. */
  | 'READER'
  /** Read, and create and update review sessions. */
  | 'REVIEWER';

/** Input for setReviewItemStatus. */
export type SetReviewItemStatusInput = {
  /**
   * The item's version as you last read it (ReviewItem.version). When given and the item has changed since,
   * nothing is written and the error has code CONFLICT, with currentVersion and currentStatus in its extensions.
   */
  expectedVersion?: number | null | undefined;
  /** The item. */
  itemId: string | number;
  /** Why. */
  note?: string | null | undefined;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: string | null | undefined;
  /** New status. */
  status: ReviewStatus;
};

/** Finding severity. */
export type Severity =
  /** Critical. */
  | 'critical'
  /** High. */
  | 'high'
  /** Informational. */
  | 'info'
  /** Low. */
  | 'low'
  /** Medium. */
  | 'medium';

export type AccountQueryVariables = Exact<{
  id: string | number;
  snap?: string | number | null | undefined;
}>;


export type AccountQuery = { account: { id: string, name: string | null, email: string | null, status: string | null, inOrganization: boolean, hasIamData: boolean, external: boolean, isManagement: boolean, parentId: string | null } | null };

export type AccountEdgesQueryVariables = Exact<{
  id: string | number;
  snap?: string | number | null | undefined;
  direction: EdgeDirection;
  type: EdgeType;
  after?: string | null | undefined;
}>;


export type AccountEdgesQuery = { account: { edges: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } } | null };

export type AccountGraphQueryVariables = Exact<{
  id: string | number;
  snap?: string | number | null | undefined;
}>;


export type AccountGraphQuery = { account: { id: string, name: string | null, principals: { totalCount: number, nodes: Array<{ arn: string, kind: PrincipalKind }> } } | null };

export type AccountsQueryVariables = Exact<{
  snap?: string | number | null | undefined;
}>;


export type AccountsQuery = { accounts: { nodes: Array<{ id: string, name: string | null, external: boolean }> } };

export type AddItemsMutationVariables = Exact<{
  sessionId: string | number;
  items: Array<ReviewItemInput> | ReviewItemInput;
}>;


export type AddItemsMutation = { addReviewItems: Array<{ id: string }> };

export type CreateSessionMutationVariables = Exact<{
  input: CreateReviewSessionInput;
}>;


export type CreateSessionMutation = { createReviewSession: { id: string, name: string } };

export type DiffQueryVariables = Exact<{
  from: string | number;
  to: string | number;
}>;


export type DiffQuery = { snapshotDiff: { from: { id: string, name: string }, to: { id: string, name: string }, canAssumeAdded: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }>, canAssumeRemoved: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }>, canEscalateToAdded: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }>, canEscalateToRemoved: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }>, findingsAdded: Array<{ id: string, severity: Severity, title: string }>, findingsRemoved: Array<{ id: string, severity: Severity, title: string }> } };

export type EdgeEvidenceQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  snap?: string | number | null | undefined;
  fromIsPrincipal: boolean;
  toIsPrincipal: boolean;
}>;


export type EdgeEvidenceQuery = { target?: { arn: string, trustPolicy: string | null, assumableBy: { nodes: Array<{ type: EdgeType, actions: Array<string>, mechanism: string | null, via: string | null, method: string | null, crossAccount: boolean, crossOrganization: boolean, conditional: boolean, roleChaining: boolean, reasons: Array<string>, orgPolicyIds: Array<string>, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, operator: string, values: Array<string>, mustHold: boolean, assumption: string, source: { policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string } | null }>, evidence: Array<{ policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string }> }> } } | null, source?: { arn: string, policies: Array<{ key: string, kind: string, name: string | null, arn: string | null, document: string | null }>, boundary: { key: string, kind: string, name: string | null, arn: string | null, document: string | null } | null, groups: Array<{ name: string, policies: Array<{ key: string, kind: string, name: string | null, arn: string | null, document: string | null }> }>, canEscalateTo: { nodes: Array<{ type: EdgeType, actions: Array<string>, mechanism: string | null, via: string | null, method: string | null, crossAccount: boolean, crossOrganization: boolean, conditional: boolean, roleChaining: boolean, reasons: Array<string>, orgPolicyIds: Array<string>, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, operator: string, values: Array<string>, mustHold: boolean, assumption: string, source: { policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string } | null }>, evidence: Array<{ policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string }> }> } } | null };

export type EscalationQueryVariables = Exact<{
  from: string | number;
  hops?: number | null | undefined;
  a?: AssumptionsInput | null | undefined;
  snap?: string | number | null | undefined;
}>;


export type EscalationQuery = { escalationPaths: { available: boolean, paths: Array<{ nodes: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean }>, edges: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> }> } };

export type FindingsQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  severity?: Array<Severity> | Severity | null | undefined;
  kind?: Array<string> | string | null | undefined;
  account?: string | null | undefined;
}>;


export type FindingsQuery = { findings: { totalCount: number, nodes: Array<{ id: string, kind: string, severity: Severity, title: string, why: string, subjectKeys: Array<string>, evidence: string, subjects: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }> }> } };

export type NeighboursQueryVariables = Exact<{
  arn: string | number;
  snap?: string | number | null | undefined;
}>;


export type NeighboursQuery = { principal: { arn: string, canAssume: { nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> }, assumableBy: { nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> }, canEscalateTo: { nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } } | null };

export type OrgOverviewQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  a?: AssumptionsInput | null | undefined;
  expand?: Array<string | number> | string | number | null | undefined;
  budget?: number | null | undefined;
}>;


export type OrgOverviewQuery = { organization: { id: string } | null, organizationOverview: { accountCount: number, units: Array<{ id: string, kind: OverviewUnitKind, name: string, parentId: string | null, expanded: boolean, trustAtBox: boolean, accountCount: number, roleCount: number, memberCount: number, trustIn: number, trustOut: number, trustFromOutside: number, worstSeverity: Severity | null }>, accounts: Array<{ id: string, kind: OverviewUnitKind, name: string, parentId: string | null, expanded: boolean, trustAtBox: boolean, accountCount: number, roleCount: number, memberCount: number, trustIn: number, trustOut: number, trustFromOutside: number, worstSeverity: Severity | null }>, trust: Array<{ from: string, to: string, fromName: string | null, edgeCount: number, conditionalCount: number, roleCount: number, assumptions: Array<string>, worstSeverity: Severity | null }> } };

export type OutsideRolesQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  a?: AssumptionsInput | null | undefined;
}>;


export type OutsideRolesQuery = { externalTrust: { totalCount: number, nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } };

export type OverviewQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  a?: AssumptionsInput | null | undefined;
}>;


export type OverviewQuery = { organization: { id: string, managementAccountId: string | null, root: { id: string, name: string | null, isRoot: boolean, children: Array<{ id: string, name: string | null, isRoot: boolean, children: Array<{ id: string, name: string | null, isRoot: boolean, children: Array<{ id: string, name: string | null, isRoot: boolean, children: Array<{ id: string, name: string | null, isRoot: boolean }> }> }> }> } | null } | null, accounts: { nodes: Array<{ id: string, name: string | null, inOrganization: boolean, external: boolean, hasIamData: boolean, isManagement: boolean, parentId: string | null }> }, crossAccountTrust: Array<{ fromAccount: string, toAccount: string, external: boolean, edgeCount: number, conditionalCount: number, roleCount: number, assumptions: Array<string>, worstSeverity: Severity | null }>, externalTrust: { totalCount: number, nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> }, providerTrust: Array<{ toAccount: string, roleCount: number, conditionalCount: number, assumptions: Array<string>, provider: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null } }>, findings: { nodes: Array<{ id: string, severity: Severity, subjectKeys: Array<string> }> } };

export type PathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  hops?: number | null | undefined;
  a?: AssumptionsInput | null | undefined;
  snap?: string | number | null | undefined;
}>;


export type PathsQuery = { paths: Array<{ nodes: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }>, edges: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> }> };

export type PrincipalQueryVariables = Exact<{
  arn: string | number;
  snap?: string | number | null | undefined;
}>;


export type PrincipalQuery = { principal: { arn: string, kind: PrincipalKind, name: string, path: string | null, accountId: string, createDate: string | null, description: string | null, lastUsedDate: string | null, serviceLinked: boolean | null, trustPolicy: string | null, tags: Array<{ key: string, value: string }>, policies: Array<{ key: string, kind: string, name: string | null, arn: string | null }>, boundary: { key: string, kind: string, name: string | null, arn: string | null } | null, groups: Array<{ arn: string, name: string, policies: Array<{ key: string, kind: string, name: string | null, arn: string | null }> }> } | null };

export type ReviewReportQueryVariables = Exact<{
  id: string | number;
  format?: ReportFormat | null | undefined;
}>;


export type ReviewReportQuery = { reviewSession: { id: string, name: string, report: string } | null };

export type ReviewSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewSessionQuery = { reviewSession: { id: string, name: string, snapshotId: string, createdAt: string, createdBy: string | null, assumptions: { mfa: boolean, externalId: boolean, network: boolean, federation: boolean, region: boolean, other: boolean }, statusCounts: Array<{ name: string, count: number }>, items: Array<{ id: string, kind: ReviewItemKind, title: string, subjectKeys: Array<string>, status: ReviewStatus, note: string | null, reviewer: string | null, updatedAt: string, version: number, finding: { id: string, kind: string, severity: Severity, title: string, why: string, subjectKeys: Array<string> } | null, path: { nodes: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }>, edges: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } | null, planChange: { what: PlanChangeKind, plan: string, snapshotId: string, accountId: string, passed: boolean, adminAccount: string | null, addresses: Array<string>, failures: Array<{ rule: string, count: number }>, counts: Array<{ name: string, count: number }>, hops: Array<{ from: string, to: string, type: string, method: string | null, changed: boolean, addresses: Array<string> }>, finding: { kind: string, severity: Severity, title: string } | null } | null }> } | null };

export type ReviewSessionsQueryVariables = Exact<{
  snap?: string | number | null | undefined;
}>;


export type ReviewSessionsQuery = { reviewSessions: { nodes: Array<{ id: string, name: string, snapshotId: string, createdAt: string, statusCounts: Array<{ name: string, count: number }> }> } };

export type SearchQueryVariables = Exact<{
  q: string;
  snap?: string | number | null | undefined;
}>;


export type SearchQuery = { principals: { totalCount: number, nodes: Array<{ arn: string, kind: PrincipalKind, name: string, accountId: string }> }, accounts: { nodes: Array<{ id: string, name: string | null, external: boolean }> } };

export type SetSessionAssumptionsMutationVariables = Exact<{
  id: string | number;
  a: AssumptionsInput;
}>;


export type SetSessionAssumptionsMutation = { setReviewSessionAssumptions: { id: string, assumptions: { mfa: boolean, externalId: boolean, network: boolean, federation: boolean, region: boolean, other: boolean } } };

export type SetStatusMutationVariables = Exact<{
  input: SetReviewItemStatusInput;
}>;


export type SetStatusMutation = { setReviewItemStatus: { id: string, status: ReviewStatus, note: string | null, reviewer: string | null, updatedAt: string, version: number } };

export type SnapshotsQueryVariables = Exact<{ [key: string]: never; }>;


export type SnapshotsQuery = { viewer: { role: Role, via: AuthMethod }, snapshots: { nodes: Array<{ id: string, name: string, status: string, createdAt: string, completedAt: string | null }> } };

export type TrustBetweenQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  a?: AssumptionsInput | null | undefined;
  from: string | number;
  to: string | number;
  expand?: Array<string | number> | string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type TrustBetweenQuery = { trustBetween: { totalCount: number, nodes: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } };

export type TrustMatrixQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  a?: AssumptionsInput | null | undefined;
}>;


export type TrustMatrixQuery = { trustMatrix: { accounts: Array<{ id: string, name: string, ouId: string | null, ouPath: Array<string>, roleCount: number, worstSeverity: Severity | null }>, cells: Array<{ from: string, to: string, fromName: string | null, edgeCount: number, conditionalCount: number, roleCount: number, assumptions: Array<string>, worstSeverity: Severity | null }> } };

export type WhatCanReachQueryVariables = Exact<{
  key: string | number;
  hops?: number | null | undefined;
  a?: AssumptionsInput | null | undefined;
  snap?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type WhatCanReachQuery = { reachableFrom: { totalCount: number, truncated: boolean, nodes: Array<{ hops: number, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, path: { edges: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } }> } };

export type WhoCanReachQueryVariables = Exact<{
  key: string | number;
  hops?: number | null | undefined;
  a?: AssumptionsInput | null | undefined;
  snap?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type WhoCanReachQuery = { whoCanAssume: { totalCount: number, truncated: boolean, nodes: Array<{ hops: number, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, path: { edges: Array<{ type: EdgeType, method: string | null, conditional: boolean, crossAccount: boolean, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, assumption: string }> }> } }> } };

export type PeopleGroupViewQueryVariables = Exact<{
  id: string;
  snap?: string | number | null | undefined;
}>;


export type PeopleGroupViewQuery = { peopleGroups: { nodes: Array<{ key: string, id: string, name: string, description: string | null, memberCount: number }> }, people: { totalCount: number, nodes: Array<{ key: string, name: string, displayName: string | null }> }, assignments: { nodes: Array<{ accountId: string, accountName: string | null, permissionSet: { key: string, arn: string, name: string }, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean } | null }> } };

export type PeopleSearchQueryVariables = Exact<{
  q: string;
  snap?: string | number | null | undefined;
}>;


export type PeopleSearchQuery = { people: { nodes: Array<{ key: string, id: string, name: string, userName: string | null, displayName: string | null, emails: Array<string>, status: string }> }, permissionSets: { nodes: Array<{ key: string, arn: string, name: string }> }, peopleGroups: { nodes: Array<{ key: string, name: string, memberCount: number }> } };

export type PeopleWhoCanReachRoleQueryVariables = Exact<{
  role: string;
  hops?: number | null | undefined;
  snap?: string | number | null | undefined;
}>;


export type PeopleWhoCanReachRoleQuery = { peopleWhoCanReach: { people: Array<{ person: { key: string, name: string, displayName: string | null }, way: { length: number, path: Array<string>, signIn: { accountId: string, permissionSets: Array<string>, groups: Array<string>, direct: boolean, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean } } } }>, byGroup: Array<{ group: string, people: Array<string> }> } };

export type PermissionSetViewQueryVariables = Exact<{
  id: string;
  snap?: string | number | null | undefined;
}>;


export type PermissionSetViewQuery = { permissionSet: { key: string, arn: string, name: string, description: string | null, sessionDuration: string | null, relayState: string | null, inlinePolicy: string | null, awsManagedPolicyArns: Array<string>, customerManagedPolicies: Array<string>, permissionsBoundary: string | null, provisionedAccountIds: Array<string>, assignedAccountIds: Array<string>, assignments: Array<{ accountId: string, accountName: string | null, principalType: AssignmentPrincipalType, group: { key: string, name: string, memberCount: number } | null, person: { key: string, name: string } | null, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean } | null }>, holders: Array<{ accountIds: Array<string>, groups: Array<string>, direct: boolean, person: { key: string, name: string } }> } | null };

export type PersonReachViewQueryVariables = Exact<{
  id: string;
  hops?: number | null | undefined;
  snap?: string | number | null | undefined;
}>;


export type PersonReachViewQuery = { personReach: { truncated: boolean, person: { key: string, id: string, name: string, userName: string | null, displayName: string | null, emails: Array<string>, status: string }, signIns: Array<{ accountId: string, permissionSets: Array<string>, groups: Array<string>, direct: boolean, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean } }>, reach: Array<{ length: number, path: Array<string>, how: string, conditional: boolean, adminOf: string | null, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean }, signIn: { role: { key: string } } }>, admin: Array<{ length: number, path: Array<string>, how: string, conditional: boolean, adminOf: string | null, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean }, signIn: { role: { key: string } } }> } };

export type PersonViewQueryVariables = Exact<{
  id: string;
  snap?: string | number | null | undefined;
}>;


export type PersonViewQuery = { person: { key: string, id: string, name: string, userName: string | null, displayName: string | null, emails: Array<string>, status: string, groups: Array<{ key: string, name: string, description: string | null, memberCount: number }>, assignments: Array<{ accountId: string, accountName: string | null, principalType: AssignmentPrincipalType, group: { key: string, name: string } | null, permissionSet: { key: string, arn: string, name: string, sessionDuration: string | null }, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean } | null }>, signIns: Array<{ accountId: string, permissionSets: Array<string>, groups: Array<string>, direct: boolean, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null, isAdmin: boolean } }> } | null };

export type AddPlanToReviewMutationVariables = Exact<{
  input: AddPlanCheckToReviewInput;
}>;


export type AddPlanToReviewMutation = { addPlanCheckToReview: { report: { passed: boolean }, items: Array<{ id: string, kind: ReviewItemKind, title: string }> } };

export type CheckPlanMutationVariables = Exact<{
  input: CheckPlanInput;
}>;


export type CheckPlanMutation = { checkPlan: { accountId: string, accountSource: string, passed: boolean, rules: Array<string>, newAdminPathCount: number, warnings: Array<string>, snapshot: { id: string, name: string }, failures: Array<{ rule: string, count: number }>, newAdminPaths: Array<{ from: string, adminAccount: string, addresses: Array<string>, hops: Array<{ from: string, to: string, type: string, method: string | null, changed: boolean, addresses: Array<string> }> }>, removedAdminPaths: Array<{ from: string, adminAccount: string, addresses: Array<string>, hops: Array<{ from: string, to: string, type: string, method: string | null, changed: boolean, addresses: Array<string> }> }>, newExternalTrust: Array<{ type: string, from: string, to: string, method: string, conditionKeys: Array<string>, addresses: Array<string> }>, addedEdges: Array<{ type: string, from: string, to: string, method: string, conditionKeys: Array<string>, addresses: Array<string> }>, removedEdges: Array<{ type: string, from: string, to: string, method: string, conditionKeys: Array<string>, addresses: Array<string> }>, newFindings: Array<{ id: string, kind: string, severity: Severity, title: string, addresses: Array<string>, subjects: Array<string> }>, resolvedFindings: Array<{ id: string, kind: string, severity: Severity, title: string }>, unknowns: Array<{ address: string, attribute: string }> } };

export type ExternalAccessListQueryVariables = Exact<{
  snap?: string | number | null | undefined;
  type?: string | null | undefined;
  level?: string | null | undefined;
  publicOnly?: boolean | null | undefined;
}>;


export type ExternalAccessListQuery = { externalAccess: { totalCount: number, nodes: Array<{ resourceType: string, level: string, actions: Array<string>, public: boolean, zoneOfTrust: string | null, finding: { id: string, kind: string, severity: Severity, title: string }, resource: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, caller: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, statement: { policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string } | null, conditions: Array<{ key: string, operator: string, values: Array<string>, mustHold: boolean, assumption: string }> }> } };

export type ResourceSearchQueryVariables = Exact<{
  q: string;
  snap?: string | number | null | undefined;
}>;


export type ResourceSearchQuery = { resources: { totalCount: number, nodes: Array<{ type: string, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null } }> } };

export type ResourceViewQueryVariables = Exact<{
  arn: string;
  snap?: string | number | null | undefined;
  hops?: number | null | undefined;
}>;


export type ResourceViewQuery = { resource: { key: string, type: string, name: string | null, accountId: string | null, region: string | null, policy: string | null, citedStatements: Array<number>, settings: string, sensitive: boolean, public: boolean, externalAccess: boolean, sourceFile: string | null, tags: Array<{ key: string, value: string }>, account: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null } | null, runsAs: Array<{ instanceProfileArn: string | null, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null } }>, findings: Array<{ id: string, kind: string, severity: Severity, title: string, why: string }> } | null, whoCanAccess: { truncated: boolean, direct: Array<{ level: string, hops: number, conditional: boolean, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, path: { length: number, nodes: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }>, edges: Array<{ type: EdgeType, method: string | null, level: string | null, public: boolean | null, conditional: boolean, crossAccount: boolean, actions: Array<string>, via: string | null, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, operator: string, values: Array<string>, mustHold: boolean, assumption: string }>, evidence: Array<{ policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string }> }> } }>, viaPaths: Array<{ level: string, hops: number, conditional: boolean, node: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, path: { length: number, nodes: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }>, edges: Array<{ type: EdgeType, method: string | null, level: string | null, public: boolean | null, conditional: boolean, crossAccount: boolean, actions: Array<string>, via: string | null, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, operator: string, values: Array<string>, mustHold: boolean, assumption: string }>, evidence: Array<{ policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string }> }> } }>, people: Array<{ level: string, hops: number, conditional: boolean, person: { key: string, name: string, displayName: string | null }, signIn: { permissionSets: Array<string>, role: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null } }, path: { length: number, nodes: Array<{ key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }>, edges: Array<{ type: EdgeType, method: string | null, level: string | null, public: boolean | null, conditional: boolean, crossAccount: boolean, actions: Array<string>, via: string | null, from: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, to: { key: string, kind: NodeKind, arn: string | null, name: string | null, accountId: string | null }, conditions: Array<{ key: string, operator: string, values: Array<string>, mustHold: boolean, assumption: string }>, evidence: Array<{ policyId: string, policyKind: string, statementIndex: number, sid: string | null, effect: string }> }> } }> } };
