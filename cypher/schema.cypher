// IAM Atlas schema: applied at every start; each statement is idempotent.
// Every node of a snapshot carries :AtlasNode with (snapshotId, key) unique,
// so relationship loads can find both ends by key whatever their label.
// Every index is written for each node it covers at every load: each one here is used by the
// plan of a statement of cypher/ (named beside it). Indexes earlier versions created and no
// statement uses any more are dropped by cypher/schema-retired.cypher.

// name: atlas-node-key
CREATE CONSTRAINT atlas_node_key IF NOT EXISTS
FOR (n:AtlasNode) REQUIRE (n.snapshotId, n.key) IS UNIQUE;

// name: atlas-node-snapshot
// Every node of one snapshot (deleting, counting and digesting it; whole-snapshot reads such as the
// reachability index and the trust listings). The constraint's index above serves `snapshotId`
// alone only with a predicate on `key` as well (`key IS NOT NULL`).
CREATE INDEX atlas_node_snapshot IF NOT EXISTS FOR (n:AtlasNode) ON (n.snapshotId);

// name: snapshot-id
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (s:Snapshot) REQUIRE s.id IS UNIQUE;

// name: snapshot-status
CREATE INDEX snapshot_status IF NOT EXISTS FOR (s:Snapshot) ON (s.status);

// name: role-arn
// A snapshot's roles with an ARN (queries/plan-scope.cypher, queries/model-slice.cypher principal-arns).
CREATE INDEX role_arn IF NOT EXISTS FOR (n:Role) ON (n.snapshotId, n.arn);

// name: role-name
// A role by its name: the roles Identity Center made for a permission set, whose names start with
// AWSReservedSSO_ and the set's name (queries/people-catalog.cypher assignments-page), and a role
// by account and name (queries/lookup.cypher). A range index on Role alone: one entry per role,
// where a text index on every node's name put one into Lucene for every node.
CREATE INDEX role_name IF NOT EXISTS FOR (n:Role) ON (n.snapshotId, n.name);

// name: policy-snapshot
// A snapshot's policies (queries/who-can.cypher policies-by-action, queries/model-slice.cypher).
CREATE INDEX policy_snapshot IF NOT EXISTS FOR (n:Policy) ON (n.snapshotId);

// name: evidence-text-id
// Shared evidence texts (ingest/transform/shared-evidence.ts), found by the numbers edges keep.
CREATE INDEX evidence_text_id IF NOT EXISTS FOR (n:EvidenceText) ON (n.snapshotId, n.id);

// name: trust-rollup-snapshot
// The overview reads a snapshot's stored rollup (cypher/queries/organization.cypher stored-rollup)
// by this index instead of walking every node of the snapshot.
CREATE INDEX trust_rollup_snapshot IF NOT EXISTS FOR (n:TrustRollup) ON (n.snapshotId);
