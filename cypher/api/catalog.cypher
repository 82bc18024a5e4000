// What the API lists and looks up: snapshots, the organization tree, accounts,
// principals and what governs them. Sorting: $sort picks the key, $desc the
// direction (a null sorts last ascending and first descending, so the unused
// ORDER BY item is a tie). Paging with $offset/$limit from the API's cursors.

// name: organization
MATCH (o:Organization:AtlasNode {snapshotId: $snapshotId})
RETURN o {.id, .managementAccountId} AS organization
LIMIT 1;

// name: organizational-units
MATCH (u:OrganizationalUnit:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (parent:OrganizationalUnit)-[:CONTAINS]->(u)
RETURN u {.id, .name, .isRoot, parentId: parent.id} AS unit
ORDER BY u.id;

// name: organization-policies
MATCH (p:Policy:AtlasNode {snapshotId: $snapshotId})-[:APPLIES_TO]->(t:AtlasNode)
RETURN t.key AS target, p {.key, .kind, .name, .arn, .document} AS policy
ORDER BY t.key, p.key;

// name: accounts-count
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId})
WHERE ($external IS NULL OR coalesce(a.external, false) = $external)
  AND ($inOrganization IS NULL OR coalesce(a.inOrganization, false) = $inOrganization)
  AND ($search IS NULL OR toLower(a.id) CONTAINS $search OR toLower(coalesce(a.name, '')) CONTAINS $search)
RETURN count(a) AS total;

// name: accounts-page
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId})
WHERE ($external IS NULL OR coalesce(a.external, false) = $external)
  AND ($inOrganization IS NULL OR coalesce(a.inOrganization, false) = $inOrganization)
  AND ($search IS NULL OR toLower(a.id) CONTAINS $search OR toLower(coalesce(a.name, '')) CONTAINS $search)
WITH a, CASE $sort WHEN 'NAME' THEN coalesce(a.name, '~') + ' ' + a.id ELSE a.id END AS sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END ASC, CASE WHEN $desc THEN sortKey END DESC
SKIP $offset LIMIT $limit
OPTIONAL MATCH (parent:OrganizationalUnit)-[:CONTAINS]->(a)
RETURN a {.*, parentId: parent.id} AS account;

// name: account-by-id
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId, key: $id})
OPTIONAL MATCH (parent:OrganizationalUnit)-[:CONTAINS]->(a)
RETURN a {.*, parentId: parent.id} AS account;

// name: principals-count
MATCH (p:Principal:AtlasNode {snapshotId: $snapshotId})
WHERE ($kind IS NULL OR $kind IN labels(p))
  AND ($accountId IS NULL OR p.accountId = $accountId)
  AND ($search IS NULL OR toLower(p.arn) CONTAINS $search)
RETURN count(p) AS total;

// name: principals-page
MATCH (p:Principal:AtlasNode {snapshotId: $snapshotId})
WHERE ($kind IS NULL OR $kind IN labels(p))
  AND ($accountId IS NULL OR p.accountId = $accountId)
  AND ($search IS NULL OR toLower(p.arn) CONTAINS $search)
WITH p, CASE $sort WHEN 'NAME' THEN p.name + ' ' + p.arn WHEN 'ACCOUNT' THEN p.accountId + ' ' + p.arn ELSE p.arn END AS sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END ASC, CASE WHEN $desc THEN sortKey END DESC
SKIP $offset LIMIT $limit
RETURN p {.*, kind: CASE WHEN p:User THEN 'USER' ELSE 'ROLE' END} AS principal;

// name: principal-by-arn
MATCH (p:Principal:AtlasNode {snapshotId: $snapshotId, key: $arn})
RETURN p {.*, kind: CASE WHEN p:User THEN 'USER' ELSE 'ROLE' END} AS principal;

// name: principal-policies
MATCH (p:AtlasNode {snapshotId: $snapshotId, key: $key})-[:HAS_POLICY]->(pol:Policy)
RETURN pol {.key, .kind, .name, .arn, .document} AS policy
ORDER BY pol.key;

// name: principal-boundary
MATCH (p:AtlasNode {snapshotId: $snapshotId, key: $key})-[:HAS_BOUNDARY]->(pol:Policy)
RETURN pol {.key, .kind, .name, .arn, .document} AS policy
LIMIT 1;

// name: principal-groups
MATCH (p:AtlasNode {snapshotId: $snapshotId, key: $key})-[:MEMBER_OF]->(g:Group)
OPTIONAL MATCH (g)-[:HAS_POLICY]->(pol:Policy)
WITH g, pol ORDER BY pol.key
WITH g, [x IN collect(pol {.key, .kind, .name, .arn, .document}) WHERE x.key IS NOT NULL] AS policies
ORDER BY g.arn
RETURN g {.arn, .name} AS group, policies;

// name: edges-out-count
// $type is CAN_ASSUME or CAN_ESCALATE_TO; $other (or null) keeps only the edge to that node.
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: $key})-[r]->(b:AtlasNode)
WHERE type(r) = $type AND ($other IS NULL OR b.key = $other)
RETURN count(r) AS total;

// name: edges-out-page
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: $key})-[r]->(b:AtlasNode)
WHERE type(r) = $type AND ($other IS NULL OR b.key = $other)
WITH a, r, b ORDER BY b.key, elementId(r)
SKIP $offset LIMIT $limit
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       type(r) AS type, r {.*} AS edge;

// name: edges-in-count
MATCH (a:AtlasNode)-[r]->(b:AtlasNode {snapshotId: $snapshotId, key: $key})
WHERE type(r) = $type AND ($other IS NULL OR a.key = $other)
RETURN count(r) AS total;

// name: edges-in-page
MATCH (a:AtlasNode)-[r]->(b:AtlasNode {snapshotId: $snapshotId, key: $key})
WHERE type(r) = $type AND ($other IS NULL OR a.key = $other)
WITH a, r, b ORDER BY a.key, elementId(r)
SKIP $offset LIMIT $limit
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       type(r) AS type, r {.*} AS edge;

// name: account-edges-count
// Edges of $type that leave ($direction 'OUT') or enter ('IN') the users and roles of one account.
MATCH (p:Principal:AtlasNode {snapshotId: $snapshotId, accountId: $accountId})
CALL (p) {
  MATCH (p)-[r]->(:AtlasNode) WHERE $direction = 'OUT' AND type(r) = $type RETURN r
  UNION ALL
  MATCH (:AtlasNode)-[r]->(p) WHERE $direction = 'IN' AND type(r) = $type RETURN r
}
RETURN count(r) AS total;

// name: account-edges-page
MATCH (p:Principal:AtlasNode {snapshotId: $snapshotId, accountId: $accountId})
CALL (p) {
  MATCH (p)-[r]->(b:AtlasNode) WHERE $direction = 'OUT' AND type(r) = $type RETURN p AS a, r, b
  UNION ALL
  MATCH (a:AtlasNode)-[r]->(p) WHERE $direction = 'IN' AND type(r) = $type RETURN a, r, p AS b
}
WITH a, r, b ORDER BY a.key, b.key, elementId(r)
SKIP $offset LIMIT $limit
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       type(r) AS type, r {.*} AS edge;

// name: finding-by-id
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId, key: $id})
OPTIONAL MATCH (f)-[:ABOUT]->(s:AtlasNode)
RETURN f {.*} AS finding,
       [x IN collect(s {.key, .arn, .name, .accountId, admin: coalesce(s.admin, false), external: coalesce(s.external, false), kind: [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}) WHERE x.key IS NOT NULL] AS subjects;

// name: edge-between
// One step of a path given by node keys: a CAN_ASSUME or CAN_ESCALATE_TO edge from $from to $to.
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: $from})-[r:CAN_ASSUME|CAN_ESCALATE_TO]->(b:AtlasNode {snapshotId: $snapshotId, key: $to})
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
       type(r) AS type, r {.*} AS edge
ORDER BY type(r), size(coalesce(r.conditionKeys, []))
LIMIT 1;

// name: node-flags
// GraphNode.isAdmin and .external of nodes the query layer returned without them.
UNWIND $keys AS k
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: k})
RETURN n.key AS key, coalesce(n.admin, false) AS admin, coalesce(n.external, false) AS external;

// name: edges-between
// The steps of a path given by node keys, all at once: for each pair, the CAN_ASSUME or
// CAN_ESCALATE_TO edge from $pairs[i].from to $pairs[i].to (CAN_ASSUME first, fewest condition keys).
UNWIND range(0, size($pairs) - 1) AS ix
WITH ix, $pairs[ix] AS pair
CALL (pair) {
  MATCH (a:AtlasNode {snapshotId: $snapshotId, key: pair.from})-[r:CAN_ASSUME|CAN_ESCALATE_TO]->(b:AtlasNode {snapshotId: $snapshotId, key: pair.to})
  RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
         b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS to,
         type(r) AS type, r {.*} AS edge
  ORDER BY type(r), size(coalesce(r.conditionKeys, []))
  LIMIT 1
}
RETURN ix, from, to, type, edge;
