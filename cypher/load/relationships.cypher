// Relationship loads, one statement per type. Both ends are found by key;
// a row whose end is missing is not written (the loader counts and reports it).

// name: rel-CONTAINS
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:CONTAINS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-MEMBER_OF
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:MEMBER_OF {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-HAS_POLICY
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:HAS_POLICY {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-HAS_BOUNDARY
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:HAS_BOUNDARY {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-APPLIES_TO
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:APPLIES_TO {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-HAS_ROLE
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:HAS_ROLE {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-TRUSTS
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:TRUSTS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-ASSIGNED
// An Identity Center account assignment: a person or group holds a permission set in row.props.accountId.
UNWIND $rows AS row
MATCH (a:AtlasNode {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:ASSIGNED {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;

// name: rel-RUNS_AS
// A resource runs as a role: a Lambda function's execution role, a stack's service role, an EC2
// instance's instance-profile roles (row.props.instanceProfileArn).
UNWIND $rows AS row
MATCH (a:AtlasNode:Resource {snapshotId: $snapshotId, key: row.from})
MATCH (b:AtlasNode:Role {snapshotId: $snapshotId, key: row.to})
CREATE (a)-[r:RUNS_AS {key: row.key}]->(b)
SET r += row.props
RETURN count(r) AS written;
