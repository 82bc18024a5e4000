/**
 * What changed between two snapshots (cypher/api/diff.cypher): CAN_ASSUME and
 * CAN_ESCALATE_TO edges, findings, and Identity Center's people, groups,
 * permission sets, memberships, assignments and sign-ins (CAN_SIGN_IN_AS) found
 * in one and not the other.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { edgeRows, type FindingRow, type Row } from './catalog.ts';
import { nodeFromRow } from './edges.ts';
import type { Edge, NodeRef } from './graph.ts';
import { driverOf, type Source } from './cache.ts';

const D = 'api/diff';
/** Most edges or findings listed per side and kind. */
export const DIFF_LIMIT = 5000;

/** An Identity Center edge: a group membership, an account assignment, or a role a person can sign in as. */
export interface PeopleEdgeOut {
  type: 'MEMBER_OF' | 'ASSIGNED' | 'CAN_SIGN_IN_AS';
  from: NodeRef;
  to: NodeRef;
  /** The account of an assignment or a sign-in. */
  accountId?: string;
  /** CAN_SIGN_IN_AS: the permission sets and groups of the assignments behind it, and whether one names the person. */
  permissionSets: string[];
  groups: string[];
  direct?: boolean;
}

export interface DiffSide {
  assume: Edge[];
  escalate: Edge[];
  findings: FindingRow[];
  peopleEdges: PeopleEdgeOut[];
  /** People, groups and permission sets. */
  peopleNodes: NodeRef[];
}

const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function peopleEdgeFromRow(r: Row): PeopleEdgeOut {
  const e = r.edge as Row;
  return {
    type: r.type as PeopleEdgeOut['type'],
    from: nodeFromRow(r.from as Row),
    to: nodeFromRow(r.to as Row),
    ...(typeof e.accountId === 'string' ? { accountId: e.accountId } : {}),
    permissionSets: strs(e.permissionSets),
    groups: strs(e.groups),
    ...(typeof e.direct === 'boolean' ? { direct: e.direct } : {}),
  };
}

/** What `newer` holds that `older` does not. */
async function onlyIn(source: Source, older: string, newer: string): Promise<DiffSide> {
  const params = { older, newer, limit: neo4j.int(DIFF_LIMIT) };
  const db = driverOf(source);
  const [assume, escalate, findings, peopleEdges, peopleNodes] = await Promise.all([
    edgeRows(source, D, 'can-assume-only-in-newer', params, newer),
    edgeRows(source, D, 'can-escalate-to-only-in-newer', params, newer),
    db.executeQuery(statement(D, 'findings-only-in-newer'), params),
    db.executeQuery(statement(D, 'people-edges-only-in-newer'), params),
    db.executeQuery(statement(D, 'people-nodes-only-in-newer'), params),
  ]);
  return {
    assume,
    escalate,
    findings: findings.records.map((r) => ({
      finding: r.get('finding') as Row,
      subjects: r.get('subjects') as Row[],
    })),
    peopleEdges: peopleEdges.records.map((r) => peopleEdgeFromRow(r.toObject() as Row)),
    peopleNodes: peopleNodes.records.map((r) => nodeFromRow(r.get('node') as Row)),
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
