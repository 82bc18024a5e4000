/**
 * escalationPaths: walks over CAN_ASSUME and CAN_ESCALATE_TO that use at least
 * one CAN_ESCALATE_TO edge (or, with includeAssumeOnly, none), shortest first,
 * to admin (an edge that gains admin of an account, or a principal marked
 * admin) or to a chosen principal. It
 * explores breadth-first with cypher/api/escalation.cypher (one statement per
 * hop) and lists simple paths over what it found.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { assumptionParams, type Assumptions } from './queries/assumptions.ts';
import { edgeFromRow, pathFromEdges, type EdgeOut, type PathOutApi } from './shapes.ts';

const ROWS_PER_HOP = 20_000;
/** Paths examined before giving up on listing more: bounds the work of a dense graph. */
const MAX_STEPS = 200_000;

export interface EscalationArgs {
  from: string;
  /** A principal's key, or 'admin' (also the default): an edge that gains admin, or a principal that is admin. */
  to?: string;
  maxHops: number;
  limit: number;
  assumptions?: Assumptions;
  /** Also walks of CAN_ASSUME edges only (e.g. a user who can simply assume an admin role). */
  includeAssumeOnly?: boolean;
}

export async function escalationPaths(
  db: Driver,
  snapshotId: string,
  args: EscalationArgs,
): Promise<{ paths: PathOutApi[]; truncated: boolean }> {
  const out = new Map<string, EdgeOut[]>();
  const toAdmin = !args.to || args.to === 'admin';
  const adminEdges = new Set<EdgeOut>();
  const expanded = new Set<string>();
  let frontier = [args.from];
  let truncated = false;
  const filter = assumptionParams(args.assumptions);
  // Every node within maxHops - 1 hops is expanded, so every walk of at most maxHops edges is known.
  for (let hop = 1; hop <= args.maxHops && frontier.length; hop++) {
    for (const k of frontier) expanded.add(k);
    const res = await db.executeQuery(statement('api/escalation', 'escalation-out'), {
      snapshotId,
      keys: frontier,
      rowLimit: neo4j.int(ROWS_PER_HOP),
      ...filter,
    });
    if (res.records.length >= ROWS_PER_HOP) truncated = true;
    const next = new Set<string>();
    for (const r of res.records) {
      const e = edgeFromRow(r.toObject() as Parameters<typeof edgeFromRow>[0]);
      if (r.get('reachesAdmin') === true) adminEdges.add(e);
      const list = out.get(e.from.key) ?? [];
      list.push(e);
      out.set(e.from.key, list);
      if (!expanded.has(e.to.key)) next.add(e.to.key);
    }
    frontier = [...next];
  }

  const found: PathOutApi[] = [];
  let steps = 0;
  // Iterative deepening: every path of length L before any of length L + 1.
  for (let len = 1; len <= args.maxHops && found.length < args.limit; len++) {
    const walk: EdgeOut[] = [];
    const onPath = new Set<string>([args.from]);
    const dfs = (at: string): void => {
      if (found.length >= args.limit || steps > MAX_STEPS) return;
      for (const e of out.get(at) ?? []) {
        if (++steps > MAX_STEPS) {
          truncated = true;
          return;
        }
        if (onPath.has(e.to.key)) continue;
        walk.push(e);
        if (walk.length === len) {
          const end = toAdmin ? adminEdges.has(e) : e.to.key === args.to;
          if (end && (args.includeAssumeOnly || walk.some((w) => w.type === 'CAN_ESCALATE_TO'))) {
            found.push(pathFromEdges([walk[0]!.from, ...walk.map((w) => w.to)], [...walk]));
            if (found.length >= args.limit) return;
          }
        } else if (toAdmin ? !adminEdges.has(e) : e.to.key !== args.to) {
          onPath.add(e.to.key);
          dfs(e.to.key);
          onPath.delete(e.to.key);
        }
        walk.pop();
      }
    };
    dfs(args.from);
  }
  return { paths: found, truncated };
}

/** Principals that escalation findings say can reach admin: the default sources of `query escalations`. */
export async function escalationSources(db: Driver, snapshotId: string, limit = 1000): Promise<string[]> {
  const res = await db.executeQuery(statement('api/escalation', 'escalation-sources'), {
    snapshotId,
    limit: neo4j.int(limit),
  });
  return res.records.map((r) => String(r.get('key')));
}

/**
 * Users and roles that are not administrators but reach one just by assuming roles, within
 * `maxHops` CAN_ASSUME hops (by design, as far as the escalation findings go): the extra
 * sources of `query escalations --include-assume-only`. One backward step per hop from the
 * administrators, so the work is linear in the CAN_ASSUME edges walked.
 */
export async function assumeOnlySources(
  db: Driver,
  snapshotId: string,
  args: { maxHops: number; assumptions?: Assumptions; limit?: number },
): Promise<string[]> {
  const admins = await db.executeQuery(statement('api/escalation', 'admin-principals'), { snapshotId });
  const seen = new Set(admins.records.map((r) => String(r.get('key'))));
  const filter = assumptionParams(args.assumptions);
  const found = new Set<string>();
  let frontier = [...seen];
  for (let hop = 1; hop <= args.maxHops && frontier.length > 0; hop++) {
    const res = await db.executeQuery(statement('api/escalation', 'assume-into'), {
      snapshotId,
      keys: frontier,
      rowLimit: neo4j.int(ROWS_PER_HOP),
      ...filter,
    });
    const next: string[] = [];
    for (const r of res.records) {
      const key = String(r.get('key'));
      if (seen.has(key)) continue;
      seen.add(key);
      next.push(key);
      if (r.get('admin') !== true) found.add(key);
    }
    frontier = next;
  }
  return [...found].sort().slice(0, args.limit ?? 1000);
}
