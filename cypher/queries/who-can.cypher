// Who can make a request: the candidates whose policies could allow it, found
// through the action index written at ingest (Policy.allowActionKeys, see
// docs/graph-model.md); the evaluator then decides each candidate.

// name: policies-by-action
// Managed and inline policies indexed under one of $actionKeys, with their
// documents (the caller keeps those whose Allow statements cover the action).
// A policy loaded before the index existed has no allowActionKeys and is read too.
MATCH (pol:Policy:AtlasNode {snapshotId: $snapshotId})
WHERE pol.kind IN ['managed', 'aws-managed', 'inline']
  AND (pol.allowActionKeys IS NULL OR any(k IN pol.allowActionKeys WHERE k IN $actionKeys))
  AND pol.document IS NOT NULL
RETURN pol.key AS key, pol.document AS document;

// name: principals-by-policy
// Users and roles holding one of the policies keyed $keys, directly or (users)
// through a group.
UNWIND $keys AS k
MATCH (pol:Policy:AtlasNode {snapshotId: $snapshotId, key: k})<-[:HAS_POLICY]-(holder:AtlasNode)
CALL (holder) {
  WITH holder WHERE holder:User OR holder:Role
  RETURN holder.key AS key
  UNION
  WITH holder WHERE holder:Group
  MATCH (u:User)-[:MEMBER_OF]->(holder)
  RETURN u.key AS key
}
RETURN DISTINCT key;

// name: role-callers
// For sts:AssumeRole* on role $role: the users and roles its trust policy
// names, and those the engine found can assume it (CAN_ASSUME).
MATCH (r:Role:AtlasNode {snapshotId: $snapshotId, key: $role})
CALL (r) {
  MATCH (r)-[:TRUSTS]->(p) WHERE p:User OR p:Role
  RETURN p.key AS key
  UNION
  MATCH (p)-[:CAN_ASSUME]->(r) WHERE p:User OR p:Role
  RETURN p.key AS key
}
RETURN DISTINCT key;

// name: account-principals
// Every user and role of account $accountId (a trust policy open to anyone or
// written with NotPrincipal can let any of them in).
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId, key: $accountId})-[:CONTAINS]->(p)
WHERE p:User OR p:Role
RETURN p.key AS key;

// name: role-trust
MATCH (r:Role:AtlasNode {snapshotId: $snapshotId, key: $role})
RETURN r.trustPolicy AS trustPolicy, r.accountId AS accountId;
