// What an incremental plan-check reads to decide which principals a change can
// affect (query/plan-scope.ts): the principals of some accounts, the roles whose
// trust policies may name them, and one hop of the stored CAN_ASSUME and
// CAN_ESCALATE_TO edges in or out of a set of nodes.

// name: principal-count
MATCH (p:AtlasNode {snapshotId: $snapshotId})
WHERE (p:User OR p:Role) AND p.arn IS NOT NULL AND coalesce(p.external, false) = false
RETURN count(p) AS n;

// Users and roles of the accounts $accounts.
// name: account-principals
MATCH (p:AtlasNode {snapshotId: $snapshotId})
WHERE (p:User OR p:Role) AND p.arn IS NOT NULL AND coalesce(p.external, false) = false
  AND p.accountId IN $accounts
RETURN p.arn AS arn;

// Roles whose trust policy text holds one of $needles (account ids, ARNs, "*"):
// a superset of the roles whose trust may let those principals in.
// name: roles-trust-mentioning
MATCH (r:Role:AtlasNode {snapshotId: $snapshotId})
WHERE r.arn IS NOT NULL AND coalesce(r.external, false) = false AND r.trustPolicy IS NOT NULL
  AND any(n IN $needles WHERE r.trustPolicy CONTAINS n)
RETURN r.arn AS arn, r.trustPolicy AS trustPolicy;

// Trust policies of the roles $arns.
// name: trust-of
UNWIND $arns AS arn
MATCH (r:Role:AtlasNode {snapshotId: $snapshotId, key: arn})
RETURN r.arn AS arn, r.trustPolicy AS trustPolicy;

// One hop against the edges: the nodes with a CAN_ASSUME or CAN_ESCALATE_TO edge into one of $keys.
// name: edge-sources
UNWIND $keys AS k
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: k})<-[:CAN_ASSUME|CAN_ESCALATE_TO]-(m:AtlasNode)
RETURN DISTINCT m.key AS key, (m:User OR m:Role) AND coalesce(m.external, false) = false AS principal;

// One hop along the edges: the nodes one of $keys has a CAN_ASSUME or CAN_ESCALATE_TO edge to.
// name: edge-targets
UNWIND $keys AS k
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: k})-[:CAN_ASSUME|CAN_ESCALATE_TO]->(m:AtlasNode)
RETURN DISTINCT m.key AS key, (m:User OR m:Role) AND coalesce(m.external, false) = false AS principal;

// The stored CAN_ASSUME and CAN_ESCALATE_TO edges out of $keys, with what the
// ways to an administrator read of them (ingest/transform/derived.ts writes
// them); an escalation to an account's administrator ends at its Account node.
// Not their statements: an edge the change cannot touch is printed without them.
// name: stored-edges-out
UNWIND $keys AS k
MATCH (m:AtlasNode {snapshotId: $snapshotId, key: k})-[e:CAN_ASSUME|CAN_ESCALATE_TO]->(n:AtlasNode)
RETURN k AS from, n.key AS to, n:Account AS toAccount, type(e) AS type,
       e {.fromKind, .mechanism, .via, .crossAccount, .crossOrganization, .roleChaining, .reasons,
          .trustPolicyId, .trustStatementIndex, .trustSid, .maxSessionSeconds, .sessionName,
          .method, .catalogIds, .actions, .gains, .target, .conditions, .needsRuntime,
          .caveats, .modifies, .chain, .reasonRefs, .conditionsRef, .chainRef} AS edge;

// The administrators among $keys, as the escalation analysis marked them.
// name: stored-admins
UNWIND $keys AS k
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: k})
WHERE n.admin = true
RETURN n.key AS key, n.accountId AS accountId, n.adminKind AS kind, n.adminReason AS reason;
