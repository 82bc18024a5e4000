/**
 * A plan check as the page's graph: the edges the change adds and removes in the snapshot-diff
 * colours (diff: added / removed), the paths to admin it opens with their unchanged hops drawn
 * plainly for context, and on every changed edge the resources behind it as its label.
 */
import type { GEdge, GNode, GraphResult } from '../model.ts';
import { accountLine, guessKind, toGNode } from '../model.ts';
import type { EdgeKind } from '../palette.ts';
import type { PlanReport } from './data.ts';

/** A hop or an edge of the check: node keys, the relationship, and the resources behind it. */
export interface PlanHopLike {
  from: string;
  to: string;
  type: string;
  method?: string | null;
  addresses: string[];
}

const ADMIN = 'admin:';

function node(key: string): GNode {
  if (key.startsWith(ADMIN)) {
    const account = key.slice(ADMIN.length);
    return {
      id: key,
      kind: 'account',
      name: 'Administrator',
      label: `Administrator\n${accountLine(account)}`,
      accountId: account,
      admin: true,
    };
  }
  const account = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(key)?.[1];
  return toGNode({ key, kind: guessKind(key), ...(account ? { accountId: account } : {}) });
}

const edgeKind = (type: string): EdgeKind => (type === 'CAN_ASSUME' ? 'canAssume' : 'canEscalateTo');

/** The id toGEdge gives the same edge, so a plan edge and a snapshot edge are one element. */
export const planEdgeId = (h: Pick<PlanHopLike, 'from' | 'to' | 'type'>): string =>
  `${edgeKind(h.type)}:${h.from}->${h.to}`;

/** The label of a changed edge: the resource behind it (and how many more). */
export function addressLabel(addresses: readonly string[]): string {
  if (!addresses.length) return '';
  return addresses.length === 1 ? addresses[0]! : `${addresses[0]} (+${addresses.length - 1})`;
}

export class PlanGraph {
  private nodes = new Map<string, GNode>();
  private edges = new Map<string, GEdge>();
  /** The resources behind each edge, by edge id (the details panel lists them). */
  readonly addresses = new Map<string, string[]>();
  /** The relationship each edge stands for (CAN_ASSUME, CAN_ESCALATE_TO, IS_ADMIN…), by edge id. */
  readonly hops = new Map<string, PlanHopLike & { diff?: 'added' | 'removed' }>();

  add(h: PlanHopLike, diff?: 'added' | 'removed'): void {
    for (const k of [h.from, h.to]) if (!this.nodes.has(k)) this.nodes.set(k, node(k));
    const id = planEdgeId(h);
    const known = this.edges.get(id);
    // A changed hop wins over the same edge drawn as context.
    if (known && (known.diff || !diff)) return;
    this.edges.set(id, {
      id,
      source: h.from,
      target: h.to,
      kind: edgeKind(h.type),
      conditional: false,
      conditionKinds: [],
      badge: diff ? addressLabel(h.addresses) : '',
      crossAccount: false,
      ...(diff ? { diff } : {}),
    });
    this.addresses.set(id, h.addresses);
    this.hops.set(id, { ...h, ...(diff ? { diff } : {}) });
  }

  result(): GraphResult {
    const edges = [...this.edges.values()];
    // A node takes the diff state of its edges when they all agree (as the snapshot diff draws it).
    const nodes = [...this.nodes.values()].map((n) => {
      const states = new Set(edges.filter((e) => e.source === n.id || e.target === n.id).map((e) => e.diff));
      const only = states.size === 1 ? [...states][0] : undefined;
      return only ? { ...n, diff: only } : n;
    });
    return { nodes, edges };
  }
}

/** The whole check: added and removed edges, and the hops of the paths to admin it opens or closes. */
export function planGraph(r: PlanReport): PlanGraph {
  const g = new PlanGraph();
  for (const e of r.addedEdges) g.add(e, 'added');
  for (const e of r.removedEdges) g.add(e, 'removed');
  for (const p of r.newAdminPaths) for (const hop of p.hops) g.add(hop, hop.changed ? 'added' : undefined);
  for (const p of r.removedAdminPaths)
    for (const hop of p.hops) g.add(hop, hop.changed ? 'removed' : undefined);
  return g;
}

/** One review item's hops: those the change introduces as added, the rest as context. */
export function hopsGraph(hops: readonly (PlanHopLike & { changed: boolean })[]): GraphResult {
  const g = new PlanGraph();
  for (const hop of hops) g.add(hop, hop.changed ? 'added' : undefined);
  return g.result();
}
