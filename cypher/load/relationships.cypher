// Relationship loads, one statement per type.
// $rows: [{key, from, to, props}]: `from` and `to` are the element ids the node loads returned
// (ingest/load/batches.ts), so both ends are found by id, without an index seek on their keys.
// The loader leaves out a row whose end is not in the snapshot and counts it as not written; an
// end of the wrong label is not matched and the row is not written either.

// name: rel-CONTAINS
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:CONTAINS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-MEMBER_OF
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:MEMBER_OF {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-HAS_POLICY
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:HAS_POLICY {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-HAS_BOUNDARY
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:HAS_BOUNDARY {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-APPLIES_TO
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:APPLIES_TO {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-HAS_ROLE
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:HAS_ROLE {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-TRUSTS
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:TRUSTS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-ASSIGNED
// An Identity Center account assignment: a person or group holds a permission set in row.props.accountId.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:ASSIGNED {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-RUNS_AS
// A resource runs as a role: a Lambda function's execution role, a stack's service role, an EC2
// instance's instance-profile roles (row.props.instanceProfileArn).
UNWIND $rows AS row
MATCH (a:Resource) WHERE elementId(a) = row.from
MATCH (b:Role) WHERE elementId(b) = row.to
CREATE (a)-[r:RUNS_AS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;
