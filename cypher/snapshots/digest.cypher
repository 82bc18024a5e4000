// A snapshot's whole graph, read back in a form that does not depend on how it
// was written: every node with its labels and properties, every relationship
// with its type, its ends' keys and its properties. query/snapshot-digest.ts
// hashes it, so a change to the loader can be checked to write the same graph.

// name: digest-nodes
MATCH (n:AtlasNode {snapshotId: $snapshotId})
RETURN labels(n) AS labels, properties(n) AS props;

// name: digest-relationships
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r]->(b:AtlasNode {snapshotId: $snapshotId})
RETURN type(r) AS type, a.key AS from, b.key AS to, properties(r) AS props;

// name: digest-evidence-texts
// The snapshot's shared evidence texts (ingest/transform/shared-evidence.ts).
MATCH (t:EvidenceText {snapshotId: $snapshotId})
RETURN t.text AS text;
