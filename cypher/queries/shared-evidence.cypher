// Shared evidence texts (ingest/transform/shared-evidence.ts) by the numbers edges keep.

// name: evidence-texts
UNWIND $ids AS id
MATCH (t:EvidenceText {snapshotId: $snapshotId, id: id})
RETURN t.id AS id, t.text AS text;
