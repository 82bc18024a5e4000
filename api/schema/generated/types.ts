import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from '../../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** One principal reaching a resource at one access level, with one shortest path (its last edge is the CAN_ACCESS edge). */
export type AccessPath = {
  __typename?: 'AccessPath';
  /** Some edge on the path needs a request-time condition. */
  conditional: Scalars['Boolean']['output'];
  /** Edges on the path, the access included. */
  hops: Scalars['Int']['output'];
  /** The access level: read, write, list, permissions-management or tagging. */
  level: Scalars['String']['output'];
  /** The principal. */
  node: GraphNode;
  /** The path, edges in order with evidence. */
  path: Path;
};

/** An AWS account. */
export type Account = {
  __typename?: 'Account';
  /**
   * Edges of one type that leave (OUT) or enter (IN) the account's users and roles, ordered by
   * caller then target key: the account's graph a page at a time.
   */
  edges: EdgeConnection;
  /** Email from organization.json. */
  email?: Maybe<Scalars['String']['output']>;
  /** Named only by a policy: outside the snapshot. */
  external: Scalars['Boolean']['output'];
  /** An authorization-details export of it was ingested. */
  hasIamData: Scalars['Boolean']['output'];
  /** 12-digit account id. */
  id: Scalars['ID']['output'];
  /** Listed in organization.json. */
  inOrganization: Scalars['Boolean']['output'];
  /** The organization's management account. */
  isManagement: Scalars['Boolean']['output'];
  /** Name from organization.json. */
  name?: Maybe<Scalars['String']['output']>;
  /** The OU or root that holds it. */
  parentId?: Maybe<Scalars['String']['output']>;
  /** Users and roles of the account. */
  principals: PrincipalConnection;
  /** Status from organization.json. */
  status?: Maybe<Scalars['String']['output']>;
};


/** An AWS account. */
export type AccountEdgesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction: EdgeDirection;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<EdgeType>;
};


/** An AWS account. */
export type AccountPrincipalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of accounts. */
export type AccountConnection = {
  __typename?: 'AccountConnection';
  /** Accounts with cursors. */
  edges: Array<AccountEdge>;
  /** Accounts of this page. */
  nodes: Array<Account>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** An account in a connection. */
export type AccountEdge = {
  __typename?: 'AccountEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The account. */
  node: Account;
};

/** Filter for accounts. */
export type AccountFilter = {
  /** Only external accounts (named by a policy, outside the snapshot) when true; only others when false. */
  external?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only accounts listed in organization.json when true. */
  inOrganization?: InputMaybe<Scalars['Boolean']['input']>;
  /** Substring of the id or name (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order for accounts. */
export type AccountOrder = {
  /** Direction. */
  direction?: InputMaybe<Direction>;
  /** Sort key. */
  field: AccountOrderField;
};

/** Sort keys for accounts. */
export type AccountOrderField =
  /** Account id. */
  | 'ID'
  /** Account name. */
  | 'NAME';

/** Account-to-account trust. */
export type AccountTrust = {
  __typename?: 'AccountTrust';
  /** Assumption categories (mfa, externalId, network, federation, region, other) of the conditions on those edges. */
  assumptions: Array<Scalars['String']['output']>;
  /** Of which conditional. */
  conditionalCount: Scalars['Int']['output'];
  /** CAN_ASSUME edges from one to the other. */
  edgeCount: Scalars['Int']['output'];
  /** The edges behind the counts (the slow part: ask only when they are shown). */
  edges: EdgeConnection;
  /** The caller's account is outside the organization. */
  external: Scalars['Boolean']['output'];
  /** Caller's account. */
  fromAccount: Scalars['String']['output'];
  /** Distinct target roles of those edges. */
  roleCount: Scalars['Int']['output'];
  /** Target role's account. */
  toAccount: Scalars['String']['output'];
  /** The worst severity of the findings about the target roles; null when none is about them. */
  worstSeverity?: Maybe<Severity>;
};


/** Account-to-account trust. */
export type AccountTrustEdgesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A plan to check and add to a review session. */
export type AddPlanCheckToReviewInput = {
  /** The 12-digit account the change applies to (default: the plan's AWS provider, else the snapshot's only account). */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Gate rules, as checkPlan takes them. */
  failOn?: InputMaybe<Scalars['String']['input']>;
  /** A name for the plan in the items (default: uploaded-plan.json). */
  fileName?: InputMaybe<Scalars['String']['input']>;
  /** An opening note for every item added. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The plan (JSON) or the CloudFormation template (JSON or YAML), as text. */
  plan: Scalars['String']['input'];
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: InputMaybe<Scalars['String']['input']>;
  /** The review session; the plan is checked against its snapshot. */
  sessionId: Scalars['ID']['input'];
};

/** Input for addReviewItem: exactly one of finding or path. */
export type AddReviewItemInput = {
  /** A finding id of the session's snapshot. */
  finding?: InputMaybe<Scalars['ID']['input']>;
  /** An opening note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** A path as node keys from start to end; each step must be a CAN_ASSUME or CAN_ESCALATE_TO edge. */
  path?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: InputMaybe<Scalars['String']['input']>;
  /** The session. */
  sessionId: Scalars['ID']['input'];
};

/** An account assignment: a person or group given a permission set in an account. */
export type Assignment = {
  __typename?: 'Assignment';
  /** The account. */
  accountId: Scalars['String']['output'];
  /** The account's name. */
  accountName?: Maybe<Scalars['String']['output']>;
  /** The group, when GROUP. */
  group?: Maybe<PeopleGroup>;
  /** The permission set. */
  permissionSet: PermissionSet;
  /** The person, when USER. */
  person?: Maybe<Person>;
  /** A person or a group. */
  principalType: AssignmentPrincipalType;
  /** The role it provisions in the account (AWSReservedSSO_...); null when the account has none. */
  role?: Maybe<GraphNode>;
};

/** A page of assignments. */
export type AssignmentConnection = {
  __typename?: 'AssignmentConnection';
  /** Assignments of this page. */
  nodes: Array<Assignment>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** Filter for account assignments. */
export type AssignmentFilter = {
  /** Assignments in this account. */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Assignments to this group (graph key, GroupId or display name). */
  group?: InputMaybe<Scalars['String']['input']>;
  /** Assignments of this permission set (ARN or name). */
  permissionSet?: InputMaybe<Scalars['String']['input']>;
  /** Assignments that give this person access: to them, or to a group they are in (a name as person takes). */
  person?: InputMaybe<Scalars['String']['input']>;
};

/** What an account assignment is made to. */
export type AssignmentPrincipalType =
  /** A group: every member gets it. */
  | 'GROUP'
  /** A person. */
  | 'USER';

/**
 * The analyst assumptions kept with a review session (see AssumptionsInput): true when the condition
 * category is assumed satisfiable, false when edges that need it are left out.
 */
export type Assumptions = {
  __typename?: 'Assumptions';
  /** ExternalId (sts:ExternalId). */
  externalId: Scalars['Boolean']['output'];
  /** Federated claims (SAML:*, OIDC provider keys). */
  federation: Scalars['Boolean']['output'];
  /** MFA (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge). */
  mfa: Scalars['Boolean']['output'];
  /** Network (aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:VpcSourceIp). */
  network: Scalars['Boolean']['output'];
  /** Any other request-time condition. */
  other: Scalars['Boolean']['output'];
  /** Region (aws:RequestedRegion). */
  region: Scalars['Boolean']['output'];
};

/**
 * Analyst assumptions about request-time conditions. Each is true by default (the attacker is assumed
 * able to satisfy it, and edges needing it count, flagged as conditional); false drops every edge with a
 * condition in that category.
 */
export type AssumptionsInput = {
  /** The caller knows the ExternalId (sts:ExternalId). */
  externalId?: InputMaybe<Scalars['Boolean']['input']>;
  /** Federated claims match (SAML:*, OIDC provider keys such as token.actions.githubusercontent.com:sub). */
  federation?: InputMaybe<Scalars['Boolean']['input']>;
  /** The caller has MFA (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge). */
  mfa?: InputMaybe<Scalars['Boolean']['input']>;
  /** The caller calls from an allowed network (aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:VpcSourceIp). */
  network?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any other request-time condition holds. */
  other?: InputMaybe<Scalars['Boolean']['input']>;
  /** The call is made in an allowed region (aws:RequestedRegion). */
  region?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How a request was authenticated. */
export type AuthMethod =
  /** Authorization: Bearer token. */
  | 'BEARER'
  /** Session cookie obtained with the one-time sign-in token printed by serve. */
  | 'COOKIE';

/** What one principal can reach. */
export type CanAccess = {
  __typename?: 'CanAccess';
  /** The hop bound of the paths. */
  maxHops: Scalars['Int']['output'];
  /** The principal. */
  principal: GraphNode;
  /** Shortest first, then by resource. */
  resources: Array<ResourceAccess>;
  /** Not every resource is listed (limit, or a search step found too many edges). */
  truncated: Scalars['Boolean']['output'];
};

/** One change a principal makes to its own permissions in a capability chain. */
export type ChainStep = {
  __typename?: 'ChainStep';
  /** The call it makes. */
  actions: Array<Scalars['String']['output']>;
  /** The statements that allow the call. */
  evidence: Array<StatementRef>;
  /** Escalation method id of the change, e.g. iam-add-user-to-group. */
  method: Scalars['String']['output'];
  /** What it changes: a group, a managed policy, the principal itself or its boundary. */
  modifies: Scalars['String']['output'];
};

/** A proposed change to check. */
export type CheckPlanInput = {
  /** The 12-digit account the change applies to (default: the plan's AWS provider, else the snapshot's only account). */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Gate rules, comma-separated, as `iamatlas plan-check --fail-on` takes them (default: new-admin-path,new-external-trust,severity>=high). */
  failOn?: InputMaybe<Scalars['String']['input']>;
  /** A name for the plan in messages and reports (default: uploaded-plan.json). */
  fileName?: InputMaybe<Scalars['String']['input']>;
  /** The plan (JSON) or the CloudFormation template (JSON or YAML), as text. */
  plan: Scalars['String']['input'];
  /** Snapshot id or name (default: the latest complete snapshot). */
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};

/** A request-time condition the edge depends on. */
export type Condition = {
  __typename?: 'Condition';
  /** The analyst assumption it depends on: mfa, externalId, network, federation, region or other. */
  assumption: Scalars['String']['output'];
  /** Condition key, e.g. aws:MultiFactorAuthPresent. */
  key: Scalars['String']['output'];
  /** True: must hold (from an Allow). False: must not hold (from a Deny that would otherwise apply). */
  mustHold: Scalars['Boolean']['output'];
  /** Operator as written, e.g. Bool, StringEqualsIfExists. */
  operator: Scalars['String']['output'];
  /** The statement it comes from. */
  source?: Maybe<StatementRef>;
  /** Values as written. */
  values: Array<Scalars['String']['output']>;
};

/** A request-context value for simulate. */
export type ContextEntryInput = {
  /** Condition key, e.g. aws:SourceIp. */
  key: Scalars['String']['input'];
  /** Values (one for single-valued keys). */
  values: Array<Scalars['String']['input']>;
};

/** A count of something by name. */
export type Count = {
  __typename?: 'Count';
  /** How many. */
  count: Scalars['Int']['output'];
  /** A node label or relationship type. */
  name: Scalars['String']['output'];
};

/** Input for createReviewSession. */
export type CreateReviewSessionInput = {
  /** The analyst assumptions to keep with it; default all true. */
  assumptions?: InputMaybe<AssumptionsInput>;
  /** A name, e.g. 2025-Q2 access review. */
  name: Scalars['String']['input'];
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: InputMaybe<Scalars['String']['input']>;
  /** Snapshot id or name; default the latest. */
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};

/** Sort direction. */
export type Direction =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** An edge (CAN_ASSUME, CAN_ESCALATE_TO or CAN_ACCESS) with its evidence and conditions. */
export type Edge = {
  __typename?: 'Edge';
  /** Actions allowed: sts actions (CAN_ASSUME), the escalation's calls (CAN_ESCALATE_TO), the level's actions (CAN_ACCESS). */
  actions: Array<Scalars['String']['output']>;
  /** Capability chain (CAN_ESCALATE_TO): the changes the caller first makes to itself, in order, before method. */
  chain: Array<ChainStep>;
  /** Request-time conditions must hold. */
  conditional: Scalars['Boolean']['output'];
  /** The conditions that must (or must not) hold. */
  conditions: Array<Condition>;
  /** The caller's account differs from the target's. */
  crossAccount: Scalars['Boolean']['output'];
  /** The caller is outside the organization. */
  crossOrganization: Scalars['Boolean']['output'];
  /** The decisive statements (trust, identity, boundary). */
  evidence: Array<StatementRef>;
  /** Caller. */
  from: GraphNode;
  /** The access level (CAN_ACCESS): read, write, list, permissions-management or tagging. */
  level?: Maybe<Scalars['String']['output']>;
  /** AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity or service (CAN_ASSUME). */
  mechanism?: Maybe<Scalars['String']['output']>;
  /** Escalation method id (CAN_ESCALATE_TO). */
  method?: Maybe<Scalars['String']['output']>;
  /** SCPs and RCPs whose Allow statements let it through. */
  orgPolicyIds: Array<Scalars['String']['output']>;
  /** Anyone can use it (CAN_ACCESS). */
  public?: Maybe<Scalars['Boolean']['output']>;
  /** The evaluation steps in words. */
  reasons: Array<Scalars['String']['output']>;
  /** Role to role: the chained session lasts at most one hour. */
  roleChaining: Scalars['Boolean']['output'];
  /** Target. */
  to: GraphNode;
  /** Relationship type. */
  type: EdgeType;
  /** How the trust policy names the caller (CAN_ASSUME); which policies grant (CAN_ACCESS: resource-policy, identity-policy, both, kms-grant, s3-acl). */
  via?: Maybe<Scalars['String']['output']>;
};

/** A page of edges. */
export type EdgeConnection = {
  __typename?: 'EdgeConnection';
  /** Edges with cursors. */
  edges: Array<EdgeEdge>;
  /** Edges of this page. */
  nodes: Array<Edge>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** Which end of an edge. */
export type EdgeDirection =
  /** Edges that enter. */
  | 'IN'
  /** Edges that leave. */
  | 'OUT';

/** An edge in a connection. */
export type EdgeEdge = {
  __typename?: 'EdgeEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The edge. */
  node: Edge;
};

/** Sort order for edges. */
export type EdgeOrder = {
  /** Direction. */
  direction?: InputMaybe<Direction>;
  /** Sort key. */
  field: EdgeOrderField;
};

/** Sort keys for edges. */
export type EdgeOrderField =
  /** Caller key. */
  | 'FROM'
  /** Target key. */
  | 'TO';

/** Relationship types that connect principals. */
export type EdgeType =
  /** CAN_ACCESS: can use the resource at one access level. */
  | 'CAN_ACCESS'
  /** CAN_ASSUME: may call sts:AssumeRole* on the role. */
  | 'CAN_ASSUME'
  /** CAN_ESCALATE_TO: can become the target by an escalation method. */
  | 'CAN_ESCALATE_TO';

/** Escalation paths, and whether the graph has escalation analysis at all. */
export type EscalationPaths = {
  __typename?: 'EscalationPaths';
  /** The snapshot holds CAN_ESCALATE_TO edges (escalation analysis ran). */
  available: Scalars['Boolean']['output'];
  /** The paths, shortest first. */
  paths: Array<Path>;
};

/** Public or external access to a resource, as IAM Access Analyzer reports it. */
export type ExternalAccess = {
  __typename?: 'ExternalAccess';
  /** The actions of that level allowed. */
  actions: Array<Scalars['String']['output']>;
  /** Who gets in: anyone, an outside account, service or principal. */
  caller: GraphNode;
  /** Request-time conditions that must (or must not) hold. */
  conditions: Array<Condition>;
  /** The finding (public-access or external-access); review sessions keep its state, ARCHIVED included. */
  finding: Finding;
  /** The access level. */
  level: Scalars['String']['output'];
  /** Anyone can use it. */
  public: Scalars['Boolean']['output'];
  /** The resource. */
  resource: GraphNode;
  /** Its type. */
  resourceType: Scalars['String']['output'];
  /** The resource-policy statement that grants it. */
  statement?: Maybe<StatementRef>;
  /** The zone of trust of the analysis: account or organization. */
  zoneOfTrust?: Maybe<Scalars['String']['output']>;
};

/** A page of public and external access findings. */
export type ExternalAccessConnection = {
  __typename?: 'ExternalAccessConnection';
  /** Findings with cursors. */
  edges: Array<ExternalAccessEdge>;
  /** Findings of this page. */
  nodes: Array<ExternalAccess>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** A public or external access finding in a connection. */
export type ExternalAccessEdge = {
  __typename?: 'ExternalAccessEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The finding. */
  node: ExternalAccess;
};

/** Something a reviewer should look at. */
export type Finding = {
  __typename?: 'Finding';
  /** The statements and values behind it, as JSON text. */
  evidence: Scalars['String']['output'];
  /** Stable id: the same finding has the same id in every snapshot. */
  id: Scalars['ID']['output'];
  /** trust-open-to-anyone, external-trust-without-external-id, ... */
  kind: Scalars['String']['output'];
  /** Severity. */
  severity: Severity;
  /** Node keys it is about; the first is the main subject. */
  subjectKeys: Array<Scalars['String']['output']>;
  /** The nodes it is about. */
  subjects: Array<GraphNode>;
  /** One line. */
  title: Scalars['String']['output'];
  /** Why it matters, naming the statement. */
  why: Scalars['String']['output'];
};

/** A page of findings. */
export type FindingConnection = {
  __typename?: 'FindingConnection';
  /** Findings with cursors. */
  edges: Array<FindingEdge>;
  /** Findings of this page. */
  nodes: Array<Finding>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** A finding in a connection. */
export type FindingEdge = {
  __typename?: 'FindingEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The finding. */
  node: Finding;
};

/** Sort order for findings. */
export type FindingOrder = {
  /** Direction. */
  direction?: InputMaybe<Direction>;
  /** Sort key. */
  field: FindingOrderField;
};

/** Sort keys for findings. */
export type FindingOrderField =
  /** Id. */
  | 'ID'
  /** Kind, then id. */
  | 'KIND'
  /** Most severe first in ASC. */
  | 'SEVERITY';

/** A node at either end of an edge. */
export type GraphNode = {
  __typename?: 'GraphNode';
  /** Account, when known. */
  accountId?: Maybe<Scalars['String']['output']>;
  /** ARN, when it has one. */
  arn?: Maybe<Scalars['String']['output']>;
  /**
   * Outside the organization's snapshot: an external account, a principal the snapshot does not hold,
   * an identity provider no export lists (public ones such as accounts.google.com), or anyone (*).
   */
  external: Scalars['Boolean']['output'];
  /** An administrator of its account (the escalation analysis found full access, or a way to grant it to itself). */
  isAdmin: Scalars['Boolean']['output'];
  /** The node key: ARN, account id, service name or *. */
  key: Scalars['ID']['output'];
  /** What it is. */
  kind: NodeKind;
  /** Short name. */
  name?: Maybe<Scalars['String']['output']>;
};

/** An IAM group. */
export type Group = {
  __typename?: 'Group';
  /** Group ARN. */
  arn: Scalars['ID']['output'];
  /** Group name. */
  name: Scalars['String']['output'];
  /** The group's policies. */
  policies: Array<Policy>;
};

/** An account as a row and column of the matrix. */
export type MatrixAccount = {
  __typename?: 'MatrixAccount';
  /** 12-digit id. */
  id: Scalars['ID']['output'];
  /** Its name (the id when it has none). */
  name: Scalars['String']['output'];
  /** The OU directly above it. */
  ouId?: Maybe<Scalars['ID']['output']>;
  /** OU names below the root down to its OU. */
  ouPath: Array<Scalars['String']['output']>;
  /** Roles in it. */
  roleCount: Scalars['Int']['output'];
  /** The worst severity of the findings about anything in it; null when none. */
  worstSeverity?: Maybe<Severity>;
};

/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Checks a plan against a review session's snapshot, as checkPlan does, and adds to the session
   * one item for the check as a whole (the gate's outcome and the counts), then one per new path to
   * admin, per new trust from anyone or outside the organization, and per new finding, each with its
   * evidence (the hops, those the change introduces marked, and the resources behind them).
   * Needs a reviewer token; the plan's text is not stored, only its name and what the check found.
   */
  addPlanCheckToReview: PlanCheckReview;
  /** Adds a finding or a path to a session; the item starts as OPEN. */
  addReviewItem: ReviewItem;
  /**
   * Adds up to 500 findings or paths to a session in one transaction, in the order given; if one is
   * refused (unknown finding, a path step without an edge) none is added.
   */
  addReviewItems: Array<ReviewItem>;
  /**
   * Checks a Terraform plan (`terraform show -json PLANFILE`) or a CloudFormation template in JSON or YAML
   * against a snapshot: the paths to admin, outside trust, edges and findings it would add or
   * remove, each with the resources that cause it. Needs a reviewer token; nothing is stored.
   */
  checkPlan: PlanCheckReport;
  /** Opens a review session for a snapshot. */
  createReviewSession: ReviewSession;
  /** Sets an item's status, with a note; the change is kept in the item's history under the caller's name. */
  setReviewItemStatus: ReviewItem;
  /** Replaces the analyst assumptions kept with a session; a category left out is assumed satisfiable. */
  setReviewSessionAssumptions: ReviewSession;
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationAddPlanCheckToReviewArgs = {
  input: AddPlanCheckToReviewInput;
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationAddReviewItemArgs = {
  input: AddReviewItemInput;
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationAddReviewItemsArgs = {
  items: Array<ReviewItemInput>;
  sessionId: Scalars['ID']['input'];
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationCheckPlanArgs = {
  input: CheckPlanInput;
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationCreateReviewSessionArgs = {
  input: CreateReviewSessionInput;
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationSetReviewItemStatusArgs = {
  input: SetReviewItemStatusInput;
};


/** The only writes besides ingest: review sessions. Requires a reviewer token. */
export type MutationSetReviewSessionAssumptionsArgs = {
  assumptions: AssumptionsInput;
  id: Scalars['ID']['input'];
};

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

/** The AWS organization. */
export type Organization = {
  __typename?: 'Organization';
  /** o-... */
  id: Scalars['ID']['output'];
  /** The management account's id. */
  managementAccountId?: Maybe<Scalars['String']['output']>;
  /** The root, with its OUs and accounts below. */
  root?: Maybe<OrganizationalUnit>;
};

/** The organization at one level of detail. */
export type OrganizationOverview = {
  __typename?: 'OrganizationOverview';
  /** Accounts organization.json lists. */
  accountCount: Scalars['Int']['output'];
  /** Every account of the organization with its counts, shown or not. */
  accounts: Array<OverviewUnit>;
  /** CAN_ASSUME edges aggregated between the units shown. */
  trust: Array<UnitTrust>;
  /** What is shown: OUs (an expanded one contains the units whose parentId it is), accounts, outside groups and their members. */
  units: Array<OverviewUnit>;
};

/** An organizational unit or the root. */
export type OrganizationalUnit = {
  __typename?: 'OrganizationalUnit';
  /** Accounts directly in this OU. */
  accounts: Array<Account>;
  /** Child OUs. */
  children: Array<OrganizationalUnit>;
  /** r-... or ou-... */
  id: Scalars['ID']['output'];
  /** True for the root. */
  isRoot: Scalars['Boolean']['output'];
  /** The OU's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** SCPs and RCPs attached here. */
  policies: Array<Policy>;
};

/** A node of the overview with its counts. */
export type OverviewUnit = {
  __typename?: 'OverviewUnit';
  /** Accounts in it (an OU: in its whole subtree). */
  accountCount: Scalars['Int']['output'];
  /** Shown with what it holds. */
  expanded: Scalars['Boolean']['output'];
  /** The OU id, account id, or `outside:GROUP` / `outside:GROUP:KEY`. */
  id: Scalars['ID']['output'];
  /** What it is. */
  kind: OverviewUnitKind;
  /** Outside groups: the callers in it. */
  memberCount: Scalars['Int']['output'];
  /** Its name (the id when it has none). */
  name: Scalars['String']['output'];
  /** The expanded unit it is drawn inside; null at the top. */
  parentId?: Maybe<Scalars['ID']['output']>;
  /** Roles in those accounts; for an outside group, the roles its callers can assume. */
  roleCount: Scalars['Int']['output'];
  /**
   * An expanded OU whose trust is shown at its box, as if it were collapsed, so that the overview
   * stays within its `budget`: no trust edge starts or ends at what it holds.
   */
  trustAtBox: Scalars['Boolean']['output'];
  /** Of trustIn, the edges from callers outside the organization. */
  trustFromOutside: Scalars['Int']['output'];
  /** CAN_ASSUME edges into its roles from callers outside it. */
  trustIn: Scalars['Int']['output'];
  /** CAN_ASSUME edges from its callers into roles outside it. */
  trustOut: Scalars['Int']['output'];
  /** The worst severity of the findings about anything in it; null when none. */
  worstSeverity?: Maybe<Severity>;
};

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

/** Paging information of a connection (cursor pagination). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item; pass it as 'after' for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items after endCursor. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items before startCursor. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A walk from one node to another. */
export type Path = {
  __typename?: 'Path';
  /** Condition keys of all edges. */
  conditionKeys: Array<Scalars['String']['output']>;
  /** Any edge is conditional. */
  conditional: Scalars['Boolean']['output'];
  /** Any edge crosses accounts. */
  crossAccount: Scalars['Boolean']['output'];
  /** The edges in order, each with its evidence. */
  edges: Array<Edge>;
  /** Number of edges. */
  length: Scalars['Int']['output'];
  /** The nodes, from start to end. */
  nodes: Array<GraphNode>;
};

/** The people whose way comes through one group (`(direct)` for direct assignments). */
export type PeopleByGroup = {
  __typename?: 'PeopleByGroup';
  /** The group's display name, or (direct). */
  group: Scalars['String']['output'];
  /** Names of the people. */
  people: Array<Scalars['String']['output']>;
};

/** An Identity Center edge, as a snapshot diff lists it. */
export type PeopleEdge = {
  __typename?: 'PeopleEdge';
  /** The account of an assignment or sign-in. */
  accountId?: Maybe<Scalars['String']['output']>;
  /** CAN_SIGN_IN_AS: an assignment names the person directly. */
  direct?: Maybe<Scalars['Boolean']['output']>;
  /** The person (for ASSIGNED, the person or group). */
  from: GraphNode;
  /** CAN_SIGN_IN_AS: the groups the assignments were made to. */
  groups: Array<Scalars['String']['output']>;
  /** CAN_SIGN_IN_AS: the permission sets of the assignments behind it. */
  permissionSets: Array<Scalars['String']['output']>;
  /** The group, permission set or role. */
  to: GraphNode;
  /** Relationship type. */
  type: PeopleEdgeType;
};

/** Identity Center relationship types. */
export type PeopleEdgeType =
  /** An account assignment: a person or group holds a permission set in an account. */
  | 'ASSIGNED'
  /** A person can sign in as the role an assignment provisions (directly or through a group). */
  | 'CAN_SIGN_IN_AS'
  /** A person is a member of a people group. */
  | 'MEMBER_OF';

/** Filter for people. */
export type PeopleFilter = {
  /** People with an assignment in this account, directly or through a group. */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Members of this group (graph key, GroupId or display name). */
  group?: InputMaybe<Scalars['String']['input']>;
  /** Part of a user name, display name or email (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** An IAM Identity Center group. */
export type PeopleGroup = {
  __typename?: 'PeopleGroup';
  /** The group's description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The identity store's GroupId. */
  id: Scalars['String']['output'];
  /** The graph key: people-group/STORE_ID/GROUP_ID. */
  key: Scalars['ID']['output'];
  /** How many people are in it. */
  memberCount: Scalars['Int']['output'];
  /** The display name. */
  name: Scalars['String']['output'];
};

/** A page of groups of people. */
export type PeopleGroupConnection = {
  __typename?: 'PeopleGroupConnection';
  /** Groups of this page. */
  nodes: Array<PeopleGroup>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** Filter for groups of people. */
export type PeopleGroupFilter = {
  /** One group: graph key, GroupId or display name. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** Part of the name or description (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Which people can reach a role or administrator of an account. */
export type PeopleWhoCanReach = {
  __typename?: 'PeopleWhoCanReach';
  /** The account asked about, with admin. */
  account?: Maybe<Scalars['String']['output']>;
  /** The same people by group. */
  byGroup: Array<PeopleByGroup>;
  /** Each person with their shortest way, by name. */
  people: Array<PersonWayTo>;
  /** The role's key, or admin. */
  target: Scalars['String']['output'];
};

/** An IAM Identity Center permission set: the policies of the role it provisions in each assigned account. */
export type PermissionSet = {
  __typename?: 'PermissionSet';
  /** The permission set's ARN. */
  arn: Scalars['String']['output'];
  /** Accounts it is assigned in: only these give access. */
  assignedAccountIds: Array<Scalars['String']['output']>;
  /** Its assignments, by account. */
  assignments: Array<Assignment>;
  /** ARNs of the AWS managed policies attached. */
  awsManagedPolicyArns: Array<Scalars['String']['output']>;
  /** Customer managed policies attached, as path and name (each account must hold one of that name). */
  customerManagedPolicies: Array<Scalars['String']['output']>;
  /** Its description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The people who hold it, directly or through a group, by name. */
  holders: Array<PermissionSetHolder>;
  /** The inline policy, as JSON text. */
  inlinePolicy?: Maybe<Scalars['String']['output']>;
  /** The graph key (the ARN). */
  key: Scalars['ID']['output'];
  /** Its name (the role is AWSReservedSSO_<name>_<suffix>). */
  name: Scalars['String']['output'];
  /** The permissions boundary (a managed policy reference), as JSON text. */
  permissionsBoundary?: Maybe<Scalars['String']['output']>;
  /** Accounts it is provisioned in. */
  provisionedAccountIds: Array<Scalars['String']['output']>;
  /** The URL the console opens after sign-in. */
  relayState?: Maybe<Scalars['String']['output']>;
  /** Longest session, ISO 8601 (e.g. PT8H). */
  sessionDuration?: Maybe<Scalars['String']['output']>;
};

/** A page of permission sets. */
export type PermissionSetConnection = {
  __typename?: 'PermissionSetConnection';
  /** Permission sets of this page. */
  nodes: Array<PermissionSet>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** Filter for permission sets. */
export type PermissionSetFilter = {
  /** Permission sets assigned in this account. */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Part of the name or ARN (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A person holding a permission set. */
export type PermissionSetHolder = {
  __typename?: 'PermissionSetHolder';
  /** The accounts they hold it in. */
  accountIds: Array<Scalars['String']['output']>;
  /** An assignment names the person. */
  direct: Scalars['Boolean']['output'];
  /** Groups the assignments were made to. */
  groups: Array<Scalars['String']['output']>;
  /** The person. */
  person: Person;
};

/** An IAM Identity Center user. */
export type Person = {
  __typename?: 'Person';
  /** The assignments that give them access: to them, or to a group they are in. */
  assignments: Array<Assignment>;
  /** The name to show. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Email addresses. */
  emails: Array<Scalars['String']['output']>;
  /** Their identity-store groups, by name. */
  groups: Array<PeopleGroup>;
  /** The identity store's UserId. */
  id: Scalars['String']['output'];
  /** The graph key: person/STORE_ID/USER_ID. */
  key: Scalars['ID']['output'];
  /** User name, else display name. */
  name: Scalars['String']['output'];
  /** The roles they sign in as, with the assignments and groups behind each. */
  signIns: Array<SignIn>;
  /** ENABLED or DISABLED. */
  status: Scalars['String']['output'];
  /** The identity store's user name (often an email address). */
  userName?: Maybe<Scalars['String']['output']>;
};

/** A person who signs in as a role that reaches a resource, and the way on from that role. */
export type PersonAccess = {
  __typename?: 'PersonAccess';
  /** Some edge needs a request-time condition. */
  conditional: Scalars['Boolean']['output'];
  /** Edges after signing in, the access included. */
  hops: Scalars['Int']['output'];
  /** The access level. */
  level: Scalars['String']['output'];
  /** The path from the role signed in as to the resource. */
  path: Path;
  /** The person. */
  person: Person;
  /** The role signed in as, and the assignments behind it. */
  signIn: SignIn;
};

/** A page of people. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** People of this page. */
  nodes: Array<Person>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** What one person can reach. */
export type PersonReach = {
  __typename?: 'PersonReach';
  /** Accounts the person can become administrator of, one shortest way each. */
  admin: Array<PersonWay>;
  /** The person asked about. */
  person: Person;
  /** Roles reached, shortest first. */
  reach: Array<PersonWay>;
  /** The roles they sign in as. */
  signIns: Array<SignIn>;
  /** More roles are reached than were listed (limit). */
  truncated: Scalars['Boolean']['output'];
};

/** One way a person reaches something: a role signed in as, then a path from it. */
export type PersonWay = {
  __typename?: 'PersonWay';
  /** The account this way makes the person administrator of. */
  adminOf?: Maybe<Scalars['String']['output']>;
  /** Some step needs a request-time condition. */
  conditional: Scalars['Boolean']['output'];
  /** sign-in, assume or escalation. */
  how: Scalars['String']['output'];
  /** Steps after signing in (0: the role signed in as). */
  length: Scalars['Int']['output'];
  /** What is reached: a role, or the account administered. */
  node: GraphNode;
  /** Node keys from the role signed in as to what is reached. */
  path: Array<Scalars['String']['output']>;
  /** The role signed in as, and why. */
  signIn: SignIn;
};

/** A person and their shortest way to the target. */
export type PersonWayTo = {
  __typename?: 'PersonWayTo';
  /** The person. */
  person: Person;
  /** Their shortest way. */
  way: PersonWay;
};

/** A shortest path from a source to an account's administrator. */
export type PlanAdminPath = {
  __typename?: 'PlanAdminPath';
  /** Every resource behind the hops the change introduces or removes. */
  addresses: Array<Scalars['String']['output']>;
  /** The account whose administrator the source can (no longer) become. */
  adminAccount: Scalars['String']['output'];
  /** Node key of the source. */
  from: Scalars['String']['output'];
  /** The hops, in order. */
  hops: Array<PlanHop>;
};

/** The evidence of a review item about a proposed change, as recorded when it was added. */
export type PlanChangeEvidence = {
  __typename?: 'PlanChangeEvidence';
  /** The account the change was read in. */
  accountId: Scalars['String']['output'];
  /** Terraform addresses or CloudFormation logical ids behind it. */
  addresses: Array<Scalars['String']['output']>;
  /** NEW_ADMIN_PATH: the account whose administrator the source can become. */
  adminAccount?: Maybe<Scalars['String']['output']>;
  /** RESULT: how many of each kind of result the check found. */
  counts: Array<Count>;
  /** The rules that failed for the plan as a whole. */
  failures: Array<PlanGateFailure>;
  /** NEW_FINDING: the finding. */
  finding?: Maybe<PlanFindingChange>;
  /** The hops of the path (NEW_ADMIN_PATH) or the new edge (NEW_EXTERNAL_TRUST), those the change introduces marked. */
  hops: Array<PlanHop>;
  /** True when no gate rule failed for the plan as a whole. */
  passed: Scalars['Boolean']['output'];
  /** The plan's name as uploaded. */
  plan: Scalars['String']['output'];
  /** The gate rules checked. */
  rules: Array<Scalars['String']['output']>;
  /** The snapshot the plan was checked against. */
  snapshotId: Scalars['String']['output'];
  /** What the item is about. */
  what: PlanChangeKind;
};

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

/** What a proposed change would do to a snapshot. */
export type PlanCheckReport = {
  __typename?: 'PlanCheckReport';
  /** The account the change was read in. */
  accountId: Scalars['String']['output'];
  /** How that account was chosen. */
  accountSource: Scalars['String']['output'];
  /** CAN_ASSUME and CAN_ESCALATE_TO edges the change adds. */
  addedEdges: Array<PlanEdgeChange>;
  /** The rules that fail, each with how many results break it. */
  failures: Array<PlanGateFailure>;
  /** How many sources can newly become an administrator (the list holds at most 200). */
  newAdminPathCount: Scalars['Int']['output'];
  /** Sources that can newly become an account's administrator, each by a shortest path. */
  newAdminPaths: Array<PlanAdminPath>;
  /** New CAN_ASSUME edges from anyone or from outside the organization. */
  newExternalTrust: Array<PlanEdgeChange>;
  /** Findings the change adds. */
  newFindings: Array<PlanFindingChange>;
  /** True when no gate rule fails. */
  passed: Scalars['Boolean']['output'];
  /** Sources that can no longer become an account's administrator. */
  removedAdminPaths: Array<PlanAdminPath>;
  /** CAN_ASSUME and CAN_ESCALATE_TO edges the change removes. */
  removedEdges: Array<PlanEdgeChange>;
  /** Findings the change resolves. */
  resolvedFindings: Array<PlanFindingChange>;
  /** The gate rules checked, as written. */
  rules: Array<Scalars['String']['output']>;
  /** The snapshot checked against. */
  snapshot: Snapshot;
  /** Values known only after apply, read as matching nothing. */
  unknowns: Array<PlanUnknownValue>;
  /** Odd but valid input and notes (AWS-managed policies taken from the bundled catalog). */
  warnings: Array<Scalars['String']['output']>;
};

/** A plan check added to a review session. */
export type PlanCheckReview = {
  __typename?: 'PlanCheckReview';
  /** The items added, in order: the check as a whole first. */
  items: Array<ReviewItem>;
  /** The check, against the session's snapshot. */
  report: PlanCheckReport;
};

/** An edge one side of the comparison has and the other lacks. */
export type PlanEdgeChange = {
  __typename?: 'PlanEdgeChange';
  /** Terraform addresses or CloudFormation logical ids of the resources that touch it. */
  addresses: Array<Scalars['String']['output']>;
  /** Request-time condition keys the edge needs. */
  conditionKeys: Array<Scalars['String']['output']>;
  /** Node key of the source (principal ARN, account id, provider ARN, service, or *). */
  from: Scalars['String']['output'];
  /** The assume mechanism (CAN_ASSUME) or the escalation method id (CAN_ESCALATE_TO). */
  method: Scalars['String']['output'];
  /** Node key of the target (role ARN, principal ARN, or admin:<account>). */
  to: Scalars['String']['output'];
  /** CAN_ASSUME or CAN_ESCALATE_TO. */
  type: Scalars['String']['output'];
};

/** A finding one side of the comparison has and the other lacks. */
export type PlanFindingChange = {
  __typename?: 'PlanFindingChange';
  /** The resources of the change that touch it. */
  addresses: Array<Scalars['String']['output']>;
  /** The finding's stable id. */
  id: Scalars['ID']['output'];
  /** The finding kind. */
  kind: Scalars['String']['output'];
  /** Its severity. */
  severity: Severity;
  /** Node keys it is about, the main subject first. */
  subjects: Array<Scalars['String']['output']>;
  /** One line. */
  title: Scalars['String']['output'];
  /** Why it matters. */
  why: Scalars['String']['output'];
};

/** A gate rule that fails. */
export type PlanGateFailure = {
  __typename?: 'PlanGateFailure';
  /** How many results break it. */
  count: Scalars['Int']['output'];
  /** The rule as written (e.g. severity>=high). */
  rule: Scalars['String']['output'];
};

/** One hop of a path. */
export type PlanHop = {
  __typename?: 'PlanHop';
  /** The resources behind the hop, when it changed. */
  addresses: Array<Scalars['String']['output']>;
  /** True when the change introduces (on a new path) or removes (on a removed path) this hop. */
  changed: Scalars['Boolean']['output'];
  /** Node key of the hop's source. */
  from: Scalars['String']['output'];
  /** The assume mechanism or escalation method, when the hop has one. */
  method?: Maybe<Scalars['String']['output']>;
  /** Node key of the hop's target. */
  to: Scalars['String']['output'];
  /** CAN_ASSUME, CAN_ESCALATE_TO, IS_ADMIN or ADMIN_CONTROLS. */
  type: Scalars['String']['output'];
};

/** A value a plan cannot know before apply. */
export type PlanUnknownValue = {
  __typename?: 'PlanUnknownValue';
  /** The resource's address. */
  address: Scalars['String']['output'];
  /** The attribute. */
  attribute: Scalars['String']['output'];
};

/** A policy: managed, AWS-managed, inline, SCP or RCP. */
export type Policy = {
  __typename?: 'Policy';
  /** ARN of managed policies. */
  arn?: Maybe<Scalars['String']['output']>;
  /** The effective document as JSON text (default version of a managed policy). */
  document?: Maybe<Scalars['String']['output']>;
  /** The node key: ARN for managed, OWNER#inline/NAME for inline, p-... for SCP/RCP. */
  key: Scalars['ID']['output'];
  /** managed, aws-managed, inline, scp, rcp. */
  kind: Scalars['String']['output'];
  /** Policy name. */
  name?: Maybe<Scalars['String']['output']>;
};

/** An IAM user or role with what governs it. */
export type Principal = {
  __typename?: 'Principal';
  /** Owning account. */
  accountId: Scalars['String']['output'];
  /** The ARN (the node key). */
  arn: Scalars['ID']['output'];
  /** Incoming CAN_ASSUME edges, by caller key: who can assume this role directly; 'from' keeps only the edge from that node. */
  assumableBy: EdgeConnection;
  /** The permissions boundary, if set. */
  boundary?: Maybe<Policy>;
  /** Outgoing CAN_ASSUME edges, by target key: roles this principal can assume directly; 'to' keeps only the edge to that node. */
  canAssume: EdgeConnection;
  /** Outgoing CAN_ESCALATE_TO edges, by target key; 'to' keeps only the edges to that node. */
  canEscalateTo: EdgeConnection;
  /** When it was created. */
  createDate?: Maybe<Scalars['String']['output']>;
  /** Role description (when exported). */
  description?: Maybe<Scalars['String']['output']>;
  /** Groups of a user. */
  groups: Array<Group>;
  /** USER or ROLE. */
  kind: PrincipalKind;
  /** Last recorded use of a role. */
  lastUsedDate?: Maybe<Scalars['String']['output']>;
  /** User or role name. */
  name: Scalars['String']['output'];
  /** IAM path. */
  path?: Maybe<Scalars['String']['output']>;
  /** Identity policies: attached managed and inline (for users also through groups, see groups). */
  policies: Array<Policy>;
  /** True for service-linked roles. */
  serviceLinked?: Maybe<Scalars['Boolean']['output']>;
  /** Tags. */
  tags: Array<Tag>;
  /** A role's trust policy as JSON text. */
  trustPolicy?: Maybe<Scalars['String']['output']>;
};


/** An IAM user or role with what governs it. */
export type PrincipalAssumableByArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['ID']['input']>;
};


/** An IAM user or role with what governs it. */
export type PrincipalCanAssumeArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['ID']['input']>;
};


/** An IAM user or role with what governs it. */
export type PrincipalCanEscalateToArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['ID']['input']>;
};

/** A page of principals. */
export type PrincipalConnection = {
  __typename?: 'PrincipalConnection';
  /** Principals with cursors. */
  edges: Array<PrincipalEdge>;
  /** Principals of this page. */
  nodes: Array<Principal>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** A principal in a connection. */
export type PrincipalEdge = {
  __typename?: 'PrincipalEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The principal. */
  node: Principal;
};

/** Filter for principals. */
export type PrincipalFilter = {
  /** Only principals of this account. */
  accountId?: InputMaybe<Scalars['String']['input']>;
  /** Users or roles only. */
  kind?: InputMaybe<PrincipalKind>;
  /** Substring of the ARN (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** What kind of principal. */
export type PrincipalKind =
  /** IAM role. */
  | 'ROLE'
  /** IAM user. */
  | 'USER';

/** Sort order for principals. */
export type PrincipalOrder = {
  /** Direction. */
  direction?: InputMaybe<Direction>;
  /** Sort key. */
  field: PrincipalOrderField;
};

/** Sort keys for principals. */
export type PrincipalOrderField =
  /** Account id, then ARN. */
  | 'ACCOUNT'
  /** ARN. */
  | 'ARN'
  /** Name. */
  | 'NAME';

/** Roles of one account that an identity provider of the organization signs people into. */
export type ProviderTrust = {
  __typename?: 'ProviderTrust';
  /** Assumption categories (mfa, externalId, network, federation, region, other) of the conditions on those edges. */
  assumptions: Array<Scalars['String']['output']>;
  /** Of which only under a condition (usually the federation claims). */
  conditionalCount: Scalars['Int']['output'];
  /** The SAML or OIDC provider. */
  provider: GraphNode;
  /** Roles it can assume (one CAN_ASSUME edge each). */
  roleCount: Scalars['Int']['output'];
  /** The roles' account. */
  toAccount: Scalars['String']['output'];
};

/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type Query = {
  __typename?: 'Query';
  /** One account by its 12-digit id. */
  account?: Maybe<Account>;
  /** Accounts of a snapshot: those in the organization, those with IAM data, and external accounts named by trust policies. */
  accounts: AccountConnection;
  /**
   * Account assignments (a person or group given a permission set in an account), by account,
   * permission set and principal, each with the role it provisions.
   */
  assignments: AssignmentConnection;
  /** The resources a principal reaches, with its own CAN_ACCESS edges or at the end of a role chain or escalation; one shortest path per resource and level. */
  canAccess: CanAccess;
  /** Account-to-account trust: for each pair of accounts, how many CAN_ASSUME edges cross, and the edges behind them. */
  crossAccountTrust: Array<AccountTrust>;
  /**
   * Privilege-escalation paths from 'from': walks over CAN_ASSUME and CAN_ESCALATE_TO, shortest first.
   * 'to' is a principal's key, or "admin" (also when left out): the walk ends at an edge that gains
   * admin of an account or at a principal that is admin. Plain role-assumption chains (CAN_ASSUME
   * only, someone who can simply assume an admin role) are listed too; includeAssumeOnly: false
   * keeps only walks that use at least one CAN_ESCALATE_TO edge.
   */
  escalationPaths: EscalationPaths;
  /**
   * The public-access and external-access findings, as IAM Access Analyzer lists them, with the
   * resource, the caller, the level, the statement and the conditions. `zone`: account or
   * organization (the zone of trust the analysis used); `type`: a resource type such as s3-bucket or
   * kms-key; `level` as in whoCanAccess; `publicOnly`: public access only; `account`: the resource's account.
   */
  externalAccess: ExternalAccessConnection;
  /** CAN_ASSUME edges from outside the organization (external accounts, their principals, anyone, public identity providers). */
  externalTrust: EdgeConnection;
  /** One finding by id. */
  finding?: Maybe<Finding>;
  /** Findings of a snapshot; every filter is optional. */
  findings: FindingConnection;
  /** The AWS organization (root, OUs, accounts) of a snapshot; null when the snapshot has no organization.json. */
  organization?: Maybe<Organization>;
  /**
   * The organization's overview at the level asked: the root's OUs collapsed with their counts,
   * each id in `expand` (an OU, or an outside group such as `outside:accounts`) shown expanded into
   * what it holds, and CAN_ASSUME aggregated between the units shown. With `budget`, when the units
   * and trust edges shown would be more than that many, the trust of the expanded OUs holding the
   * most accounts is shown at their box instead (`trustAtBox`), one OU at a time, until they fit.
   */
  organizationOverview: OrganizationOverview;
  /** CAN_ASSUME paths from one node to another, shortest first, without revisiting a node. */
  paths: Array<Path>;
  /**
   * The people of the snapshot (IAM Identity Center users), by name. `filter` narrows them to a
   * part of a name or email, to one group, or to those with an assignment in one account.
   */
  people: PersonConnection;
  /** The Identity Center groups of the snapshot, by name; `filter.search` matches part of a name or description. */
  peopleGroups: PeopleGroupConnection;
  /**
   * Which people can reach a role (`role`: its ARN), or administrator of an account (`role: "admin"`,
   * with `account`; of any account without it), each with one shortest way, and grouped by the
   * group their way comes through.
   */
  peopleWhoCanReach: PeopleWhoCanReach;
  /** One permission set by ARN or name; null when there is none. */
  permissionSet?: Maybe<PermissionSet>;
  /** The permission sets of the snapshot, by name, with the accounts each is assigned in. */
  permissionSets: PermissionSetConnection;
  /**
   * One person: `id` is a user name, display name, email, identity-store user id or graph key. Null
   * when nobody matches; an error when it names several people.
   */
  person?: Maybe<Person>;
  /**
   * What one person can reach: the roles they sign in as (with the assignments and groups behind
   * each), the roles those can assume, and the accounts they can become administrator of. `person`
   * is a user name, display name, email or identity-store user id.
   */
  personReach: PersonReach;
  /** One user or role by ARN. */
  principal?: Maybe<Principal>;
  /** IAM users and roles of a snapshot. */
  principals: PrincipalConnection;
  /**
   * Sign-in through the organization's own identity providers (SAML, OIDC): per provider and target
   * account, the roles it lets people assume. Public providers are in externalTrust.
   */
  providerTrust: Array<ProviderTrust>;
  /** Every node the principal can reach within maxHops CAN_ASSUME hops, each with one shortest path. */
  reachableFrom: ReachConnection;
  /** One resource with its policy, settings, tags, account, the roles it runs as and the findings about it; null when the snapshot has none with this ARN. */
  resource?: Maybe<Resource>;
  /** The resources of a snapshot, by name; `filter.search` matches part of the ARN or name. */
  resources: ResourceListConnection;
  /** One review session. */
  reviewSession?: Maybe<ReviewSession>;
  /** Review sessions, newest first. */
  reviewSessions: ReviewSessionConnection;
  /**
   * Evaluates one request (principal, action, resource) with AWS's policy evaluation logic against the
   * snapshot. The resource need not exist, except a role for sts:AssumeRole* (its trust policy decides).
   * An account root ARN of an account in the snapshot is its root user; of any other account, any
   * principal of it (see Simulation.rootReading).
   */
  simulate: Simulation;
  /** One snapshot by id or name; without one, the latest complete snapshot. */
  snapshot: Snapshot;
  /** What changed between two snapshots: trust, escalation, findings, and Identity Center people, memberships, assignments and sign-ins that appeared or disappeared. */
  snapshotDiff: SnapshotDiff;
  /** Loaded snapshots, newest first. */
  snapshots: SnapshotConnection;
  /**
   * The CAN_ASSUME edges behind one pair of units: a cell of trustMatrix (no `expand`), or an edge of
   * organizationOverview (the same `expand` as asked there; for an edge drawn at an OU's box because
   * the overview's `budget` was reached, that is, an OU listed in its `trustAtBox`, the expand list
   * without that OU).
   */
  trustBetween: EdgeConnection;
  /** Caller account × target account: how many roles each account's callers can assume in each other account. */
  trustMatrix: TrustMatrix;
  /** Who is asking, and what the token allows. */
  viewer: Viewer;
  /**
   * Every user and role allowed to make one request: simulate run in reverse, with the same evaluator.
   * Each comes with the conditions that must hold and the statements that allowed it (identity,
   * trust, boundary, SCP and RCP, as simulate reports them). contextComplete: the context is the
   * whole request, so a key it does not give is absent rather than unknown. viaRoles adds the
   * principals that reach an allowed role over CAN_ASSUME within maxHops, each with one shortest path.
   * Each list holds at most first entries; totalCount and viaRolesCount tell how many there are.
   */
  whoCan: WhoCan;
  /**
   * Everyone who can reach a resource: the principals with a CAN_ACCESS edge into it (with the
   * statement and conditions behind each), everyone who reaches one of them within maxHops
   * CAN_ASSUME / CAN_ESCALATE_TO hops, and the people who sign in as a role of either list; each
   * with one shortest path per access level. `level`: read, write, list, permissions-management or
   * tagging (all without it). `includePaths: false` lists the direct callers only.
   */
  whoCanAccess: WhoCanAccess;
  /**
   * Everyone who can reach the role within maxHops CAN_ASSUME hops, each with one shortest path.
   * Conditional edges count and are flagged unless an assumption switches their condition off.
   */
  whoCanAssume: ReachConnection;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AccountOrder>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryAssignmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AssignmentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryCanAccessArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  level?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  principal: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryCrossAccountTrustArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryEscalationPathsArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  from: Scalars['ID']['input'];
  includeAssumeOnly?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryExternalAccessArgs = {
  account?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<Scalars['String']['input']>;
  publicOnly?: InputMaybe<Scalars['Boolean']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  zone?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryExternalTrustArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assumptions?: InputMaybe<AssumptionsInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EdgeOrder>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryFindingArgs = {
  id: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryFindingsArgs = {
  account?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<Array<Scalars['String']['input']>>;
  orderBy?: InputMaybe<FindingOrder>;
  severity?: InputMaybe<Array<Severity>>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryOrganizationArgs = {
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryOrganizationOverviewArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  budget?: InputMaybe<Scalars['Int']['input']>;
  expand?: InputMaybe<Array<Scalars['ID']['input']>>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPathsArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  from: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['ID']['input'];
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PeopleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPeopleGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PeopleGroupFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPeopleWhoCanReachArgs = {
  account?: InputMaybe<Scalars['String']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  role: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPermissionSetArgs = {
  id: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPermissionSetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PermissionSetFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPersonArgs = {
  id: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPersonReachArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  person: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPrincipalArgs = {
  arn: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryPrincipalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PrincipalFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PrincipalOrder>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryProviderTrustArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryReachableFromArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assumptions?: InputMaybe<AssumptionsInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ReachOrder>;
  principal: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryResourceArgs = {
  arn: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResourceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryReviewSessionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryReviewSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QuerySimulateArgs = {
  action: Scalars['String']['input'];
  context?: InputMaybe<Array<ContextEntryInput>>;
  contextComplete?: InputMaybe<Scalars['Boolean']['input']>;
  principal: Scalars['ID']['input'];
  resource: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QuerySnapshotArgs = {
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QuerySnapshotDiffArgs = {
  from: Scalars['ID']['input'];
  to: Scalars['ID']['input'];
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QuerySnapshotsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryTrustBetweenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assumptions?: InputMaybe<AssumptionsInput>;
  expand?: InputMaybe<Array<Scalars['ID']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['ID']['input'];
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryTrustMatrixArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryWhoCanArgs = {
  action: Scalars['String']['input'];
  context?: InputMaybe<Array<ContextEntryInput>>;
  contextComplete?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  resource: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
  viaRoles?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryWhoCanAccessArgs = {
  assumptions?: InputMaybe<AssumptionsInput>;
  includePaths?: InputMaybe<Scalars['Boolean']['input']>;
  level?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  resource: Scalars['String']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Read access to one IAM Atlas graph: the organization, its principals, who can become whom
 * (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
 */
export type QueryWhoCanAssumeArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assumptions?: InputMaybe<AssumptionsInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ReachOrder>;
  role: Scalars['ID']['input'];
  snapshot?: InputMaybe<Scalars['ID']['input']>;
};

/** One node reached, with one shortest path. */
export type Reach = {
  __typename?: 'Reach';
  /** Any edge on the path is conditional. */
  conditional: Scalars['Boolean']['output'];
  /** Hops on the shortest path. */
  hops: Scalars['Int']['output'];
  /** The node reached (whoCanAssume: the caller; reachableFrom: the target). */
  node: GraphNode;
  /** The shortest path, edges in order with evidence. */
  path: Path;
};

/** A page of reachability results. */
export type ReachConnection = {
  __typename?: 'ReachConnection';
  /** Results with cursors. */
  edges: Array<ReachEdge>;
  /** Results of this page. */
  nodes: Array<Reach>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
  /** The search stopped at its size limit; narrow maxHops or the assumptions. */
  truncated: Scalars['Boolean']['output'];
};

/** A reachability result in a connection. */
export type ReachEdge = {
  __typename?: 'ReachEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The result. */
  node: Reach;
};

/** Sort order for reachability results. */
export type ReachOrder = {
  /** Direction. */
  direction?: InputMaybe<Direction>;
  /** Sort key. */
  field: ReachOrderField;
};

/** Sort keys for reachability results. */
export type ReachOrderField =
  /** Account, then key. */
  | 'ACCOUNT'
  /** Hops, then key. */
  | 'HOPS'
  /** Node key. */
  | 'KEY';

/** Report formats. */
export type ReportFormat =
  /** JSON for scripts. */
  | 'JSON'
  /** Markdown for people. */
  | 'MARKDOWN';

/** A resource from an ACCOUNT.resources.json, as the snapshot holds it. */
export type Resource = {
  __typename?: 'Resource';
  /** The account that holds it. */
  account?: Maybe<GraphNode>;
  /** The owning account. */
  accountId?: Maybe<Scalars['String']['output']>;
  /** 0-based positions of the policy statements some CAN_ACCESS edge rests on (the statements that matter). */
  citedStatements: Array<Scalars['Int']['output']>;
  /** Something outside the zone of trust can reach it. */
  externalAccess: Scalars['Boolean']['output'];
  /** The findings about it. */
  findings: Array<Finding>;
  /** The resource ARN (its graph key). */
  key: Scalars['ID']['output'];
  /** Short name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The resource as a path's node. */
  node: GraphNode;
  /** The resource policy as JSON text, when it has one. */
  policy?: Maybe<Scalars['String']['output']>;
  /** Anyone can reach it (a public CAN_ACCESS edge). */
  public: Scalars['Boolean']['output'];
  /** Region, for regional resources. */
  region?: Maybe<Scalars['String']['output']>;
  /** The roles it runs as. */
  runsAs: Array<RunsAs>;
  /** Marked sensitive (by the iamatlas:sensitive tag or the file's flag). */
  sensitive: Scalars['Boolean']['output'];
  /** What the type adds to its policy (Block Public Access, object ownership, ACL, KMS grants, the role it runs as), as JSON text in AWS's API shapes. */
  settings: Scalars['String']['output'];
  /** The file it was read from. */
  sourceFile?: Maybe<Scalars['String']['output']>;
  /** Tags. */
  tags: Array<Tag>;
  /** The type taken from the ARN: s3-bucket, kms-key, sqs-queue, sns-topic, lambda-function, secretsmanager-secret, ecr-repository, ec2-instance, ... or other. */
  type: Scalars['String']['output'];
};

/** One resource a principal reaches at one level, with one shortest path. */
export type ResourceAccess = {
  __typename?: 'ResourceAccess';
  /** Some edge needs a request-time condition. */
  conditional: Scalars['Boolean']['output'];
  /** Edges on the path, the access included. */
  hops: Scalars['Int']['output'];
  /** The access level. */
  level: Scalars['String']['output'];
  /** The path from the principal to the resource. */
  path: Path;
  /** The resource. */
  resource: GraphNode;
  /** Its type. */
  resourceType: Scalars['String']['output'];
};

/** Filters of the resources listing; each is optional. */
export type ResourceFilter = {
  /** The resource's account (12 digits). */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Part of the ARN or name (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** A resource type such as s3-bucket or kms-key. */
  type?: InputMaybe<Scalars['String']['input']>;
};

/** A page of resources. */
export type ResourceListConnection = {
  __typename?: 'ResourceListConnection';
  /** Resources with cursors. */
  edges: Array<ResourceListEdge>;
  /** Resources of this page. */
  nodes: Array<ResourceListItem>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** A resource in a connection. */
export type ResourceListEdge = {
  __typename?: 'ResourceListEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The resource. */
  node: ResourceListItem;
};

/** A resource as the listing shows it. */
export type ResourceListItem = {
  __typename?: 'ResourceListItem';
  /** Something outside the zone of trust can reach it. */
  externalAccess: Scalars['Boolean']['output'];
  /** The resource as a node. */
  node: GraphNode;
  /** Anyone can reach it. */
  public: Scalars['Boolean']['output'];
  /** Marked sensitive. */
  sensitive: Scalars['Boolean']['output'];
  /** Its type. */
  type: Scalars['String']['output'];
};

/** One status change of a review item. */
export type ReviewEvent = {
  __typename?: 'ReviewEvent';
  /** When (ISO 8601). */
  at: Scalars['String']['output'];
  /** Status before (null for the creation). */
  fromStatus?: Maybe<ReviewStatus>;
  /** The note given. */
  note?: Maybe<Scalars['String']['output']>;
  /** Who: the name of the token or sign-in used (a typed-in name follows as a label). */
  reviewer?: Maybe<Scalars['String']['output']>;
  /** Status after. */
  toStatus: ReviewStatus;
};

/** Something under review: a finding, a path, or what a proposed change would add. */
export type ReviewItem = {
  __typename?: 'ReviewItem';
  /** The finding, when kind is FINDING (null if it is gone from the graph). */
  finding?: Maybe<Finding>;
  /** Every status change, oldest first. */
  history: Array<ReviewEvent>;
  /** Item id. */
  id: Scalars['ID']['output'];
  /** FINDING, PATH or PLAN_CHANGE. */
  kind: ReviewItemKind;
  /** Latest note. */
  note?: Maybe<Scalars['String']['output']>;
  /** The path with evidence, when kind is PATH (as recorded when added). */
  path?: Maybe<Path>;
  /** What the proposed change would add, with its evidence, when kind is PLAN_CHANGE (as recorded when added). */
  planChange?: Maybe<PlanChangeEvidence>;
  /** Who set the current status: the name of the token or sign-in used (a typed-in name follows as a label). */
  reviewer?: Maybe<Scalars['String']['output']>;
  /** Current status. */
  status: ReviewStatus;
  /** Node keys it is about. */
  subjectKeys: Array<Scalars['String']['output']>;
  /** Finding title, the path in words, or what the proposed change would add. */
  title: Scalars['String']['output'];
  /** When the status was last set. */
  updatedAt: Scalars['String']['output'];
  /**
   * 1 when added, one more with every status change. Pass the version you read as
   * expectedVersion to setReviewItemStatus, so that a change someone else made meanwhile is not overwritten.
   */
  version: Scalars['Int']['output'];
};

/** One item of addReviewItems: exactly one of finding or path. */
export type ReviewItemInput = {
  /** A finding id of the session's snapshot. */
  finding?: InputMaybe<Scalars['ID']['input']>;
  /** An opening note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** A path as node keys from start to end; each step must be a CAN_ASSUME or CAN_ESCALATE_TO edge. */
  path?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: InputMaybe<Scalars['String']['input']>;
};

/** Kinds of review items. */
export type ReviewItemKind =
  /** A finding. */
  | 'FINDING'
  /** A path. */
  | 'PATH'
  /** Something a proposed change (a Terraform plan or CloudFormation template) would add (addPlanCheckToReview). */
  | 'PLAN_CHANGE';

/** An audit review of one snapshot. */
export type ReviewSession = {
  __typename?: 'ReviewSession';
  /** The analyst assumptions the review is made under (all true unless set otherwise). */
  assumptions: Assumptions;
  /** When (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Who opened it: the name of the token or sign-in used (a typed-in name follows as a label). */
  createdBy?: Maybe<Scalars['String']['output']>;
  /** Session id. */
  id: Scalars['ID']['output'];
  /** The items, in the order they were added. */
  items: Array<ReviewItem>;
  /** Name. */
  name: Scalars['String']['output'];
  /** The session as a report: MARKDOWN or JSON text. */
  report: Scalars['String']['output'];
  /** The snapshot under review. */
  snapshotId: Scalars['String']['output'];
  /** Items per status. */
  statusCounts: Array<Count>;
};


/** An audit review of one snapshot. */
export type ReviewSessionReportArgs = {
  format?: InputMaybe<ReportFormat>;
};

/** A page of review sessions. */
export type ReviewSessionConnection = {
  __typename?: 'ReviewSessionConnection';
  /** Sessions with cursors. */
  edges: Array<ReviewSessionEdge>;
  /** Sessions of this page. */
  nodes: Array<ReviewSession>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** A session in a connection. */
export type ReviewSessionEdge = {
  __typename?: 'ReviewSessionEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The session. */
  node: ReviewSession;
};

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

/** How an account root ARN (arn:aws:iam::ACCOUNT:root) was read as a caller. */
export type RootReading =
  /** Any principal of an account that is not in the snapshot, its own policies assumed to allow the call. */
  | 'ANY_PRINCIPAL'
  /** The account's root user: no identity policy needed in its own account, only SCPs limit it, it cannot assume roles. */
  | 'ROOT_USER';

/** A role a resource runs as (a function's execution role, an instance profile's role). */
export type RunsAs = {
  __typename?: 'RunsAs';
  /** The instance profile that gives it (EC2). */
  instanceProfileArn?: Maybe<Scalars['String']['output']>;
  /** The role. */
  role: GraphNode;
};

/** Input for setReviewItemStatus. */
export type SetReviewItemStatusInput = {
  /**
   * The item's version as you last read it (ReviewItem.version). When given and the item has changed since,
   * nothing is written and the error has code CONFLICT, with currentVersion and currentStatus in its extensions.
   */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The item. */
  itemId: Scalars['ID']['input'];
  /** Why. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** A display name kept as a label beside the token's or sign-in's name (which is what is recorded). */
  reviewer?: InputMaybe<Scalars['String']['input']>;
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

/** How a person gets a role: the permission sets and groups of the assignments behind it. */
export type SignIn = {
  __typename?: 'SignIn';
  /** The role's account. */
  accountId: Scalars['String']['output'];
  /** An assignment names the person. */
  direct: Scalars['Boolean']['output'];
  /** Groups the assignments were made to; empty when only direct. */
  groups: Array<Scalars['String']['output']>;
  /** The permission sets behind it. */
  permissionSets: Array<Scalars['String']['output']>;
  /** The provisioned role (AWSReservedSSO_...). */
  role: GraphNode;
};

/** The result of evaluating one request. */
export type Simulation = {
  __typename?: 'Simulation';
  /** True when allowed. */
  allowed: Scalars['Boolean']['output'];
  /** Request-time conditions the decision depends on. */
  conditions: Array<Condition>;
  /** True when the context was taken as the whole request. */
  contextComplete: Scalars['Boolean']['output'];
  /** allowed, explicitDeny or implicitDeny. */
  decision: Scalars['String']['output'];
  /** The decisive statements. */
  evidence: Array<StatementRef>;
  /** The evaluation steps in words. */
  reasons: Array<Scalars['String']['output']>;
  /** The snapshot's reference date (ISO 8601): the request was evaluated as made on or after it. */
  referenceDate?: Maybe<Scalars['String']['output']>;
  /** For an account root ARN: ROOT_USER (its account is in the snapshot) or ANY_PRINCIPAL (it is not); null otherwise. */
  rootReading?: Maybe<RootReading>;
};

/** A snapshot: the state of an organization's IAM when its exports were taken. */
export type Snapshot = {
  __typename?: 'Snapshot';
  /** When the snapshot became visible (ISO 8601). */
  completedAt?: Maybe<Scalars['String']['output']>;
  /** Nodes per label and relationships per type. */
  counts: Array<Count>;
  /** When the ingest began (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** snap-YYYYMMDDTHHMMSSZ-xxxxxx. */
  id: Scalars['ID']['output'];
  /** The name given at ingest, else the id. */
  name: Scalars['String']['output'];
  /** The newest date in the exports (ISO 8601): requests are evaluated as made on or after it; null for snapshots loaded before it was kept. */
  referenceDate?: Maybe<Scalars['String']['output']>;
  /** The input files. */
  sources: Array<Scalars['String']['output']>;
  /** loading or complete. */
  status: Scalars['String']['output'];
};

/** A page of snapshots. */
export type SnapshotConnection = {
  __typename?: 'SnapshotConnection';
  /** The snapshots with their cursors. */
  edges: Array<SnapshotEdge>;
  /** The snapshots of this page. */
  nodes: Array<Snapshot>;
  /** Paging. */
  pageInfo: PageInfo;
  /** How many in all. */
  totalCount: Scalars['Int']['output'];
};

/** What appeared or disappeared from one snapshot to another. */
export type SnapshotDiff = {
  __typename?: 'SnapshotDiff';
  /** CAN_ASSUME edges in 'to' but not in 'from' (by caller and role). */
  canAssumeAdded: Array<Edge>;
  /** CAN_ASSUME edges in 'from' but not in 'to'. */
  canAssumeRemoved: Array<Edge>;
  /** CAN_ESCALATE_TO edges in 'to' but not in 'from'. */
  canEscalateToAdded: Array<Edge>;
  /** CAN_ESCALATE_TO edges in 'from' but not in 'to'. */
  canEscalateToRemoved: Array<Edge>;
  /** Findings (by id) in 'to' but not in 'from'. */
  findingsAdded: Array<Finding>;
  /** Findings (by id) in 'from' but not in 'to'. */
  findingsRemoved: Array<Finding>;
  /** The older side. */
  from: Snapshot;
  /** Identity Center edges in 'to' but not in 'from': a person joining a group, a new assignment, a role a person can now sign in as. */
  peopleEdgesAdded: Array<PeopleEdge>;
  /** Identity Center edges in 'from' but not in 'to'. */
  peopleEdgesRemoved: Array<PeopleEdge>;
  /** People, people groups and permission sets (by key) in 'to' but not in 'from'. */
  peopleNodesAdded: Array<GraphNode>;
  /** People, people groups and permission sets in 'from' but not in 'to'. */
  peopleNodesRemoved: Array<GraphNode>;
  /** The newer side. */
  to: Snapshot;
};

/** A snapshot in a connection. */
export type SnapshotEdge = {
  __typename?: 'SnapshotEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The snapshot. */
  node: Snapshot;
};

/** A policy statement that decided (part of) an answer. */
export type StatementRef = {
  __typename?: 'StatementRef';
  /** Allow or Deny. */
  effect: Scalars['String']['output'];
  /** Policy id (ARN, key or SCP id). */
  policyId: Scalars['String']['output'];
  /** identity, trust, boundary, scp, rcp, resource, session, ... */
  policyKind: Scalars['String']['output'];
  /** The statement's Sid. */
  sid?: Maybe<Scalars['String']['output']>;
  /** 0-based position in the policy's Statement list. */
  statementIndex: Scalars['Int']['output'];
};

/** A tag. */
export type Tag = {
  __typename?: 'Tag';
  /** Tag key. */
  key: Scalars['String']['output'];
  /** Tag value. */
  value: Scalars['String']['output'];
};

/** The account × account trust matrix. */
export type TrustMatrix = {
  __typename?: 'TrustMatrix';
  /** The organization's accounts, ordered by OU then name. */
  accounts: Array<MatrixAccount>;
  /** One cell per caller (an account, or an outside group) and target account with an edge. */
  cells: Array<UnitTrust>;
};

/** CAN_ASSUME edges from the callers of one unit into the roles of another. */
export type UnitTrust = {
  __typename?: 'UnitTrust';
  /** Assumption categories (mfa, externalId, network, federation, region, other) of the conditions on those edges. */
  assumptions: Array<Scalars['String']['output']>;
  /** Of which conditional. */
  conditionalCount: Scalars['Int']['output'];
  /** CAN_ASSUME edges. */
  edgeCount: Scalars['Int']['output'];
  /** The callers' unit. */
  from: Scalars['ID']['output'];
  /** The caller's name when `from` is one outside caller. */
  fromName?: Maybe<Scalars['String']['output']>;
  /** Distinct target roles. */
  roleCount: Scalars['Int']['output'];
  /** The target roles' unit. */
  to: Scalars['ID']['output'];
  /** The worst severity of the findings about the target roles; null when none. */
  worstSeverity?: Maybe<Severity>;
};

/** The caller. */
export type Viewer = {
  __typename?: 'Viewer';
  /** READER may read; REVIEWER may also write review sessions. */
  role: Role;
  /** How the caller signed in. */
  via: AuthMethod;
};

/** The principals allowed to make one request. */
export type WhoCan = {
  __typename?: 'WhoCan';
  /** The action asked about. */
  action: Scalars['String']['output'];
  /** Users and roles evaluated: those whose policies (or the role's trust policy) could allow the request. */
  candidates: Scalars['Int']['output'];
  /** The context was taken as the whole request. */
  contextComplete: Scalars['Boolean']['output'];
  /** The allowed principals by ARN (at most first). */
  principals: Array<WhoCanPrincipal>;
  /** The resource ARN asked about, or *. */
  resource: Scalars['String']['output'];
  /** How many are allowed. */
  totalCount: Scalars['Int']['output'];
  /** With viaRoles: principals not allowed themselves that reach an allowed role, shortest first (at most first). */
  viaRoles?: Maybe<Array<Reach>>;
  /** With viaRoles: how many reach an allowed role. */
  viaRolesCount?: Maybe<Scalars['Int']['output']>;
  /** With viaRoles: some may be missing (a hop found too many edges) or were cut at first. */
  viaRolesTruncated?: Maybe<Scalars['Boolean']['output']>;
};

/** Everyone who can reach one resource. */
export type WhoCanAccess = {
  __typename?: 'WhoCanAccess';
  /** The CAN_ACCESS edges into the resource, one per caller and level. */
  direct: Array<AccessPath>;
  /** The level asked about, if one was. */
  level?: Maybe<Scalars['String']['output']>;
  /** The hop bound of the paths. */
  maxHops: Scalars['Int']['output'];
  /** People who sign in as a role of either list, one shortest way per person and level. */
  people: Array<PersonAccess>;
  /** The resource. */
  resource: GraphNode;
  /** Its type. */
  resourceType: Scalars['String']['output'];
  /** Not everyone is listed: a search step found too many edges, or viaPaths stopped at the limit. */
  truncated: Scalars['Boolean']['output'];
  /** Who reaches a direct caller by role chains and escalation, shortest first. */
  viaPaths: Array<AccessPath>;
};

/** A principal allowed to make the request, as simulate reports it. */
export type WhoCanPrincipal = {
  __typename?: 'WhoCanPrincipal';
  /** Allowed only if the conditions hold. */
  conditional: Scalars['Boolean']['output'];
  /** Request-time conditions the decision depends on. */
  conditions: Array<Condition>;
  /** The statements that allowed it. */
  evidence: Array<StatementRef>;
  /** The user or role. */
  node: GraphNode;
  /** The evaluation steps in words. */
  reasons: Array<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessPath: ResolverTypeWrapper<Partial<AccessPath>>;
  Account: ResolverTypeWrapper<Partial<Account>>;
  AccountConnection: ResolverTypeWrapper<Partial<AccountConnection>>;
  AccountEdge: ResolverTypeWrapper<Partial<AccountEdge>>;
  AccountFilter: ResolverTypeWrapper<Partial<AccountFilter>>;
  AccountOrder: ResolverTypeWrapper<Partial<AccountOrder>>;
  AccountOrderField: ResolverTypeWrapper<Partial<AccountOrderField>>;
  AccountTrust: ResolverTypeWrapper<Partial<AccountTrust>>;
  AddPlanCheckToReviewInput: ResolverTypeWrapper<Partial<AddPlanCheckToReviewInput>>;
  AddReviewItemInput: ResolverTypeWrapper<Partial<AddReviewItemInput>>;
  Assignment: ResolverTypeWrapper<Partial<Assignment>>;
  AssignmentConnection: ResolverTypeWrapper<Partial<AssignmentConnection>>;
  AssignmentFilter: ResolverTypeWrapper<Partial<AssignmentFilter>>;
  AssignmentPrincipalType: ResolverTypeWrapper<Partial<AssignmentPrincipalType>>;
  Assumptions: ResolverTypeWrapper<Partial<Assumptions>>;
  AssumptionsInput: ResolverTypeWrapper<Partial<AssumptionsInput>>;
  AuthMethod: ResolverTypeWrapper<Partial<AuthMethod>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  CanAccess: ResolverTypeWrapper<Partial<CanAccess>>;
  ChainStep: ResolverTypeWrapper<Partial<ChainStep>>;
  CheckPlanInput: ResolverTypeWrapper<Partial<CheckPlanInput>>;
  Condition: ResolverTypeWrapper<Partial<Condition>>;
  ContextEntryInput: ResolverTypeWrapper<Partial<ContextEntryInput>>;
  Count: ResolverTypeWrapper<Partial<Count>>;
  CreateReviewSessionInput: ResolverTypeWrapper<Partial<CreateReviewSessionInput>>;
  Direction: ResolverTypeWrapper<Partial<Direction>>;
  Edge: ResolverTypeWrapper<Partial<Edge>>;
  EdgeConnection: ResolverTypeWrapper<Partial<EdgeConnection>>;
  EdgeDirection: ResolverTypeWrapper<Partial<EdgeDirection>>;
  EdgeEdge: ResolverTypeWrapper<Partial<EdgeEdge>>;
  EdgeOrder: ResolverTypeWrapper<Partial<EdgeOrder>>;
  EdgeOrderField: ResolverTypeWrapper<Partial<EdgeOrderField>>;
  EdgeType: ResolverTypeWrapper<Partial<EdgeType>>;
  EscalationPaths: ResolverTypeWrapper<Partial<EscalationPaths>>;
  ExternalAccess: ResolverTypeWrapper<Partial<ExternalAccess>>;
  ExternalAccessConnection: ResolverTypeWrapper<Partial<ExternalAccessConnection>>;
  ExternalAccessEdge: ResolverTypeWrapper<Partial<ExternalAccessEdge>>;
  Finding: ResolverTypeWrapper<Partial<Finding>>;
  FindingConnection: ResolverTypeWrapper<Partial<FindingConnection>>;
  FindingEdge: ResolverTypeWrapper<Partial<FindingEdge>>;
  FindingOrder: ResolverTypeWrapper<Partial<FindingOrder>>;
  FindingOrderField: ResolverTypeWrapper<Partial<FindingOrderField>>;
  GraphNode: ResolverTypeWrapper<Partial<GraphNode>>;
  Group: ResolverTypeWrapper<Partial<Group>>;
  ID: ResolverTypeWrapper<Partial<Scalars['ID']['output']>>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  MatrixAccount: ResolverTypeWrapper<Partial<MatrixAccount>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NodeKind: ResolverTypeWrapper<Partial<NodeKind>>;
  Organization: ResolverTypeWrapper<Partial<Organization>>;
  OrganizationOverview: ResolverTypeWrapper<Partial<OrganizationOverview>>;
  OrganizationalUnit: ResolverTypeWrapper<Partial<OrganizationalUnit>>;
  OverviewUnit: ResolverTypeWrapper<Partial<OverviewUnit>>;
  OverviewUnitKind: ResolverTypeWrapper<Partial<OverviewUnitKind>>;
  PageInfo: ResolverTypeWrapper<Partial<PageInfo>>;
  Path: ResolverTypeWrapper<Partial<Path>>;
  PeopleByGroup: ResolverTypeWrapper<Partial<PeopleByGroup>>;
  PeopleEdge: ResolverTypeWrapper<Partial<PeopleEdge>>;
  PeopleEdgeType: ResolverTypeWrapper<Partial<PeopleEdgeType>>;
  PeopleFilter: ResolverTypeWrapper<Partial<PeopleFilter>>;
  PeopleGroup: ResolverTypeWrapper<Partial<PeopleGroup>>;
  PeopleGroupConnection: ResolverTypeWrapper<Partial<PeopleGroupConnection>>;
  PeopleGroupFilter: ResolverTypeWrapper<Partial<PeopleGroupFilter>>;
  PeopleWhoCanReach: ResolverTypeWrapper<Partial<PeopleWhoCanReach>>;
  PermissionSet: ResolverTypeWrapper<Partial<PermissionSet>>;
  PermissionSetConnection: ResolverTypeWrapper<Partial<PermissionSetConnection>>;
  PermissionSetFilter: ResolverTypeWrapper<Partial<PermissionSetFilter>>;
  PermissionSetHolder: ResolverTypeWrapper<Partial<PermissionSetHolder>>;
  Person: ResolverTypeWrapper<Partial<Person>>;
  PersonAccess: ResolverTypeWrapper<Partial<PersonAccess>>;
  PersonConnection: ResolverTypeWrapper<Partial<PersonConnection>>;
  PersonReach: ResolverTypeWrapper<Partial<PersonReach>>;
  PersonWay: ResolverTypeWrapper<Partial<PersonWay>>;
  PersonWayTo: ResolverTypeWrapper<Partial<PersonWayTo>>;
  PlanAdminPath: ResolverTypeWrapper<Partial<PlanAdminPath>>;
  PlanChangeEvidence: ResolverTypeWrapper<Partial<PlanChangeEvidence>>;
  PlanChangeKind: ResolverTypeWrapper<Partial<PlanChangeKind>>;
  PlanCheckReport: ResolverTypeWrapper<Partial<PlanCheckReport>>;
  PlanCheckReview: ResolverTypeWrapper<Partial<PlanCheckReview>>;
  PlanEdgeChange: ResolverTypeWrapper<Partial<PlanEdgeChange>>;
  PlanFindingChange: ResolverTypeWrapper<Partial<PlanFindingChange>>;
  PlanGateFailure: ResolverTypeWrapper<Partial<PlanGateFailure>>;
  PlanHop: ResolverTypeWrapper<Partial<PlanHop>>;
  PlanUnknownValue: ResolverTypeWrapper<Partial<PlanUnknownValue>>;
  Policy: ResolverTypeWrapper<Partial<Policy>>;
  Principal: ResolverTypeWrapper<Partial<Principal>>;
  PrincipalConnection: ResolverTypeWrapper<Partial<PrincipalConnection>>;
  PrincipalEdge: ResolverTypeWrapper<Partial<PrincipalEdge>>;
  PrincipalFilter: ResolverTypeWrapper<Partial<PrincipalFilter>>;
  PrincipalKind: ResolverTypeWrapper<Partial<PrincipalKind>>;
  PrincipalOrder: ResolverTypeWrapper<Partial<PrincipalOrder>>;
  PrincipalOrderField: ResolverTypeWrapper<Partial<PrincipalOrderField>>;
  ProviderTrust: ResolverTypeWrapper<Partial<ProviderTrust>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reach: ResolverTypeWrapper<Partial<Reach>>;
  ReachConnection: ResolverTypeWrapper<Partial<ReachConnection>>;
  ReachEdge: ResolverTypeWrapper<Partial<ReachEdge>>;
  ReachOrder: ResolverTypeWrapper<Partial<ReachOrder>>;
  ReachOrderField: ResolverTypeWrapper<Partial<ReachOrderField>>;
  ReportFormat: ResolverTypeWrapper<Partial<ReportFormat>>;
  Resource: ResolverTypeWrapper<Partial<Resource>>;
  ResourceAccess: ResolverTypeWrapper<Partial<ResourceAccess>>;
  ResourceFilter: ResolverTypeWrapper<Partial<ResourceFilter>>;
  ResourceListConnection: ResolverTypeWrapper<Partial<ResourceListConnection>>;
  ResourceListEdge: ResolverTypeWrapper<Partial<ResourceListEdge>>;
  ResourceListItem: ResolverTypeWrapper<Partial<ResourceListItem>>;
  ReviewEvent: ResolverTypeWrapper<Partial<ReviewEvent>>;
  ReviewItem: ResolverTypeWrapper<Partial<ReviewItem>>;
  ReviewItemInput: ResolverTypeWrapper<Partial<ReviewItemInput>>;
  ReviewItemKind: ResolverTypeWrapper<Partial<ReviewItemKind>>;
  ReviewSession: ResolverTypeWrapper<Partial<ReviewSession>>;
  ReviewSessionConnection: ResolverTypeWrapper<Partial<ReviewSessionConnection>>;
  ReviewSessionEdge: ResolverTypeWrapper<Partial<ReviewSessionEdge>>;
  ReviewStatus: ResolverTypeWrapper<Partial<ReviewStatus>>;
  Role: ResolverTypeWrapper<Partial<Role>>;
  RootReading: ResolverTypeWrapper<Partial<RootReading>>;
  RunsAs: ResolverTypeWrapper<Partial<RunsAs>>;
  SetReviewItemStatusInput: ResolverTypeWrapper<Partial<SetReviewItemStatusInput>>;
  Severity: ResolverTypeWrapper<Partial<Severity>>;
  SignIn: ResolverTypeWrapper<Partial<SignIn>>;
  Simulation: ResolverTypeWrapper<Partial<Simulation>>;
  Snapshot: ResolverTypeWrapper<Partial<Snapshot>>;
  SnapshotConnection: ResolverTypeWrapper<Partial<SnapshotConnection>>;
  SnapshotDiff: ResolverTypeWrapper<Partial<SnapshotDiff>>;
  SnapshotEdge: ResolverTypeWrapper<Partial<SnapshotEdge>>;
  StatementRef: ResolverTypeWrapper<Partial<StatementRef>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Tag: ResolverTypeWrapper<Partial<Tag>>;
  TrustMatrix: ResolverTypeWrapper<Partial<TrustMatrix>>;
  UnitTrust: ResolverTypeWrapper<Partial<UnitTrust>>;
  Viewer: ResolverTypeWrapper<Partial<Viewer>>;
  WhoCan: ResolverTypeWrapper<Partial<WhoCan>>;
  WhoCanAccess: ResolverTypeWrapper<Partial<WhoCanAccess>>;
  WhoCanPrincipal: ResolverTypeWrapper<Partial<WhoCanPrincipal>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessPath: Partial<AccessPath>;
  Account: Partial<Account>;
  AccountConnection: Partial<AccountConnection>;
  AccountEdge: Partial<AccountEdge>;
  AccountFilter: Partial<AccountFilter>;
  AccountOrder: Partial<AccountOrder>;
  AccountTrust: Partial<AccountTrust>;
  AddPlanCheckToReviewInput: Partial<AddPlanCheckToReviewInput>;
  AddReviewItemInput: Partial<AddReviewItemInput>;
  Assignment: Partial<Assignment>;
  AssignmentConnection: Partial<AssignmentConnection>;
  AssignmentFilter: Partial<AssignmentFilter>;
  Assumptions: Partial<Assumptions>;
  AssumptionsInput: Partial<AssumptionsInput>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  CanAccess: Partial<CanAccess>;
  ChainStep: Partial<ChainStep>;
  CheckPlanInput: Partial<CheckPlanInput>;
  Condition: Partial<Condition>;
  ContextEntryInput: Partial<ContextEntryInput>;
  Count: Partial<Count>;
  CreateReviewSessionInput: Partial<CreateReviewSessionInput>;
  Edge: Partial<Edge>;
  EdgeConnection: Partial<EdgeConnection>;
  EdgeEdge: Partial<EdgeEdge>;
  EdgeOrder: Partial<EdgeOrder>;
  EscalationPaths: Partial<EscalationPaths>;
  ExternalAccess: Partial<ExternalAccess>;
  ExternalAccessConnection: Partial<ExternalAccessConnection>;
  ExternalAccessEdge: Partial<ExternalAccessEdge>;
  Finding: Partial<Finding>;
  FindingConnection: Partial<FindingConnection>;
  FindingEdge: Partial<FindingEdge>;
  FindingOrder: Partial<FindingOrder>;
  GraphNode: Partial<GraphNode>;
  Group: Partial<Group>;
  ID: Partial<Scalars['ID']['output']>;
  Int: Partial<Scalars['Int']['output']>;
  MatrixAccount: Partial<MatrixAccount>;
  Mutation: Record<PropertyKey, never>;
  Organization: Partial<Organization>;
  OrganizationOverview: Partial<OrganizationOverview>;
  OrganizationalUnit: Partial<OrganizationalUnit>;
  OverviewUnit: Partial<OverviewUnit>;
  PageInfo: Partial<PageInfo>;
  Path: Partial<Path>;
  PeopleByGroup: Partial<PeopleByGroup>;
  PeopleEdge: Partial<PeopleEdge>;
  PeopleFilter: Partial<PeopleFilter>;
  PeopleGroup: Partial<PeopleGroup>;
  PeopleGroupConnection: Partial<PeopleGroupConnection>;
  PeopleGroupFilter: Partial<PeopleGroupFilter>;
  PeopleWhoCanReach: Partial<PeopleWhoCanReach>;
  PermissionSet: Partial<PermissionSet>;
  PermissionSetConnection: Partial<PermissionSetConnection>;
  PermissionSetFilter: Partial<PermissionSetFilter>;
  PermissionSetHolder: Partial<PermissionSetHolder>;
  Person: Partial<Person>;
  PersonAccess: Partial<PersonAccess>;
  PersonConnection: Partial<PersonConnection>;
  PersonReach: Partial<PersonReach>;
  PersonWay: Partial<PersonWay>;
  PersonWayTo: Partial<PersonWayTo>;
  PlanAdminPath: Partial<PlanAdminPath>;
  PlanChangeEvidence: Partial<PlanChangeEvidence>;
  PlanCheckReport: Partial<PlanCheckReport>;
  PlanCheckReview: Partial<PlanCheckReview>;
  PlanEdgeChange: Partial<PlanEdgeChange>;
  PlanFindingChange: Partial<PlanFindingChange>;
  PlanGateFailure: Partial<PlanGateFailure>;
  PlanHop: Partial<PlanHop>;
  PlanUnknownValue: Partial<PlanUnknownValue>;
  Policy: Partial<Policy>;
  Principal: Partial<Principal>;
  PrincipalConnection: Partial<PrincipalConnection>;
  PrincipalEdge: Partial<PrincipalEdge>;
  PrincipalFilter: Partial<PrincipalFilter>;
  PrincipalOrder: Partial<PrincipalOrder>;
  ProviderTrust: Partial<ProviderTrust>;
  Query: Record<PropertyKey, never>;
  Reach: Partial<Reach>;
  ReachConnection: Partial<ReachConnection>;
  ReachEdge: Partial<ReachEdge>;
  ReachOrder: Partial<ReachOrder>;
  Resource: Partial<Resource>;
  ResourceAccess: Partial<ResourceAccess>;
  ResourceFilter: Partial<ResourceFilter>;
  ResourceListConnection: Partial<ResourceListConnection>;
  ResourceListEdge: Partial<ResourceListEdge>;
  ResourceListItem: Partial<ResourceListItem>;
  ReviewEvent: Partial<ReviewEvent>;
  ReviewItem: Partial<ReviewItem>;
  ReviewItemInput: Partial<ReviewItemInput>;
  ReviewSession: Partial<ReviewSession>;
  ReviewSessionConnection: Partial<ReviewSessionConnection>;
  ReviewSessionEdge: Partial<ReviewSessionEdge>;
  RunsAs: Partial<RunsAs>;
  SetReviewItemStatusInput: Partial<SetReviewItemStatusInput>;
  SignIn: Partial<SignIn>;
  Simulation: Partial<Simulation>;
  Snapshot: Partial<Snapshot>;
  SnapshotConnection: Partial<SnapshotConnection>;
  SnapshotDiff: Partial<SnapshotDiff>;
  SnapshotEdge: Partial<SnapshotEdge>;
  StatementRef: Partial<StatementRef>;
  String: Partial<Scalars['String']['output']>;
  Tag: Partial<Tag>;
  TrustMatrix: Partial<TrustMatrix>;
  UnitTrust: Partial<UnitTrust>;
  Viewer: Partial<Viewer>;
  WhoCan: Partial<WhoCan>;
  WhoCanAccess: Partial<WhoCanAccess>;
  WhoCanPrincipal: Partial<WhoCanPrincipal>;
};

export type AccessPathResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AccessPath'] = ResolversParentTypes['AccessPath']> = {
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['Path'], ParentType, ContextType>;
};

export type AccountResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  edges?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<AccountEdgesArgs, 'direction' | 'first' | 'type'>>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  external?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasIamData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inOrganization?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isManagement?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  principals?: Resolver<ResolversTypes['PrincipalConnection'], ParentType, ContextType, RequireFields<AccountPrincipalsArgs, 'first'>>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccountConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AccountConnection'] = ResolversParentTypes['AccountConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccountEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccountEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AccountEdge'] = ResolversParentTypes['AccountEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
};

export type AccountTrustResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AccountTrust'] = ResolversParentTypes['AccountTrust']> = {
  assumptions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conditionalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edgeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<AccountTrustEdgesArgs, 'first'>>;
  external?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fromAccount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toAccount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  worstSeverity?: Resolver<Maybe<ResolversTypes['Severity']>, ParentType, ContextType>;
};

export type AssignmentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Assignment'] = ResolversParentTypes['Assignment']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accountName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['PeopleGroup']>, ParentType, ContextType>;
  permissionSet?: Resolver<ResolversTypes['PermissionSet'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  principalType?: Resolver<ResolversTypes['AssignmentPrincipalType'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['GraphNode']>, ParentType, ContextType>;
};

export type AssignmentConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AssignmentConnection'] = ResolversParentTypes['AssignmentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Assignment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AssumptionsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Assumptions'] = ResolversParentTypes['Assumptions']> = {
  externalId?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  federation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mfa?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  other?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CanAccessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['CanAccess'] = ResolversParentTypes['CanAccess']> = {
  maxHops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  principal?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  resources?: Resolver<Array<ResolversTypes['ResourceAccess']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ChainStepResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ChainStep'] = ResolversParentTypes['ChainStep']> = {
  actions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['StatementRef']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modifies?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConditionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Condition'] = ResolversParentTypes['Condition']> = {
  assumption?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mustHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  operator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['StatementRef']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CountResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Edge'] = ResolversParentTypes['Edge']> = {
  actions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  chain?: Resolver<Array<ResolversTypes['ChainStep']>, ParentType, ContextType>;
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['Condition']>, ParentType, ContextType>;
  crossAccount?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  crossOrganization?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['StatementRef']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mechanism?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orgPolicyIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  public?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  roleChaining?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EdgeType'], ParentType, ContextType>;
  via?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EdgeConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EdgeConnection'] = ResolversParentTypes['EdgeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EdgeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EdgeEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EdgeEdge'] = ResolversParentTypes['EdgeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Edge'], ParentType, ContextType>;
};

export type EscalationPathsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EscalationPaths'] = ResolversParentTypes['EscalationPaths']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paths?: Resolver<Array<ResolversTypes['Path']>, ParentType, ContextType>;
};

export type ExternalAccessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ExternalAccess'] = ResolversParentTypes['ExternalAccess']> = {
  actions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  caller?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['Condition']>, ParentType, ContextType>;
  finding?: Resolver<ResolversTypes['Finding'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['StatementRef']>, ParentType, ContextType>;
  zoneOfTrust?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ExternalAccessConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ExternalAccessConnection'] = ResolversParentTypes['ExternalAccessConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExternalAccessEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ExternalAccess']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExternalAccessEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ExternalAccessEdge'] = ResolversParentTypes['ExternalAccessEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExternalAccess'], ParentType, ContextType>;
};

export type FindingResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding']> = {
  evidence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  subjectKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['GraphNode']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  why?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FindingConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingConnection'] = ResolversParentTypes['FindingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FindingEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FindingEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingEdge'] = ResolversParentTypes['FindingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Finding'], ParentType, ContextType>;
};

export type GraphNodeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['GraphNode'] = ResolversParentTypes['GraphNode']> = {
  accountId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  arn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  external?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isAdmin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NodeKind'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GroupResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  arn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType>;
};

export type MatrixAccountResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['MatrixAccount'] = ResolversParentTypes['MatrixAccount']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ouId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  ouPath?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  roleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  worstSeverity?: Resolver<Maybe<ResolversTypes['Severity']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addPlanCheckToReview?: Resolver<ResolversTypes['PlanCheckReview'], ParentType, ContextType, RequireFields<MutationAddPlanCheckToReviewArgs, 'input'>>;
  addReviewItem?: Resolver<ResolversTypes['ReviewItem'], ParentType, ContextType, RequireFields<MutationAddReviewItemArgs, 'input'>>;
  addReviewItems?: Resolver<Array<ResolversTypes['ReviewItem']>, ParentType, ContextType, RequireFields<MutationAddReviewItemsArgs, 'items' | 'sessionId'>>;
  checkPlan?: Resolver<ResolversTypes['PlanCheckReport'], ParentType, ContextType, RequireFields<MutationCheckPlanArgs, 'input'>>;
  createReviewSession?: Resolver<ResolversTypes['ReviewSession'], ParentType, ContextType, RequireFields<MutationCreateReviewSessionArgs, 'input'>>;
  setReviewItemStatus?: Resolver<ResolversTypes['ReviewItem'], ParentType, ContextType, RequireFields<MutationSetReviewItemStatusArgs, 'input'>>;
  setReviewSessionAssumptions?: Resolver<ResolversTypes['ReviewSession'], ParentType, ContextType, RequireFields<MutationSetReviewSessionAssumptionsArgs, 'assumptions' | 'id'>>;
};

export type OrganizationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  managementAccountId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  root?: Resolver<Maybe<ResolversTypes['OrganizationalUnit']>, ParentType, ContextType>;
};

export type OrganizationOverviewResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['OrganizationOverview'] = ResolversParentTypes['OrganizationOverview']> = {
  accountCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  accounts?: Resolver<Array<ResolversTypes['OverviewUnit']>, ParentType, ContextType>;
  trust?: Resolver<Array<ResolversTypes['UnitTrust']>, ParentType, ContextType>;
  units?: Resolver<Array<ResolversTypes['OverviewUnit']>, ParentType, ContextType>;
};

export type OrganizationalUnitResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['OrganizationalUnit'] = ResolversParentTypes['OrganizationalUnit']> = {
  accounts?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['OrganizationalUnit']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isRoot?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType>;
};

export type OverviewUnitResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['OverviewUnit'] = ResolversParentTypes['OverviewUnit']> = {
  accountCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expanded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OverviewUnitKind'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  roleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trustAtBox?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  trustFromOutside?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trustIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trustOut?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  worstSeverity?: Resolver<Maybe<ResolversTypes['Severity']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PathResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  conditionKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  crossAccount?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['GraphNode']>, ParentType, ContextType>;
};

export type PeopleByGroupResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PeopleByGroup'] = ResolversParentTypes['PeopleByGroup']> = {
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  people?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PeopleEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PeopleEdge'] = ResolversParentTypes['PeopleEdge']> = {
  accountId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  direct?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  permissionSets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PeopleEdgeType'], ParentType, ContextType>;
};

export type PeopleGroupResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PeopleGroup'] = ResolversParentTypes['PeopleGroup']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PeopleGroupConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PeopleGroupConnection'] = ResolversParentTypes['PeopleGroupConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['PeopleGroup']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PeopleWhoCanReachResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PeopleWhoCanReach'] = ResolversParentTypes['PeopleWhoCanReach']> = {
  account?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  byGroup?: Resolver<Array<ResolversTypes['PeopleByGroup']>, ParentType, ContextType>;
  people?: Resolver<Array<ResolversTypes['PersonWayTo']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PermissionSetResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PermissionSet'] = ResolversParentTypes['PermissionSet']> = {
  arn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  assignedAccountIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  assignments?: Resolver<Array<ResolversTypes['Assignment']>, ParentType, ContextType>;
  awsManagedPolicyArns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  customerManagedPolicies?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holders?: Resolver<Array<ResolversTypes['PermissionSetHolder']>, ParentType, ContextType>;
  inlinePolicy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissionsBoundary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provisionedAccountIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  relayState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sessionDuration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PermissionSetConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PermissionSetConnection'] = ResolversParentTypes['PermissionSetConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['PermissionSet']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PermissionSetHolderResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PermissionSetHolder'] = ResolversParentTypes['PermissionSetHolder']> = {
  accountIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  direct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type PersonResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  assignments?: Resolver<Array<ResolversTypes['Assignment']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emails?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['PeopleGroup']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signIns?: Resolver<Array<ResolversTypes['SignIn']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PersonAccessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PersonAccess'] = ResolversParentTypes['PersonAccess']> = {
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['Path'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  signIn?: Resolver<ResolversTypes['SignIn'], ParentType, ContextType>;
};

export type PersonConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PersonReachResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PersonReach'] = ResolversParentTypes['PersonReach']> = {
  admin?: Resolver<Array<ResolversTypes['PersonWay']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  reach?: Resolver<Array<ResolversTypes['PersonWay']>, ParentType, ContextType>;
  signIns?: Resolver<Array<ResolversTypes['SignIn']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PersonWayResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PersonWay'] = ResolversParentTypes['PersonWay']> = {
  adminOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  how?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  signIn?: Resolver<ResolversTypes['SignIn'], ParentType, ContextType>;
};

export type PersonWayToResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PersonWayTo'] = ResolversParentTypes['PersonWayTo']> = {
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  way?: Resolver<ResolversTypes['PersonWay'], ParentType, ContextType>;
};

export type PlanAdminPathResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanAdminPath'] = ResolversParentTypes['PlanAdminPath']> = {
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  adminAccount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hops?: Resolver<Array<ResolversTypes['PlanHop']>, ParentType, ContextType>;
};

export type PlanChangeEvidenceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanChangeEvidence'] = ResolversParentTypes['PlanChangeEvidence']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  adminAccount?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  counts?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  failures?: Resolver<Array<ResolversTypes['PlanGateFailure']>, ParentType, ContextType>;
  finding?: Resolver<Maybe<ResolversTypes['PlanFindingChange']>, ParentType, ContextType>;
  hops?: Resolver<Array<ResolversTypes['PlanHop']>, ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  what?: Resolver<ResolversTypes['PlanChangeKind'], ParentType, ContextType>;
};

export type PlanCheckReportResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanCheckReport'] = ResolversParentTypes['PlanCheckReport']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accountSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  addedEdges?: Resolver<Array<ResolversTypes['PlanEdgeChange']>, ParentType, ContextType>;
  failures?: Resolver<Array<ResolversTypes['PlanGateFailure']>, ParentType, ContextType>;
  newAdminPathCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newAdminPaths?: Resolver<Array<ResolversTypes['PlanAdminPath']>, ParentType, ContextType>;
  newExternalTrust?: Resolver<Array<ResolversTypes['PlanEdgeChange']>, ParentType, ContextType>;
  newFindings?: Resolver<Array<ResolversTypes['PlanFindingChange']>, ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  removedAdminPaths?: Resolver<Array<ResolversTypes['PlanAdminPath']>, ParentType, ContextType>;
  removedEdges?: Resolver<Array<ResolversTypes['PlanEdgeChange']>, ParentType, ContextType>;
  resolvedFindings?: Resolver<Array<ResolversTypes['PlanFindingChange']>, ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Snapshot'], ParentType, ContextType>;
  unknowns?: Resolver<Array<ResolversTypes['PlanUnknownValue']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PlanCheckReviewResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanCheckReview'] = ResolversParentTypes['PlanCheckReview']> = {
  items?: Resolver<Array<ResolversTypes['ReviewItem']>, ParentType, ContextType>;
  report?: Resolver<ResolversTypes['PlanCheckReport'], ParentType, ContextType>;
};

export type PlanEdgeChangeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanEdgeChange'] = ResolversParentTypes['PlanEdgeChange']> = {
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conditionKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanFindingChangeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanFindingChange'] = ResolversParentTypes['PlanFindingChange']> = {
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  why?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanGateFailureResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanGateFailure'] = ResolversParentTypes['PlanGateFailure']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanHopResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanHop'] = ResolversParentTypes['PlanHop']> = {
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanUnknownValueResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PlanUnknownValue'] = ResolversParentTypes['PlanUnknownValue']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  attribute?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PolicyResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Policy'] = ResolversParentTypes['Policy']> = {
  arn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PrincipalResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Principal'] = ResolversParentTypes['Principal']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  arn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  assumableBy?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<PrincipalAssumableByArgs, 'first'>>;
  boundary?: Resolver<Maybe<ResolversTypes['Policy']>, ParentType, ContextType>;
  canAssume?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<PrincipalCanAssumeArgs, 'first'>>;
  canEscalateTo?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<PrincipalCanEscalateToArgs, 'first'>>;
  createDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PrincipalKind'], ParentType, ContextType>;
  lastUsedDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType>;
  serviceLinked?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
  trustPolicy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PrincipalConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PrincipalConnection'] = ResolversParentTypes['PrincipalConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PrincipalEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Principal']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PrincipalEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PrincipalEdge'] = ResolversParentTypes['PrincipalEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Principal'], ParentType, ContextType>;
};

export type ProviderTrustResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ProviderTrust'] = ResolversParentTypes['ProviderTrust']> = {
  assumptions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conditionalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  roleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toAccount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType, RequireFields<QueryAccountArgs, 'id'>>;
  accounts?: Resolver<ResolversTypes['AccountConnection'], ParentType, ContextType, RequireFields<QueryAccountsArgs, 'first' | 'orderBy'>>;
  assignments?: Resolver<ResolversTypes['AssignmentConnection'], ParentType, ContextType, RequireFields<QueryAssignmentsArgs, 'first'>>;
  canAccess?: Resolver<ResolversTypes['CanAccess'], ParentType, ContextType, RequireFields<QueryCanAccessArgs, 'limit' | 'maxHops' | 'principal'>>;
  crossAccountTrust?: Resolver<Array<ResolversTypes['AccountTrust']>, ParentType, ContextType, Partial<QueryCrossAccountTrustArgs>>;
  escalationPaths?: Resolver<ResolversTypes['EscalationPaths'], ParentType, ContextType, RequireFields<QueryEscalationPathsArgs, 'from' | 'includeAssumeOnly' | 'limit' | 'maxHops'>>;
  externalAccess?: Resolver<ResolversTypes['ExternalAccessConnection'], ParentType, ContextType, RequireFields<QueryExternalAccessArgs, 'first' | 'publicOnly'>>;
  externalTrust?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<QueryExternalTrustArgs, 'first' | 'orderBy'>>;
  finding?: Resolver<Maybe<ResolversTypes['Finding']>, ParentType, ContextType, RequireFields<QueryFindingArgs, 'id'>>;
  findings?: Resolver<ResolversTypes['FindingConnection'], ParentType, ContextType, RequireFields<QueryFindingsArgs, 'first' | 'orderBy'>>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, Partial<QueryOrganizationArgs>>;
  organizationOverview?: Resolver<ResolversTypes['OrganizationOverview'], ParentType, ContextType, RequireFields<QueryOrganizationOverviewArgs, 'expand'>>;
  paths?: Resolver<Array<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryPathsArgs, 'from' | 'limit' | 'maxHops' | 'to'>>;
  people?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<QueryPeopleArgs, 'first'>>;
  peopleGroups?: Resolver<ResolversTypes['PeopleGroupConnection'], ParentType, ContextType, RequireFields<QueryPeopleGroupsArgs, 'first'>>;
  peopleWhoCanReach?: Resolver<ResolversTypes['PeopleWhoCanReach'], ParentType, ContextType, RequireFields<QueryPeopleWhoCanReachArgs, 'maxHops' | 'role'>>;
  permissionSet?: Resolver<Maybe<ResolversTypes['PermissionSet']>, ParentType, ContextType, RequireFields<QueryPermissionSetArgs, 'id'>>;
  permissionSets?: Resolver<ResolversTypes['PermissionSetConnection'], ParentType, ContextType, RequireFields<QueryPermissionSetsArgs, 'first'>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
  personReach?: Resolver<ResolversTypes['PersonReach'], ParentType, ContextType, RequireFields<QueryPersonReachArgs, 'limit' | 'maxHops' | 'person'>>;
  principal?: Resolver<Maybe<ResolversTypes['Principal']>, ParentType, ContextType, RequireFields<QueryPrincipalArgs, 'arn'>>;
  principals?: Resolver<ResolversTypes['PrincipalConnection'], ParentType, ContextType, RequireFields<QueryPrincipalsArgs, 'first' | 'orderBy'>>;
  providerTrust?: Resolver<Array<ResolversTypes['ProviderTrust']>, ParentType, ContextType, Partial<QueryProviderTrustArgs>>;
  reachableFrom?: Resolver<ResolversTypes['ReachConnection'], ParentType, ContextType, RequireFields<QueryReachableFromArgs, 'first' | 'maxHops' | 'orderBy' | 'principal'>>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType, RequireFields<QueryResourceArgs, 'arn'>>;
  resources?: Resolver<ResolversTypes['ResourceListConnection'], ParentType, ContextType, RequireFields<QueryResourcesArgs, 'first'>>;
  reviewSession?: Resolver<Maybe<ResolversTypes['ReviewSession']>, ParentType, ContextType, RequireFields<QueryReviewSessionArgs, 'id'>>;
  reviewSessions?: Resolver<ResolversTypes['ReviewSessionConnection'], ParentType, ContextType, RequireFields<QueryReviewSessionsArgs, 'first'>>;
  simulate?: Resolver<ResolversTypes['Simulation'], ParentType, ContextType, RequireFields<QuerySimulateArgs, 'action' | 'contextComplete' | 'principal' | 'resource'>>;
  snapshot?: Resolver<ResolversTypes['Snapshot'], ParentType, ContextType, Partial<QuerySnapshotArgs>>;
  snapshotDiff?: Resolver<ResolversTypes['SnapshotDiff'], ParentType, ContextType, RequireFields<QuerySnapshotDiffArgs, 'from' | 'to'>>;
  snapshots?: Resolver<ResolversTypes['SnapshotConnection'], ParentType, ContextType, RequireFields<QuerySnapshotsArgs, 'first'>>;
  trustBetween?: Resolver<ResolversTypes['EdgeConnection'], ParentType, ContextType, RequireFields<QueryTrustBetweenArgs, 'first' | 'from' | 'to'>>;
  trustMatrix?: Resolver<ResolversTypes['TrustMatrix'], ParentType, ContextType, Partial<QueryTrustMatrixArgs>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  whoCan?: Resolver<ResolversTypes['WhoCan'], ParentType, ContextType, RequireFields<QueryWhoCanArgs, 'action' | 'contextComplete' | 'first' | 'maxHops' | 'resource' | 'viaRoles'>>;
  whoCanAccess?: Resolver<ResolversTypes['WhoCanAccess'], ParentType, ContextType, RequireFields<QueryWhoCanAccessArgs, 'includePaths' | 'limit' | 'maxHops' | 'resource'>>;
  whoCanAssume?: Resolver<ResolversTypes['ReachConnection'], ParentType, ContextType, RequireFields<QueryWhoCanAssumeArgs, 'first' | 'maxHops' | 'orderBy' | 'role'>>;
};

export type ReachResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Reach'] = ResolversParentTypes['Reach']> = {
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['Path'], ParentType, ContextType>;
};

export type ReachConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReachConnection'] = ResolversParentTypes['ReachConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReachEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Reach']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ReachEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReachEdge'] = ResolversParentTypes['ReachEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Reach'], ParentType, ContextType>;
};

export type ResourceResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Resource'] = ResolversParentTypes['Resource']> = {
  account?: Resolver<Maybe<ResolversTypes['GraphNode']>, ParentType, ContextType>;
  accountId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  citedStatements?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  externalAccess?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  policy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  runsAs?: Resolver<Array<ResolversTypes['RunsAs']>, ParentType, ContextType>;
  sensitive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceFile?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ResourceAccessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ResourceAccess'] = ResolversParentTypes['ResourceAccess']> = {
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['Path'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ResourceListConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ResourceListConnection'] = ResolversParentTypes['ResourceListConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ResourceListEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ResourceListItem']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ResourceListEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ResourceListEdge'] = ResolversParentTypes['ResourceListEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ResourceListItem'], ParentType, ContextType>;
};

export type ResourceListItemResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ResourceListItem'] = ResolversParentTypes['ResourceListItem']> = {
  externalAccess?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sensitive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReviewEventResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReviewEvent'] = ResolversParentTypes['ReviewEvent']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['ReviewStatus']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStatus?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
};

export type ReviewItemResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReviewItem'] = ResolversParentTypes['ReviewItem']> = {
  finding?: Resolver<Maybe<ResolversTypes['Finding']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ReviewEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReviewItemKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['Path']>, ParentType, ContextType>;
  planChange?: Resolver<Maybe<ResolversTypes['PlanChangeEvidence']>, ParentType, ContextType>;
  reviewer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
  subjectKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReviewSessionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReviewSession'] = ResolversParentTypes['ReviewSession']> = {
  assumptions?: Resolver<ResolversTypes['Assumptions'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ReviewItem']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  report?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ReviewSessionReportArgs, 'format'>>;
  snapshotId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statusCounts?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
};

export type ReviewSessionConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReviewSessionConnection'] = ResolversParentTypes['ReviewSessionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReviewSessionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ReviewSession']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReviewSessionEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ReviewSessionEdge'] = ResolversParentTypes['ReviewSessionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ReviewSession'], ParentType, ContextType>;
};

export type RunsAsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['RunsAs'] = ResolversParentTypes['RunsAs']> = {
  instanceProfileArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
};

export type SignInResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SignIn'] = ResolversParentTypes['SignIn']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  direct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  permissionSets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
};

export type SimulationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Simulation'] = ResolversParentTypes['Simulation']> = {
  allowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['Condition']>, ParentType, ContextType>;
  contextComplete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['StatementRef']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  referenceDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rootReading?: Resolver<Maybe<ResolversTypes['RootReading']>, ParentType, ContextType>;
};

export type SnapshotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Snapshot'] = ResolversParentTypes['Snapshot']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  counts?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referenceDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SnapshotConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SnapshotConnection'] = ResolversParentTypes['SnapshotConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SnapshotEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Snapshot']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SnapshotDiffResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SnapshotDiff'] = ResolversParentTypes['SnapshotDiff']> = {
  canAssumeAdded?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  canAssumeRemoved?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  canEscalateToAdded?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  canEscalateToRemoved?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  findingsAdded?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  findingsRemoved?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Snapshot'], ParentType, ContextType>;
  peopleEdgesAdded?: Resolver<Array<ResolversTypes['PeopleEdge']>, ParentType, ContextType>;
  peopleEdgesRemoved?: Resolver<Array<ResolversTypes['PeopleEdge']>, ParentType, ContextType>;
  peopleNodesAdded?: Resolver<Array<ResolversTypes['GraphNode']>, ParentType, ContextType>;
  peopleNodesRemoved?: Resolver<Array<ResolversTypes['GraphNode']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Snapshot'], ParentType, ContextType>;
};

export type SnapshotEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SnapshotEdge'] = ResolversParentTypes['SnapshotEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Snapshot'], ParentType, ContextType>;
};

export type StatementRefResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['StatementRef'] = ResolversParentTypes['StatementRef']> = {
  effect?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statementIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TagResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Tag'] = ResolversParentTypes['Tag']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TrustMatrixResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['TrustMatrix'] = ResolversParentTypes['TrustMatrix']> = {
  accounts?: Resolver<Array<ResolversTypes['MatrixAccount']>, ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['UnitTrust']>, ParentType, ContextType>;
};

export type UnitTrustResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['UnitTrust'] = ResolversParentTypes['UnitTrust']> = {
  assumptions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conditionalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edgeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fromName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  worstSeverity?: Resolver<Maybe<ResolversTypes['Severity']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  via?: Resolver<ResolversTypes['AuthMethod'], ParentType, ContextType>;
};

export type WhoCanResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['WhoCan'] = ResolversParentTypes['WhoCan']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  candidates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contextComplete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  principals?: Resolver<Array<ResolversTypes['WhoCanPrincipal']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viaRoles?: Resolver<Maybe<Array<ResolversTypes['Reach']>>, ParentType, ContextType>;
  viaRolesCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  viaRolesTruncated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type WhoCanAccessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['WhoCanAccess'] = ResolversParentTypes['WhoCanAccess']> = {
  direct?: Resolver<Array<ResolversTypes['AccessPath']>, ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  maxHops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  people?: Resolver<Array<ResolversTypes['PersonAccess']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  viaPaths?: Resolver<Array<ResolversTypes['AccessPath']>, ParentType, ContextType>;
};

export type WhoCanPrincipalResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['WhoCanPrincipal'] = ResolversParentTypes['WhoCanPrincipal']> = {
  conditional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['Condition']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['StatementRef']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GraphNode'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = ApiContext> = {
  AccessPath?: AccessPathResolvers<ContextType>;
  Account?: AccountResolvers<ContextType>;
  AccountConnection?: AccountConnectionResolvers<ContextType>;
  AccountEdge?: AccountEdgeResolvers<ContextType>;
  AccountTrust?: AccountTrustResolvers<ContextType>;
  Assignment?: AssignmentResolvers<ContextType>;
  AssignmentConnection?: AssignmentConnectionResolvers<ContextType>;
  Assumptions?: AssumptionsResolvers<ContextType>;
  CanAccess?: CanAccessResolvers<ContextType>;
  ChainStep?: ChainStepResolvers<ContextType>;
  Condition?: ConditionResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  Edge?: EdgeResolvers<ContextType>;
  EdgeConnection?: EdgeConnectionResolvers<ContextType>;
  EdgeEdge?: EdgeEdgeResolvers<ContextType>;
  EscalationPaths?: EscalationPathsResolvers<ContextType>;
  ExternalAccess?: ExternalAccessResolvers<ContextType>;
  ExternalAccessConnection?: ExternalAccessConnectionResolvers<ContextType>;
  ExternalAccessEdge?: ExternalAccessEdgeResolvers<ContextType>;
  Finding?: FindingResolvers<ContextType>;
  FindingConnection?: FindingConnectionResolvers<ContextType>;
  FindingEdge?: FindingEdgeResolvers<ContextType>;
  GraphNode?: GraphNodeResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  MatrixAccount?: MatrixAccountResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationOverview?: OrganizationOverviewResolvers<ContextType>;
  OrganizationalUnit?: OrganizationalUnitResolvers<ContextType>;
  OverviewUnit?: OverviewUnitResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  PeopleByGroup?: PeopleByGroupResolvers<ContextType>;
  PeopleEdge?: PeopleEdgeResolvers<ContextType>;
  PeopleGroup?: PeopleGroupResolvers<ContextType>;
  PeopleGroupConnection?: PeopleGroupConnectionResolvers<ContextType>;
  PeopleWhoCanReach?: PeopleWhoCanReachResolvers<ContextType>;
  PermissionSet?: PermissionSetResolvers<ContextType>;
  PermissionSetConnection?: PermissionSetConnectionResolvers<ContextType>;
  PermissionSetHolder?: PermissionSetHolderResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonAccess?: PersonAccessResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonReach?: PersonReachResolvers<ContextType>;
  PersonWay?: PersonWayResolvers<ContextType>;
  PersonWayTo?: PersonWayToResolvers<ContextType>;
  PlanAdminPath?: PlanAdminPathResolvers<ContextType>;
  PlanChangeEvidence?: PlanChangeEvidenceResolvers<ContextType>;
  PlanCheckReport?: PlanCheckReportResolvers<ContextType>;
  PlanCheckReview?: PlanCheckReviewResolvers<ContextType>;
  PlanEdgeChange?: PlanEdgeChangeResolvers<ContextType>;
  PlanFindingChange?: PlanFindingChangeResolvers<ContextType>;
  PlanGateFailure?: PlanGateFailureResolvers<ContextType>;
  PlanHop?: PlanHopResolvers<ContextType>;
  PlanUnknownValue?: PlanUnknownValueResolvers<ContextType>;
  Policy?: PolicyResolvers<ContextType>;
  Principal?: PrincipalResolvers<ContextType>;
  PrincipalConnection?: PrincipalConnectionResolvers<ContextType>;
  PrincipalEdge?: PrincipalEdgeResolvers<ContextType>;
  ProviderTrust?: ProviderTrustResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reach?: ReachResolvers<ContextType>;
  ReachConnection?: ReachConnectionResolvers<ContextType>;
  ReachEdge?: ReachEdgeResolvers<ContextType>;
  Resource?: ResourceResolvers<ContextType>;
  ResourceAccess?: ResourceAccessResolvers<ContextType>;
  ResourceListConnection?: ResourceListConnectionResolvers<ContextType>;
  ResourceListEdge?: ResourceListEdgeResolvers<ContextType>;
  ResourceListItem?: ResourceListItemResolvers<ContextType>;
  ReviewEvent?: ReviewEventResolvers<ContextType>;
  ReviewItem?: ReviewItemResolvers<ContextType>;
  ReviewSession?: ReviewSessionResolvers<ContextType>;
  ReviewSessionConnection?: ReviewSessionConnectionResolvers<ContextType>;
  ReviewSessionEdge?: ReviewSessionEdgeResolvers<ContextType>;
  RunsAs?: RunsAsResolvers<ContextType>;
  SignIn?: SignInResolvers<ContextType>;
  Simulation?: SimulationResolvers<ContextType>;
  Snapshot?: SnapshotResolvers<ContextType>;
  SnapshotConnection?: SnapshotConnectionResolvers<ContextType>;
  SnapshotDiff?: SnapshotDiffResolvers<ContextType>;
  SnapshotEdge?: SnapshotEdgeResolvers<ContextType>;
  StatementRef?: StatementRefResolvers<ContextType>;
  Tag?: TagResolvers<ContextType>;
  TrustMatrix?: TrustMatrixResolvers<ContextType>;
  UnitTrust?: UnitTrustResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WhoCan?: WhoCanResolvers<ContextType>;
  WhoCanAccess?: WhoCanAccessResolvers<ContextType>;
  WhoCanPrincipal?: WhoCanPrincipalResolvers<ContextType>;
};

