// Indexes earlier versions of IAM Atlas created that no statement's plan uses any more. Each one
// was written for every node it covered at every load; an existing database drops them when a
// command finds one there (ingest/load/snapshots.ts prepareDatabase). Each statement is idempotent.

// name: principal-arn
// (:Principal) by (snapshotId, arn): no statement looks a user or role up by ARN this way; they
// are found by key (the ARN) through atlas_node_key, and a snapshot's roles with an ARN by role_arn.
DROP INDEX principal_arn IF EXISTS;

// name: resource-arn
// (:Resource) by (snapshotId, arn): resources are found by key (the ARN) through atlas_node_key.
DROP INDEX resource_arn IF EXISTS;

// name: account-id
// (:Account) by (snapshotId, id): accounts are found by key (the id) through atlas_node_key.
DROP INDEX account_id IF EXISTS;

// name: name-text
// A text (Lucene) index on the name of every node: its one user, the Identity Center roles of a
// permission set (name STARTS WITH ...), is served by the range index role_name.
DROP INDEX atlas_node_name IF EXISTS;
