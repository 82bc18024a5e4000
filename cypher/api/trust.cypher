// Trust between accounts and out of the organization, over CAN_ASSUME.
// The assumption filter is the one of cypher/queries/reachability.cypher:
// $dropPatterns / $dropOther / $knownPatterns from api/queries/assumptions.ts.

// name: cross-account-summary
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE r.crossAccount = true
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
WITH coalesce(a.accountId, CASE WHEN a:Account THEN a.key END) AS fromAccount, b.accountId AS toAccount, r
WHERE fromAccount IS NOT NULL
RETURN fromAccount, toAccount, count(r) AS edgeCount,
       sum(CASE WHEN r.conditional THEN 1 ELSE 0 END) AS conditionalCount,
       any(x IN collect(r.crossOrganization) WHERE x) AS external
ORDER BY fromAccount, toAccount;

// name: cross-account-edges
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role {accountId: $toAccount})
WHERE r.crossAccount = true
  AND coalesce(a.accountId, CASE WHEN a:Account THEN a.key END) = $fromAccount
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a {.key, .arn, .name, .accountId, kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, kind: 'Role'} AS to,
       'CAN_ASSUME' AS type, r {.*} AS edge
ORDER BY a.key, b.key
SKIP $offset LIMIT $limit;

// name: external-trust-count
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE r.crossOrganization = true
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN count(r) AS total;

// name: external-trust-page
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE r.crossOrganization = true
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
WITH a, r, b, CASE $sort WHEN 'FROM' THEN a.key + ' ' + b.key ELSE b.key + ' ' + a.key END AS sortKey
ORDER BY CASE WHEN $desc THEN null ELSE sortKey END ASC, CASE WHEN $desc THEN sortKey END DESC
SKIP $offset LIMIT $limit
RETURN a {.key, .arn, .name, .accountId, kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, kind: 'Role'} AS to,
       'CAN_ASSUME' AS type, r {.*} AS edge;
