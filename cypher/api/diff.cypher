// What appeared between two snapshots: run with ($older, $newer) for what
// appeared and swapped for what disappeared. Edges are matched by the keys of
// both ends (and, for escalation, the method; for Identity Center assignments
// and sign-ins, the account); findings and people by their stable key.

// name: can-assume-only-in-newer
MATCH (a:AtlasNode {snapshotId: $newer})-[r:CAN_ASSUME]->(b:AtlasNode)
WHERE NOT EXISTS {
  MATCH (:AtlasNode {snapshotId: $older, key: a.key})-[:CAN_ASSUME]->(:AtlasNode {snapshotId: $older, key: b.key})
}
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS to,
       'CAN_ASSUME' AS type, r {.*} AS edge
ORDER BY a.key, b.key
LIMIT $limit;

// name: can-escalate-to-only-in-newer
MATCH (a:AtlasNode {snapshotId: $newer})-[r:CAN_ESCALATE_TO]->(b:AtlasNode)
WHERE NOT EXISTS {
  MATCH (:AtlasNode {snapshotId: $older, key: a.key})-[o:CAN_ESCALATE_TO]->(:AtlasNode {snapshotId: $older, key: b.key})
  WHERE o.method = r.method
}
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS to,
       'CAN_ESCALATE_TO' AS type, r {.*} AS edge
ORDER BY a.key, b.key
LIMIT $limit;

// name: findings-only-in-newer
MATCH (f:Finding:AtlasNode {snapshotId: $newer})
WHERE NOT EXISTS { MATCH (:Finding:AtlasNode {snapshotId: $older, key: f.key}) }
OPTIONAL MATCH (f)-[:ABOUT]->(s:AtlasNode)
WITH f, [x IN collect(s {.key, .arn, .name, .accountId, admin: coalesce(s.admin, false), external: coalesce(s.external, false), kind: [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]}) WHERE x.key IS NOT NULL] AS subjects
RETURN f {.*} AS finding, subjects
ORDER BY f.key
LIMIT $limit;

// name: people-edges-only-in-newer
// Identity Center edges: group memberships (Person -> PeopleGroup), account
// assignments (Person or PeopleGroup -> PermissionSet, one per account) and the
// provisioned roles people can sign in as (Person -> Role).
MATCH (a:AtlasNode {snapshotId: $newer})
WHERE a:Person OR a:PeopleGroup
MATCH (a)-[r:MEMBER_OF|ASSIGNED|CAN_SIGN_IN_AS]->(b:AtlasNode)
WHERE NOT EXISTS {
  MATCH (:AtlasNode {snapshotId: $older, key: a.key})-[o:MEMBER_OF|ASSIGNED|CAN_SIGN_IN_AS]->(:AtlasNode {snapshotId: $older, key: b.key})
  WHERE type(o) = type(r) AND coalesce(o.accountId, '') = coalesce(r.accountId, '')
}
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: false, kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: false, kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS to,
       type(r) AS type, r {.accountId, .permissionSets, .groups, .direct} AS edge
ORDER BY type, a.key, b.key, edge.accountId
LIMIT $limit;

// name: people-nodes-only-in-newer
// People, their groups and permission sets, by key.
MATCH (n:AtlasNode {snapshotId: $newer})
WHERE (n:Person OR n:PeopleGroup OR n:PermissionSet)
  AND NOT EXISTS { MATCH (:AtlasNode {snapshotId: $older, key: n.key}) }
RETURN n {.key, .arn, .name, .accountId, admin: false, external: false, kind: [l IN labels(n) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Person', 'PeopleGroup', 'PermissionSet']][0]} AS node
ORDER BY node.kind, node.key
LIMIT $limit;
