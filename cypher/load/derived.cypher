// Loads of what the engine derives from a snapshot (engine/trust, engine/findings),
// written in the same snapshot as the rows they are about. $rows as in relationships.cypher.

// name: rel-CAN_ASSUME
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:CAN_ASSUME {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: node-EvidenceText
// One distinct evidence text of the snapshot (ingest/transform/shared-evidence.ts): edges name it
// by `id` in their `*Ref` properties. Not an AtlasNode: no graph query walks or counts it.
UNWIND $rows AS row
CREATE (n:EvidenceText {snapshotId: $snapshotId, id: row.props.id, text: row.props.text})
RETURN count(n) AS written;

// name: node-Finding
UNWIND $rows AS row
CREATE (n:AtlasNode:Finding {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: rel-ABOUT
UNWIND $rows AS row
MATCH (a:Finding) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:ABOUT {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-CAN_SIGN_IN_AS
// A person can sign in as a provisioned role (engine/identity-center/link.ts), with the assignments behind it.
UNWIND $rows AS row
MATCH (a:Person) WHERE elementId(a) = row.from
MATCH (b:Role) WHERE elementId(b) = row.to
CREATE (a)-[r:CAN_SIGN_IN_AS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;
