// The organization at a glance: its units, their accounts, and CAN_ASSUME
// aggregated between whatever units are shown (query/org-overview.ts).
//
// A caller's unit: callers of an account the organization holds belong to
// that account's unit ($unitOf: account id -> unit id, written by the query
// layer from the OU tree and what is expanded). Every other caller is outside
// and belongs to a group by kind: 'aws-services' (ServicePrincipal),
// 'identity-providers' (IdentityProvider), 'anyone' (the * principal),
// 'accounts' (every other account, its principals and unknown unique ids).
// A group in $openGroups is shown member by member ('outside:GROUP:KEY').
// Roles of accounts outside $unitOf are left out. The assumption filter is
// the one of reachability.cypher ($dropPatterns / $dropOther / $knownPatterns).

// name: org-units
MATCH (o:OrganizationalUnit:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (p:OrganizationalUnit:AtlasNode {snapshotId: $snapshotId})-[:CONTAINS]->(o)
RETURN o.key AS id, o.name AS name, coalesce(o.isRoot, false) AS isRoot, p.key AS parentId
ORDER BY id;

// name: org-accounts
// The accounts organization.json lists, with their OU and how many roles they hold.
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId})
WHERE a.inOrganization = true
OPTIONAL MATCH (p:OrganizationalUnit:AtlasNode {snapshotId: $snapshotId})-[:CONTAINS]->(a)
RETURN a.key AS id, a.name AS name, p.key AS parentId, COUNT { (a)-[:CONTAINS]->(:Role) } AS roleCount
ORDER BY id;

// name: account-severities
// Per account: the severities of the findings about it or anything in it.
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId})-[:ABOUT]->(s:AtlasNode)
WITH coalesce(s.accountId, CASE WHEN s:Account THEN s.key END) AS account, f.severity AS severity
WHERE account IS NOT NULL
RETURN account, collect(DISTINCT severity) AS severities;

// name: role-severities
// The severities of the findings about each role that has any.
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId})-[:ABOUT]->(r:Role)
RETURN r.key AS role, collect(DISTINCT f.severity) AS severities;

// name: stored-rollup
// The rollup ingest stored (ingest/transform/trust-rollup-rows.ts): the rows of trust-rollup with
// no assumption made, in one record of parallel lists (a row each; thousands of rows at 500
// accounts travel and decode faster as columns than as records). Empty lists for snapshots loaded
// before it was stored.
MATCH (t:TrustRollup {snapshotId: $snapshotId})
RETURN collect(t.fromUnit) AS fromUnit, collect(t.toAccount) AS toAccount, collect(t.edgeCount) AS edgeCount,
       collect(t.conditionalCount) AS conditionalCount, collect(t.roleCount) AS roleCount,
       collect(coalesce(t.conditionKeys, [])) AS conditionKeys, collect(coalesce(t.worstSeverity, '')) AS worstSeverity;

// name: member-names
// Names of callers outside the organization, by key (an account id for other AWS accounts).
UNWIND $keys AS k
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: k})
RETURN k AS key, coalesce(n.name, n.key) AS name;

// name: trust-rollup
// One pass over CAN_ASSUME: per caller unit and target account, at every level at once. A caller
// of an account the organization holds counts for that account and for each OU above it that can
// be collapsed ($chains: account id -> [account id, OU ids]); any other caller for its outside
// group and for itself as a member of it ('outside:GROUP', 'outside:GROUP:KEY'). Roles of one
// account are counted apart from those of any other, so the query layer adds these rows up to
// whatever units are shown, distinct roles included. $roleRank: role key -> the index in
// SEVERITY_ORDER of the worst finding about it (lower is worse).
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
WITH a, r, b, b.accountId AS toAccount
WHERE $chains[toAccount] IS NOT NULL
WITH a, r, b, toAccount,
     coalesce(a.accountId, CASE WHEN a:Account THEN a.key END) AS callerAccount,
     CASE WHEN a:ServicePrincipal THEN 'aws-services' WHEN a:IdentityProvider THEN 'identity-providers'
          WHEN a:Anyone THEN 'anyone' END AS kindGroup
WITH a, r, b, toAccount, callerAccount,
     CASE WHEN kindGroup IS NULL AND callerAccount IS NOT NULL AND $chains[callerAccount] IS NOT NULL THEN null
          ELSE coalesce(kindGroup, 'accounts') END AS grp
WITH a, r, b, toAccount,
     CASE WHEN grp IS NULL THEN null
          ELSE 'outside:' + grp + ':' + CASE WHEN grp = 'accounts' THEN coalesce(callerAccount, a.key) ELSE a.key END
     END AS member,
     CASE WHEN grp IS NULL THEN $chains[callerAccount] ELSE ['outside:' + grp] END AS units
WITH r, b, toAccount, CASE WHEN member IS NULL THEN units ELSE units + member END AS units
UNWIND units AS fromUnit
WITH fromUnit, toAccount, r, b
WHERE fromUnit <> toAccount
RETURN fromUnit, toAccount, count(r) AS edgeCount,
       sum(CASE WHEN r.conditional THEN 1 ELSE 0 END) AS conditionalCount,
       count(DISTINCT b) AS roleCount, collect(DISTINCT r.conditionKeys) AS keyLists,
       min($roleRank[b.key]) AS worstRank;

// name: unit-trust-edges
// One window of the edges behind one pair of units shown ($fromUnit, $toUnit): an overview edge or a matrix cell.
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  AND $unitOf[b.accountId] = $toUnit
WITH a, r, b,
     coalesce(a.accountId, CASE WHEN a:Account THEN a.key END) AS callerAccount,
     CASE WHEN a:ServicePrincipal THEN 'aws-services' WHEN a:IdentityProvider THEN 'identity-providers'
          WHEN a:Anyone THEN 'anyone' END AS kindGroup
WITH a, r, b, callerAccount,
     CASE WHEN kindGroup IS NULL AND callerAccount IS NOT NULL AND $unitOf[callerAccount] IS NOT NULL THEN null
          ELSE coalesce(kindGroup, 'accounts') END AS grp
WITH a, r, b,
     CASE WHEN grp IS NULL THEN $unitOf[callerAccount]
          WHEN grp IN $openGroups THEN 'outside:' + grp + ':' + CASE WHEN grp = 'accounts' THEN coalesce(callerAccount, a.key) ELSE a.key END
          ELSE 'outside:' + grp END AS fromUnit
WHERE fromUnit = $fromUnit
WITH a, r, b ORDER BY a.key, b.key
SKIP $offset LIMIT $limit
RETURN a {.key, .arn, .name, .accountId, admin: coalesce(a.admin, false), external: coalesce(a.external, false), kind: [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]} AS from,
       b {.key, .arn, .name, .accountId, admin: coalesce(b.admin, false), external: coalesce(b.external, false), kind: 'Role'} AS to,
       'CAN_ASSUME' AS type, r {.*} AS edge;
