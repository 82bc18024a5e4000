// Relationship loads, one statement per type.
// Rows as columns, as in nodes.cypher: $key, $from, $to, one list per property the statement
// names and $more. `from` and `to` are the element ids the node loads returned
// (ingest/load/batches.ts), so both ends are found by id, without an index seek on their keys.
// The loader leaves out a row whose end is not in the snapshot and counts it as not written; an
// end of the wrong label is not matched and the row is not written either.

// name: rel-CONTAINS
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:CONTAINS {key: $key[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-MEMBER_OF
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:MEMBER_OF {key: $key[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-HAS_POLICY
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:HAS_POLICY {key: $key[i],
  attachment: $attachment[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-HAS_BOUNDARY
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:HAS_BOUNDARY {key: $key[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-APPLIES_TO
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:APPLIES_TO {key: $key[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-HAS_ROLE
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:HAS_ROLE {key: $key[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-TRUSTS
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:TRUSTS {key: $key[i],
  statementIndex: $statementIndex[i],
  effect: $effect[i],
  actions: $actions[i],
  notPrincipal: $notPrincipal[i],
  principalType: $principalType[i],
  principalValue: $principalValue[i],
  conditions: $conditions[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-ASSIGNED
// An Identity Center account assignment: a person or group holds a permission set in accountId.
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:ASSIGNED {key: $key[i],
  accountId: $accountId[i],
  principalType: $principalType[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-RUNS_AS
// A resource runs as a role: a Lambda function's execution role, a stack's service role, an EC2
// instance's instance-profile roles (instanceProfileArn).
UNWIND range(0, size($key) - 1) AS i
MATCH (a:Resource) WHERE elementId(a) = $from[i]
MATCH (b:Role) WHERE elementId(b) = $to[i]
CREATE (a)-[r:RUNS_AS {key: $key[i],
  instanceProfileArn: $instanceProfileArn[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;
