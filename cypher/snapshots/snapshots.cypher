// Snapshot lifecycle: 'loading' -> 'complete' -> 'deleting' -> gone.
// Only 'complete' snapshots are visible. A delete first marks the snapshot
// 'deleting' in one transaction, then removes its graph in chunks. A 'loading'
// or 'deleting' snapshot whose process is gone is deleted by the next command.

// name: snapshot-begin
CREATE (s:Snapshot {
  id: $id, name: $name, status: 'loading', createdAt: $createdAt, heartbeatAt: $createdAt,
  loaderHost: $host, loaderPid: $pid, sources: $sources, referenceDate: $referenceDate
})
RETURN s.id AS id;

// name: snapshot-heartbeat
MATCH (s:Snapshot {id: $id, status: 'loading'})
SET s.heartbeatAt = $now
RETURN s.id AS id;

// name: snapshot-complete
MATCH (s:Snapshot {id: $id, status: 'loading'})
SET s.status = 'complete', s.completedAt = $now, s.counts = $counts, s.warnings = $warnings
RETURN s.id AS id;

// name: snapshot-list
// The input files (`sources`, one per account file: hundreds for an organization) only when asked.
MATCH (s:Snapshot)
WHERE s.status = 'complete' OR $includeLoading
RETURN s.id AS id, s.name AS name, s.status AS status, s.createdAt AS createdAt,
       s.completedAt AS completedAt, s.counts AS counts,
       CASE WHEN $withSources THEN s.sources END AS sources, s.referenceDate AS referenceDate
ORDER BY s.createdAt DESC, s.id DESC;

// name: snapshot-latest
MATCH (s:Snapshot {status: 'complete'})
RETURN s.id AS id, s.name AS name, s.createdAt AS createdAt, s.completedAt AS completedAt,
       s.counts AS counts, s.sources AS sources, s.referenceDate AS referenceDate
ORDER BY s.createdAt DESC, s.id DESC
LIMIT 1;

// name: snapshot-find
MATCH (s:Snapshot)
WHERE s.id = $ref OR s.name = $ref
RETURN s.id AS id, s.name AS name, s.status AS status, s.createdAt AS createdAt,
       s.completedAt AS completedAt, s.counts AS counts, s.sources AS sources,
       s.referenceDate AS referenceDate
ORDER BY s.createdAt DESC;

// name: snapshot-abandon-candidates
// Loads and deletes in progress, with the process that runs them.
MATCH (s:Snapshot)
WHERE s.status IN ['loading', 'deleting']
RETURN s.id AS id, s.status AS status, s.heartbeatAt AS heartbeatAt,
       CASE s.status WHEN 'deleting' THEN s.deleterHost ELSE s.loaderHost END AS host,
       CASE s.status WHEN 'deleting' THEN s.deleterPid ELSE s.loaderPid END AS pid;

// name: snapshot-mark-deleting
// One transaction: from here on no query sees the snapshot, whatever happens to the chunks after.
MATCH (s:Snapshot {id: $id})
SET s.status = 'deleting', s.deletingAt = $now, s.heartbeatAt = $now,
    s.deleterHost = $host, s.deleterPid = $pid
RETURN s.id AS id;

// name: snapshot-delete-heartbeat
MATCH (s:Snapshot {id: $id, status: 'deleting'})
SET s.heartbeatAt = $now
RETURN s.id AS id;

// name: snapshot-delete-relationships
// Relationships go first, in chunks: deleting a densely connected node at once
// would put all its relationships into one transaction.
MATCH (n:AtlasNode {snapshotId: $id})-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted;

// name: snapshot-delete-nodes
// Deletes in chunks so that a snapshot of millions of nodes does not need one huge transaction.
MATCH (n:AtlasNode {snapshotId: $id})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted;

// name: snapshot-delete-evidence
// The snapshot's shared evidence texts (not AtlasNodes: they have no relationships), in chunks.
MATCH (n:EvidenceText {snapshotId: $id})
WITH n LIMIT $batch
DELETE n
RETURN count(*) AS deleted;

// name: snapshot-delete-node
MATCH (s:Snapshot {id: $id})
DELETE s
RETURN count(*) AS deleted;

// name: snapshot-count-nodes
MATCH (n:AtlasNode {snapshotId: $id})
RETURN count(n) AS nodes;

// name: snapshot-counts-by-label
MATCH (n:AtlasNode {snapshotId: $id})
UNWIND labels(n) AS label
WITH label WHERE label <> 'AtlasNode'
RETURN label, count(*) AS count
ORDER BY label;

// name: snapshot-counts-by-type
MATCH (n:AtlasNode {snapshotId: $id})-[r]->()
RETURN type(r) AS type, count(r) AS count
ORDER BY type;

// name: schema-index-names
// What a command checks before it runs: the names of the indexes and constraints there are
// (a uniqueness constraint's index carries the constraint's name), against cypher/schema.cypher.
SHOW INDEXES YIELD name
RETURN collect(name) AS names;

// name: schema-constraint-names
SHOW CONSTRAINTS YIELD name
RETURN collect(name) AS names;
