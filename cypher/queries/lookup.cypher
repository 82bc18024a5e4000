// Finding the graph nodes a query names: by key, or a role by account and name
// (role session ARNs name the role without its path).

// name: node-by-key
MATCH (n:AtlasNode {snapshotId: $snapshotId, key: $key})
RETURN n {.key, .arn, .name, .accountId, .type, .external, .hasIamData} AS node,
       [l IN labels(n) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind;

// name: role-by-account-and-name
MATCH (n:Role:AtlasNode {snapshotId: $snapshotId})
WHERE n.accountId = $accountId AND n.name = $name
RETURN n {.key, .arn, .name, .accountId} AS node, 'Role' AS kind;
