/**
 * What changed between two snapshots (cypher/api/diff.cypher): CAN_ASSUME and
 * CAN_ESCALATE_TO edges and findings found in one and not the other.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { edgeRows, type FindingRow, type Row } from './catalog.ts';
import type { Edge } from './graph.ts';
import { driverOf, type Source } from './cache.ts';

const D = 'api/diff';
/** Most edges or findings listed per side and kind. */
export const DIFF_LIMIT = 5000;

export interface DiffSide {
  assume: Edge[];
  escalate: Edge[];
  findings: FindingRow[];
}

/** What `newer` holds that `older` does not. */
async function onlyIn(source: Source, older: string, newer: string): Promise<DiffSide> {
  const params = { older, newer, limit: neo4j.int(DIFF_LIMIT) };
  const [assume, escalate, findings] = await Promise.all([
    edgeRows(source, D, 'can-assume-only-in-newer', params),
    edgeRows(source, D, 'can-escalate-to-only-in-newer', params),
    driverOf(source).executeQuery(statement(D, 'findings-only-in-newer'), params),
  ]);
  return {
    assume,
    escalate,
    findings: findings.records.map((r) => ({
      finding: r.get('finding') as Row,
      subjects: r.get('subjects') as Row[],
    })),
  };
}

/** What was added going from snapshot `from` to snapshot `to`, and what was removed. */
export async function snapshotDiff(
  source: Source,
  from: string,
  to: string,
): Promise<{ added: DiffSide; removed: DiffSide }> {
  const [added, removed] = await Promise.all([onlyIn(source, from, to), onlyIn(source, to, from)]);
  return { added, removed };
}
