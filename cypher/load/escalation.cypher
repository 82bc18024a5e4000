// Loads of the escalation analysis (engine/escalation), in the same snapshot as the
// rows they are about. $rows as in relationships.cypher.

// name: rel-CAN_ESCALATE_TO
// row.to is a principal key, or the account id when the edge gains admin of that account
// (row.props.target keeps the engine's `admin:<accountId>`).
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:CAN_ESCALATE_TO {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: node-admin
// Marks users and roles that are administrators (admin, adminKind, adminReason); creates nothing.
UNWIND $rows AS row
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN count(n) AS written;

// name: node-hops-to-admin
// Sets hopsToAdmin (ingest/transform/hops-to-admin.ts) on the nodes that can reach an administrator.
UNWIND $rows AS row
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN count(n) AS written;
