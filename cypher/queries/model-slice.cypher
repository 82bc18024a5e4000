// Read back the part of a snapshot that one evaluation needs (a principal, a
// resource, their policies and the organization), to rebuild an engine model.

// name: principals-by-arn
// The users and roles keyed $arns, with the keys of their policies, groups and
// boundary (documents come once per policy from policies-by-key). A role's trust
// policy is read when $allTrust is true or the role is in $trustOf.
UNWIND $arns AS arn
WITH DISTINCT arn
MATCH (p:AtlasNode {snapshotId: $snapshotId, key: arn})
WHERE p:User OR p:Role
RETURN p {.arn, .name, .path, .accountId, .createDate, .permissionsBoundaryArn, .tags, .userId, .roleId,
          .description, .maxSessionDuration, .lastUsedDate, .lastUsedRegion, .serviceLinked,
          trustPolicy: CASE WHEN $allTrust OR p.key IN $trustOf THEN p.trustPolicy END} AS node,
       [l IN labels(p) WHERE l IN ['User', 'Role']][0] AS label,
       [(p)-[:HAS_POLICY]->(pol:Policy) | pol.key] AS policies,
       [(p)-[:MEMBER_OF]->(g:Group) | g {.arn, .name, .groupId, .path}] AS groups,
       [(p)-[:HAS_BOUNDARY]->(b:Policy) | b.key][0] AS boundary,
       [(ip:InstanceProfile)-[:HAS_ROLE]->(p) | ip.arn] AS instanceProfiles;

// name: group-policies
UNWIND $arns AS arn
MATCH (g:Group:AtlasNode {snapshotId: $snapshotId, key: arn})
RETURN g.arn AS group, [(g)-[:HAS_POLICY]->(pol:Policy) | pol.key] AS policies;

// name: policies-by-key
UNWIND $keys AS k
MATCH (pol:Policy:AtlasNode {snapshotId: $snapshotId, key: k})
RETURN pol {.key, .arn, .name, .kind, .document} AS policy;

// name: organization
MATCH (o:Organization:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (u:OrganizationalUnit:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (parent)-[:CONTAINS]->(u)
WITH o, collect(DISTINCT u {.id, .name, .isRoot, parentId: parent.id}) AS units
OPTIONAL MATCH (pol:Policy:AtlasNode {snapshotId: $snapshotId})-[:APPLIES_TO]->(t)
WHERE pol.kind IN ['scp', 'rcp']
WITH o, units, pol, collect(t.key) AS targets
RETURN o {.id, .managementAccountId} AS organization, units,
       [x IN collect(pol {.id, .name, .kind, .document, .awsManaged, targets: targets}) WHERE x.id IS NOT NULL] AS policies;

// name: accounts
MATCH (a:Account:AtlasNode {snapshotId: $snapshotId})
OPTIONAL MATCH (parent:OrganizationalUnit)-[:CONTAINS]->(a)
RETURN a {.*, parentId: parent.id} AS account;

// The snapshot's reference date: live evaluations treat requests as made on or after it.
// name: snapshot-reference-date
MATCH (s:Snapshot {id: $snapshotId})
RETURN s.referenceDate AS referenceDate;

// Every user and role of the snapshot: plan-check rebuilds the whole model from them.
// name: principal-arns
MATCH (p:AtlasNode {snapshotId: $snapshotId})
WHERE (p:User OR p:Role) AND p.arn IS NOT NULL AND coalesce(p.external, false) = false
RETURN p.arn AS arn
ORDER BY arn;

// The keys of every managed policy (customer and AWS), attached or not.
// name: managed-policy-keys
MATCH (pol:Policy:AtlasNode {snapshotId: $snapshotId})
WHERE pol.kind IN ['managed', 'aws-managed'] AND pol.document IS NOT NULL
RETURN pol.key AS key
ORDER BY key;

// name: resources-in-accounts
// The resources of the given accounts, as the resources file gave them (policy, settings and tags as JSON).
MATCH (r:Resource:AtlasNode {snapshotId: $snapshotId})
WHERE r.accountId IN $accounts
RETURN r {.arn, .type, .accountId, .region, .name, .policy, .settings, .tags, .sensitive, .sourceFile,
          .sourceJsonPath} AS resource
ORDER BY resource.arn;

// name: instance-profiles-in-accounts
// The instance profiles of the given accounts with the roles they carry (EC2 instances run as those).
MATCH (ip:InstanceProfile:AtlasNode {snapshotId: $snapshotId})
WHERE ip.accountId IN $accounts
RETURN ip {.arn, .name, .instanceProfileId, .path, .accountId, .createDate} AS profile,
       [(ip)-[:HAS_ROLE]->(r:Role) | r.arn] AS roles
ORDER BY profile.arn;
