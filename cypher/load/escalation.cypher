// Loads of the escalation analysis (engine/escalation), in the same snapshot as the
// rows they are about. $rows as in relationships.cypher.

// name: rel-CAN_ESCALATE_TO
// The edge ends at a principal, or at the account when it gains admin of that account
// (row.props.target keeps the engine's `admin:<accountId>`).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:CAN_ESCALATE_TO {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: node-admin
// Marks users and roles that are administrators (admin, adminKind, adminReason); creates nothing.
// $rows: [{id, props}], id the node's element id.
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id
SET n += row.props
RETURN count(n) AS written;

// name: node-hops-to-admin
// Sets hopsToAdmin (ingest/transform/hops-to-admin.ts) on the nodes that can reach an administrator.
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id
SET n += row.props
RETURN count(n) AS written;
