/**
 * The page's own graph shapes, and the mapping from the API's answers to them (the only place
 * that knows both). The answers' shapes are not written here: they are the types GraphQL Code
 * Generator makes of the page's documents (queries.ts → generated/operations.ts), so the
 * compiler checks every use of an answer against the schema.
 */
import type * as Op from './generated/operations.ts';
import type { ConditionKind, EdgeKind, Kind, Severity } from './palette.ts';
import { CONDITION_BADGE, CONDITION_KINDS } from './palette.ts';

/** An edge as the results select it (LIGHT_EDGE in queries.ts); a full edge (FullEdge) is one too. */
export type ApiEdge = Op.PathsQuery['paths'][number]['edges'][number];
/** An edge with its evidence, as EDGE_EVIDENCE selects it (FULL_EDGE) when someone opens it. */
export type FullEdge = NonNullable<Op.EdgeEvidenceQuery['target']>['assumableBy']['nodes'][number];
/** A path as the documents select it: its nodes from start to end and its edges in order. */
export type ApiPath = Op.PathsQuery['paths'][number];
type SelectedNode = ApiEdge['from'];
/**
 * A node as the documents select it (NODE in queries.ts): key and kind always, the rest when
 * selected (an account's principals come as ARN and kind only).
 */
export type ApiNode = Pick<SelectedNode, 'key' | 'kind'> &
  Partial<Omit<SelectedNode, 'key' | 'kind'>> &
  Partial<Pick<Op.EscalationQuery['escalationPaths']['paths'][number]['nodes'][number], 'isAdmin'>> & {
    external?: boolean | null;
  };
/** A node the page made itself (a search hit, a key alone), whose kind may be any it draws. */
export type PageNode = Omit<ApiNode, 'kind'> & { kind: string };
/** A statement an edge rests on, as FULL_EDGE selects it. */
export type StatementRef = FullEdge['evidence'][number];
/** A condition of an edge: its key and assumption in results, in full (FULL_EDGE) when opened. */
export type ApiCondition = ApiEdge['conditions'][number] & Partial<FullEdge['conditions'][number]>;

export interface GNode {
  id: string;
  kind: Kind;
  label: string;
  name: string;
  accountId?: string;
  arn?: string;
  parent?: string;
  /** Path results: where the question starts and ends. */
  mark?: 'start' | 'target';
  diff?: 'added' | 'removed';
  admin?: boolean;
  /** Overview: an account whose principals can be opened. */
  openable?: boolean;
  compound?: 'ou' | 'account' | 'outside' | 'providers';
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  conditional: boolean;
  conditionKinds: ConditionKind[];
  badge: string;
  crossAccount: boolean;
  count?: number;
  /** Overview: "3 roles · MFA". */
  summaryLabel?: string;
  severity?: Severity;
  diff?: 'added' | 'removed';
}

export interface GraphResult {
  nodes: GNode[];
  edges: GEdge[];
  truncated?: boolean;
  start?: string;
  target?: string;
}

export function kindOf(n: PageNode): Kind {
  switch (n.kind) {
    case 'User':
      return 'user';
    case 'Role':
      return 'role';
    case 'Group':
      return 'group';
    case 'ServicePrincipal':
      return 'service';
    case 'IdentityProvider':
      return 'provider';
    case 'Anyone':
      return 'anyone';
    case 'Resource':
      return 'resource';
    case 'Account':
      return n.external || (knownAccounts.size > 0 && !knownAccounts.has(n.key)) ? 'external' : 'account';
    default:
      return 'external';
  }
}

/** Account names, filled once from the organization so every label can say "444… workloads-prod". */
export const accountNames = new Map<string, string>();
/** Accounts of the organization (or with IAM data); any other account is outside. */
export const knownAccounts = new Set<string>();

export function shortName(n: PageNode): string {
  if (n.kind === 'Anyone' || n.key === '*') return 'Anyone (*)';
  if (n.kind === 'Account')
    return accountNames.get(n.key) ?? (kindOf(n) === 'external' ? 'external account' : (n.name ?? n.key));
  const name = n.name ?? n.key.split(/[/:]/).pop() ?? n.key;
  // SSO roles carry a random suffix that only adds noise to a label.
  return name.replace(/^AWSReservedSSO_(.+)_[0-9a-f]{16}$/, 'SSO $1');
}

export function accountLine(accountId: string | undefined | null): string {
  if (!accountId) return '';
  const name = accountNames.get(accountId);
  return name ? `${name} · ${accountId}` : accountId;
}

export function toGNode(n: ApiNode): GNode {
  const kind = kindOf(n);
  const name = shortName(n);
  const acct = n.kind === 'Account' ? n.key : (n.accountId ?? undefined);
  const second = n.kind === 'Account' ? n.key : accountLine(n.accountId);
  const node: GNode = { id: n.key, kind, name, label: second ? `${name}\n${second}` : name };
  if (acct) node.accountId = acct;
  if (n.arn) node.arn = n.arn;
  if (n.isAdmin) node.admin = true;
  return node;
}

export function conditionKindsOf(conditions: readonly Pick<ApiCondition, 'assumption'>[]): ConditionKind[] {
  const set = new Set<ConditionKind>();
  for (const c of conditions) {
    const k = (CONDITION_KINDS as readonly string[]).includes(c.assumption)
      ? (c.assumption as ConditionKind)
      : 'other';
    set.add(k);
  }
  return CONDITION_KINDS.filter((k) => set.has(k));
}

export function badgeOf(kinds: readonly ConditionKind[]): string {
  return kinds.map((k) => CONDITION_BADGE[k]).join(' · ');
}

export function toGEdge(h: ApiEdge): GEdge {
  const kind: EdgeKind =
    h.type === 'CAN_ACCESS'
      ? 'canAccess'
      : h.type === 'CAN_ESCALATE_TO' || h.method
        ? 'canEscalateTo'
        : 'canAssume';
  const conditionKinds = conditionKindsOf(h.conditions);
  return {
    id: `${kind}:${h.from.key}->${h.to.key}`,
    source: h.from.key,
    target: h.to.key,
    kind,
    conditional: h.conditional || conditionKinds.length > 0,
    conditionKinds,
    badge: badgeOf(conditionKinds),
    crossAccount: h.crossAccount,
  };
}

/** Nodes and edges from the API into one de-duplicated result. */
export function toResult(
  nodes: readonly ApiNode[],
  list: readonly ApiEdge[],
  truncated = false,
): GraphResult {
  const byId = new Map<string, GNode>();
  for (const n of nodes) if (!byId.has(n.key)) byId.set(n.key, toGNode(n));
  const edges = new Map<string, GEdge>();
  for (const h of list) {
    const e = toGEdge(h);
    if (!edges.has(e.id)) edges.set(e.id, e);
  }
  // An edge whose end the API did not describe still gets a node, named by its key.
  for (const e of edges.values())
    for (const k of [e.source, e.target])
      if (!byId.has(k)) byId.set(k, toGNode({ key: k, kind: guessKind(k) }));
  return { nodes: [...byId.values()], edges: [...edges.values()], truncated };
}

/** The kind of a node known by its key alone (an ARN, an account id, a service, `*`). */
export function guessKind(key: string): Op.NodeKind {
  if (key === '*') return 'Anyone';
  if (/^\d{12}$/.test(key)) return 'Account';
  if (key.endsWith('.amazonaws.com')) return 'ServicePrincipal';
  if (/:(saml|oidc)-provider\//.test(key)) return 'IdentityProvider';
  if (/:role\//.test(key)) return 'Role';
  if (/:user\//.test(key)) return 'User';
  if (/^arn:[^:]+:(?!iam:|sts:)[a-z0-9-]+:/.test(key)) return 'Resource';
  return 'ExternalPrincipal';
}
