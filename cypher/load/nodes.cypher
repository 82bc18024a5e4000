// Node loads, one statement per label (labels cannot be parameters).
// $rows: [{key, props}], $snapshotId: the snapshot being loaded. A snapshot's nodes are new by
// construction and the loader sends each key once, so CREATE (the (snapshotId, key) uniqueness
// constraint still guards against a second node). Each statement returns the keys it created
// with their element ids, aligned, which the loader uses to find relationship ends.

// name: node-Organization
UNWIND $rows AS row
CREATE (n:AtlasNode:Organization {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-OrganizationalUnit
UNWIND $rows AS row
CREATE (n:AtlasNode:OrganizationalUnit {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Account
UNWIND $rows AS row
CREATE (n:AtlasNode:Account {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-User
UNWIND $rows AS row
CREATE (n:AtlasNode:User:Principal {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Group
UNWIND $rows AS row
CREATE (n:AtlasNode:Group {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Role
UNWIND $rows AS row
CREATE (n:AtlasNode:Role:Principal {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Policy
UNWIND $rows AS row
CREATE (n:AtlasNode:Policy {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-InstanceProfile
UNWIND $rows AS row
CREATE (n:AtlasNode:InstanceProfile {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-IdentityProvider
UNWIND $rows AS row
CREATE (n:AtlasNode:IdentityProvider {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-ServicePrincipal
UNWIND $rows AS row
CREATE (n:AtlasNode:ServicePrincipal {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Anyone
UNWIND $rows AS row
CREATE (n:AtlasNode:Anyone {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-ExternalPrincipal
UNWIND $rows AS row
CREATE (n:AtlasNode:ExternalPrincipal {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Person
// An Identity Center user (a person); not a Principal: people reach roles through CAN_SIGN_IN_AS.
UNWIND $rows AS row
CREATE (n:AtlasNode:Person {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-PeopleGroup
UNWIND $rows AS row
CREATE (n:AtlasNode:PeopleGroup {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-PermissionSet
UNWIND $rows AS row
CREATE (n:AtlasNode:PermissionSet {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;

// name: node-Resource
// A resource from ACCOUNT.resources.json (S3 bucket, KMS key, SQS queue, ...), keyed by its ARN.
UNWIND $rows AS row
CREATE (n:AtlasNode:Resource {snapshotId: $snapshotId, key: row.key})
SET n += row.props
RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids;
