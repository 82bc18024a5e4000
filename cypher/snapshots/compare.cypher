// A snapshot's whole graph, for comparing two snapshots loaded from the same
// organization by different routes (files exported by hand, or `collect`).
// Run with $id; the snapshot's own id is left out of the properties.

// name: snapshot-graph-nodes
MATCH (n:AtlasNode {snapshotId: $id})
RETURN n.key AS key, [l IN labels(n) WHERE l <> 'AtlasNode'] AS labels, properties(n) AS props
ORDER BY key;

// name: snapshot-graph-relationships
MATCH (a:AtlasNode {snapshotId: $id})-[r]->(b:AtlasNode {snapshotId: $id})
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props
ORDER BY from, type, to, coalesce(r.key, r.method, "");
