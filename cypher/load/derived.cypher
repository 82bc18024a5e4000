// Loads of what the engine derives from a snapshot (engine/trust, engine/findings),
// written in the same snapshot as the rows they are about. Rows as columns, as in
// nodes.cypher and relationships.cypher.

// name: rel-CAN_ASSUME
UNWIND range(0, size($key) - 1) AS i
MATCH (a) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:CAN_ASSUME {key: $key[i],
  fromKind: $fromKind[i],
  actions: $actions[i],
  mechanism: $mechanism[i],
  via: $via[i],
  crossAccount: $crossAccount[i],
  crossOrganization: $crossOrganization[i],
  conditional: $conditional[i],
  conditionKeys: $conditionKeys[i],
  conditions: $conditions[i],
  trustPolicyId: $trustPolicyId[i],
  trustStatementIndex: $trustStatementIndex[i],
  trustSid: $trustSid[i],
  identityPolicyIds: $identityPolicyIds[i],
  evidence: $evidence[i],
  orgPolicyIds: $orgPolicyIds[i],
  roleChaining: $roleChaining[i],
  reasons: $reasons[i],
  reasonRefs: $reasonRefs[i],
  maxSessionSeconds: $maxSessionSeconds[i],
  sessionName: $sessionName[i],
  evidenceRef: $evidenceRef[i],
  conditionsRef: $conditionsRef[i],
  mfaCannotHold: $mfaCannotHold[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: node-EvidenceText
// One distinct evidence text of the snapshot (ingest/transform/shared-evidence.ts): edges name it
// by `id` in their `*Ref` properties. Not an AtlasNode: no graph query walks or counts it.
UNWIND range(0, size($id) - 1) AS i
CREATE (n:EvidenceText {snapshotId: $snapshotId, id: $id[i], text: $text[i]})
RETURN count(n) AS written;

// name: node-Finding
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Finding {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  kind: $kind[i],
  severity: $severity[i],
  title: $title[i],
  why: $why[i],
  subjects: $subjects[i],
  evidence: $evidence[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: rel-ABOUT
UNWIND range(0, size($key) - 1) AS i
MATCH (a:Finding) WHERE elementId(a) = $from[i]
MATCH (b) WHERE elementId(b) = $to[i]
CREATE (a)-[r:ABOUT {key: $key[i],
  primary: $primary[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;

// name: rel-CAN_SIGN_IN_AS
// A person can sign in as a provisioned role (engine/identity-center/link.ts), with the assignments behind it.
UNWIND range(0, size($key) - 1) AS i
MATCH (a:Person) WHERE elementId(a) = $from[i]
MATCH (b:Role) WHERE elementId(b) = $to[i]
CREATE (a)-[r:CAN_SIGN_IN_AS {key: $key[i],
  accountId: $accountId[i],
  permissionSets: $permissionSets[i],
  groups: $groups[i],
  direct: $direct[i],
  via: $via[i]}]->(b)
SET r += $more[i]
RETURN count(r) AS written;
