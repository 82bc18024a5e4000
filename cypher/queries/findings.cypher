// Findings of a snapshot with their subjects. Filters are optional: a null
// parameter matches everything. $account keeps findings with a subject in
// that account (or about the account itself).

// name: findings
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId})
WHERE ($severity IS NULL OR f.severity = $severity)
  AND ($kind IS NULL OR f.kind = $kind)
OPTIONAL MATCH (f)-[a:ABOUT]->(s:AtlasNode)
WITH f, collect(s {.key, .arn, .name, .accountId, primary: a.primary,
       kind: [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal', 'Group', 'Policy', 'Resource']][0]}) AS subjects
WHERE $account IS NULL OR any(s IN subjects WHERE s.accountId = $account OR s.key = $account)
RETURN f {.id, .kind, .severity, .title, .why, .evidence, subjectKeys: f.subjects} AS finding, subjects
ORDER BY f.kind, f.id;
