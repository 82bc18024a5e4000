// Loads of the resource analysis (engine/resources), in the same snapshot as the
// Resource nodes they are about. $rows as in relationships.cypher.

// name: rel-CAN_ACCESS
// A caller reaches a resource at one or more access levels (row.props.levels, each level's
// own detail in row.props.levelDetail); the caller is a User/Role, an Account, an
// ExternalPrincipal, a ServicePrincipal or the Anyone node.
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode:Resource {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:CAN_ACCESS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: node-resource-marks
// Marks resources reachable by anyone (public) or from outside the zone of trust
// (externalAccess); creates nothing.
UNWIND $rows AS row
MATCH (n:AtlasNode:Resource {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN count(n) AS written;
