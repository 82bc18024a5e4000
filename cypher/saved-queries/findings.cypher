// Findings for Neo4j Browser. Set :param snapshotId (and account) first (see README.md).

// name: findings
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId})
RETURN f.severity AS severity, f.kind AS kind, f.title AS title, f.subjects AS subjects
ORDER BY CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, kind;

// name: findings-in-account
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId})-[:ABOUT]->(s:AtlasNode)
WHERE s.accountId = $account OR s.key = $account
RETURN DISTINCT f.severity AS severity, f.kind AS kind, f.title AS title
ORDER BY severity, kind;
