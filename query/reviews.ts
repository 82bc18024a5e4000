/**
 * Review sessions as they are read (model in cypher/api/reviews.cypher): a
 * session, its items with their history, a page of sessions. The writes are
 * the API's (api/reviews.ts), which answer with these same shapes.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { ASSUMPTION_NAMES, type AssumptionName } from './assumptions.ts';
import { driverOf, type Source } from './cache.ts';
import type { FindingDelta } from '../engine/plan/diff.ts';
import type { PathWithEdges } from './graph.ts';

const R = 'api/reviews';

/**
 * A review item's states. ARCHIVED is intended access put aside, as IAM Access Analyzer archives a
 * finding: https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-work-with-findings.html
 */
export const REVIEW_STATUSES = [
  'OPEN',
  'ACCEPTED_RISK',
  'NEEDS_FIX',
  'FIXED',
  'FALSE_POSITIVE',
  'ARCHIVED',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Every assumption category with whether the analyst assumes it can be satisfied. */
export type AssumptionsOut = Record<AssumptionName, boolean>;

export interface ReviewSessionOut {
  id: string;
  name: string;
  snapshotId: string;
  createdBy?: string;
  createdAt: string;
  assumptions: AssumptionsOut;
}

/** Stored as the categories switched off; sessions from before assumptions were kept have none. */
function assumptionsFromOff(off: unknown): AssumptionsOut {
  const list = Array.isArray(off) ? off.map(String) : [];
  return Object.fromEntries(ASSUMPTION_NAMES.map((n) => [n, !list.includes(n)])) as AssumptionsOut;
}

export interface ReviewEventOut {
  at: string;
  fromStatus?: ReviewStatus;
  toStatus: ReviewStatus;
  note?: string;
  reviewer?: string;
}

/**
 * What a proposed change would add, as a review item records it (addPlanCheckToReview): the
 * check's outcome for the whole plan, and the path, edge or finding with the resources behind it.
 */
export interface PlanChangeEvidence {
  what: 'RESULT' | 'NEW_ADMIN_PATH' | 'NEW_EXTERNAL_TRUST' | 'NEW_FINDING';
  plan: string;
  snapshotId: string;
  accountId: string;
  passed: boolean;
  rules: string[];
  failures: { rule: string; count: number }[];
  counts: { name: string; count: number }[];
  adminAccount?: string;
  hops: {
    from: string;
    to: string;
    type: string;
    method: string | null;
    changed: boolean;
    addresses: string[];
  }[];
  finding?: Omit<FindingDelta, 'severity'> & { severity: string };
  addresses: string[];
}

export type ReviewItemKind = 'FINDING' | 'PATH' | 'PLAN_CHANGE';

export interface ReviewItemOut {
  id: string;
  sessionId: string;
  kind: ReviewItemKind;
  title: string;
  subjectKeys: string[];
  findingId?: string;
  path?: PathWithEdges;
  planChange?: PlanChangeEvidence;
  status: ReviewStatus;
  note?: string;
  reviewer?: string;
  updatedAt: string;
  /** 1 when added, one more with every status change. */
  version: number;
  history: ReviewEventOut[];
}

type Props = Record<string, unknown>;
const opt = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function toSession(p: Props): ReviewSessionOut {
  return {
    id: String(p.id),
    name: String(p.name),
    snapshotId: String(p.snapshotId),
    createdBy: opt(p.createdBy),
    createdAt: String(p.createdAt),
    assumptions: assumptionsFromOff(p.assumptionsOff),
  };
}

export function toItem(p: Props, history: Props[]): ReviewItemOut {
  return {
    id: String(p.id),
    sessionId: String(p.sessionId),
    kind: p.kind === 'PATH' || p.kind === 'PLAN_CHANGE' ? p.kind : 'FINDING',
    title: String(p.title),
    subjectKeys: Array.isArray(p.subjectKeys) ? p.subjectKeys.map(String) : [],
    findingId: opt(p.findingId),
    path: typeof p.path === 'string' ? (JSON.parse(p.path) as PathWithEdges) : undefined,
    planChange:
      typeof p.planChange === 'string' ? (JSON.parse(p.planChange) as PlanChangeEvidence) : undefined,
    status: String(p.status) as ReviewStatus,
    note: opt(p.note),
    reviewer: opt(p.reviewer),
    updatedAt: String(p.updatedAt),
    version: Number(p.eventCount ?? history.length),
    history: history.map((e) => ({
      at: String(e.at),
      fromStatus: opt(e.fromStatus) as ReviewStatus | undefined,
      toStatus: String(e.toStatus) as ReviewStatus,
      note: opt(e.note),
      reviewer: opt(e.reviewer),
    })),
  };
}

export async function getSession(source: Source, id: string): Promise<ReviewSessionOut | undefined> {
  const res = await driverOf(source).executeQuery(statement(R, 'session-get'), { id });
  const r = res.records[0];
  return r ? toSession(r.get('session') as Props) : undefined;
}

export async function listSessions(
  source: Source,
  snapshotId: string | null,
  offset: number,
  limit: number,
): Promise<{ sessions: ReviewSessionOut[]; total: number }> {
  const db = driverOf(source);
  const [count, page] = await Promise.all([
    db.executeQuery(statement(R, 'session-count'), { snapshotId }),
    db.executeQuery(statement(R, 'session-page'), {
      snapshotId,
      offset: neo4j.int(offset),
      limit: neo4j.int(limit),
    }),
  ]);
  return {
    total: Number(count.records[0]?.get('total') ?? 0),
    sessions: page.records.map((r) => toSession(r.get('session') as Props)),
  };
}

export async function sessionItems(source: Source, id: string): Promise<ReviewItemOut[]> {
  const res = await driverOf(source).executeQuery(statement(R, 'session-items'), { id });
  return res.records.map((r) => toItem(r.get('item') as Props, r.get('history') as Props[]));
}

export async function getItem(source: Source, id: string): Promise<ReviewItemOut | undefined> {
  const res = await driverOf(source).executeQuery(statement(R, 'item-get'), { id });
  const r = res.records[0];
  return r ? toItem(r.get('item') as Props, r.get('history') as Props[]) : undefined;
}
