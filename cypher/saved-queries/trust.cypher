// Trust questions for Neo4j Browser. Set :param snapshotId, role, principal first (see README.md).

// name: latest-snapshot
MATCH (s:Snapshot {status: 'complete'})
RETURN s.id AS id, s.name AS name, s.createdAt AS createdAt
ORDER BY s.createdAt DESC
LIMIT 1;

// name: who-can-assume
MATCH (caller:AtlasNode)-[r:CAN_ASSUME]->(role:Role {snapshotId: $snapshotId, key: $role})
// Evidence stored once per snapshot (EvidenceText, docs/graph-model.md) is read back by its numbers.
RETURN caller.key AS caller, labels(caller) AS kind, r.conditional AS conditional, r.conditionKeys AS conditionKeys,
       coalesce(r.conditions, COLLECT { MATCH (t:EvidenceText {snapshotId: $snapshotId, id: r.conditionsRef}) RETURN t.text }[0]) AS conditions,
       coalesce(r.evidence, COLLECT { MATCH (t:EvidenceText {snapshotId: $snapshotId, id: r.evidenceRef}) RETURN t.text }[0]) AS evidence,
       coalesce(r.reasons, COLLECT { UNWIND r.reasonRefs AS id
                                     MATCH (t:EvidenceText {snapshotId: $snapshotId, id: id}) RETURN t.text }) AS reasons
ORDER BY caller.key;

// name: who-can-assume-4-hops
MATCH p = SHORTEST 1 (caller:AtlasNode)-[:CAN_ASSUME]->{1,4}(role:Role {snapshotId: $snapshotId, key: $role})
WHERE caller <> role
RETURN caller.key AS caller, length(p) AS hops, [n IN nodes(p) | n.key] AS path
ORDER BY hops, caller;

// name: reachable-from-4-hops
MATCH p = SHORTEST 1 (start:AtlasNode {snapshotId: $snapshotId, key: $principal})-[:CAN_ASSUME]->{1,4}(target:Role)
RETURN target.key AS role, length(p) AS hops, [n IN nodes(p) | n.key] AS path
ORDER BY hops, role;

// name: paths
MATCH p = SHORTEST 10 (a:AtlasNode {snapshotId: $snapshotId, key: $principal})-[:CAN_ASSUME]->{1,4}(b:AtlasNode {snapshotId: $snapshotId, key: $role})
RETURN length(p) AS hops, [n IN nodes(p) | n.key] AS path,
       [r IN relationships(p) | r.conditionKeys] AS conditionsPerHop
ORDER BY hops;

// name: unconditional-paths
MATCH p = SHORTEST 10 (a:AtlasNode {snapshotId: $snapshotId, key: $principal})
  -[r:CAN_ASSUME WHERE coalesce(r.conditional, false) = false]->{1,4}
  (b:AtlasNode {snapshotId: $snapshotId, key: $role})
RETURN length(p) AS hops, [n IN nodes(p) | n.key] AS path
ORDER BY hops;

// name: cross-account-trust
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE r.crossAccount
RETURN coalesce(a.accountId, a.key) AS fromAccount, b.accountId AS toAccount, count(*) AS edges,
       sum(CASE WHEN r.conditional THEN 1 ELSE 0 END) AS conditional
ORDER BY edges DESC;

// name: external-trust
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:Role)
WHERE r.crossOrganization
RETURN a.key AS caller, b.key AS role, r.conditionKeys AS conditionKeys,
       coalesce(r.evidence, COLLECT { MATCH (t:EvidenceText {snapshotId: $snapshotId, id: r.evidenceRef}) RETURN t.text }[0]) AS evidence
ORDER BY role, caller;
