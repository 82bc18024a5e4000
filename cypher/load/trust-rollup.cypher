// CAN_ASSUME summed up per caller unit and target account (ingest/transform/trust-rollup-rows.ts),
// read by the organization overview and the trust matrix (cypher/queries/organization.cypher).

// name: node-TrustRollup
UNWIND $rows AS row
CREATE (n:AtlasNode:TrustRollup {snapshotId: $snapshotId, key: row.key})
SET n += row.props;
