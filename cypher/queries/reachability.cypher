// Reachability over CAN_ASSUME edges.
//
// Breadth-first, one hop per call: $keys is the frontier, $visited the nodes
// already reached (never returned again). The caller keeps the first edge that
// reaches each node, so every node comes back with one shortest path.
//
// Analyst assumptions drop edges whose request-time condition keys fall in a
// category assumed false: $dropPatterns are the (lower-case, full-match)
// patterns of those categories; $dropOther drops keys matching none of
// $knownPatterns. The category table lives in api/queries/assumptions.ts.

// name: reach-out
UNWIND $keys AS k
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: k})-[r:CAN_ASSUME]->(b:AtlasNode)
WHERE NOT b.key IN $visited
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a.key AS from, b.key AS to, r {.*} AS edge,
       b {.key, .arn, .name, .accountId} AS node,
       [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind
ORDER BY to, size(coalesce(r.conditionKeys, [])), from
LIMIT $rowLimit;

// name: reach-in
UNWIND $keys AS k
MATCH (a:AtlasNode)-[r:CAN_ASSUME]->(b:AtlasNode {snapshotId: $snapshotId, key: k})
WHERE NOT a.key IN $visited
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a.key AS from, b.key AS to, r {.*} AS edge,
       a {.key, .arn, .name, .accountId} AS node,
       [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind
ORDER BY from, size(coalesce(r.conditionKeys, [])), to
LIMIT $rowLimit;
