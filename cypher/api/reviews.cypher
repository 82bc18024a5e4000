// Review sessions: the only writes besides ingest. They are not AtlasNodes,
// so deleting a snapshot leaves its reviews (and their reports) in place.
//
//   (:ReviewSession {id, name, snapshotId, createdAt, createdBy, itemCount, assumptionsOff})
//     -[:HAS_ITEM]->(:ReviewItem {id, sessionId, seq, kind, title, subjectKeys,
//                                 findingId, path, planChange, status, note, reviewer,
//                                 createdAt, updatedAt, eventCount})
//        eventCount counts the item's events and is its version: every status change
//        adds one, and a change may name the version it was made against.
//        path and planChange are JSON text: the path's edges with their evidence (PATH), or what
//        a proposed change would add with the resources behind it (PLAN_CHANGE).
//        -[:ABOUT]->(the Finding, or every node of the path, in the snapshot)
//        -[:HAS_EVENT]->(:ReviewEvent {seq, at, fromStatus, toStatus, note, reviewer})

// name: constraint-review-session-id
CREATE CONSTRAINT review_session_id IF NOT EXISTS FOR (s:ReviewSession) REQUIRE s.id IS UNIQUE;

// name: constraint-review-item-id
CREATE CONSTRAINT review_item_id IF NOT EXISTS FOR (i:ReviewItem) REQUIRE i.id IS UNIQUE;

// name: constraint-review-item-seq
// Item numbers are unique within a session: a lost update on the counter fails loudly.
CREATE CONSTRAINT review_item_seq IF NOT EXISTS FOR (i:ReviewItem) REQUIRE (i.sessionId, i.seq) IS UNIQUE;

// name: items-renumber-duplicates
// Repairs sessions whose items got the same number before numbering was atomic, so that the
// constraint above can be created: their items are numbered again in the order they were
// given, and the counter set to match.
MATCH (s:ReviewSession)-[:HAS_ITEM]->(i:ReviewItem)
WITH s, count(i) AS items, count(DISTINCT i.seq) AS numbers
WHERE items > numbers
MATCH (s)-[:HAS_ITEM]->(i:ReviewItem)
WITH s, i ORDER BY i.seq, i.createdAt, i.id
WITH s, collect(i) AS ordered
SET s.itemCount = size(ordered)
WITH s, ordered
UNWIND range(0, size(ordered) - 1) AS ix
WITH s, ordered[ix] AS item, ix
SET item.seq = ix + 1
RETURN count(DISTINCT s) AS sessions;

// name: session-create
// assumptionsOff: the assumption categories the analyst switched off (absent or empty: all assumed).
CREATE (s:ReviewSession {id: $id, name: $name, snapshotId: $snapshotId, createdAt: $now, createdBy: $reviewer, itemCount: 0, assumptionsOff: $assumptionsOff})
RETURN s {.*} AS session;

// name: session-set-assumptions
MATCH (s:ReviewSession {id: $id})
SET s.assumptionsOff = $assumptionsOff
RETURN s {.*} AS session;

// name: session-get
MATCH (s:ReviewSession {id: $id})
RETURN s {.*} AS session;

// name: session-count
MATCH (s:ReviewSession)
WHERE $snapshotId IS NULL OR s.snapshotId = $snapshotId
RETURN count(s) AS total;

// name: session-page
MATCH (s:ReviewSession)
WHERE $snapshotId IS NULL OR s.snapshotId = $snapshotId
RETURN s {.*} AS session
ORDER BY s.createdAt DESC, s.id DESC
SKIP $offset LIMIT $limit;

// name: session-items
MATCH (:ReviewSession {id: $id})-[:HAS_ITEM]->(i:ReviewItem)
OPTIONAL MATCH (i)-[:HAS_EVENT]->(e:ReviewEvent)
WITH i, e ORDER BY e.seq
WITH i, [x IN collect(e {.*}) WHERE x.seq IS NOT NULL] AS history
RETURN i {.*} AS item, history
ORDER BY i.seq;

// name: item-get
MATCH (i:ReviewItem {id: $id})
OPTIONAL MATCH (i)-[:HAS_EVENT]->(e:ReviewEvent)
WITH i, e ORDER BY e.seq
RETURN i {.*} AS item, [x IN collect(e {.*}) WHERE x.seq IS NOT NULL] AS history;

// name: items-add
// Adds $items in order, numbered from the session's counter. The counter is read on the
// right-hand side of its own SET (a direct dependency), so Neo4j takes the session's write
// lock before reading it and holds it until the add commits: concurrent adds get
// consecutive blocks of numbers, one after the other.
// https://neo4j.com/docs/operations-manual/current/database-internals/locks-deadlocks/
MATCH (s:ReviewSession {id: $sessionId})
SET s.itemCount = s.itemCount + size($items)
WITH s, s.itemCount - size($items) AS base
UNWIND range(0, size($items) - 1) AS ix
WITH s, base + ix + 1 AS seq, $items[ix] AS row
CREATE (s)-[:HAS_ITEM]->(i:ReviewItem {
  id: row.id, sessionId: s.id, seq: seq, kind: row.kind, title: row.title, subjectKeys: row.subjectKeys,
  findingId: row.findingId, path: row.path, planChange: row.planChange, status: 'OPEN', note: row.note, reviewer: row.reviewer,
  createdAt: $now, updatedAt: $now, eventCount: 1
})
CREATE (i)-[:HAS_EVENT]->(:ReviewEvent {seq: 1, at: $now, toStatus: 'OPEN', note: row.note, reviewer: row.reviewer})
WITH s, i, row
OPTIONAL MATCH (n:AtlasNode {snapshotId: s.snapshotId})
WHERE n.key IN row.aboutKeys
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | CREATE (i)-[:ABOUT]->(n))
WITH DISTINCT i
RETURN i.id AS id
ORDER BY i.seq;

// name: items-get
UNWIND $ids AS id
MATCH (i:ReviewItem {id: id})
OPTIONAL MATCH (i)-[:HAS_EVENT]->(e:ReviewEvent)
WITH i, e ORDER BY e.seq
WITH i, [x IN collect(e {.*}) WHERE x.seq IS NOT NULL] AS history
RETURN i {.*} AS item, history
ORDER BY i.seq;

// name: findings-for-items
// The findings a batch of items names, in the session's snapshot.
UNWIND $ids AS id
MATCH (f:Finding:AtlasNode {snapshotId: $snapshotId, key: id})
RETURN id, f.severity AS severity, f.title AS title, f.subjects AS subjects;

// name: item-set-status
// Bumps the item's version (eventCount, one per event) first: a direct dependency in SET, so
// the item's write lock is taken before the version and status are read, and no other change
// can slip in between. Then, when $expectedVersion is null or is the version read, the new
// status and its event; otherwise the version is put back and nothing else changes.
// Returns what the item was before, and whether the change was made.
MATCH (i:ReviewItem {id: $id})
SET i.eventCount = i.eventCount + 1
WITH i, i.eventCount - 1 AS version, i.status AS previous, i.reviewer AS previousReviewer,
     i.updatedAt AS previousAt
WITH i, version, previous, previousReviewer, previousAt,
     $expectedVersion IS NULL OR $expectedVersion = version AS applied
FOREACH (_ IN CASE WHEN applied THEN [1] ELSE [] END |
  SET i.status = $status, i.note = $note, i.reviewer = $reviewer, i.updatedAt = $now
  CREATE (i)-[:HAS_EVENT]->(:ReviewEvent {seq: version + 1, at: $now, fromStatus: previous, toStatus: $status, note: $note, reviewer: $reviewer})
)
FOREACH (_ IN CASE WHEN applied THEN [] ELSE [1] END | SET i.eventCount = version)
RETURN applied, version, previous AS status, previousReviewer AS reviewer, previousAt AS updatedAt;

// name: session-delete
// Removes a session with its items and their history (not exposed over GraphQL; for clean-up).
MATCH (s:ReviewSession {id: $id})
OPTIONAL MATCH (s)-[:HAS_ITEM]->(i:ReviewItem)
OPTIONAL MATCH (i)-[:HAS_EVENT]->(e:ReviewEvent)
DETACH DELETE e, i, s
RETURN count(*) AS deleted;
