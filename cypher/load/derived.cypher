// Loads of what the engine derives from a snapshot (engine/trust, engine/findings),
// written in the same snapshot as the rows they are about. $rows as in relationships.cypher.

// name: rel-CAN_ASSUME
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
MERGE (a)-[r:CAN_ASSUME {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: node-Finding
UNWIND $rows AS row
MERGE (n:AtlasNode:Finding {snapshotId: $snapshotId, key: row.key})
SET n += row.props;

// name: rel-ABOUT
UNWIND $rows AS row
MATCH (a:AtlasNode:Finding {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
MERGE (a)-[r:ABOUT {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;
