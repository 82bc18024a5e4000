// Escalation questions for Neo4j Browser. Set :param snapshotId, principal first (see README.md).

// name: escalations-from
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: $principal})-[r:CAN_ESCALATE_TO]->(b:AtlasNode)
RETURN b.key AS gains, r.method AS method, r.actions AS actions, r.conditionKeys AS conditionKeys,
       coalesce(r.evidence, COLLECT { MATCH (t:EvidenceText {snapshotId: $snapshotId, id: r.evidenceRef}) RETURN t.text }[0]) AS evidence
ORDER BY gains;

// name: admins
MATCH (p:Principal:AtlasNode {snapshotId: $snapshotId})
WHERE p.admin = true
RETURN p.key AS principal, p.adminKind AS kind, p.adminReason AS reason
ORDER BY principal;
