/** The page's own graph shapes, and the mapping from the API's shapes to them (the only place that knows both). */
import type { ConditionKind, EdgeKind, Kind, Severity } from './palette.ts';
import { CONDITION_BADGE, CONDITION_KINDS } from './palette.ts';

export interface ApiNode {
  key: string;
  kind: string;
  arn?: string | null;
  name?: string | null;
  accountId?: string | null;
  external?: boolean | null;
  isAdmin?: boolean | null;
}

export interface StatementRef {
  policyId: string;
  policyKind?: string | null;
  statementIndex: number;
  sid?: string | null;
  effect: string;
}

export interface ApiCondition {
  key: string;
  operator: string;
  values: string[];
  mustHold: boolean;
  assumption: string;
  source?: StatementRef | null;
}

/** One derived edge (CAN_ASSUME or CAN_ESCALATE_TO) with its evidence. */
export interface ApiHop {
  from: string;
  to: string;
  type?: string | null;
  actions?: string[] | null;
  mechanism?: string | null;
  method?: string | null;
  via?: string | null;
  conditional: boolean;
  conditions: ApiCondition[];
  evidence?: StatementRef[] | null;
  orgPolicyIds?: string[] | null;
  crossAccount?: boolean | null;
  crossOrganization?: boolean | null;
  roleChaining?: boolean | null;
  reasons?: string[] | null;
}

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
  hop?: ApiHop;
}

export interface GraphResult {
  nodes: GNode[];
  edges: GEdge[];
  truncated?: boolean;
  start?: string;
  target?: string;
}

export function kindOf(n: ApiNode): Kind {
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

export function shortName(n: ApiNode): string {
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

export function conditionKindsOf(conditions: readonly ApiCondition[]): ConditionKind[] {
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

export function toGEdge(h: ApiHop): GEdge {
  const kind: EdgeKind = h.type === 'CAN_ESCALATE_TO' || h.method ? 'canEscalateTo' : 'canAssume';
  const conditionKinds = conditionKindsOf(h.conditions ?? []);
  return {
    id: `${kind}:${h.from}->${h.to}`,
    source: h.from,
    target: h.to,
    kind,
    conditional: h.conditional || conditionKinds.length > 0,
    conditionKinds,
    badge: badgeOf(conditionKinds),
    crossAccount: h.crossAccount === true,
    hop: h,
  };
}

/** Nodes and hops from the API into one de-duplicated result. */
export function toResult(nodes: readonly ApiNode[], hops: readonly ApiHop[], truncated = false): GraphResult {
  const byId = new Map<string, GNode>();
  for (const n of nodes) if (!byId.has(n.key)) byId.set(n.key, toGNode(n));
  const edges = new Map<string, GEdge>();
  for (const h of hops) {
    const e = toGEdge(h);
    if (!edges.has(e.id)) edges.set(e.id, e);
  }
  // An edge whose end the API did not describe still gets a node, named by its key.
  for (const e of edges.values())
    for (const k of [e.source, e.target])
      if (!byId.has(k)) byId.set(k, toGNode({ key: k, kind: guessKind(k) }));
  return { nodes: [...byId.values()], edges: [...edges.values()], truncated };
}

function guessKind(key: string): string {
  if (key === '*') return 'Anyone';
  if (/^\d{12}$/.test(key)) return 'Account';
  if (key.endsWith('.amazonaws.com')) return 'ServicePrincipal';
  if (/:(saml|oidc)-provider\//.test(key)) return 'IdentityProvider';
  if (/:role\//.test(key)) return 'Role';
  if (/:user\//.test(key)) return 'User';
  return 'ExternalPrincipal';
}
