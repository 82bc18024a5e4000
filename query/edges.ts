/**
 * Nodes, edges and paths (the model of graph.ts) from the rows of the API's
 * statements, and a path's hops as edges with their end nodes: what the
 * GraphQL types resolve from and what escalation and review reads return.
 */
import {
  hopOf,
  pathSummary,
  type Edge,
  type Hop,
  type NodeKind,
  type NodeRef,
  type PathWithEdges,
} from './graph.ts';

type Props = Record<string, unknown>;

/** A node known only by its key (as on a hop): kind and names read from the key itself. */
export function nodeFromKey(key: string, kind?: NodeKind): NodeRef {
  const out: NodeRef = { key, kind: kind ?? guessKind(key) };
  if (key.startsWith('arn:')) {
    out.arn = key;
    const parts = key.split(':');
    if (/^\d{12}$/.test(parts[4] ?? '')) out.accountId = parts[4];
    out.name = key.slice(key.lastIndexOf('/') + 1) || parts.slice(5).join(':');
  } else if (/^\d{12}$/.test(key)) {
    out.accountId = key;
  } else {
    out.name = key;
  }
  return out;
}

function guessKind(key: string): NodeKind {
  if (key === '*') return 'Anyone';
  if (/^\d{12}$/.test(key)) return 'Account';
  if (/:role\//.test(key)) return 'Role';
  if (/:user\//.test(key)) return 'User';
  if (/:(saml|oidc)-provider\//.test(key)) return 'IdentityProvider';
  if (/\.amazonaws\.com/.test(key)) return 'ServicePrincipal';
  return 'ExternalPrincipal';
}

/**
 * GraphNode.external from the node's kind and its `external` property: outsiders are external
 * accounts and identity providers no export lists (both carry `external: true`), principals
 * the snapshot does not hold, and anyone.
 */
export function isExternal(kind: string, externalProp: unknown): boolean {
  if (kind === 'Anyone' || kind === 'ExternalPrincipal') return true;
  if (kind === 'Account' || kind === 'IdentityProvider') return externalProp === true;
  return false;
}

export function nodeFromRow(n: Props | NodeRef): NodeRef {
  const r = n as Props;
  const out: NodeRef = {
    key: String(r.key),
    kind: (typeof r.kind === 'string' ? r.kind : guessKind(String(r.key))) as NodeKind,
  };
  for (const k of ['arn', 'name', 'accountId'] as const) if (typeof r[k] === 'string') out[k] = r[k];
  // cypher/api projections carry both flags; nodes of the query layer carry neither.
  if (typeof r.admin === 'boolean') out.isAdmin = r.admin;
  if (typeof r.external === 'boolean') out.external = isExternal(out.kind, r.external);
  return out;
}

/** A hop with its end nodes: the ones given, else nodes read from the keys. */
export function edgeFromHop(hop: Hop, nodes?: Map<string, NodeRef>): Edge {
  const toKind = hop.type === 'CAN_ASSUME' ? 'Role' : hop.type === 'CAN_ACCESS' ? 'Resource' : undefined;
  return {
    ...hop,
    from: nodes?.get(hop.from) ?? nodeFromKey(hop.from, hop.fromKind),
    to: nodes?.get(hop.to) ?? nodeFromKey(hop.to, toKind),
  };
}

/** A row `{from, to, type, edge}` of a cypher/api statement as an edge. */
export function edgeFromRow(row: { from: Props; to: Props; type: string; edge: Props }): Edge {
  const from = nodeFromRow(row.from);
  const to = nodeFromRow(row.to);
  const ends = new Map([
    [from.key, from],
    [to.key, to],
  ]);
  return edgeFromHop(hopOf(row.type, from.key, to.key, row.edge), ends);
}

/** A walk over edges, in the API's form. */
export function pathFromEdges(nodes: NodeRef[], edges: Edge[]): PathWithEdges {
  return { ...pathSummary(edges), nodes, edges };
}

/** A path of the query layer (hops + node refs) in the API's form. */
export function pathFromHops(hops: Hop[], nodeRefs?: NodeRef[]): PathWithEdges {
  const known = new Map((nodeRefs ?? []).map((n) => [n.key, nodeFromRow(n)] as const));
  const edges = hops.map((h) => edgeFromHop(h, known));
  const nodes =
    nodeRefs?.map(nodeFromRow) ?? (edges.length ? [edges[0]!.from, ...edges.map((e) => e.to)] : []);
  return pathFromEdges(nodes, edges);
}

/** An edge's hop: its ends by key. */
export function hopOfEdge({ from, to, ...rest }: Edge): Hop {
  return { ...rest, from: from.key, to: to.key };
}
