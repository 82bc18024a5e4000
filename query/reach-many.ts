/**
 * Who reaches any of several roles over CAN_ASSUME edges (or, for a
 * resource's callers, over CAN_ASSUME and CAN_ESCALATE_TO): a breadth-first
 * search backwards from all of them at once, one hop per statement (the
 * `reach-in` / `reach-in-escalation` statements of
 * cypher/queries/reachability.cypher), keeping the
 * first (least conditional) edge that reaches each node, so every node comes
 * back with one shortest path to the nearest of the roles.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { assumptionParams, type Assumptions } from './assumptions.ts';
import { hopOf, pathSummary, toNodeRef, type Hop } from './graph.ts';
import type { ReachEntry } from './reachability.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

/** Rows one hop may return before the search reports itself truncated. */
const ROWS_PER_HOP = 20_000;

export interface ReachManyResult {
  /** Shortest first, then by key; each path ends at one of the roles. */
  entries: ReachEntry[];
  /** A hop returned ROWS_PER_HOP rows or more: some principals may be missing. */
  truncated: boolean;
}

/** The edges a search walks: role assumption only, or escalation too. */
export type ReachOver = 'assume' | 'assume-or-escalate';

/**
 * Principals that reach one of `roles` (any node keys) within `maxHops` hops;
 * nodes in `exclude` (and the roles themselves) are neither listed nor walked through.
 */
export async function reachAnyRole(
  driver: Driver,
  snapshotId: string,
  roles: readonly string[],
  exclude: Iterable<string>,
  maxHops: number,
  assumptions?: Assumptions,
  over: ReachOver = 'assume',
): Promise<ReachManyResult> {
  const name = over === 'assume' ? 'reach-in' : 'reach-in-escalation';
  const visited = new Set<string>([...roles, ...exclude]);
  const pathTo = new Map<string, Hop[]>(roles.map((r) => [r, []]));
  const entries: ReachEntry[] = [];
  let frontier = [...roles];
  let truncated = false;
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const res = await driver.executeQuery(statement('queries/reachability', name), {
      snapshotId,
      keys: frontier,
      visited: [...visited],
      rowLimit: neo4j.int(ROWS_PER_HOP),
      ...assumptionParams(assumptions),
    });
    if (res.records.length >= ROWS_PER_HOP) truncated = true;
    await resolveSharedEvidence(
      driver,
      snapshotId,
      res.records
        .filter((r) => !visited.has(r.get('from') as string))
        .map((r) => r.get('edge') as Record<string, unknown>),
    );
    const next: string[] = [];
    for (const r of res.records) {
      const from = r.get('from') as string;
      if (visited.has(from)) continue;
      visited.add(from);
      const to = r.get('to') as string;
      const type = over === 'assume' ? 'CAN_ASSUME' : (r.get('type') as string);
      const hops = [
        hopOf(type, from, to, r.get('edge') as Record<string, unknown>),
        ...(pathTo.get(to) ?? []),
      ];
      pathTo.set(from, hops);
      next.push(from);
      entries.push({
        node: toNodeRef(r.get('node') as Record<string, unknown>, r.get('kind')),
        ...pathSummary(hops),
        hops,
      });
    }
    frontier = next;
  }
  entries.sort(
    (a, b) => a.length - b.length || (a.node.key < b.node.key ? -1 : a.node.key > b.node.key ? 1 : 0),
  );
  return { entries, truncated };
}
