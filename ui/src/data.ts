/** Fetches for each view, shaped into the page's graph model (model.ts). */
import { request } from './api.ts';
import type { AccountEdgesQuery, FindingsQuery, SnapshotsQuery } from './generated/operations.ts';
import type { ApiEdge, ApiNode, GEdge, GNode, GraphResult } from './model.ts';
import { accountNames, badgeOf, conditionKindsOf, knownAccounts, toGNode, toResult } from './model.ts';
import type { Severity } from './palette.ts';
import { registerAccounts, worstSeverity } from './palette.ts';
import { rankHits } from './org/search-rank.ts';
import { state } from './url-state.ts';

/** A snapshot and the caller, as SNAPSHOTS selects them. */
export type Snapshot = SnapshotsQuery['snapshots']['nodes'][number];
export type Viewer = SnapshotsQuery['viewer'];
/** An edge and a path as the documents select them (model.ts). */
export type { ApiEdge, ApiPath } from './model.ts';

export function edgesToResult(edges: readonly ApiEdge[], extraNodes: readonly ApiNode[] = []): GraphResult {
  const nodes = [...extraNodes];
  for (const e of edges) nodes.push(e.from, e.to);
  return toResult(nodes, edges);
}

/** Assumptions for the API: only the ones switched off are sent (the API defaults the rest to true). */
export function assumptions(): Record<string, boolean> {
  return Object.fromEntries(state().off.map((k) => [k, false]));
}

const snap = (): string | undefined => state().snap;

export async function loadSnapshots(): Promise<{ viewer: Viewer; snapshots: Snapshot[] }> {
  const d = await request('SNAPSHOTS', {});
  return { viewer: d.viewer, snapshots: d.snapshots.nodes };
}

/** An organizational unit as OVERVIEW selects it, children to the depth it asks. */
interface OU {
  id: string;
  name: string | null;
  isRoot: boolean;
  children?: OU[];
}

export interface OverviewResult extends GraphResult {
  organizationId?: string;
  externalEdgeCount: number;
  providerCount: number;
}

const OUTSIDE = 'outside-organization';
export const PROVIDERS = 'sign-in-providers';

/** Well-known OIDC issuers by host, so the overview names what signs in rather than a URL. */
const OIDC_ISSUERS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^token\.actions\.githubusercontent\.com$/, () => 'GitHub Actions'],
  [/^oidc\.eks\.([\w-]+)\.amazonaws\.com$/, (m) => `EKS cluster (${m[1]})`],
  [/^gitlab\.com$/, () => 'GitLab CI'],
  [/^app\.terraform\.io$/, () => 'Terraform Cloud'],
];

/** A provider's name in the overview: IAM Identity Center's per-account SAML providers say so. */
function providerLabel(n: ApiNode): string {
  const name = n.name ?? n.key.split(/provider\//).pop() ?? n.key;
  if (/:saml-provider\//.test(n.key))
    return /^AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/.test(name) ? 'IAM Identity Center\nSAML' : `${name}\nSAML`;
  const host = name.split('/')[0]!;
  for (const [re, label] of OIDC_ISSUERS) {
    const m = re.exec(host);
    if (m) return `${label(m)}\nOIDC`;
  }
  return `${host}\nOIDC`;
}

/** Accounts in their OUs, with trust aggregated per pair of accounts and outsiders set apart. */
export async function loadOverview(): Promise<OverviewResult> {
  const d = await request('OVERVIEW', { snap: snap(), a: assumptions() });

  const accounts = d.accounts.nodes;
  registerAccounts(accounts.filter((a) => !a.external).map((a) => a.id));
  for (const a of accounts) if (a.name) accountNames.set(a.id, a.name);

  const severityOf = new Map<string, Severity>();
  for (const f of d.findings.nodes)
    for (const k of f.subjectKeys) severityOf.set(k, worstSeverity([severityOf.get(k), f.severity])!);

  const nodes: GNode[] = [];
  const walk = (ou: OU, parent?: string) => {
    const n: GNode = {
      id: ou.id,
      kind: 'account',
      name: ou.name ?? ou.id,
      label: ou.isRoot ? `${ou.name ?? 'Root'} · ${d.organization?.id ?? ''}` : (ou.name ?? ou.id),
      compound: 'ou',
    };
    if (parent) n.parent = parent;
    nodes.push(n);
    for (const c of ou.children ?? []) walk(c, ou.id);
  };
  if (d.organization?.root) walk(d.organization.root);
  const ouIds = new Set(nodes.map((n) => n.id));

  let outsideUsed = false;
  const outsideNode = (n: GNode): GNode => {
    outsideUsed = true;
    n.parent = OUTSIDE;
    return n;
  };
  for (const a of accounts) {
    if (a.external) continue;
    const label = `${a.name ?? a.id}\n${a.id}${a.isManagement ? '\nmanagement' : ''}`;
    const n: GNode = {
      id: a.id,
      kind: 'account',
      name: a.name ?? a.id,
      label,
      accountId: a.id,
      openable: a.hasIamData,
    };
    if (a.parentId && ouIds.has(a.parentId)) n.parent = a.parentId;
    nodes.push(n);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const edges: GEdge[] = [];
  /** One arrow per pair of accounts: how many roles, which conditions, the worst finding about them. */
  const summary = (
    id: string,
    source: string,
    target: string,
    s: {
      roleCount: number;
      assumptions: readonly string[];
      severity: Severity | undefined;
      edgeCount: number;
      conditionalCount: number;
    },
  ) => {
    const kinds = conditionKindsOf(s.assumptions.map((assumption) => ({ assumption })));
    const allConditional = s.edgeCount > 0 && s.conditionalCount >= s.edgeCount;
    const e: GEdge = {
      id,
      source,
      target,
      kind: 'trustSummary',
      conditional: allConditional,
      conditionKinds: kinds,
      badge: allConditional ? badgeOf(kinds) : '',
      crossAccount: true,
      count: s.roleCount,
    };
    if (s.severity) e.severity = s.severity;
    edges.push(e);
  };

  for (const t of d.crossAccountTrust) {
    if (t.external) continue;
    if (!byId.has(t.fromAccount) || !byId.has(t.toAccount)) continue;
    summary(`trust:${t.fromAccount}->${t.toAccount}`, t.fromAccount, t.toAccount, {
      roleCount: t.roleCount,
      assumptions: t.assumptions,
      severity: t.worstSeverity ?? undefined,
      edgeCount: t.edgeCount,
      conditionalCount: t.conditionalCount,
    });
  }

  // Outsiders: external accounts (their principals folded into them), anyone, public identity providers.
  const groups = new Map<string, { source: string; target: string; list: ApiEdge[] }>();
  for (const e of d.externalTrust.nodes) {
    const f = e.from;
    let sourceId = f.key;
    if (!byId.has(sourceId)) {
      if ((f.kind === 'ExternalPrincipal' || f.kind === 'Account') && f.accountId) sourceId = f.accountId;
      else if (f.kind === 'Account') sourceId = f.key;
    }
    if (!byId.has(sourceId)) {
      const g =
        f.kind === 'ExternalPrincipal' || f.kind === 'Account'
          ? toGNode({
              key: sourceId,
              kind: 'Account',
              external: true,
              name: accountNames.get(sourceId) ?? null,
            })
          : toGNode(f);
      if (g.kind === 'external')
        g.label = `${g.name === sourceId ? 'external account' : g.name}\n${sourceId}`;
      byId.set(sourceId, outsideNode(g));
      nodes.push(g);
    }
    const target = e.to.accountId ?? '';
    if (!byId.has(target)) continue;
    const k = `${sourceId}->${target}`;
    const g = groups.get(k) ?? { source: sourceId, target, list: [] };
    g.list.push(e);
    groups.set(k, g);
  }
  for (const [k, g] of groups) {
    const roles = new Set(g.list.map((e) => e.to.key));
    summary(`trust:${k}`, g.source, g.target, {
      roleCount: roles.size,
      assumptions: g.list.flatMap((e) => e.conditions.map((c) => c.assumption)),
      severity: worstSeverity([...roles].map((r) => severityOf.get(r))),
      edgeCount: g.list.length,
      conditionalCount: g.list.filter((e) => e.conditional).length,
    });
  }

  // The organization's own sign-in (SAML, OIDC providers) in a group of its own, like the outsiders.
  for (const t of d.providerTrust) {
    if (!byId.has(t.toAccount)) continue;
    const key = t.provider.key;
    if (!byId.has(key)) {
      const g = toGNode(t.provider);
      g.label = providerLabel(t.provider);
      g.parent = PROVIDERS;
      byId.set(key, g);
      nodes.push(g);
    }
    summary(`trust:${key}->${t.toAccount}`, key, t.toAccount, {
      roleCount: t.roleCount,
      assumptions: t.assumptions,
      severity: undefined,
      edgeCount: t.roleCount,
      conditionalCount: t.conditionalCount,
    });
  }
  const providerCount = new Set(d.providerTrust.map((t) => t.provider.key)).size;
  if (providerCount)
    nodes.push({
      id: PROVIDERS,
      kind: 'provider',
      name: 'Sign-in providers',
      label: 'Sign-in providers',
      compound: 'providers',
    });

  if (outsideUsed)
    nodes.push({
      id: OUTSIDE,
      kind: 'external',
      name: 'Outside the organization',
      label: 'Outside the organization',
      compound: 'outside',
    });

  for (const e of edges)
    e.summaryLabel = `${e.count} role${e.count === 1 ? '' : 's'}${e.badge ? ` · ${e.badge}` : ''}`;
  const result: OverviewResult = {
    nodes,
    edges,
    externalEdgeCount: d.externalTrust.totalCount,
    providerCount,
  };
  if (d.organization) result.organizationId = d.organization.id;
  return result;
}

/** Pages of an account's edges read at most (500 each); beyond, the view shows what it has. */
const MAX_EDGE_PAGES = 40;

async function accountEdges(
  id: string,
  direction: 'OUT' | 'IN',
  type: 'CAN_ASSUME' | 'CAN_ESCALATE_TO',
): Promise<ApiEdge[]> {
  const out: ApiEdge[] = [];
  let after: string | null = null;
  for (let i = 0; i < MAX_EDGE_PAGES; i++) {
    const d: AccountEdgesQuery = await request('ACCOUNT_EDGES', { id, snap: snap(), direction, type, after });
    if (!d.account) break;
    out.push(...d.account.edges.nodes);
    if (!d.account.edges.pageInfo.hasNextPage) break;
    after = d.account.edges.pageInfo.endCursor;
  }
  return out;
}

/** One account opened: its principals and every edge that enters, leaves or stays in it. */
export async function loadAccountGraph(id: string): Promise<GraphResult & { name: string; total: number }> {
  const [d, out, esc, inc] = await Promise.all([
    request('ACCOUNT_GRAPH', { id, snap: snap() }),
    accountEdges(id, 'OUT', 'CAN_ASSUME'),
    accountEdges(id, 'OUT', 'CAN_ESCALATE_TO'),
    accountEdges(id, 'IN', 'CAN_ASSUME'),
  ]);
  if (!d.account) throw new Error(`Account ${id} is not in this snapshot.`);
  const nodes: ApiNode[] = d.account.principals.nodes.map((p) => ({
    key: p.arn,
    kind: p.kind === 'USER' ? 'User' : 'Role',
    accountId: id,
    arn: p.arn,
  }));
  // Service-linked roles and their services say nothing an auditor needs in this view.
  const keep = [...out, ...esc, ...inc].filter((e) => e.from.kind !== 'ServicePrincipal');
  const r = edgesToResult(
    keep,
    nodes.filter((n) => !/:role\/aws-service-role\//.test(n.key)),
  );
  return { ...r, name: d.account.name ?? id, total: d.account.principals.totalCount };
}

export interface SearchHit {
  key: string;
  kind: string;
  name: string;
  accountId?: string;
}

export async function search(q: string): Promise<SearchHit[] & { more: number }> {
  const d = await request('SEARCH', { q, snap: snap() });
  const hits = rankHits(q, [
    ...d.accounts.nodes.map((a) => ({ key: a.id, kind: 'Account', name: a.name ?? a.id, accountId: a.id })),
    ...d.principals.nodes.map((p) => ({
      key: p.arn,
      kind: p.kind === 'USER' ? 'User' : 'Role',
      name: p.name,
      accountId: p.accountId,
    })),
  ]);
  // How many principals match in all, when more than the page shows.
  return Object.assign(hits, { more: Math.max(0, d.principals.totalCount - d.principals.nodes.length) });
}

export interface ReachResult extends GraphResult {
  totalCount: number;
}

export async function loadReach(
  direction: 'in' | 'out',
  key: string,
  hops: number,
  first = 500,
): Promise<ReachResult> {
  const vars = { key, hops, a: assumptions(), snap: snap(), first };
  const conn =
    direction === 'in'
      ? (await request('WHO_CAN_REACH', vars)).whoCanAssume
      : (await request('WHAT_CAN_REACH', vars)).reachableFrom;
  const r = edgesToResult(
    conn.nodes.flatMap((n) => n.path.edges),
    conn.nodes.map((n) => n.node),
  );
  markEnds(r, direction === 'in' ? undefined : key, direction === 'in' ? key : undefined);
  return {
    ...r,
    truncated: conn.truncated || conn.totalCount > conn.nodes.length,
    totalCount: conn.totalCount,
  };
}

export async function loadPaths(from: string, to: string, hops: number): Promise<GraphResult> {
  const d = await request('PATHS', { from, to, hops, a: assumptions(), snap: snap() });
  const r = edgesToResult(
    d.paths.flatMap((p) => p.edges),
    d.paths.flatMap((p) => p.nodes),
  );
  markEnds(r, from, to);
  return r;
}

export async function loadEscalation(
  from: string,
  hops: number,
): Promise<GraphResult & { available: boolean }> {
  const d = await request('ESCALATION', {
    from,
    hops,
    a: assumptions(),
    snap: snap(),
  });
  const paths = d.escalationPaths.paths;
  const r = edgesToResult(
    paths.flatMap((p) => p.edges),
    paths.flatMap((p) => p.nodes),
  );
  markEnds(r, from, undefined);
  // A path ends at an admin principal, or at an account whose admin the last edge gains.
  const ends = new Set(paths.map((p) => p.nodes[p.nodes.length - 1]?.key));
  for (const n of r.nodes)
    if (ends.has(n.id) && n.id !== from) {
      n.mark = 'target';
      n.admin = true;
    }
  return { ...r, available: d.escalationPaths.available };
}

function markEnds(r: GraphResult, start?: string, target?: string): void {
  for (const n of r.nodes) {
    if (n.id === start) n.mark = 'start';
    if (n.id === target) n.mark = 'target';
  }
  if (start) r.start = start;
  if (target) r.target = target;
}

/** A finding as FINDINGS selects it. */
export type Finding = FindingsQuery['findings']['nodes'][number];

export async function loadFindings(): Promise<Finding[]> {
  const d = await request('FINDINGS', { snap: snap() });
  return d.findings.nodes;
}

export interface DiffResult extends GraphResult {
  fromName: string;
  toName: string;
  added: number;
  removed: number;
  findingsAdded: { id: string; severity: Severity; title: string }[];
  findingsRemoved: { id: string; severity: Severity; title: string }[];
}

export async function loadDiff(from: string, to: string): Promise<DiffResult> {
  const d = await request('DIFF', { from, to });
  const s = d.snapshotDiff;
  const added = [...s.canAssumeAdded, ...s.canEscalateToAdded];
  const removed = [...s.canAssumeRemoved, ...s.canEscalateToRemoved];
  const r = edgesToResult([...added, ...removed]);
  const addedIds = new Set(edgesToResult(added).edges.map((e) => e.id));
  for (const e of r.edges) e.diff = addedIds.has(e.id) ? 'added' : 'removed';
  // A node takes the diff state of its edges when they all agree.
  for (const n of r.nodes) {
    const states = new Set(r.edges.filter((e) => e.source === n.id || e.target === n.id).map((e) => e.diff));
    if (states.size === 1) {
      const only = [...states][0];
      if (only) n.diff = only;
    }
  }
  return {
    ...r,
    fromName: s.from.name,
    toName: s.to.name,
    added: added.length,
    removed: removed.length,
    findingsAdded: s.findingsAdded,
    findingsRemoved: s.findingsRemoved,
  };
}

/** The direct CAN_ASSUME / CAN_ESCALATE_TO neighbours of a user or role. */
export async function loadNeighbours(key: string): Promise<GraphResult> {
  const d = await request('NEIGHBOURS', { arn: key, snap: snap() });
  if (!d.principal) return { nodes: [], edges: [] };
  const p = d.principal;
  return edgesToResult([...p.canAssume.nodes, ...p.assumableBy.nodes, ...p.canEscalateTo.nodes]);
}

let accounts: { key: string; done: Promise<void> } | undefined;

/** Account names and colours, once per snapshot, before any view draws (so colours agree everywhere). */
export function ensureAccounts(): Promise<void> {
  const key = snap() ?? '';
  if (accounts?.key === key) return accounts.done;
  const done = request('ACCOUNTS', { snap: snap() }).then((d) => {
    accountNames.clear();
    knownAccounts.clear();
    for (const a of d.accounts.nodes) {
      if (a.name) accountNames.set(a.id, a.name);
      if (!a.external) knownAccounts.add(a.id);
    }
    registerAccounts(d.accounts.nodes.filter((a) => !a.external).map((a) => a.id));
  });
  accounts = { key, done };
  // A failed load is not cached: the next view asks again.
  done.catch(() => {
    if (accounts?.done === done) accounts = undefined;
  });
  return done;
}
