/** Resolvers: validate arguments, call the query layer or a cypher/api statement, shape the answer. */
import neo4j from 'neo4j-driver';
import { statement } from '../../cypher/index.ts';
import type { StatementRef } from '../../engine/types.ts';
import { listSnapshots, type SnapshotInfo } from '../../ingest/load/snapshots.ts';
import { badInput, requireReviewer, snapshotOf, type ApiContext } from '../context.ts';
import { escalationPaths } from '../escalation.ts';
import {
  findings as queryFindings,
  MAX_HOPS,
  MAX_PATHS_LIMIT,
  MAX_REACH_LIMIT,
  paths as queryPaths,
  reachPage,
  simulate as querySimulate,
  whoCan as queryWhoCan,
  type Assumptions,
  type FindingOut,
  type ReachEntry,
  type RootReading,
} from '../queries/index.ts';
import {
  ASSUMPTION_NAMES,
  assumptionOf,
  assumptionParams,
  assumptionsSchema,
} from '../queries/assumptions.ts';
import { nodeIsAdmin, nodeIsExternal, tagNodes, tagPath } from './node-flags.ts';
import { buildReport, reportJson, reportMarkdown } from '../report.ts';
import {
  addItem,
  addItems,
  createSession,
  createSessionInput,
  getSession,
  listSessions,
  parseInput,
  recordedReviewer,
  REVIEW_STATUSES,
  sessionItems,
  setItemStatus,
  setSessionAssumptions,
  type ReviewItemOut,
  type ReviewSessionOut,
} from '../reviews.ts';
import {
  connection,
  edgeFromRow,
  nodeFromRow,
  pageArgs,
  pathFromHops,
  sliceConnection,
  type EdgeOut,
  type GraphNodeOut,
  type PathOutApi,
} from '../shapes.ts';

type Props = Record<string, unknown>;
type Args = Record<string, unknown>;
interface Order {
  field: string;
  direction?: 'ASC' | 'DESC';
}
/** The GraphQL enum value of each reading of an account root ARN. */
const ROOT_READING: Record<RootReading, string> = {
  'root-user': 'ROOT_USER',
  'any-principal': 'ANY_PRINCIPAL',
};

const C = 'api/catalog';
const T = 'api/trust';
const D = 'api/diff';
const SEVERITY_RANK = ['critical', 'high', 'medium', 'low', 'info'];
const ENTITY_LIMIT = 5000;

const int = (n: number) => neo4j.int(n);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const lowerOrNull = (v: unknown) => (typeof v === 'string' && v.length ? v.toLowerCase() : null);

function hops(v: unknown, dflt: number): number {
  const n = (v as number | null | undefined) ?? dflt;
  if (!Number.isInteger(n) || n < 1 || n > MAX_HOPS)
    throw badInput(`maxHops must be between 1 and ${MAX_HOPS}.`, 'maxHops');
  return n;
}
/** GraphQL context entries as the query layer's request context (one value: a string; several: a list). */
function contextArg(v: unknown): Record<string, string | string[]> {
  const entries = (v as { key: string; values: string[] }[] | null | undefined) ?? [];
  return Object.fromEntries(entries.map((e) => [e.key, e.values.length === 1 ? e.values[0]! : e.values]));
}

/** Statement references without the statement text. */
const evidenceOut = (evidence: readonly StatementRef[]) =>
  evidence.map(({ statement: _statement, ...rest }) => rest);

function limitArg(v: unknown, dflt: number, max: number): number {
  const n = (v as number | null | undefined) ?? dflt;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw badInput(`limit must be between 1 and ${max}.`, 'limit');
  return n;
}
function assumptionsArg(v: unknown): Assumptions | undefined {
  if (v == null) return undefined;
  const clean = Object.fromEntries(Object.entries(v as Props).filter(([, x]) => x !== null));
  const res = assumptionsSchema.safeParse(clean);
  if (!res.success)
    throw badInput('assumptions: ' + res.error.issues.map((i) => i.message).join('; '), 'assumptions');
  return res.data;
}

/** The assumption categories of some condition keys, in the order of AssumptionsInput. */
function assumptionsOfKeys(keys: readonly string[]): string[] {
  const found = new Set(keys.map(assumptionOf));
  return ASSUMPTION_NAMES.filter((n) => found.has(n));
}

function worstOf(severities: readonly string[]): string | null {
  const ranks = severities.map((s) => SEVERITY_RANK.indexOf(s)).filter((i) => i >= 0);
  return ranks.length ? SEVERITY_RANK[Math.min(...ranks)]! : null;
}

/** Snapshot-bound objects carry their snapshot id for their field resolvers. */
type WithSnapshot<T> = T & { _snapshotId: string };

function snapshotOut(s: SnapshotInfo) {
  const counts = [
    ...Object.entries(s.counts?.nodes ?? {}),
    ...Object.entries(s.counts?.relationships ?? {}),
  ].map(([name, count]) => ({ name, count }));
  return { ...s, counts, sources: s.sources ?? [] };
}

function tagsOf(v: unknown): { key: string; value: string }[] {
  if (typeof v !== 'string') return [];
  try {
    return Object.entries(JSON.parse(v) as Record<string, string>).map(([key, value]) => ({
      key,
      value: String(value),
    }));
  } catch {
    return [];
  }
}

function findingOut(f: FindingOut) {
  return {
    id: f.id,
    kind: f.kind,
    severity: f.severity,
    title: f.title,
    why: f.why,
    subjectKeys: f.subjects.map((s) => s.key),
    subjects: f.subjects.map((s) => nodeFromRow(s as unknown as Props)),
    evidence: JSON.stringify(f.evidence),
  };
}

function findingFromRow(f: Props, subjects: Props[]) {
  const keys = Array.isArray(f.subjects) ? f.subjects.map(String) : subjects.map((s) => String(s.key));
  const byKey = new Map(subjects.map((s) => [String(s.key), nodeFromRow(s)] as const));
  return {
    id: String(f.key ?? f.id),
    kind: String(f.kind),
    severity: String(f.severity),
    title: String(f.title),
    why: String(f.why ?? ''),
    subjectKeys: keys,
    subjects: keys.map((k) => byKey.get(k) ?? nodeFromRow({ key: k })),
    evidence: typeof f.evidence === 'string' ? f.evidence : '{}',
  };
}

function reachOut(e: ReachEntry, direction: 'in' | 'out', snapshotId: string) {
  const path = pathFromHops(e.hops);
  // The node reached is known in full; put it in its place on the path.
  const node = nodeFromRow(e.node);
  if (direction === 'in' && path.nodes.length) path.nodes[0] = node;
  if (direction === 'out' && path.nodes.length) path.nodes[path.nodes.length - 1] = node;
  tagNodes([node], snapshotId);
  return { node, hops: e.length, conditional: e.conditional, path: tagPath(path, snapshotId) };
}

/** Sorts what a search found, so that only the page returned gets its hops and is converted. */
function sortReach<T extends { node: { key: string; accountId?: string }; length: number }>(
  list: readonly T[],
  order: Order | undefined,
): T[] {
  const field = order?.field ?? 'HOPS';
  const key = (r: T) =>
    field === 'KEY' ? r.node.key : field === 'ACCOUNT' ? `${r.node.accountId ?? '~'} ${r.node.key}` : '';
  const sorted = [...list].sort((a, b) =>
    field === 'HOPS'
      ? a.length - b.length || a.node.key.localeCompare(b.node.key)
      : key(a).localeCompare(key(b)),
  );
  if (order?.direction === 'DESC') sorted.reverse();
  return sorted;
}

/** A page of whoCanAssume or reachableFrom: sorted and sliced before any hop is read. */
async function reachConnection(
  ctx: ApiContext,
  args: Args,
  kind: 'whoCanAssume' | 'reachableFrom',
): Promise<ReturnType<typeof connection> & { truncated: boolean }> {
  const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
  const page = pageArgs(args, ctx.limits.maxPageSize);
  const common = {
    maxHops: hops(args.maxHops, 1),
    limit: MAX_REACH_LIMIT,
    assumptions: assumptionsArg(args.assumptions),
  };
  const res = await reachPage(
    ctx.db,
    snapshotId,
    kind,
    kind === 'whoCanAssume'
      ? { role: String(args.role), ...common }
      : { principal: String(args.principal), ...common },
    (found) => sortReach(found, args.orderBy as Order).slice(page.offset, page.offset + page.limit),
    { orderBy: args.orderBy ?? null, offset: page.offset, limit: page.limit },
  );
  const direction = kind === 'whoCanAssume' ? 'in' : 'out';
  const items = res.entries.map((e) => reachOut(e, direction, snapshotId));
  return { ...connection(items, page, res.total), truncated: res.truncated };
}

async function edgeRows(ctx: ApiContext, name: string, params: Props): Promise<EdgeOut[]> {
  const res = await ctx.db.executeQuery(statement(name.split('#')[0]!, name.split('#')[1]!), params);
  return res.records.map((r) => edgeFromRow(r.toObject() as Parameters<typeof edgeFromRow>[0]));
}

/** One page of a `NAME-count` / `NAME-page` pair of edge statements (a principal's or an account's edges). */
async function edgePage(ctx: ApiContext, name: string, params: Props, args: Args) {
  const page = pageArgs(args, ctx.limits.maxPageSize);
  const [count, edges] = await Promise.all([
    ctx.db.executeQuery(statement(C, `${name}-count`), params),
    edgeRows(ctx, `${C}#${name}-page`, { ...params, offset: int(page.offset), limit: int(page.limit) }),
  ]);
  return connection(edges, page, Number(count.records[0]?.get('total') ?? 0));
}

/** A principal's CAN_ASSUME or CAN_ESCALATE_TO edges, one page; `other` keeps only the edge to/from that node. */
function principalEdges(
  ctx: ApiContext,
  p: WithSnapshot<Props>,
  dir: 'out' | 'in',
  type: string,
  args: Args,
) {
  const other = str(dir === 'out' ? args.to : args.from) ?? null;
  return edgePage(ctx, `edges-${dir}`, { snapshotId: p._snapshotId, key: String(p.arn), type, other }, args);
}

function principalOut(p: Props, snapshotId: string): WithSnapshot<Props> {
  return { ...p, arn: String(p.arn ?? p.key), _snapshotId: snapshotId };
}

async function principalsPage(ctx: ApiContext, snapshotId: string, args: Args, filter: Props = {}) {
  const page = pageArgs(args, ctx.limits.maxPageSize);
  const order = (args.orderBy as Order | undefined) ?? { field: 'ARN' };
  const kind = filter.kind === 'USER' ? 'User' : filter.kind === 'ROLE' ? 'Role' : null;
  const params = {
    snapshotId,
    kind,
    accountId: str(filter.accountId) ?? null,
    search: lowerOrNull(filter.search),
  };
  return countedPage(ctx, 'principals', params, order, page, (row) =>
    principalOut(row.get('principal') as Props, snapshotId),
  );
}

/** One page from a `NAME-count` / `NAME-page` statement pair of the catalog, sorted and sliced in Cypher. */
async function countedPage<T>(
  ctx: ApiContext,
  name: string,
  params: Props,
  order: Order,
  page: ReturnType<typeof pageArgs>,
  map: (row: { get: (key: string) => unknown }) => T,
) {
  const [count, rows] = await Promise.all([
    ctx.db.executeQuery(statement(C, `${name}-count`), params),
    ctx.db.executeQuery(statement(C, `${name}-page`), {
      ...params,
      sort: order.field,
      desc: order.direction === 'DESC',
      offset: int(page.offset),
      limit: int(page.limit),
    }),
  ]);
  return connection(rows.records.map(map), page, Number(count.records[0]?.get('total') ?? 0));
}

function accountOut(a: Props, snapshotId: string): WithSnapshot<Props> {
  return {
    ...a,
    id: String(a.id ?? a.key),
    inOrganization: a.inOrganization === true,
    hasIamData: a.hasIamData === true,
    external: a.external === true,
    isManagement: a.isManagement === true,
    _snapshotId: snapshotId,
  };
}

async function organizationTree(ctx: ApiContext, snapshotId: string) {
  const [org, units, policies, accounts] = await Promise.all([
    ctx.db.executeQuery(statement(C, 'organization'), { snapshotId }),
    ctx.db.executeQuery(statement(C, 'organizational-units'), { snapshotId }),
    ctx.db.executeQuery(statement(C, 'organization-policies'), { snapshotId }),
    ctx.db.executeQuery(statement(C, 'accounts-page'), {
      snapshotId,
      external: null,
      inOrganization: true,
      search: null,
      sort: 'ID',
      desc: false,
      offset: int(0),
      limit: int(100_000),
    }),
  ]);
  const o = org.records[0]?.get('organization') as Props | undefined;
  if (!o) return null;
  const policyBy = new Map<string, Props[]>();
  for (const r of policies.records) {
    const t = String(r.get('target'));
    policyBy.set(t, [...(policyBy.get(t) ?? []), r.get('policy') as Props]);
  }
  type Unit = Props & { children: Unit[]; accounts: Props[]; policies: Props[] };
  const byId = new Map<string, Unit>();
  for (const r of units.records) {
    const u = r.get('unit') as Props;
    byId.set(String(u.id), {
      ...u,
      isRoot: u.isRoot === true,
      children: [],
      accounts: [],
      policies: policyBy.get(String(u.id)) ?? [],
    });
  }
  let root: Unit | null = null;
  for (const u of byId.values()) {
    const parent = u.parentId ? byId.get(String(u.parentId)) : undefined;
    if (parent) parent.children.push(u);
    else if (u.isRoot) root = u;
  }
  for (const r of accounts.records) {
    const a = accountOut(r.get('account') as Props, snapshotId);
    const parent = a.parentId ? byId.get(String(a.parentId)) : undefined;
    parent?.accounts.push(a);
  }
  return { ...o, root };
}

async function diffSide(ctx: ApiContext, older: string, newer: string) {
  const params = { older, newer, limit: int(ENTITY_LIMIT) };
  const [assume, escalate, findings] = await Promise.all([
    edgeRows(ctx, `${D}#can-assume-only-in-newer`, params),
    edgeRows(ctx, `${D}#can-escalate-to-only-in-newer`, params),
    ctx.db.executeQuery(statement(D, 'findings-only-in-newer'), params),
  ]);
  return {
    assume,
    escalate,
    findings: findings.records.map((r) =>
      findingFromRow(r.get('finding') as Props, r.get('subjects') as Props[]),
    ),
  };
}

export const resolvers = {
  Query: {
    viewer: (_: unknown, __: Args, ctx: ApiContext) => ({
      role: ctx.caller.role.toUpperCase(),
      via: ctx.caller.via.toUpperCase(),
    }),

    snapshots: async (_: unknown, args: Args, ctx: ApiContext) =>
      sliceConnection((await listSnapshots(ctx.db)).map(snapshotOut), pageArgs(args, ctx.limits.maxPageSize)),

    snapshot: async (_: unknown, args: Args, ctx: ApiContext) =>
      snapshotOut(await snapshotOf(ctx, str(args.snapshot))),

    snapshotDiff: async (_: unknown, args: Args, ctx: ApiContext) => {
      const from = await snapshotOf(ctx, String(args.from));
      const to = await snapshotOf(ctx, String(args.to));
      const [added, removed] = await Promise.all([
        diffSide(ctx, from.id, to.id),
        diffSide(ctx, to.id, from.id),
      ]);
      return {
        from: snapshotOut(from),
        to: snapshotOut(to),
        canAssumeAdded: added.assume,
        canAssumeRemoved: removed.assume,
        canEscalateToAdded: added.escalate,
        canEscalateToRemoved: removed.escalate,
        findingsAdded: added.findings,
        findingsRemoved: removed.findings,
      };
    },

    organization: async (_: unknown, args: Args, ctx: ApiContext) =>
      organizationTree(ctx, (await snapshotOf(ctx, str(args.snapshot))).id),

    accounts: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const f = (args.filter ?? {}) as Props;
      const order = (args.orderBy as Order | undefined) ?? { field: 'ID' };
      const params = {
        snapshotId,
        external: typeof f.external === 'boolean' ? f.external : null,
        inOrganization: typeof f.inOrganization === 'boolean' ? f.inOrganization : null,
        search: lowerOrNull(f.search),
      };
      return countedPage(ctx, 'accounts', params, order, page, (row) =>
        accountOut(row.get('account') as Props, snapshotId),
      );
    },

    account: async (_: unknown, args: Args, ctx: ApiContext) => {
      const id = String(args.id);
      if (!/^\d{12}$/.test(id)) throw badInput('id: an account id is 12 digits, e.g. 123456789012.', 'id');
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await ctx.db.executeQuery(statement(C, 'account-by-id'), { snapshotId, id });
      const a = res.records[0]?.get('account') as Props | undefined;
      return a ? accountOut(a, snapshotId) : null;
    },

    principals: async (_: unknown, args: Args, ctx: ApiContext) =>
      principalsPage(ctx, (await snapshotOf(ctx, str(args.snapshot))).id, args, (args.filter ?? {}) as Props),

    principal: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await ctx.db.executeQuery(statement(C, 'principal-by-arn'), {
        snapshotId,
        arn: String(args.arn),
      });
      const p = res.records[0]?.get('principal') as Props | undefined;
      return p ? principalOut(p, snapshotId) : null;
    },

    whoCanAssume: (_: unknown, args: Args, ctx: ApiContext) => reachConnection(ctx, args, 'whoCanAssume'),

    reachableFrom: (_: unknown, args: Args, ctx: ApiContext) => reachConnection(ctx, args, 'reachableFrom'),

    paths: async (_: unknown, args: Args, ctx: ApiContext): Promise<PathOutApi[]> => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await queryPaths(ctx.db, snapshotId, {
        from: String(args.from),
        to: String(args.to),
        maxHops: hops(args.maxHops, 4),
        limit: limitArg(args.limit, 10, MAX_PATHS_LIMIT),
        assumptions: assumptionsArg(args.assumptions),
      });
      return res.paths.map((p) => tagPath(pathFromHops(p.hops, p.nodes), snapshotId));
    },

    escalationPaths: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snap = await snapshotOf(ctx, str(args.snapshot));
      const available = (snap.counts?.relationships?.CAN_ESCALATE_TO ?? 0) > 0;
      const maxHops = hops(args.maxHops, 4);
      const limit = limitArg(args.limit, 10, MAX_PATHS_LIMIT);
      const assumptions = assumptionsArg(args.assumptions);
      // Plain role-assumption chains are paths to admin too, unless the caller asks for escalations only.
      const includeAssumeOnly = args.includeAssumeOnly !== false;
      // Without the escalation analysis no principal is marked admin: only a chosen target can be reached.
      if (!available && !(includeAssumeOnly && str(args.to) && args.to !== 'admin'))
        return { available, paths: [] };
      const { paths } = await escalationPaths(ctx.db, snap.id, {
        from: String(args.from),
        to: str(args.to),
        maxHops,
        limit,
        assumptions,
        includeAssumeOnly,
      });
      return { available, paths };
    },

    crossAccountTrust: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const filter = assumptionParams(assumptionsArg(args.assumptions));
      const res = await ctx.db.executeQuery(statement(T, 'cross-account-summary'), { snapshotId, ...filter });
      return res.records.map((r) => ({
        fromAccount: String(r.get('fromAccount')),
        toAccount: String(r.get('toAccount')),
        edgeCount: Number(r.get('edgeCount')),
        conditionalCount: Number(r.get('conditionalCount')),
        external: r.get('external') === true,
        roleCount: Number(r.get('roleCount')),
        assumptions: assumptionsOfKeys(r.get('conditionKeys') as string[]),
        worstSeverity: worstOf(r.get('severities') as string[]),
        _snapshotId: snapshotId,
        _filter: filter,
      }));
    },

    providerTrust: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const filter = assumptionParams(assumptionsArg(args.assumptions));
      const res = await ctx.db.executeQuery(statement(T, 'provider-summary'), { snapshotId, ...filter });
      return res.records.map((r) => ({
        provider: nodeFromRow(r.get('provider') as Props),
        toAccount: String(r.get('toAccount')),
        roleCount: Number(r.get('roleCount')),
        conditionalCount: Number(r.get('conditionalCount')),
        assumptions: assumptionsOfKeys(r.get('conditionKeys') as string[]),
      }));
    },

    externalTrust: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const filter = assumptionParams(assumptionsArg(args.assumptions));
      const order = (args.orderBy as Order | undefined) ?? { field: 'TO' };
      const [count, edges] = await Promise.all([
        ctx.db.executeQuery(statement(T, 'external-trust-count'), { snapshotId, ...filter }),
        edgeRows(ctx, `${T}#external-trust-page`, {
          snapshotId,
          ...filter,
          sort: order.field,
          desc: order.direction === 'DESC',
          offset: int(page.offset),
          limit: int(page.limit),
        }),
      ]);
      return connection(edges, page, Number(count.records[0]?.get('total') ?? 0));
    },

    findings: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const account = str(args.account);
      const res = await queryFindings(ctx.db, snapshotId, account ? { account } : {});
      const severities = args.severity as string[] | null | undefined;
      const kinds = args.kind as string[] | null | undefined;
      const list = res.findings
        .filter((f) => !severities?.length || severities.includes(f.severity))
        .filter((f) => !kinds?.length || kinds.includes(f.kind));
      const order = (args.orderBy as Order | undefined) ?? { field: 'SEVERITY' };
      const rank = (s: string) => SEVERITY_RANK.indexOf(s);
      list.sort((a, b) =>
        order.field === 'ID'
          ? a.id.localeCompare(b.id)
          : order.field === 'KIND'
            ? a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)
            : rank(a.severity) - rank(b.severity) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
      );
      if (order.direction === 'DESC') list.reverse();
      // Only the page is converted (the list is the snapshot's, kept between pages).
      const items = list.slice(page.offset, page.offset + page.limit).map(findingOut);
      for (const f of items) tagNodes(f.subjects, snapshotId);
      return connection(items, page, list.length);
    },

    finding: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await ctx.db.executeQuery(statement(C, 'finding-by-id'), {
        snapshotId,
        id: String(args.id),
      });
      const r = res.records[0];
      return r ? findingFromRow(r.get('finding') as Props, r.get('subjects') as Props[]) : null;
    },

    simulate: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await querySimulate(ctx.db, snapshotId, {
        principal: String(args.principal),
        action: String(args.action),
        resource: String(args.resource),
        context: contextArg(args.context),
        contextComplete: args.contextComplete === true,
      });
      return {
        decision: res.decision,
        allowed: res.allowed,
        conditions: res.conditions,
        evidence: evidenceOut(res.evidence),
        reasons: res.reasons,
        rootReading: res.principal.rootReading === undefined ? null : ROOT_READING[res.principal.rootReading],
        contextComplete: res.contextComplete,
        referenceDate: res.referenceDate ?? null,
      };
    },

    whoCan: async (_: unknown, args: Args, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const first = limitArg(args.first, 50, ctx.limits.maxPageSize);
      const res = await queryWhoCan(ctx.db, snapshotId, {
        action: String(args.action),
        resource: String(args.resource),
        context: contextArg(args.context),
        contextComplete: args.contextComplete === true,
        viaRoles: args.viaRoles === true,
        maxHops: hops(args.maxHops, 3),
        limit: first,
      });
      const principals = res.principals.map((p) => {
        // A root user is its account's node in the graph.
        const root = p.principal.type === 'Root';
        const node = nodeFromRow({
          key: root ? (p.principal.accountId ?? p.principal.arn) : p.principal.arn,
          arn: p.principal.arn,
          kind: root ? 'Account' : p.principal.type,
        });
        if (p.principal.accountId) node.accountId = p.principal.accountId;
        tagNodes([node], snapshotId);
        return {
          node,
          conditional: p.conditional,
          conditions: p.conditions,
          evidence: evidenceOut(p.evidence),
          reasons: p.reasons,
        };
      });
      return {
        action: res.action,
        resource: res.resource,
        contextComplete: res.contextComplete,
        candidates: res.candidates,
        totalCount: res.total,
        principals,
        viaRoles: res.viaRoles?.principals.map((e) => reachOut(e, 'in', snapshotId)) ?? null,
        viaRolesCount: res.viaRoles?.total ?? null,
        viaRolesTruncated: res.viaRoles?.truncated ?? null,
      };
    },

    reviewSessions: async (_: unknown, args: Args, ctx: ApiContext) => {
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const snapshotId = args.snapshot ? (await snapshotOf(ctx, String(args.snapshot))).id : null;
      const { sessions, total } = await listSessions(ctx.db, snapshotId, page.offset, page.limit);
      return connection(sessions, page, total);
    },

    reviewSession: async (_: unknown, args: Args, ctx: ApiContext) =>
      (await getSession(ctx.db, String(args.id))) ?? null,
  },

  Mutation: {
    createReviewSession: async (_: unknown, args: Args, ctx: ApiContext) => {
      requireReviewer(ctx);
      const input = parseInput(createSessionInput, args.input);
      const snap = await snapshotOf(ctx, input.snapshot ?? undefined);
      return createSession(ctx.db, {
        name: input.name,
        snapshotId: snap.id,
        reviewer: recordedReviewer(ctx.caller.name, input.reviewer),
        assumptions: input.assumptions,
      });
    },
    addReviewItem: async (_: unknown, args: Args, ctx: ApiContext) => {
      requireReviewer(ctx);
      return addItem(ctx.db, args.input, ctx.caller.name);
    },
    addReviewItems: async (_: unknown, args: Args, ctx: ApiContext) => {
      requireReviewer(ctx);
      return addItems(ctx.db, args, ctx.caller.name);
    },
    setReviewSessionAssumptions: async (_: unknown, args: Args, ctx: ApiContext) => {
      requireReviewer(ctx);
      return setSessionAssumptions(ctx.db, args);
    },
    setReviewItemStatus: async (_: unknown, args: Args, ctx: ApiContext) => {
      requireReviewer(ctx);
      return setItemStatus(ctx.db, args.input, ctx.caller.name);
    },
  },

  Account: {
    principals: (a: WithSnapshot<Props>, args: Args, ctx: ApiContext) =>
      principalsPage(ctx, a._snapshotId, args, { accountId: a.id }),
    edges: (a: WithSnapshot<Props>, args: Args, ctx: ApiContext) =>
      edgePage(
        ctx,
        'account-edges',
        {
          snapshotId: a._snapshotId,
          accountId: a.id,
          direction: args.direction === 'IN' ? 'IN' : 'OUT',
          type: args.type === 'CAN_ESCALATE_TO' ? 'CAN_ESCALATE_TO' : 'CAN_ASSUME',
        },
        args,
      ),
  },

  Principal: {
    accountId: (p: Props) => String(p.accountId ?? ''),
    tags: (p: Props) => tagsOf(p.tags),
    policies: async (p: WithSnapshot<Props>, _: Args, ctx: ApiContext) => {
      const res = await ctx.db.executeQuery(statement(C, 'principal-policies'), {
        snapshotId: p._snapshotId,
        key: p.arn,
      });
      return res.records.map((r) => r.get('policy') as Props);
    },
    boundary: async (p: WithSnapshot<Props>, _: Args, ctx: ApiContext) => {
      const res = await ctx.db.executeQuery(statement(C, 'principal-boundary'), {
        snapshotId: p._snapshotId,
        key: p.arn,
      });
      return (res.records[0]?.get('policy') as Props | undefined) ?? null;
    },
    groups: async (p: WithSnapshot<Props>, _: Args, ctx: ApiContext) => {
      const res = await ctx.db.executeQuery(statement(C, 'principal-groups'), {
        snapshotId: p._snapshotId,
        key: p.arn,
      });
      return res.records.map((r) => ({
        ...(r.get('group') as Props),
        policies: r.get('policies') as Props[],
      }));
    },
    canAssume: (p: WithSnapshot<Props>, args: Args, ctx: ApiContext) =>
      principalEdges(ctx, p, 'out', 'CAN_ASSUME', args),
    assumableBy: (p: WithSnapshot<Props>, args: Args, ctx: ApiContext) =>
      principalEdges(ctx, p, 'in', 'CAN_ASSUME', args),
    canEscalateTo: (p: WithSnapshot<Props>, args: Args, ctx: ApiContext) =>
      principalEdges(ctx, p, 'out', 'CAN_ESCALATE_TO', args),
  },

  AccountTrust: {
    edges: async (
      t: { fromAccount: string; toAccount: string; edgeCount: number; _snapshotId: string; _filter: Props },
      args: Args,
      ctx: ApiContext,
    ) => {
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const edges = await edgeRows(ctx, `${T}#cross-account-edges`, {
        snapshotId: t._snapshotId,
        fromAccount: t.fromAccount,
        toAccount: t.toAccount,
        ...t._filter,
        offset: int(page.offset),
        limit: int(page.limit),
      });
      return connection(edges, page, t.edgeCount);
    },
  },

  GraphNode: {
    kind: (n: GraphNodeOut) => n.kind,
    isAdmin: (n: GraphNodeOut, _: Args, ctx: ApiContext) => nodeIsAdmin(n, ctx),
    external: (n: GraphNodeOut, _: Args, ctx: ApiContext) => nodeIsExternal(n, ctx),
  },

  ReviewSession: {
    items: (s: ReviewSessionOut, _: Args, ctx: ApiContext) => sessionItems(ctx.db, s.id),
    statusCounts: async (s: ReviewSessionOut, _: Args, ctx: ApiContext) => {
      const items = await sessionItems(ctx.db, s.id);
      return REVIEW_STATUSES.map((name) => ({ name, count: items.filter((i) => i.status === name).length }));
    },
    report: async (s: ReviewSessionOut, args: Args, ctx: ApiContext) => {
      const report = buildReport(s, await sessionItems(ctx.db, s.id));
      return args.format === 'JSON' ? reportJson(report) : reportMarkdown(report);
    },
  },

  ReviewItem: {
    finding: async (i: ReviewItemOut, _: Args, ctx: ApiContext) => {
      if (!i.findingId) return null;
      const session = await getSession(ctx.db, i.sessionId);
      if (!session) return null;
      const res = await ctx.db.executeQuery(statement(C, 'finding-by-id'), {
        snapshotId: session.snapshotId,
        id: i.findingId,
      });
      const r = res.records[0];
      return r ? findingFromRow(r.get('finding') as Props, r.get('subjects') as Props[]) : null;
    },
  },
};
