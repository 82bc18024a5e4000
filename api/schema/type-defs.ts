/**
 * The GraphQL schema of IAM Atlas, in SDL. `api/schema.graphql` is this schema
 * as the running server introspects it; test/api/queries.test.ts fails when
 * they differ, and `node --import tsx api/print-schema.ts > api/schema.graphql`
 * rewrites it.
 *
 * Names follow the graph: CAN_ASSUME is `canAssume`, CAN_ESCALATE_TO is
 * `canEscalateTo`. Every query takes an optional `snapshot` (id or name;
 * default: the latest complete snapshot).
 */
export const typeDefs = /* GraphQL */ `
  """
  Read access to one IAM Atlas graph: the organization, its principals, who can become whom
  (CAN_ASSUME, CAN_ESCALATE_TO), findings, snapshots and review sessions.
  """
  type Query {
    "Who is asking, and what the token allows."
    viewer: Viewer!
    "Loaded snapshots, newest first."
    snapshots(first: Int = 50, after: String): SnapshotConnection!
    "One snapshot by id or name; without one, the latest complete snapshot."
    snapshot(snapshot: ID): Snapshot!
    "What changed between two snapshots: trust, escalation and findings that appeared or disappeared."
    snapshotDiff(from: ID!, to: ID!): SnapshotDiff!
    "The AWS organization (root, OUs, accounts) of a snapshot; null when the snapshot has no organization.json."
    organization(snapshot: ID): Organization
    "Accounts of a snapshot: those in the organization, those with IAM data, and external accounts named by trust policies."
    accounts(
      snapshot: ID
      filter: AccountFilter
      orderBy: AccountOrder = { field: ID, direction: ASC }
      first: Int = 50
      after: String
    ): AccountConnection!
    "One account by its 12-digit id."
    account(id: ID!, snapshot: ID): Account
    "IAM users and roles of a snapshot."
    principals(
      snapshot: ID
      filter: PrincipalFilter
      orderBy: PrincipalOrder = { field: ARN, direction: ASC }
      first: Int = 50
      after: String
    ): PrincipalConnection!
    "One user or role by ARN."
    principal(arn: ID!, snapshot: ID): Principal
    """
    Everyone who can reach the role within maxHops CAN_ASSUME hops, each with one shortest path.
    Conditional edges count and are flagged unless an assumption switches their condition off.
    """
    whoCanAssume(
      role: ID!
      maxHops: Int = 1
      assumptions: AssumptionsInput
      snapshot: ID
      orderBy: ReachOrder = { field: HOPS, direction: ASC }
      first: Int = 50
      after: String
    ): ReachConnection!
    "Every node the principal can reach within maxHops CAN_ASSUME hops, each with one shortest path."
    reachableFrom(
      principal: ID!
      maxHops: Int = 1
      assumptions: AssumptionsInput
      snapshot: ID
      orderBy: ReachOrder = { field: HOPS, direction: ASC }
      first: Int = 50
      after: String
    ): ReachConnection!
    "CAN_ASSUME paths from one node to another, shortest first, without revisiting a node."
    paths(
      from: ID!
      to: ID!
      maxHops: Int = 4
      limit: Int = 10
      assumptions: AssumptionsInput
      snapshot: ID
    ): [Path!]!
    """
    Privilege-escalation paths from 'from': walks over CAN_ASSUME and CAN_ESCALATE_TO, shortest first.
    'to' is a principal's key, or "admin" (also when left out): the walk ends at an edge that gains
    admin of an account or at a principal that is admin. Plain role-assumption chains (CAN_ASSUME
    only, someone who can simply assume an admin role) are listed too; includeAssumeOnly: false
    keeps only walks that use at least one CAN_ESCALATE_TO edge.
    """
    escalationPaths(
      from: ID!
      to: ID
      maxHops: Int = 4
      limit: Int = 10
      assumptions: AssumptionsInput
      includeAssumeOnly: Boolean = true
      snapshot: ID
    ): EscalationPaths!
    "Account-to-account trust: for each pair of accounts, how many CAN_ASSUME edges cross, and the edges behind them."
    crossAccountTrust(snapshot: ID, assumptions: AssumptionsInput): [AccountTrust!]!
    """
    Sign-in through the organization's own identity providers (SAML, OIDC): per provider and target
    account, the roles it lets people assume. Public providers are in externalTrust.
    """
    providerTrust(snapshot: ID, assumptions: AssumptionsInput): [ProviderTrust!]!
    "CAN_ASSUME edges from outside the organization (external accounts, their principals, anyone, public identity providers)."
    externalTrust(
      snapshot: ID
      assumptions: AssumptionsInput
      orderBy: EdgeOrder = { field: TO, direction: ASC }
      first: Int = 50
      after: String
    ): EdgeConnection!
    "Findings of a snapshot; every filter is optional."
    findings(
      snapshot: ID
      severity: [Severity!]
      kind: [String!]
      account: String
      orderBy: FindingOrder = { field: SEVERITY, direction: ASC }
      first: Int = 50
      after: String
    ): FindingConnection!
    "One finding by id."
    finding(id: ID!, snapshot: ID): Finding
    """
    Evaluates one request (principal, action, resource) with AWS's policy evaluation logic against the
    snapshot. The resource need not exist, except a role for sts:AssumeRole* (its trust policy decides).
    An account root ARN of an account in the snapshot is its root user; of any other account, any
    principal of it (see Simulation.rootReading).
    """
    simulate(
      principal: ID!
      action: String!
      resource: String!
      context: [ContextEntryInput!]
      "True: the context is the whole request, so a request-time key it does not give is absent (as in AWS's policy simulator)."
      contextComplete: Boolean = false
      snapshot: ID
    ): Simulation!
    """
    Every user and role allowed to make one request: simulate run in reverse, with the same evaluator.
    Each comes with the conditions that must hold and the statements that allowed it (identity,
    trust, boundary, SCP and RCP, as simulate reports them). contextComplete: the context is the
    whole request, so a key it does not give is absent rather than unknown. viaRoles adds the
    principals that reach an allowed role over CAN_ASSUME within maxHops, each with one shortest path.
    Each list holds at most first entries; totalCount and viaRolesCount tell how many there are.
    """
    whoCan(
      action: String!
      resource: String!
      context: [ContextEntryInput!]
      contextComplete: Boolean = false
      viaRoles: Boolean = false
      maxHops: Int = 3
      first: Int = 50
      snapshot: ID
    ): WhoCan!
    "Review sessions, newest first."
    reviewSessions(snapshot: ID, first: Int = 50, after: String): ReviewSessionConnection!
    "One review session."
    reviewSession(id: ID!): ReviewSession
  }

  "The only writes besides ingest: review sessions. Requires a reviewer token."
  type Mutation {
    "Opens a review session for a snapshot."
    createReviewSession(input: CreateReviewSessionInput!): ReviewSession!
    "Adds a finding or a path to a session; the item starts as OPEN."
    addReviewItem(input: AddReviewItemInput!): ReviewItem!
    """
    Adds up to 500 findings or paths to a session in one transaction, in the order given; if one is
    refused (unknown finding, a path step without an edge) none is added.
    """
    addReviewItems(sessionId: ID!, items: [ReviewItemInput!]!): [ReviewItem!]!
    "Replaces the analyst assumptions kept with a session; a category left out is assumed satisfiable."
    setReviewSessionAssumptions(id: ID!, assumptions: AssumptionsInput!): ReviewSession!
    "Sets an item's status, with a note; the change is kept in the item's history under the caller's name."
    setReviewItemStatus(input: SetReviewItemStatusInput!): ReviewItem!
  }

  "The caller."
  type Viewer {
    "READER may read; REVIEWER may also write review sessions."
    role: Role!
    "How the caller signed in."
    via: AuthMethod!
  }

  "What a token allows."
  enum Role {
    "Read every query."
    READER
    "Read, and create and update review sessions."
    REVIEWER
  }

  "How a request was authenticated."
  enum AuthMethod {
    "Authorization: Bearer token."
    BEARER
    "Session cookie obtained with the one-time sign-in token printed by serve."
    COOKIE
  }

  "Sort direction."
  enum Direction {
    "Ascending."
    ASC
    "Descending."
    DESC
  }

  "Paging information of a connection (cursor pagination)."
  type PageInfo {
    "More items after endCursor."
    hasNextPage: Boolean!
    "Items before startCursor."
    hasPreviousPage: Boolean!
    "Cursor of the first item of this page."
    startCursor: String
    "Cursor of the last item; pass it as 'after' for the next page."
    endCursor: String
  }

  """
  Analyst assumptions about request-time conditions. Each is true by default (the attacker is assumed
  able to satisfy it, and edges needing it count, flagged as conditional); false drops every edge with a
  condition in that category.
  """
  input AssumptionsInput {
    "The caller has MFA (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge)."
    mfa: Boolean
    "The caller knows the ExternalId (sts:ExternalId)."
    externalId: Boolean
    "The caller calls from an allowed network (aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:VpcSourceIp)."
    network: Boolean
    "Federated claims match (SAML:*, OIDC provider keys such as token.actions.githubusercontent.com:sub)."
    federation: Boolean
    "The call is made in an allowed region (aws:RequestedRegion)."
    region: Boolean
    "Any other request-time condition holds."
    other: Boolean
  }

  """
  The analyst assumptions kept with a review session (see AssumptionsInput): true when the condition
  category is assumed satisfiable, false when edges that need it are left out.
  """
  type Assumptions {
    "MFA (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge)."
    mfa: Boolean!
    "ExternalId (sts:ExternalId)."
    externalId: Boolean!
    "Network (aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:VpcSourceIp)."
    network: Boolean!
    "Federated claims (SAML:*, OIDC provider keys)."
    federation: Boolean!
    "Region (aws:RequestedRegion)."
    region: Boolean!
    "Any other request-time condition."
    other: Boolean!
  }

  "A snapshot: the state of an organization's IAM when its exports were taken."
  type Snapshot {
    "snap-YYYYMMDDTHHMMSSZ-xxxxxx."
    id: ID!
    "The name given at ingest, else the id."
    name: String!
    "loading or complete."
    status: String!
    "When the ingest began (ISO 8601)."
    createdAt: String!
    "When the snapshot became visible (ISO 8601)."
    completedAt: String
    "Nodes per label and relationships per type."
    counts: [Count!]!
    "The input files."
    sources: [String!]!
    "The newest date in the exports (ISO 8601): requests are evaluated as made on or after it; null for snapshots loaded before it was kept."
    referenceDate: String
  }

  "A count of something by name."
  type Count {
    "A node label or relationship type."
    name: String!
    "How many."
    count: Int!
  }

  "A page of snapshots."
  type SnapshotConnection {
    "The snapshots with their cursors."
    edges: [SnapshotEdge!]!
    "The snapshots of this page."
    nodes: [Snapshot!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
  }

  "A snapshot in a connection."
  type SnapshotEdge {
    "Opaque cursor."
    cursor: String!
    "The snapshot."
    node: Snapshot!
  }

  "What appeared or disappeared from one snapshot to another."
  type SnapshotDiff {
    "The older side."
    from: Snapshot!
    "The newer side."
    to: Snapshot!
    "CAN_ASSUME edges in 'to' but not in 'from' (by caller and role)."
    canAssumeAdded: [Edge!]!
    "CAN_ASSUME edges in 'from' but not in 'to'."
    canAssumeRemoved: [Edge!]!
    "CAN_ESCALATE_TO edges in 'to' but not in 'from'."
    canEscalateToAdded: [Edge!]!
    "CAN_ESCALATE_TO edges in 'from' but not in 'to'."
    canEscalateToRemoved: [Edge!]!
    "Findings (by id) in 'to' but not in 'from'."
    findingsAdded: [Finding!]!
    "Findings (by id) in 'from' but not in 'to'."
    findingsRemoved: [Finding!]!
  }

  "The AWS organization."
  type Organization {
    "o-..."
    id: ID!
    "The management account's id."
    managementAccountId: String
    "The root, with its OUs and accounts below."
    root: OrganizationalUnit
  }

  "An organizational unit or the root."
  type OrganizationalUnit {
    "r-... or ou-..."
    id: ID!
    "The OU's name."
    name: String
    "True for the root."
    isRoot: Boolean!
    "Child OUs."
    children: [OrganizationalUnit!]!
    "Accounts directly in this OU."
    accounts: [Account!]!
    "SCPs and RCPs attached here."
    policies: [Policy!]!
  }

  "Filter for accounts."
  input AccountFilter {
    "Only external accounts (named by a policy, outside the snapshot) when true; only others when false."
    external: Boolean
    "Only accounts listed in organization.json when true."
    inOrganization: Boolean
    "Substring of the id or name (case-insensitive)."
    search: String
  }

  "Sort order for accounts."
  input AccountOrder {
    "Sort key."
    field: AccountOrderField!
    "Direction."
    direction: Direction = ASC
  }

  "Sort keys for accounts."
  enum AccountOrderField {
    "Account id."
    ID
    "Account name."
    NAME
  }

  "An AWS account."
  type Account {
    "12-digit account id."
    id: ID!
    "Name from organization.json."
    name: String
    "Email from organization.json."
    email: String
    "Status from organization.json."
    status: String
    "Listed in organization.json."
    inOrganization: Boolean!
    "An authorization-details export of it was ingested."
    hasIamData: Boolean!
    "Named only by a policy: outside the snapshot."
    external: Boolean!
    "The organization's management account."
    isManagement: Boolean!
    "The OU or root that holds it."
    parentId: String
    "Users and roles of the account."
    principals(first: Int = 50, after: String): PrincipalConnection!
    """
    Edges of one type that leave (OUT) or enter (IN) the account's users and roles, ordered by
    caller then target key: the account's graph a page at a time.
    """
    edges(
      direction: EdgeDirection!
      type: EdgeType = CAN_ASSUME
      first: Int = 50
      after: String
    ): EdgeConnection!
  }

  "Which end of an edge."
  enum EdgeDirection {
    "Edges that leave."
    OUT
    "Edges that enter."
    IN
  }

  "A page of accounts."
  type AccountConnection {
    "Accounts with cursors."
    edges: [AccountEdge!]!
    "Accounts of this page."
    nodes: [Account!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
  }

  "An account in a connection."
  type AccountEdge {
    "Opaque cursor."
    cursor: String!
    "The account."
    node: Account!
  }

  "What kind of principal."
  enum PrincipalKind {
    "IAM user."
    USER
    "IAM role."
    ROLE
  }

  "Filter for principals."
  input PrincipalFilter {
    "Users or roles only."
    kind: PrincipalKind
    "Only principals of this account."
    accountId: String
    "Substring of the ARN (case-insensitive)."
    search: String
  }

  "Sort order for principals."
  input PrincipalOrder {
    "Sort key."
    field: PrincipalOrderField!
    "Direction."
    direction: Direction = ASC
  }

  "Sort keys for principals."
  enum PrincipalOrderField {
    "ARN."
    ARN
    "Name."
    NAME
    "Account id, then ARN."
    ACCOUNT
  }

  "An IAM user or role with what governs it."
  type Principal {
    "The ARN (the node key)."
    arn: ID!
    "USER or ROLE."
    kind: PrincipalKind!
    "User or role name."
    name: String!
    "IAM path."
    path: String
    "Owning account."
    accountId: String!
    "When it was created."
    createDate: String
    "Role description (when exported)."
    description: String
    "Tags."
    tags: [Tag!]!
    "Identity policies: attached managed and inline (for users also through groups, see groups)."
    policies: [Policy!]!
    "The permissions boundary, if set."
    boundary: Policy
    "Groups of a user."
    groups: [Group!]!
    "A role's trust policy as JSON text."
    trustPolicy: String
    "Last recorded use of a role."
    lastUsedDate: String
    "True for service-linked roles."
    serviceLinked: Boolean
    "Outgoing CAN_ASSUME edges, by target key: roles this principal can assume directly; 'to' keeps only the edge to that node."
    canAssume(to: ID, first: Int = 50, after: String): EdgeConnection!
    "Incoming CAN_ASSUME edges, by caller key: who can assume this role directly; 'from' keeps only the edge from that node."
    assumableBy(from: ID, first: Int = 50, after: String): EdgeConnection!
    "Outgoing CAN_ESCALATE_TO edges, by target key; 'to' keeps only the edges to that node."
    canEscalateTo(to: ID, first: Int = 50, after: String): EdgeConnection!
  }

  "An IAM group."
  type Group {
    "Group ARN."
    arn: ID!
    "Group name."
    name: String!
    "The group's policies."
    policies: [Policy!]!
  }

  "A tag."
  type Tag {
    "Tag key."
    key: String!
    "Tag value."
    value: String!
  }

  "A policy: managed, AWS-managed, inline, SCP or RCP."
  type Policy {
    "The node key: ARN for managed, OWNER#inline/NAME for inline, p-... for SCP/RCP."
    key: ID!
    "managed, aws-managed, inline, scp, rcp."
    kind: String!
    "Policy name."
    name: String
    "ARN of managed policies."
    arn: String
    "The effective document as JSON text (default version of a managed policy)."
    document: String
  }

  "A page of principals."
  type PrincipalConnection {
    "Principals with cursors."
    edges: [PrincipalEdge!]!
    "Principals of this page."
    nodes: [Principal!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
  }

  "A principal in a connection."
  type PrincipalEdge {
    "Opaque cursor."
    cursor: String!
    "The principal."
    node: Principal!
  }

  "Kinds of graph nodes that take part in trust."
  enum NodeKind {
    "IAM user."
    User
    "IAM role."
    Role
    "An account (its root), in or outside the organization."
    Account
    "An AWS service such as ec2.amazonaws.com."
    ServicePrincipal
    "A SAML or OIDC identity provider."
    IdentityProvider
    "The * principal."
    Anyone
    "A principal named by a trust policy but not in the snapshot."
    ExternalPrincipal
  }

  "A node at either end of an edge."
  type GraphNode {
    "The node key: ARN, account id, service name or *."
    key: ID!
    "What it is."
    kind: NodeKind!
    "ARN, when it has one."
    arn: String
    "Short name."
    name: String
    "Account, when known."
    accountId: String
    "An administrator of its account (the escalation analysis found full access, or a way to grant it to itself)."
    isAdmin: Boolean!
    """
    Outside the organization's snapshot: an external account, a principal the snapshot does not hold,
    an identity provider no export lists (public ones such as accounts.google.com), or anyone (*).
    """
    external: Boolean!
  }

  "Relationship types that connect principals."
  enum EdgeType {
    "CAN_ASSUME: may call sts:AssumeRole* on the role."
    CAN_ASSUME
    "CAN_ESCALATE_TO: can become the target by an escalation method."
    CAN_ESCALATE_TO
  }

  "A request-time condition the edge depends on."
  type Condition {
    "Condition key, e.g. aws:MultiFactorAuthPresent."
    key: String!
    "Operator as written, e.g. Bool, StringEqualsIfExists."
    operator: String!
    "Values as written."
    values: [String!]!
    "True: must hold (from an Allow). False: must not hold (from a Deny that would otherwise apply)."
    mustHold: Boolean!
    "The analyst assumption it depends on: mfa, externalId, network, federation, region or other."
    assumption: String!
    "The statement it comes from."
    source: StatementRef
  }

  "One change a principal makes to its own permissions in a capability chain."
  type ChainStep {
    "Escalation method id of the change, e.g. iam-add-user-to-group."
    method: String!
    "The call it makes."
    actions: [String!]!
    "What it changes: a group, a managed policy, the principal itself or its boundary."
    modifies: String!
    "The statements that allow the call."
    evidence: [StatementRef!]!
  }

  "A policy statement that decided (part of) an answer."
  type StatementRef {
    "Policy id (ARN, key or SCP id)."
    policyId: String!
    "identity, trust, boundary, scp, rcp, resource, session, ..."
    policyKind: String!
    "0-based position in the policy's Statement list."
    statementIndex: Int!
    "The statement's Sid."
    sid: String
    "Allow or Deny."
    effect: String!
  }

  "An edge (CAN_ASSUME or CAN_ESCALATE_TO) with its evidence and conditions."
  type Edge {
    "Relationship type."
    type: EdgeType!
    "Caller."
    from: GraphNode!
    "Target."
    to: GraphNode!
    "sts actions allowed (CAN_ASSUME)."
    actions: [String!]!
    "AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity or service (CAN_ASSUME)."
    mechanism: String
    "How the trust policy names the caller (CAN_ASSUME)."
    via: String
    "Escalation method id (CAN_ESCALATE_TO)."
    method: String
    "The caller's account differs from the target's."
    crossAccount: Boolean!
    "The caller is outside the organization."
    crossOrganization: Boolean!
    "Request-time conditions must hold."
    conditional: Boolean!
    "The conditions that must (or must not) hold."
    conditions: [Condition!]!
    "The decisive statements (trust, identity, boundary)."
    evidence: [StatementRef!]!
    "SCPs and RCPs whose Allow statements let it through."
    orgPolicyIds: [String!]!
    "Role to role: the chained session lasts at most one hour."
    roleChaining: Boolean!
    "The evaluation steps in words."
    reasons: [String!]!
    "Capability chain (CAN_ESCALATE_TO): the changes the caller first makes to itself, in order, before method."
    chain: [ChainStep!]!
  }

  "A page of edges."
  type EdgeConnection {
    "Edges with cursors."
    edges: [EdgeEdge!]!
    "Edges of this page."
    nodes: [Edge!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
  }

  "An edge in a connection."
  type EdgeEdge {
    "Opaque cursor."
    cursor: String!
    "The edge."
    node: Edge!
  }

  "Sort order for edges."
  input EdgeOrder {
    "Sort key."
    field: EdgeOrderField!
    "Direction."
    direction: Direction = ASC
  }

  "Sort keys for edges."
  enum EdgeOrderField {
    "Caller key."
    FROM
    "Target key."
    TO
  }

  "A walk from one node to another."
  type Path {
    "Number of edges."
    length: Int!
    "Any edge is conditional."
    conditional: Boolean!
    "Any edge crosses accounts."
    crossAccount: Boolean!
    "Condition keys of all edges."
    conditionKeys: [String!]!
    "The nodes, from start to end."
    nodes: [GraphNode!]!
    "The edges in order, each with its evidence."
    edges: [Edge!]!
  }

  "Escalation paths, and whether the graph has escalation analysis at all."
  type EscalationPaths {
    "The snapshot holds CAN_ESCALATE_TO edges (escalation analysis ran)."
    available: Boolean!
    "The paths, shortest first."
    paths: [Path!]!
  }

  "One node reached, with one shortest path."
  type Reach {
    "The node reached (whoCanAssume: the caller; reachableFrom: the target)."
    node: GraphNode!
    "Hops on the shortest path."
    hops: Int!
    "Any edge on the path is conditional."
    conditional: Boolean!
    "The shortest path, edges in order with evidence."
    path: Path!
  }

  "Sort order for reachability results."
  input ReachOrder {
    "Sort key."
    field: ReachOrderField!
    "Direction."
    direction: Direction = ASC
  }

  "Sort keys for reachability results."
  enum ReachOrderField {
    "Hops, then key."
    HOPS
    "Node key."
    KEY
    "Account, then key."
    ACCOUNT
  }

  "A page of reachability results."
  type ReachConnection {
    "Results with cursors."
    edges: [ReachEdge!]!
    "Results of this page."
    nodes: [Reach!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
    "The search stopped at its size limit; narrow maxHops or the assumptions."
    truncated: Boolean!
  }

  "A reachability result in a connection."
  type ReachEdge {
    "Opaque cursor."
    cursor: String!
    "The result."
    node: Reach!
  }

  "Account-to-account trust."
  type AccountTrust {
    "Caller's account."
    fromAccount: String!
    "Target role's account."
    toAccount: String!
    "The caller's account is outside the organization."
    external: Boolean!
    "CAN_ASSUME edges from one to the other."
    edgeCount: Int!
    "Of which conditional."
    conditionalCount: Int!
    "Distinct target roles of those edges."
    roleCount: Int!
    "Assumption categories (mfa, externalId, network, federation, region, other) of the conditions on those edges."
    assumptions: [String!]!
    "The worst severity of the findings about the target roles; null when none is about them."
    worstSeverity: Severity
    "The edges behind the counts (the slow part: ask only when they are shown)."
    edges(first: Int = 50, after: String): EdgeConnection!
  }

  "Roles of one account that an identity provider of the organization signs people into."
  type ProviderTrust {
    "The SAML or OIDC provider."
    provider: GraphNode!
    "The roles' account."
    toAccount: String!
    "Roles it can assume (one CAN_ASSUME edge each)."
    roleCount: Int!
    "Of which only under a condition (usually the federation claims)."
    conditionalCount: Int!
    "Assumption categories (mfa, externalId, network, federation, region, other) of the conditions on those edges."
    assumptions: [String!]!
  }

  "Finding severity."
  enum Severity {
    "Critical."
    critical
    "High."
    high
    "Medium."
    medium
    "Low."
    low
    "Informational."
    info
  }

  "Sort order for findings."
  input FindingOrder {
    "Sort key."
    field: FindingOrderField!
    "Direction."
    direction: Direction = ASC
  }

  "Sort keys for findings."
  enum FindingOrderField {
    "Most severe first in ASC."
    SEVERITY
    "Kind, then id."
    KIND
    "Id."
    ID
  }

  "Something a reviewer should look at."
  type Finding {
    "Stable id: the same finding has the same id in every snapshot."
    id: ID!
    "trust-open-to-anyone, external-trust-without-external-id, ..."
    kind: String!
    "Severity."
    severity: Severity!
    "One line."
    title: String!
    "Why it matters, naming the statement."
    why: String!
    "Node keys it is about; the first is the main subject."
    subjectKeys: [String!]!
    "The nodes it is about."
    subjects: [GraphNode!]!
    "The statements and values behind it, as JSON text."
    evidence: String!
  }

  "A page of findings."
  type FindingConnection {
    "Findings with cursors."
    edges: [FindingEdge!]!
    "Findings of this page."
    nodes: [Finding!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
  }

  "A finding in a connection."
  type FindingEdge {
    "Opaque cursor."
    cursor: String!
    "The finding."
    node: Finding!
  }

  "A request-context value for simulate."
  input ContextEntryInput {
    "Condition key, e.g. aws:SourceIp."
    key: String!
    "Values (one for single-valued keys)."
    values: [String!]!
  }

  "The result of evaluating one request."
  type Simulation {
    "allowed, explicitDeny or implicitDeny."
    decision: String!
    "True when allowed."
    allowed: Boolean!
    "Request-time conditions the decision depends on."
    conditions: [Condition!]!
    "The decisive statements."
    evidence: [StatementRef!]!
    "The evaluation steps in words."
    reasons: [String!]!
    "For an account root ARN: ROOT_USER (its account is in the snapshot) or ANY_PRINCIPAL (it is not); null otherwise."
    rootReading: RootReading
    "True when the context was taken as the whole request."
    contextComplete: Boolean!
    "The snapshot's reference date (ISO 8601): the request was evaluated as made on or after it."
    referenceDate: String
  }

  "How an account root ARN (arn:aws:iam::ACCOUNT:root) was read as a caller."
  enum RootReading {
    "The account's root user: no identity policy needed in its own account, only SCPs limit it, it cannot assume roles."
    ROOT_USER
    "Any principal of an account that is not in the snapshot, its own policies assumed to allow the call."
    ANY_PRINCIPAL
  }

  "The principals allowed to make one request."
  type WhoCan {
    "The action asked about."
    action: String!
    "The resource ARN asked about, or *."
    resource: String!
    "The context was taken as the whole request."
    contextComplete: Boolean!
    "Users and roles evaluated: those whose policies (or the role's trust policy) could allow the request."
    candidates: Int!
    "How many are allowed."
    totalCount: Int!
    "The allowed principals by ARN (at most first)."
    principals: [WhoCanPrincipal!]!
    "With viaRoles: principals not allowed themselves that reach an allowed role, shortest first (at most first)."
    viaRoles: [Reach!]
    "With viaRoles: how many reach an allowed role."
    viaRolesCount: Int
    "With viaRoles: some may be missing (a hop found too many edges) or were cut at first."
    viaRolesTruncated: Boolean
  }

  "A principal allowed to make the request, as simulate reports it."
  type WhoCanPrincipal {
    "The user or role."
    node: GraphNode!
    "Allowed only if the conditions hold."
    conditional: Boolean!
    "Request-time conditions the decision depends on."
    conditions: [Condition!]!
    "The statements that allowed it."
    evidence: [StatementRef!]!
    "The evaluation steps in words."
    reasons: [String!]!
  }

  "Review status of an item."
  enum ReviewStatus {
    "Not looked at yet."
    OPEN
    "Known and accepted."
    ACCEPTED_RISK
    "Must be fixed."
    NEEDS_FIX
    "Fixed."
    FIXED
    "Not a real issue."
    FALSE_POSITIVE
  }

  "An audit review of one snapshot."
  type ReviewSession {
    "Session id."
    id: ID!
    "Name."
    name: String!
    "The snapshot under review."
    snapshotId: String!
    "Who opened it: the name of the token or sign-in used (a typed-in name follows as a label)."
    createdBy: String
    "When (ISO 8601)."
    createdAt: String!
    "The analyst assumptions the review is made under (all true unless set otherwise)."
    assumptions: Assumptions!
    "The items, in the order they were added."
    items: [ReviewItem!]!
    "Items per status."
    statusCounts: [Count!]!
    "The session as a report: MARKDOWN or JSON text."
    report(format: ReportFormat = MARKDOWN): String!
  }

  "Report formats."
  enum ReportFormat {
    "Markdown for people."
    MARKDOWN
    "JSON for scripts."
    JSON
  }

  "Something under review: a finding or a path."
  type ReviewItem {
    "Item id."
    id: ID!
    "FINDING or PATH."
    kind: ReviewItemKind!
    "Finding title or the path in words."
    title: String!
    "Node keys it is about."
    subjectKeys: [String!]!
    "The finding, when kind is FINDING (null if it is gone from the graph)."
    finding: Finding
    "The path with evidence, when kind is PATH (as recorded when added)."
    path: Path
    "Current status."
    status: ReviewStatus!
    "Latest note."
    note: String
    "Who set the current status: the name of the token or sign-in used (a typed-in name follows as a label)."
    reviewer: String
    "When the status was last set."
    updatedAt: String!
    """
    1 when added, one more with every status change. Pass the version you read as
    expectedVersion to setReviewItemStatus, so that a change someone else made meanwhile is not overwritten.
    """
    version: Int!
    "Every status change, oldest first."
    history: [ReviewEvent!]!
  }

  "Kinds of review items."
  enum ReviewItemKind {
    "A finding."
    FINDING
    "A path."
    PATH
  }

  "One status change of a review item."
  type ReviewEvent {
    "When (ISO 8601)."
    at: String!
    "Status before (null for the creation)."
    fromStatus: ReviewStatus
    "Status after."
    toStatus: ReviewStatus!
    "The note given."
    note: String
    "Who: the name of the token or sign-in used (a typed-in name follows as a label)."
    reviewer: String
  }

  "A page of review sessions."
  type ReviewSessionConnection {
    "Sessions with cursors."
    edges: [ReviewSessionEdge!]!
    "Sessions of this page."
    nodes: [ReviewSession!]!
    "Paging."
    pageInfo: PageInfo!
    "How many in all."
    totalCount: Int!
  }

  "A session in a connection."
  type ReviewSessionEdge {
    "Opaque cursor."
    cursor: String!
    "The session."
    node: ReviewSession!
  }

  "Input for createReviewSession."
  input CreateReviewSessionInput {
    "A name, e.g. 2025-Q2 access review."
    name: String!
    "Snapshot id or name; default the latest."
    snapshot: ID
    "A display name kept as a label beside the token's or sign-in's name (which is what is recorded)."
    reviewer: String
    "The analyst assumptions to keep with it; default all true."
    assumptions: AssumptionsInput
  }

  "One item of addReviewItems: exactly one of finding or path."
  input ReviewItemInput {
    "A finding id of the session's snapshot."
    finding: ID
    "A path as node keys from start to end; each step must be a CAN_ASSUME or CAN_ESCALATE_TO edge."
    path: [ID!]
    "An opening note."
    note: String
    "A display name kept as a label beside the token's or sign-in's name (which is what is recorded)."
    reviewer: String
  }

  "Input for addReviewItem: exactly one of finding or path."
  input AddReviewItemInput {
    "The session."
    sessionId: ID!
    "A finding id of the session's snapshot."
    finding: ID
    "A path as node keys from start to end; each step must be a CAN_ASSUME or CAN_ESCALATE_TO edge."
    path: [ID!]
    "An opening note."
    note: String
    "A display name kept as a label beside the token's or sign-in's name (which is what is recorded)."
    reviewer: String
  }

  "Input for setReviewItemStatus."
  input SetReviewItemStatusInput {
    "The item."
    itemId: ID!
    "New status."
    status: ReviewStatus!
    """
    The item's version as you last read it (ReviewItem.version). When given and the item has changed since,
    nothing is written and the error has code CONFLICT, with currentVersion and currentStatus in its extensions.
    """
    expectedVersion: Int
    "Why."
    note: String
    "A display name kept as a label beside the token's or sign-in's name (which is what is recorded)."
    reviewer: String
  }
`;
