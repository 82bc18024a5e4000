// Reachability over CAN_ASSUME edges.
//
// reach-out / reach-in: breadth-first, one hop per call: $keys is the frontier,
// $visited the nodes already reached (never returned again). The caller keeps
// the first edge that reaches each node, so every node comes back with one
// shortest path. The query layer now runs the one-statement form below (bfs-*);
// these stay as its reference (test/queries/reachability-cache.test.ts checks
// that both answer alike).
//
// Analyst assumptions drop edges whose request-time condition keys fall in a
// category assumed false: $dropPatterns are the (lower-case, full-match)
// patterns of those categories; $dropOther drops keys matching none of
// $knownPatterns. The category table lives in query/assumptions.ts.

// name: reach-out
UNWIND $keys AS k
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: k})-[r:CAN_ASSUME]->(b:AtlasNode)
WHERE NOT b.key IN $visited
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a.key AS from, b.key AS to, r {.*} AS edge,
       b {.key, .arn, .name, .accountId} AS node,
       [l IN labels(b) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind
ORDER BY to, size(coalesce(r.conditionKeys, [])), from
LIMIT $rowLimit;

// name: reach-in
UNWIND $keys AS k
MATCH (a:AtlasNode)-[r:CAN_ASSUME]->(b:AtlasNode {snapshotId: $snapshotId, key: k})
WHERE NOT a.key IN $visited
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a.key AS from, b.key AS to, r {.*} AS edge,
       a {.key, .arn, .name, .accountId} AS node,
       [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind
ORDER BY from, size(coalesce(r.conditionKeys, [])), to
LIMIT $rowLimit;

// name: reach-in-escalation
// As reach-in, over CAN_ASSUME and CAN_ESCALATE_TO edges, with each edge's type:
// who reaches a resource's direct callers by role chains and escalation (query/resources.ts).
UNWIND $keys AS k
MATCH (a:AtlasNode)-[r:CAN_ASSUME|CAN_ESCALATE_TO]->(b:AtlasNode {snapshotId: $snapshotId, key: k})
WHERE NOT a.key IN $visited
  AND none(ck IN coalesce(r.conditionKeys, []) WHERE
        any(p IN $dropPatterns WHERE toLower(ck) =~ p)
        OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
RETURN a.key AS from, b.key AS to, type(r) AS type, r {.*} AS edge,
       a {.key, .arn, .name, .accountId} AS node,
       [l IN labels(a) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind
ORDER BY from, size(coalesce(r.conditionKeys, [])), type, to
LIMIT $rowLimit;

// ---------------------------------------------------------------------------
// The same breadth-first search in one statement (one round trip per query).
//
// The code composes bfs-DIR-start, then bfs-DIR-next once per further hop
// (maxHops - 1 times, maxHops validated 1..8), then bfs-DIR-end: text from
// this file only, values only as parameters. Each hop keeps, per node reached,
// the edge the hop-by-hop search above would keep first (fewest condition
// keys, then the smallest key on the near side), counts the candidate rows
// ($rowLimit per hop, as above), and stops once a hop hit $rowLimit or more
// than $limit nodes were reached (the caller truncates there). Only the edges
// kept come back, with their properties; the start node comes back too, so
// the caller needs no separate lookup.

// name: bfs-in-start
MATCH (s:AtlasNode {snapshotId: $snapshotId, key: $key})
CALL (s) {
  MATCH (a:AtlasNode)-[r:CAN_ASSUME]->(s)
  WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
          any(p IN $dropPatterns WHERE toLower(ck) =~ p)
          OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  WITH a, r ORDER BY a.key, size(coalesce(r.conditionKeys, []))
  LIMIT $rowLimit
  WITH a, collect(r) AS rs
  ORDER BY a.key
  RETURN collect({n: a, p: s.key, r: head(rs)}) AS level, sum(size(rs)) AS rows
}
WITH s, [{rows: rows, level: level}] AS levels, [x IN level WHERE x.n <> s | x.n] AS frontier,
     [s.key] + [x IN level | x.n.key] AS seen, rows < $rowLimit AND size(level) <= $limit AS go

// name: bfs-in-next
CALL (frontier, seen, go) {
  UNWIND CASE WHEN go THEN frontier ELSE [] END AS f
  MATCH (a:AtlasNode)-[r:CAN_ASSUME]->(f)
  WHERE NOT a.key IN seen
    AND none(ck IN coalesce(r.conditionKeys, []) WHERE
          any(p IN $dropPatterns WHERE toLower(ck) =~ p)
          OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  WITH a, f, r ORDER BY a.key, size(coalesce(r.conditionKeys, [])), f.key
  LIMIT $rowLimit
  WITH a, collect({p: f.key, r: r}) AS cs
  ORDER BY a.key
  RETURN collect({n: a, p: head(cs).p, r: head(cs).r}) AS level, sum(size(cs)) AS rows
}
WITH s, levels + [{rows: rows, level: level}] AS levels, [x IN level | x.n] AS frontier,
     seen + [x IN level | x.n.key] AS seen,
     go AND rows < $rowLimit AND size(seen) + size(level) - 1 <= $limit AS go

// name: bfs-in-end
RETURN s {.key, .arn, .name, .accountId} AS start,
       [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind,
       [l IN levels | {rows: l.rows, reached: [x IN l.level | {
          from: x.n.key, to: x.p, edge: properties(x.r),
          node: {key: x.n.key, arn: x.n.arn, name: x.n.name, accountId: x.n.accountId},
          kind: [lb IN labels(x.n) WHERE lb IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}]}] AS levels;

// name: bfs-out-start
MATCH (s:AtlasNode {snapshotId: $snapshotId, key: $key})
CALL (s) {
  MATCH (s)-[r:CAN_ASSUME]->(b:AtlasNode)
  WHERE none(ck IN coalesce(r.conditionKeys, []) WHERE
          any(p IN $dropPatterns WHERE toLower(ck) =~ p)
          OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  WITH b, r ORDER BY b.key, size(coalesce(r.conditionKeys, []))
  LIMIT $rowLimit
  WITH b, collect(r) AS rs
  ORDER BY b.key
  RETURN collect({n: b, p: s.key, r: head(rs)}) AS level, sum(size(rs)) AS rows
}
WITH s, [{rows: rows, level: level}] AS levels, [x IN level WHERE x.n <> s | x.n] AS frontier,
     [s.key] + [x IN level | x.n.key] AS seen, rows < $rowLimit AND size(level) <= $limit AS go

// name: bfs-out-next
CALL (frontier, seen, go) {
  UNWIND CASE WHEN go THEN frontier ELSE [] END AS f
  MATCH (f)-[r:CAN_ASSUME]->(b:AtlasNode)
  WHERE NOT b.key IN seen
    AND none(ck IN coalesce(r.conditionKeys, []) WHERE
          any(p IN $dropPatterns WHERE toLower(ck) =~ p)
          OR ($dropOther AND none(p IN $knownPatterns WHERE toLower(ck) =~ p)))
  WITH b, f, r ORDER BY b.key, size(coalesce(r.conditionKeys, [])), f.key
  LIMIT $rowLimit
  WITH b, collect({p: f.key, r: r}) AS cs
  ORDER BY b.key
  RETURN collect({n: b, p: head(cs).p, r: head(cs).r}) AS level, sum(size(cs)) AS rows
}
WITH s, levels + [{rows: rows, level: level}] AS levels, [x IN level | x.n] AS frontier,
     seen + [x IN level | x.n.key] AS seen,
     go AND rows < $rowLimit AND size(seen) + size(level) - 1 <= $limit AS go

// name: bfs-out-end
RETURN s {.key, .arn, .name, .accountId} AS start,
       [l IN labels(s) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind,
       [l IN levels | {rows: l.rows, reached: [x IN l.level | {
          from: x.p, to: x.n.key, edge: properties(x.r),
          node: {key: x.n.key, arn: x.n.arn, name: x.n.name, accountId: x.n.accountId},
          kind: [lb IN labels(x.n) WHERE lb IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0]}]}] AS levels;

// ---------------------------------------------------------------------------
// The API's in-memory reachability index (query/reach-index.ts) reads a
// complete snapshot's CAN_ASSUME graph once with index-nodes and index-edges,
// and searches it as bfs-* above do. index-edges brings each edge's properties
// an answer's hop shows too (see toHop in query/graph.ts, and the shared
// evidence references the query layer puts back), so answers need no further read.

// name: index-nodes
MATCH (n:AtlasNode {snapshotId: $snapshotId})
RETURN n.key AS key, n.arn AS arn, n.name AS name, n.accountId AS accountId,
       [l IN labels(n) WHERE l IN ['User', 'Role', 'Account', 'ServicePrincipal', 'IdentityProvider', 'Anyone', 'ExternalPrincipal']][0] AS kind;

// name: index-edges
MATCH (a:AtlasNode {snapshotId: $snapshotId})-[r:CAN_ASSUME]->(b:AtlasNode)
RETURN a.key AS from, b.key AS to, coalesce(r.conditionKeys, []) AS conditionKeys,
       r {.fromKind, .actions, .mechanism, .via, .conditional, .conditions, .evidence,
          .orgPolicyIds, .crossAccount, .crossOrganization, .roleChaining, .reasons,
          .conditionsRef, .evidenceRef, .reasonRefs} AS edge;
