// Resources and who can access them (query/resources.ts): Resource nodes, the
// CAN_ACCESS edges into them, and the public-access / external-access findings
// about them (graph shape in docs/graph-model.md). A CAN_ACCESS edge carries
// every level of one (caller, resource); the query layer reads each level
// (`levelDetail`) and drops the levels analyst assumptions rule out, as
// reachability.cypher drops CAN_ASSUME edges.

// name: resource
// One resource with its account and the roles it runs as.
MATCH (r:Resource:AtlasNode {snapshotId: $snapshotId, key: $arn})
OPTIONAL MATCH (a:Account)-[:CONTAINS]->(r)
OPTIONAL MATCH (r)-[ra:RUNS_AS]->(role:Role)
WITH r, a, collect(CASE WHEN role IS NULL THEN NULL ELSE
       {role: role {.key, .arn, .name, .accountId}, instanceProfileArn: ra.instanceProfileArn} END) AS runsAs
OPTIONAL MATCH ()-[e:CAN_ACCESS]->(r)
RETURN r {.*} AS resource, a {.key, .name, .accountId} AS account, runsAs,
       collect(e {.evidence, .conditions, .resourcePolicyStatementIndex, .levelDetail,
                  .evidenceRef, .conditionsRef, .levelDetailRef, .callerKey, .access, .accessRef}) AS edges;

// name: resource-findings
// Findings about one resource, as the `findings` statement of findings.cypher returns them.
MATCH (:Resource:AtlasNode {snapshotId: $snapshotId, key: $arn})<-[:ABOUT]-(f:Finding)
MATCH (f)-[a:ABOUT]->(s:AtlasNode)
WITH f, collect(s {.key, .arn, .name, .accountId, primary: a.primary,
       kind: [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Resource']][0]}) AS subjects
RETURN f {.id, .kind, .severity, .title, .why, .evidence, subjectKeys: f.subjects} AS finding, subjects
ORDER BY f.kind, f.id;

// name: resource-callers
// The CAN_ACCESS edges into one resource that reach $level (null: every level).
MATCH (c:AtlasNode)-[e:CAN_ACCESS]->(r:Resource:AtlasNode {snapshotId: $snapshotId, key: $arn})
WHERE $level IS NULL OR $level IN e.levels
RETURN c.key AS from, e {.*} AS edge,
       c {.key, .arn, .name, .accountId} AS node,
       [l IN labels(c) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind
ORDER BY from;

// name: access-from
// The CAN_ACCESS edges out of the nodes keyed $keys that reach $level (null: every level).
UNWIND $keys AS k
MATCH (c:AtlasNode {snapshotId: $snapshotId, key: k})-[e:CAN_ACCESS]->(r:Resource)
WHERE $level IS NULL OR $level IN e.levels
RETURN c.key AS from, e {.*} AS edge, r {.key, .arn, .name, .accountId, .type} AS resource
ORDER BY resource.key, from
LIMIT $rowLimit;

// name: access-findings
// The public-access and external-access findings, with the resource (subject 1)
// and the caller (subject 2) they are about; filters as in findings.cypher.
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId})
WHERE f.kind IN ['public-access', 'external-access']
  AND (NOT $publicOnly OR f.kind = 'public-access')
MATCH (f)-[:ABOUT]->(r:Resource {key: f.subjects[0]})
WHERE ($type IS NULL OR r.type = $type) AND ($account IS NULL OR r.accountId = $account)
OPTIONAL MATCH (f)-[:ABOUT]->(c:AtlasNode {key: f.subjects[1]})
RETURN f {.id, .kind, .severity, .title, .why, .evidence, subjectKeys: f.subjects} AS finding,
       r {.key, .arn, .name, .accountId, .type} AS resource,
       c {.key, .arn, .name, .accountId} AS caller,
       [l IN labels(c) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS callerKind
ORDER BY f.kind, r.key, f.id;

// name: resources-list
// The resources of a snapshot, by name: $search (lower case) is part of the ARN or name; $type and
// $account narrow (null: any). One page ($offset, $limit) and the count of all.
MATCH (r:Resource:AtlasNode {snapshotId: $snapshotId})
WHERE ($search IS NULL OR toLower(r.key) CONTAINS $search OR toLower(coalesce(r.name, '')) CONTAINS $search)
  AND ($type IS NULL OR r.type = $type)
  AND ($account IS NULL OR r.accountId = $account)
WITH r ORDER BY coalesce(r.name, r.key), r.key
WITH collect(r {.key, .arn, .name, .accountId, .type, .public, .externalAccess, .sensitive}) AS found
RETURN size(found) AS total, found[$offset..($offset + $limit)] AS items;
