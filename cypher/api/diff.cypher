// What appeared between two snapshots: run with ($older, $newer) for what
// appeared and swapped for what disappeared. Edges are matched by the keys of
// both ends (and, for escalation, the method); findings by their stable id.

// name: can-assume-only-in-newer
MATCH (a:AtlasNode {snapshotId: $newer})-[r:CAN_ASSUME]->(b:AtlasNode)
WHERE NOT EXISTS {
  MATCH (:AtlasNode {snapshotId: $older, key: a.key})-[:CAN_ASSUME]->(:AtlasNode {snapshotId: $older, key: b.key})
}
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       'CAN_ASSUME' AS type, r {.*} AS edge
ORDER BY a.key, b.key
LIMIT $limit;

// name: can-escalate-to-only-in-newer
MATCH (a:AtlasNode {snapshotId: $newer})-[r:CAN_ESCALATE_TO]->(b:AtlasNode)
WHERE NOT EXISTS {
  MATCH (:AtlasNode {snapshotId: $older, key: a.key})-[o:CAN_ESCALATE_TO]->(:AtlasNode {snapshotId: $older, key: b.key})
  WHERE o.method = r.method
}
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       'CAN_ESCALATE_TO' AS type, r {.*} AS edge
ORDER BY a.key, b.key
LIMIT $limit;

// name: findings-only-in-newer
MATCH (f:Finding:AtlasNode {snapshotId: $newer})
WHERE NOT EXISTS { MATCH (:Finding:AtlasNode {snapshotId: $older, key: f.key}) }
OPTIONAL MATCH (f)-[:ABOUT]->(s:AtlasNode)
WITH f, [x IN collect(s {.key, .arn, .name, .accountId, admin: coalesce(s.admin, false), external: coalesce(s.external, false), kind: [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}) WHERE x.key IS NOT NULL] AS subjects
RETURN f {.*} AS finding, subjects
ORDER BY f.key
LIMIT $limit;
