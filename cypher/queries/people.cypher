// People (IAM Identity Center users) and the roles they sign in as (CAN_SIGN_IN_AS).

// name: people-find
// A person named by user name, display name, email or identity-store id (case-insensitive).
MATCH (p:Person:AtlasNode {snapshotId: $snapshotId})
WHERE toLower(p.userName) = toLower($name) OR toLower(p.displayName) = toLower($name)
   OR p.id = $name OR p.key = $name OR any(e IN coalesce(p.emails, []) WHERE toLower(e) = toLower($name))
   OR toLower(split(coalesce(p.userName, ''), '@')[0]) = toLower($name)
RETURN p {.key, .id, .name, .userName, .displayName, .emails, .status} AS person
ORDER BY person.key
LIMIT 20;

// name: people-sign-ins
// The roles the people in $keys sign in as, with the assignments behind each.
UNWIND $keys AS k
MATCH (p:Person:AtlasNode {snapshotId: $snapshotId, key: k})-[e:CAN_SIGN_IN_AS]->(r:Role)
RETURN p.key AS person, r {.key, .arn, .name, .accountId, .admin} AS role,
       e {.accountId, .permissionSets, .groups, .direct} AS signIn
ORDER BY person, role.accountId, role.name;

// name: people-signing-in-to
// The people who sign in as any role in $keys, with the groups behind each.
UNWIND $keys AS k
MATCH (r:Role:AtlasNode {snapshotId: $snapshotId, key: k})<-[e:CAN_SIGN_IN_AS]-(p:Person)
RETURN p {.key, .id, .name, .userName, .displayName, .emails, .status} AS person,
       r {.key, .arn, .name, .accountId, .admin} AS role,
       e {.accountId, .permissionSets, .groups, .direct} AS signIn
ORDER BY person.key, role.key;

// name: people-signing-in-to-any
// Every role some person signs in as.
MATCH (p:Person:AtlasNode {snapshotId: $snapshotId})-[:CAN_SIGN_IN_AS]->(r:Role)
RETURN DISTINCT r {.key, .arn, .name, .accountId, .admin} AS role
ORDER BY role.key;
