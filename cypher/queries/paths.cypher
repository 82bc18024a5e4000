// Paths between two nodes over CAN_ASSUME edges, shortest first.
//
// A quantifier cannot be a parameter, so there is one statement per hop bound
// (paths-1 .. paths-8); the code picks one by name from the validated maxHops.
// SHORTEST 64 bounds the search (the largest limit a caller may ask for);
// walks that revisit a node are dropped. Assumption filters as in
// reachability.cypher.

// name: paths-1
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,1}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-2
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,2}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-3
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,3}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-4
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,4}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-5
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,5}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-6
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,6}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-7
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,7}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: paths-8
MATCH p = SHORTEST 64 (a:AtlasNode {snapshotId: $snapshotId, key: $from})
  -[r:CAN_ASSUME WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(pat IN $dropPatterns WHERE toLower(ck) =~ pat)
        OR ($dropOther AND none(pat IN $knownPatterns WHERE toLower(ck) =~ pat)))]->{1,8}
  (b:AtlasNode {snapshotId: $snapshotId, key: $to})
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
RETURN [x IN ns | x {.key, .arn, .name, .accountId,
          kind: [l IN labels(x) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*}] AS edges
ORDER BY size(edges)
LIMIT $limit;

// name: endpoints
// Both ends of a paths query in one lookup (either may be missing: the caller reports which).
OPTIONAL MATCH (a:AtlasNode {snapshotId: $snapshotId, key: $from})
OPTIONAL MATCH (b:AtlasNode {snapshotId: $snapshotId, key: $to})
RETURN a {.key, .arn, .name, .accountId} AS from,
       [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS fromKind,
       b {.key, .arn, .name, .accountId} AS to,
       [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS toKind;
