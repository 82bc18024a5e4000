/**
 * Nodes, edges with evidence and paths as the read side hands them out: what the
 * GraphQL types resolve from and what escalation and review reads return.
 */
import { toCondition, toHop, type ConditionOut, type Hop, type NodeRef } from './graph.ts';

export interface GraphNodeOut {
  key: string;
  kind: string;
  arn?: string;
  name?: string;
  accountId?: string;
  /** Known when the node came from a cypher/api projection; otherwise GraphNode's resolvers look it up. */
  isAdmin?: boolean;
  external?: boolean;
  /** The snapshot of a node whose flags are not known yet (set by the resolvers, read by GraphNode's). */
  _snapshotId?: string;
}

export interface StatementRefOut {
  policyId: string;
  policyKind: string;
  statementIndex: number;
  sid?: string;
  effect: string;
}

export interface EdgeOut {
  type: 'CAN_ASSUME' | 'CAN_ESCALATE_TO';
  from: GraphNodeOut;
  to: GraphNodeOut;
  actions: string[];
  mechanism?: string;
  via?: string;
  method?: string;
  crossAccount: boolean;
  crossOrganization: boolean;
  conditional: boolean;
  conditions: ConditionOut[];
  evidence: StatementRefOut[];
  orgPolicyIds: string[];
  roleChaining: boolean;
  reasons: string[];
  /** Capability chain of a CAN_ESCALATE_TO edge: the changes made before `method` (empty otherwise). */
  chain: ChainStepOut[];
}

export interface ChainStepOut {
  method: string;
  actions: string[];
  modifies: string;
  evidence: StatementRefOut[];
}

export interface PathOutApi {
  length: number;
  conditional: boolean;
  crossAccount: boolean;
  conditionKeys: string[];
  nodes: GraphNodeOut[];
  edges: EdgeOut[];
}

type Props = Record<string, unknown>;

/** A node known only by its key (as on a hop): kind and names read from the key itself. */
export function nodeFromKey(key: string, kind?: string): GraphNodeOut {
  const out: GraphNodeOut = { key, kind: kind ?? guessKind(key) };
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

function guessKind(key: string): string {
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

export function nodeFromRow(n: Props | NodeRef): GraphNodeOut {
  const r = n as Props;
  const out: GraphNodeOut = { key: String(r.key), kind: String(r.kind ?? guessKind(String(r.key))) };
  for (const k of ['arn', 'name', 'accountId'] as const) if (typeof r[k] === 'string') out[k] = r[k];
  // cypher/api projections carry both flags; nodes of the query layer carry neither.
  if (typeof r.admin === 'boolean') out.isAdmin = r.admin;
  if (typeof r.external === 'boolean') out.external = isExternal(out.kind, r.external);
  return out;
}

export function edgeFromHop(hop: Hop, nodes?: Map<string, GraphNodeOut>): EdgeOut {
  return {
    type: 'CAN_ASSUME',
    from: nodes?.get(hop.from) ?? nodeFromKey(hop.from, hop.fromKind),
    to: nodes?.get(hop.to) ?? nodeFromKey(hop.to, 'Role'),
    actions: hop.actions,
    mechanism: hop.mechanism,
    via: hop.via,
    crossAccount: hop.crossAccount,
    crossOrganization: hop.crossOrganization,
    conditional: hop.conditional,
    conditions: hop.conditions,
    evidence: hop.evidence,
    orgPolicyIds: hop.orgPolicyIds,
    roleChaining: hop.roleChaining,
    reasons: hop.reasons,
    chain: [],
  };
}

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const jsonList = <T>(v: unknown): T[] => {
  if (Array.isArray(v)) return v as T[];
  if (typeof v !== 'string') return [];
  try {
    const parsed = JSON.parse(v) as unknown;
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
};

/** A row `{from, to, type, edge}` of a cypher/api statement as an edge. */
export function edgeFromRow(row: { from: Props; to: Props; type: string; edge: Props }): EdgeOut {
  const from = nodeFromRow(row.from);
  const to = nodeFromRow(row.to);
  if (row.type === 'CAN_ASSUME')
    return edgeFromHop(
      toHop(from.key, to.key, row.edge),
      new Map([
        [from.key, from],
        [to.key, to],
      ]),
    );
  const e = row.edge;
  return {
    type: 'CAN_ESCALATE_TO',
    from,
    to,
    actions: strList(e.actions),
    method: typeof e.method === 'string' ? e.method : undefined,
    via: typeof e.via === 'string' ? e.via : undefined,
    crossAccount: e.crossAccount === true,
    crossOrganization: e.crossOrganization === true,
    conditional: e.conditional === true,
    conditions: jsonList<Parameters<typeof toCondition>[0]>(e.conditions).map(toCondition),
    evidence: jsonList<StatementRefOut>(e.evidence),
    orgPolicyIds: strList(e.orgPolicyIds),
    roleChaining: false,
    reasons: strList(e.reasons),
    chain: jsonList<ChainStepOut>(e.chain),
  };
}

export function pathFromEdges(nodes: GraphNodeOut[], edges: EdgeOut[]): PathOutApi {
  return {
    length: edges.length,
    conditional: edges.some((e) => e.conditional),
    crossAccount: edges.some((e) => e.crossAccount),
    conditionKeys: [...new Set(edges.flatMap((e) => e.conditions.map((c) => c.key)))].sort(),
    nodes,
    edges,
  };
}

/** A path of the query layer (hops + node refs) in API shape. */
export function pathFromHops(hops: Hop[], nodeRefs?: NodeRef[]): PathOutApi {
  const known = new Map((nodeRefs ?? []).map((n) => [n.key, nodeFromRow(n)] as const));
  const edges = hops.map((h) => edgeFromHop(h, known));
  const nodes =
    nodeRefs?.map(nodeFromRow) ?? (edges.length ? [edges[0]!.from, ...edges.map((e) => e.to)] : []);
  return pathFromEdges(nodes, edges);
}
