// Read back the part of a snapshot that one evaluation needs (a principal, a
// resource, their policies and the organization), to rebuild an engine model.

// name: principals-by-arn
UNWIND $arns AS arn
WITH DISTINCT arn
MATCH (p:AtlasNode {snapshotId: $snapshotId, key: arn})
WHERE p:User OR p:Role
OPTIONAL MATCH (p)-[:HAS_POLICY]->(pol:Policy)
WITH p, [x IN collect(pol {.key, .arn, .name, .kind, .document}) WHERE x.key IS NOT NULL] AS policies
OPTIONAL MATCH (p)-[:MEMBER_OF]->(g:Group)
WITH p, policies, [x IN collect(g {.*}) WHERE x.arn IS NOT NULL] AS groups
OPTIONAL MATCH (p)-[:HAS_BOUNDARY]->(b:Policy)
OPTIONAL MATCH (ip:InstanceProfile)-[:HAS_ROLE]->(p)
RETURN p {.*} AS node, [l IN labels(p) WHERE l IN ['User', 'Role']][0] AS label, policies, groups,
       b {.key, .arn, .name, .kind, .document} AS boundary, [x IN collect(ip.arn) WHERE x IS NOT NULL] AS instanceProfiles;

// name: group-policies
MATCH (g:Group:AtlasNode {snapshotId: $snapshotId})-[:HAS_POLICY]->(pol:Policy)
WHERE g.arn IN $arns
RETURN g.arn AS group, collect(pol {.key, .arn, .name, .kind, .document}) AS policies;

// name: organization
MATCH (o:Organization:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (o)-[:CONTAINS*1..]->(u:OrganizationalUnit)
OPTIONAL MATCH (parent)-[:CONTAINS]->(u)
WITH o, collect(DISTINCT u {.id, .name, .isRoot, parentId: parent.id}) AS units
OPTIONAL MATCH (pol:Policy:AtlasNode {snapshotId: $snapshotId})-[:APPLIES_TO]->(t)
WITH o, units, pol, collect(t.key) AS targets
RETURN o {.id, .managementAccountId} AS organization, units,
       [x IN collect(pol {.id, .name, .kind, .document, .awsManaged, targets: targets}) WHERE x.id IS NOT NULL] AS policies;

// name: accounts
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (parent:OrganizationalUnit)-[:CONTAINS]->(a)
RETURN a {.*, parentId: parent.id} AS account;
