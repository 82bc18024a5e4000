// IAM Atlas schema: applied at every start; each statement is idempotent.
// Every node of a snapshot carries :AtlasNode with (snapshotId, key) unique,
// so relationship loads can find both ends by key whatever their label.

// name: atlas-node-key
CREATE CONSTRAINT atlas_node_key IF NOT EXISTS
FOR (n:AtlasNode) REQUIRE (n.snapshotId, n.key) IS UNIQUE;

// name: atlas-node-snapshot
CREATE INDEX atlas_node_snapshot IF NOT EXISTS FOR (n:AtlasNode) ON (n.snapshotId);

// name: snapshot-id
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (s:Snapshot) REQUIRE s.id IS UNIQUE;

// name: snapshot-status
CREATE INDEX snapshot_status IF NOT EXISTS FOR (s:Snapshot) ON (s.status);

// name: principal-arn
CREATE INDEX principal_arn IF NOT EXISTS FOR (n:Principal) ON (n.snapshotId, n.arn);

// name: role-arn
CREATE INDEX role_arn IF NOT EXISTS FOR (n:Role) ON (n.snapshotId, n.arn);

// name: policy-snapshot
CREATE INDEX policy_snapshot IF NOT EXISTS FOR (n:Policy) ON (n.snapshotId);

// name: resource-arn
CREATE INDEX resource_arn IF NOT EXISTS FOR (n:Resource) ON (n.snapshotId, n.arn);

// name: account-id
CREATE INDEX account_id IF NOT EXISTS FOR (n:Account) ON (n.snapshotId, n.id);

// name: evidence-text-id
// Shared evidence texts (ingest/transform/shared-evidence.ts), found by the numbers edges keep.
CREATE INDEX evidence_text_id IF NOT EXISTS FOR (n:EvidenceText) ON (n.snapshotId, n.id);

// name: trust-rollup-snapshot
// The overview reads a snapshot's stored rollup (cypher/queries/organization.cypher stored-rollup)
// by this index instead of walking every node of the snapshot.
CREATE INDEX trust_rollup_snapshot IF NOT EXISTS FOR (n:TrustRollup) ON (n.snapshotId);

// name: name-text
CREATE TEXT INDEX atlas_node_name IF NOT EXISTS FOR (n:AtlasNode) ON (n.name);
