// Loads of the escalation analysis (engine/escalation), in the same snapshot as the
// rows they are about. Rows as columns, as in
// relationships.cypher; marks (which set properties on existing nodes) take $rows: [{id, props}].

// name: rel-CAN_ESCALATE_TO
// The edge ends at a principal, or at the account when it gains admin of that account
// (the property target keeps the engine's `admin:<accountId>`).
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:CAN_ESCALATE_TO {key: $key[i],
  method: $method[i],
  catalogIds: $catalogIds[i],
  actions: $actions[i],
  gains: $gains[i],
  target: $target[i],
  crossAccount: $crossAccount[i],
  conditional: $conditional[i],
  conditionKeys: $conditionKeys[i],
  conditions: $conditions[i],
  orgPolicyIds: $orgPolicyIds[i],
  evidenceRef: $evidenceRef[i],
  conditionsRef: $conditionsRef[i],
  needsRuntime: $needsRuntime[i],
  evidence: $evidence[i],
  caveats: $caveats[i],
  via: $via[i],
  modifies: $modifies[i],
  chainMethods: $chainMethods[i],
  chain: $chain[i],
  mfaCannotHold: $mfaCannotHold[i]}]->(b)
SET r += $more[i]
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
