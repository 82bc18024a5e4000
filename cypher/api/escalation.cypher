// Escalation walks: breadth-first over CAN_ASSUME and CAN_ESCALATE_TO, one
// hop per call ($keys is the frontier). Every edge out of the frontier comes
// back (not only those to new nodes), so the caller can list several paths.
// Assumption filter as in cypher/queries/reachability.cypher.
// With $remaining (an integer, else null), only edges a walk to admin can still use: those that
// reach admin, and those to a node whose stored hopsToAdmin (set at ingest) is at most $remaining.

// name: escalation-out
UNWIND $keys AS k
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: k})-[r:CAN_ASSUME|CAN_ESCALATE_TO]->(b:AtlasNode)
WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  AND ($remaining IS NULL OR b.hopsToAdmin <= $remaining OR coalesce(b.admin, false)
       OR (type(r) = 'CAN_ESCALATE_TO' AND r.gains = 'admin'))
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       type(r) AS type, r {.*} AS edge,
       (type(r) = 'CAN_ESCALATE_TO' AND r.gains = 'admin') OR coalesce(b.admin, false) AS reachesAdmin
LIMIT $rowLimit;

// name: escalation-out-listing
// escalation-out for the listing of `query escalations`: the same edges, each row with only what
// the listing prints or walks by (the ends by key, the far end's kind, the edge's method,
// mechanism, via, actions, conditions, capability chain, and its evidence when $evidence is true;
// each of them, or the number of its shared text: ingest/transform/shared-evidence.ts),
// without the edge's reasons, key and the other properties, and without the end nodes' maps.
// The edge's properties come as a list, in the order of LISTING_EDGE_PROPS
// (query/escalation-walk.ts): a map would repeat their names on every row.
UNWIND $keys AS k
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: k})-[r:CAN_ASSUME|CAN_ESCALATE_TO]->(b:AtlasNode)
WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  AND ($remaining IS NULL OR b.hopsToAdmin <= $remaining OR coalesce(b.admin, false)
       OR (type(r) = 'CAN_ESCALATE_TO' AND r.gains = 'admin'))
RETURN a.key AS from, b.key AS to,
       [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS toKind,
       type(r) AS type,
       [r.method, r.mechanism, r.via, r.fromKind, r.actions, r.conditional, r.crossAccount, r.conditions, r.chain,
        r.conditionsRef, r.chainRef,
        CASE WHEN $evidence THEN r.evidence END,
        CASE WHEN $evidence THEN r.evidenceRef END] AS edge,
       (type(r) = 'CAN_ESCALATE_TO' AND r.gains = 'admin') OR coalesce(b.admin, false) AS reachesAdmin
LIMIT $rowLimit;

// name: escalation-sources
// Principals an escalation-to-admin finding names as its main subject.
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId, kind: 'escalation-to-admin'})-[:ABOUT {primary: true}]->(p:AtlasNode)
RETURN DISTINCT p.key AS key
ORDER BY key
LIMIT $limit;

// name: hops-to-admin
// The stored hopsToAdmin of $keys (set at ingest; none in a snapshot loaded before it was stored).
UNWIND $keys AS k
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: k})
WHERE n.hopsToAdmin IS NOT NULL
RETURN n.key AS key, n.hopsToAdmin AS hops;

// name: admin-principals
// Users and roles the escalation analysis marked as administrators: where assume-only walks end.
MATCH (n:AtlasNode {snapshotId: $snapshotId, admin: true})
WHERE n:User OR n:Role
RETURN n.key AS key;

// name: assume-into
// One hop backwards over CAN_ASSUME from $keys: the users and roles that can assume one of them.
// Assumption filter as in escalation-out.
UNWIND $keys AS k
MATCH (a:AtlasNode)-[r:CAN_ASSUME]->(b:AtlasNode {snapshotId: $snapshotId, key: k})
WHERE (a:User OR a:Role)
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN DISTINCT a.key AS key, coalesce(a.admin, false) AS admin
LIMIT $rowLimit;

// name: escalation-listing-start
// The start of the listing of `query escalations` (every path to admin), in one statement and one
// row: the sources of escalation-sources (`sources`), whether every one has its stored hopsToAdmin
// (`stored`), and the first hop from them as escalation-out-listing reads it (`edges`: each edge
// as the list [from, to, toKind, type, edge, reachesAdmin] of that statement's columns, at most
// $rowLimit), so the sources need not be sent back to the server.
MATCH (:Finding:AtlasNode {snapshotId: $snapshotId, kind: 'escalation-to-admin'})-[:ABOUT {primary: true}]->(p:AtlasNode)
WITH DISTINCT p
ORDER BY p.key
LIMIT $limit
WITH collect(p) AS sources
CALL {
  WITH sources
  UNWIND sources AS p
  MATCH (p)-[r:CAN_ASSUME|CAN_ESCALATE_TO]->(b:AtlasNode)
  WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
          any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
          OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))
    AND (b.hopsToAdmin <= $remaining OR coalesce(b.admin, false)
         OR (type(r) = 'CAN_ESCALATE_TO' AND r.gains = 'admin'))
  WITH p, r, b
  LIMIT $rowLimit
  RETURN collect([
           p.key, b.key,
           [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0],
           type(r),
           [r.method, r.mechanism, r.via, r.fromKind, r.actions, r.conditional, r.crossAccount, r.conditions, r.chain,
            r.conditionsRef, r.chainRef,
            CASE WHEN $evidence THEN r.evidence END,
            CASE WHEN $evidence THEN r.evidenceRef END],
           (type(r) = 'CAN_ESCALATE_TO' AND r.gains = 'admin') OR coalesce(b.admin, false)
         ]) AS edges
}
RETURN [p IN sources | p.key] AS sources, all(p IN sources WHERE p.hopsToAdmin IS NOT NULL) AS stored, edges;
