// Loads of the resource analysis (engine/resources), in the same snapshot as the
// Resource nodes they are about. Rows as columns, as in
// relationships.cypher; marks (which set properties on existing nodes) take $rows: [{id, props}].

// name: rel-CAN_ACCESS
// A caller reaches a resource at one or more access levels (the property levels, each level's
// own detail in the property levelDetail); the caller is a User/Role, an Account, an
// ExternalPrincipal, a ServicePrincipal or the Anyone node.
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b:Resource) WHERE elementId(b) = $to[i]
CREATE (a)-[r:CAN_ACCESS {key: $key[i],
  levels: $levels[i],
  callerKey: $callerKey[i],
  accessRef: $accessRef[i],
  access: $access[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: node-resource-marks
// Marks resources reachable by anyone (public) or from outside the zone of trust
// (externalAccess); creates nothing.
UNWIND $rows AS row
MATCH (n:Resource) WHERE elementId(n) = row.id
SET n += row.props
RETURN count(n) AS written;
