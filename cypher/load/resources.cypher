// Loads of the resource analysis (engine/resources), in the same snapshot as the
// Resource nodes they are about. $rows as in relationships.cypher.

// name: rel-CAN_ACCESS
// A caller reaches a resource at one or more access levels (row.props.levels, each level's
// own detail in row.props.levelDetail); the caller is a User/Role, an Account, an
// ExternalPrincipal, a ServicePrincipal or the Anyone node.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b:Resource) WHERE elementId(b) = row.to
CREATE (a)-[r:CAN_ACCESS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: node-resource-marks
// Marks resources reachable by anyone (public) or from outside the zone of trust
// (externalAccess); creates nothing.
UNWIND $rows AS row
MATCH (n:Resource) WHERE elementId(n) = row.id
SET n += row.props
RETURN count(n) AS written;
