/** A finding of the query layer as GraphQL's Finding: subjects as nodes, evidence as JSON text. */
import { nodeFromRow } from '../../query/edges.ts';
import type { FindingOut } from '../../query/index.ts';

export function findingOut(f: FindingOut) {
  return {
    id: f.id,
    kind: f.kind,
    severity: f.severity,
    title: f.title,
    why: f.why,
    subjectKeys: f.subjects.map((s) => s.key),
    subjects: f.subjects.map((s) => nodeFromRow(s as unknown as Record<string, unknown>)),
    evidence: JSON.stringify(f.evidence),
  };
}
