// Review sessions for Neo4j Browser. Set :param sessionId for review-history.

// name: review-sessions
MATCH (s:ReviewSession)
OPTIONAL MATCH (s)-[:HAS_ITEM]->(i:ReviewItem)
RETURN s.id AS id, s.name AS name, s.snapshotId AS snapshot, s.createdAt AS created,
       count(i) AS items, sum(CASE WHEN i.status = 'OPEN' THEN 1 ELSE 0 END) AS open
ORDER BY created DESC;

// name: review-history
MATCH (:ReviewSession {id: $sessionId})-[:HAS_ITEM]->(i:ReviewItem)-[:HAS_EVENT]->(e:ReviewEvent)
RETURN i.title AS item, e.seq AS seq, e.at AS at, e.fromStatus AS fromStatus, e.toStatus AS toStatus,
       e.reviewer AS reviewer, e.note AS note
ORDER BY i.seq, e.seq;
