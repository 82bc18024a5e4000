// CAN_ASSUME summed up per caller unit and target account (ingest/transform/trust-rollup-rows.ts),
// read by the organization overview and the trust matrix (cypher/queries/organization.cypher).

// name: node-TrustRollup
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:TrustRollup {
  snapshotId: $snapshotId,
  key: $key[i],
  fromUnit: $fromUnit[i],
  toAccount: $toAccount[i],
  edgeCount: $edgeCount[i],
  conditionalCount: $conditionalCount[i],
  roleCount: $roleCount[i],
  conditionKeys: $conditionKeys[i],
  worstSeverity: $worstSeverity[i]
})
SET n += $more[i];
