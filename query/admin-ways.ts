/**
 * The accounts principals can become administrator of, each with one shortest
 * way: walks over CAN_ASSUME and CAN_ESCALATE_TO edges (the `escalation-out`
 * statement of cypher/api/escalation.cypher, one hop at a time). Walks go on
 * through administrators, so a role that administers one account and may assume
 * an administrator role of another reaches both.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { assumptionParams } from './assumptions.ts';
import { edgeFromRow, type EdgeOut } from './edges.ts';
import { driverOf, type Source } from './cache.ts';

/** Rows one statement may return before the walk reports itself truncated. */
const ROWS_PER_STATEMENT = 20_000;
/** Frontier keys per statement. */
const KEYS_PER_STATEMENT = 500;

/** Where a walk starts: a principal, and whether it administers its own account already. */
export interface AdminStart {
  key: string;
  admin: boolean;
  accountId?: string;
}

/** One shortest way from a start to administrator of `adminOf`. */
export interface AdminWay {
  adminOf: string;
  /** The edges walked; none when the start administers `adminOf` itself. */
  edges: EdgeOut[];
}

/** The edges out of every node within maxHops - 1 hops of a start, and which of them gain admin. */
interface Explored {
  out: Map<string, EdgeOut[]>;
  gainsAdmin: Set<EdgeOut>;
  truncated: boolean;
}

/** The account an edge that gains admin makes its walker administrator of. */
const adminAccount = (e: EdgeOut): string =>
  e.type === 'CAN_ESCALATE_TO' && e.to.kind === 'Account' ? e.to.key : (e.to.accountId ?? '');

/** A fixed order of a node's edges, so that the ways found do not depend on how the walk was batched. */
const edgeOrder = (x: EdgeOut, y: EdgeOut): number => {
  const k = (e: EdgeOut) => [e.type, e.to.key, e.method ?? '', e.mechanism ?? '', e.via ?? ''];
  const [a, b] = [k(x), k(y)];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};

async function explore(
  source: Source,
  snapshotId: string,
  starts: readonly string[],
  maxHops: number,
): Promise<Explored> {
  const db = driverOf(source);
  const out = new Map<string, EdgeOut[]>();
  const gainsAdmin = new Set<EdgeOut>();
  const expanded = new Set<string>();
  let frontier = [...new Set(starts)];
  let truncated = false;
  for (let hop = 1; hop <= maxHops && frontier.length; hop++) {
    for (const k of frontier) expanded.add(k);
    const next = new Set<string>();
    for (let i = 0; i < frontier.length; i += KEYS_PER_STATEMENT) {
      const res = await db.executeQuery(statement('api/escalation', 'escalation-out'), {
        snapshotId,
        keys: frontier.slice(i, i + KEYS_PER_STATEMENT),
        rowLimit: neo4j.int(ROWS_PER_STATEMENT),
        ...assumptionParams(undefined),
      });
      if (res.records.length >= ROWS_PER_STATEMENT) truncated = true;
      for (const r of res.records) {
        const e = edgeFromRow(r.toObject() as Parameters<typeof edgeFromRow>[0]);
        if (r.get('reachesAdmin') === true) gainsAdmin.add(e);
        const list = out.get(e.from.key) ?? [];
        list.push(e);
        out.set(e.from.key, list);
        if (!expanded.has(e.to.key)) next.add(e.to.key);
      }
    }
    frontier = [...next];
  }
  for (const list of out.values()) list.sort(edgeOrder);
  return { out, gainsAdmin, truncated };
}

/** Breadth-first from one start: the first edge met that gains admin of an account ends its shortest way. */
function waysFrom(x: Explored, start: AdminStart, maxHops: number): AdminWay[] {
  const ways = new Map<string, AdminWay>();
  if (start.admin) ways.set(start.accountId ?? '', { adminOf: start.accountId ?? '', edges: [] });
  const via = new Map<string, EdgeOut | null>([[start.key, null]]);
  const edgesTo = (key: string): EdgeOut[] => {
    const edges: EdgeOut[] = [];
    for (let e = via.get(key); e; e = via.get(e.from.key)) edges.unshift(e);
    return edges;
  };
  let level = [start.key];
  for (let depth = 1; depth <= maxHops && level.length; depth++) {
    const next: string[] = [];
    for (const key of level)
      for (const e of x.out.get(key) ?? []) {
        const account = x.gainsAdmin.has(e) ? adminAccount(e) : undefined;
        if (account !== undefined && !ways.has(account))
          ways.set(account, { adminOf: account, edges: [...edgesTo(key), e] });
        if (!via.has(e.to.key)) {
          via.set(e.to.key, e);
          next.push(e.to.key);
        }
      }
    level = next;
  }
  return [...ways.values()];
}

/**
 * For each start, the accounts it can become administrator of within `maxHops`
 * edges, one shortest way each (its own account first when it is an
 * administrator). All starts are walked together: one statement per hop (per
 * 500 frontier keys), however many starts there are.
 */
export async function adminWays(
  source: Source,
  snapshotId: string,
  starts: readonly AdminStart[],
  maxHops: number,
): Promise<{ ways: Map<string, AdminWay[]>; truncated: boolean }> {
  const x = await explore(
    source,
    snapshotId,
    starts.map((s) => s.key),
    maxHops,
  );
  return { ways: new Map(starts.map((s) => [s.key, waysFrom(x, s, maxHops)])), truncated: x.truncated };
}
