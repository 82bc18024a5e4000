// Trust between accounts and out of the organization, over CAN_ASSUME.
// The assumption filter is the one of cypher/queries/reachability.cypher:
// $dropPatterns / $dropOther / $knownPatterns from query/assumptions.ts.

// name: cross-account-summary
// Per pair of accounts: counts, the distinct target roles, the condition keys on the
// edges and the severities of findings ABOUT the target roles (the page's overview
// needs no edge itself).
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE r.crossAccount = true
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
WITH coalesce(a.accountId, CASE WHEN a:Account THEN a.key END) AS fromAccount, b.accountId AS toAccount, r, b
WHERE fromAccount IS NOT NULL
WITH fromAccount, toAccount, count(r) AS edgeCount,
     sum(CASE WHEN r.conditional THEN 1 ELSE 0 END) AS conditionalCount,
     any(x IN collect(r.crossOrganization) WHERE x) AS external,
     collect(DISTINCT b) AS roles,
     collect(DISTINCT r.conditionKeys) AS keyLists
RETURN fromAccount, toAccount, edgeCount, conditionalCount, external, size(roles) AS roleCount,
       reduce(acc = [], ks IN keyLists | acc + [k IN ks WHERE NOT k IN acc]) AS conditionKeys,
       reduce(acc = [], role IN roles | acc + [(f:Finding)-[:ABOUT]->(role) WHERE NOT f.severity IN acc | f.severity]) AS severities
ORDER BY fromAccount, toAccount;

// name: cross-account-edges
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role {accountId: $toAccount})
WHERE r.crossAccount = true
  AND coalesce(a.accountId, CASE WHEN a:Account THEN a.key END) = $fromAccount
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: 'Role'} AS to,
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
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: 'Role'} AS to,
       'CAN_ASSUME' AS type, r {.*} AS edge;

// name: provider-summary
// Per identity provider of the organization (SAML or OIDC, listed in a provider export) and
// target account: how many roles it signs people into, and how many of those edges are conditional.
MATCH (p:IdentityProvider:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE NOT coalesce(p.external, false)
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(x IN $dropPatterns WHERE toLower(ck) =~ x)
        OR ($dropOther AND none(x IN $knownPatterns WHERE toLower(ck) =~ x)))
WITH p, b.accountId AS toAccount, count(DISTINCT b) AS roleCount,
     count(DISTINCT CASE WHEN r.conditional THEN b END) AS conditionalCount,
     collect(DISTINCT r.conditionKeys) AS keyLists
RETURN p {.key, .arn, .name, .accountId, admin: coalesce(p.admin, false), external: false, kind: 'IdentityProvider'} AS provider,
       toAccount, roleCount, conditionalCount,
       reduce(acc = [], ks IN keyLists | acc + [k IN ks WHERE NOT k IN acc]) AS conditionKeys
ORDER BY provider.key, toAccount;
