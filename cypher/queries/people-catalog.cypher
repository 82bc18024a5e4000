// People, groups, permission sets and account assignments of IAM Identity Center, listed.
// A group is named by its graph key, identity-store GroupId or display name (case-insensitive);
// a permission set by its ARN or name (case-insensitive).

// name: people-count
MATCH (p:Person:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(p.name) CONTAINS $search
       OR toLower(coalesce(p.displayName, '')) CONTAINS $search
       OR any(e IN coalesce(p.emails, []) WHERE toLower(e) CONTAINS $search))
  AND ($group IS NULL OR EXISTS {
        MATCH (p)-[:MEMBER_OF]->(g:PeopleGroup)
        WHERE g.key = $group OR g.id = $group OR toLower(g.name) = toLower($group) })
  AND ($account IS NULL OR EXISTS { MATCH (p)-[a:ASSIGNED]->(:PermissionSet) WHERE a.accountId = $account }
       OR EXISTS { MATCH (p)-[:MEMBER_OF]->(:PeopleGroup)-[a:ASSIGNED]->(:PermissionSet) WHERE a.accountId = $account })
RETURN count(p) AS total;

// name: people-page
MATCH (p:Person:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(p.name) CONTAINS $search
       OR toLower(coalesce(p.displayName, '')) CONTAINS $search
       OR any(e IN coalesce(p.emails, []) WHERE toLower(e) CONTAINS $search))
  AND ($group IS NULL OR EXISTS {
        MATCH (p)-[:MEMBER_OF]->(g:PeopleGroup)
        WHERE g.key = $group OR g.id = $group OR toLower(g.name) = toLower($group) })
  AND ($account IS NULL OR EXISTS { MATCH (p)-[a:ASSIGNED]->(:PermissionSet) WHERE a.accountId = $account }
       OR EXISTS { MATCH (p)-[:MEMBER_OF]->(:PeopleGroup)-[a:ASSIGNED]->(:PermissionSet) WHERE a.accountId = $account })
WITH p ORDER BY toLower(p.name), p.key
SKIP $offset LIMIT $limit
RETURN p {.key, .id, .name, .userName, .displayName, .emails, .status} AS person,
       [(p)-[:MEMBER_OF]->(g:PeopleGroup) | g {.key, .id, .name, .description, .memberCount}] AS groups;

// name: person-groups
// The groups of the person with graph key $key.
MATCH (p:Person:AtlasNode {snapshotId: $snapshotId, key: $key})-[:MEMBER_OF]->(g:PeopleGroup)
RETURN g {.key, .id, .name, .description, .memberCount} AS grp
ORDER BY toLower(g.name), g.key;

// name: people-groups-count
MATCH (g:PeopleGroup:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(g.name) CONTAINS $search OR toLower(coalesce(g.description, '')) CONTAINS $search)
  AND ($id IS NULL OR g.key = $id OR g.id = $id OR toLower(g.name) = toLower($id))
RETURN count(g) AS total;

// name: people-groups-page
MATCH (g:PeopleGroup:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(g.name) CONTAINS $search OR toLower(coalesce(g.description, '')) CONTAINS $search)
  AND ($id IS NULL OR g.key = $id OR g.id = $id OR toLower(g.name) = toLower($id))
WITH g ORDER BY toLower(g.name), g.key
SKIP $offset LIMIT $limit
RETURN g {.key, .id, .name, .description, .memberCount} AS grp;

// name: permission-sets-count
MATCH (ps:PermissionSet:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(ps.name) CONTAINS $search OR toLower(ps.key) CONTAINS $search)
  AND ($id IS NULL OR ps.key = $id OR toLower(ps.name) = toLower($id))
  AND ($account IS NULL OR EXISTS { MATCH ()-[a:ASSIGNED]->(ps) WHERE a.accountId = $account })
RETURN count(ps) AS total;

// name: permission-sets-page
MATCH (ps:PermissionSet:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(ps.name) CONTAINS $search OR toLower(ps.key) CONTAINS $search)
  AND ($id IS NULL OR ps.key = $id OR toLower(ps.name) = toLower($id))
  AND ($account IS NULL OR EXISTS { MATCH ()-[a:ASSIGNED]->(ps) WHERE a.accountId = $account })
WITH ps ORDER BY toLower(ps.name), ps.key
SKIP $offset LIMIT $limit
RETURN ps {.key, .arn, .name, .description, .sessionDuration, .relayState, .inlinePolicy,
           .awsManagedPolicyArns, .customerManagedPolicies, .permissionsBoundary, .provisionedAccountIds} AS permissionSet,
       [(x)-[a:ASSIGNED]->(ps) WHERE x:Person OR x:PeopleGroup | a.accountId] AS assignedAccountIds;

// name: assignments-count
MATCH (x:AtlasNode {snapshotId: $snapshotId})-[a:ASSIGNED]->(ps:PermissionSet)
WHERE (x:Person OR x:PeopleGroup)
  AND ($account IS NULL OR a.accountId = $account)
  AND ($permissionSet IS NULL OR ps.key = $permissionSet OR toLower(ps.name) = toLower($permissionSet))
  AND ($group IS NULL OR (x:PeopleGroup AND (x.key = $group OR x.id = $group OR toLower(x.name) = toLower($group))))
  AND ($person IS NULL OR x.key = $person
       OR EXISTS { MATCH (:Person {snapshotId: $snapshotId, key: $person})-[:MEMBER_OF]->(x) })
RETURN count(a) AS total;

// name: assignments-page
// Each assignment with its principal, permission set, account, and the roles of that account that
// could be its provisioned AWSReservedSSO_<name>_<suffix> role (the caller picks the exact one).
MATCH (x:AtlasNode {snapshotId: $snapshotId})-[a:ASSIGNED]->(ps:PermissionSet)
WHERE (x:Person OR x:PeopleGroup)
  AND ($account IS NULL OR a.accountId = $account)
  AND ($permissionSet IS NULL OR ps.key = $permissionSet OR toLower(ps.name) = toLower($permissionSet))
  AND ($group IS NULL OR (x:PeopleGroup AND (x.key = $group OR x.id = $group OR toLower(x.name) = toLower($group))))
  AND ($person IS NULL OR x.key = $person
       OR EXISTS { MATCH (:Person {snapshotId: $snapshotId, key: $person})-[:MEMBER_OF]->(x) })
WITH x, a, ps
ORDER BY a.accountId, toLower(ps.name), CASE WHEN x:Person THEN 0 ELSE 1 END, toLower(x.name), x.key
SKIP $offset LIMIT $limit
OPTIONAL MATCH (acc:Account:AtlasNode {snapshotId: $snapshotId, key: a.accountId})
RETURN a.accountId AS accountId, acc.name AS accountName,
       ps {.key, .arn, .name, .description, .sessionDuration, .relayState, .inlinePolicy,
           .awsManagedPolicyArns, .customerManagedPolicies, .permissionsBoundary, .provisionedAccountIds} AS permissionSet,
       [(y)-[b:ASSIGNED]->(ps) WHERE y:Person OR y:PeopleGroup | b.accountId] AS assignedAccountIds,
       CASE WHEN x:Person THEN 'USER' ELSE 'GROUP' END AS principalType,
       x {.key, .id, .name, .userName, .displayName, .emails, .status, .description, .memberCount} AS principal,
       COLLECT {
         MATCH (r:Role:AtlasNode {snapshotId: $snapshotId, accountId: a.accountId})
         WHERE r.name STARTS WITH 'AWSReservedSSO_' + ps.name + '_'
           AND r.path STARTS WITH '/aws-reserved/sso.amazonaws.com/'
         RETURN r {.key, .arn, .name, .path, .accountId, .admin}
       } AS roles;

// name: permission-set-holders
// The people who hold permission set $arn: assigned to them, or to a group they are in.
MATCH (:PermissionSet:AtlasNode {snapshotId: $snapshotId, key: $arn})<-[a:ASSIGNED]-(p:Person)
RETURN p {.key, .id, .name, .userName, .displayName, .emails, .status} AS person, a.accountId AS accountId,
       null AS grp
UNION ALL
MATCH (:PermissionSet:AtlasNode {snapshotId: $snapshotId, key: $arn})<-[a:ASSIGNED]-(g:PeopleGroup)<-[:MEMBER_OF]-(p:Person)
RETURN p {.key, .id, .name, .userName, .displayName, .emails, .status} AS person, a.accountId AS accountId,
       g.name AS grp;
