/**
 * Each node's fewest hops to an administrator over the CAN_ASSUME and
 * CAN_ESCALATE_TO edges as they are loaded, stored on the node as
 * `hopsToAdmin` so that escalation listings (query/escalation.ts) walk only
 * toward an administrator near enough. A walk ends with an edge that gains
 * admin of an account or lands on a principal marked admin, as the query
 * layer's escalation walk ends (cypher/api/escalation.cypher, `reachesAdmin`);
 * an administrator is not walked through. One backward breadth-first search
 * from those edges, so the cost is linear in the edges. Pure.
 */
import type { EscalationAnalysis } from '../../engine/escalation/index.ts';
import type { CanAssumeEdge } from '../../engine/trust/index.ts';
import type { ExtraNodeSet } from '../load/loader.ts';

/** One loaded edge, as the walk sees it. */
export interface WalkEdge {
  from: string;
  to: string;
  /** The edge ends a walk: it gains admin of an account, or `to` is an administrator. */
  reachesAdmin: boolean;
}

/** Per node that can reach an administrator: the fewest edges it takes (1 for an edge that ends a walk). */
export function hopsToAdmin(edges: Iterable<WalkEdge>): Map<string, number> {
  const hops = new Map<string, number>();
  const into = new Map<string, string[]>();
  let frontier: string[] = [];
  for (const e of edges) {
    if (e.reachesAdmin) {
      if (!hops.has(e.from)) {
        hops.set(e.from, 1);
        frontier.push(e.from);
      }
      continue;
    }
    const list = into.get(e.to);
    if (list) list.push(e.from);
    else into.set(e.to, [e.from]);
  }
  for (let depth = 2; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const v of frontier)
      for (const u of into.get(v) ?? [])
        if (!hops.has(u)) {
          hops.set(u, depth);
          next.push(u);
        }
    frontier = next;
  }
  return hops;
}

/** The loader's rows: `hopsToAdmin` on every node that can reach an administrator. */
export function hopsToAdminRows(
  escalation: Pick<EscalationAnalysis, 'edges' | 'admins'>,
  canAssume: readonly Pick<CanAssumeEdge, 'from' | 'to'>[],
): ExtraNodeSet {
  const admins = new Set([...escalation.admins.values()].filter((a) => a.admin).map((a) => a.principal));
  function* edges(): Generator<WalkEdge> {
    for (const e of canAssume) yield { from: e.from, to: e.to, reachesAdmin: admins.has(e.to) };
    for (const e of escalation.edges)
      yield { from: e.from, to: e.to, reachesAdmin: e.gains === 'admin' || admins.has(e.to) };
  }
  return {
    file: 'load/escalation',
    name: 'node-hops-to-admin',
    label: 'Principal',
    updatesExisting: true,
    rows: [...hopsToAdmin(edges())].map(([key, n]) => ({ key, props: { hopsToAdmin: n } })),
  };
}
