/**
 * The accounts principals can become administrator of, each with one shortest
 * way: walks over CAN_ASSUME and CAN_ESCALATE_TO edges (escalation-walk.ts). Walks go on
 * through administrators, so a role that administers one account and may assume
 * an administrator role of another reaches both.
 */
import type { Edge } from './graph.ts';
import type { Source } from './cache.ts';
import { exploreEscalation, type Explored } from './escalation-walk.ts';

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
  edges: Edge[];
}

/** The account an edge that gains admin makes its walker administrator of. */
const adminAccount = (e: Edge): string =>
  e.type === 'CAN_ESCALATE_TO' && e.to.kind === 'Account' ? e.to.key : (e.to.accountId ?? '');

/** Breadth-first from one start: the first edge met that gains admin of an account ends its shortest way. */
function waysFrom(x: Explored, start: AdminStart, maxHops: number): AdminWay[] {
  const ways = new Map<string, AdminWay>();
  if (start.admin) ways.set(start.accountId ?? '', { adminOf: start.accountId ?? '', edges: [] });
  const via = new Map<string, Edge | null>([[start.key, null]]);
  const edgesTo = (key: string): Edge[] => {
    const edges: Edge[] = [];
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
  const keys = starts.map((s) => s.key);
  const x = await exploreEscalation(source, snapshotId, keys, maxHops);
  return { ways: new Map(starts.map((s) => [s.key, waysFrom(x, s, maxHops)])), truncated: x.truncated };
}
