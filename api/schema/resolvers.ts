/** Resolvers: translate arguments, call the query layer (query/), shape the answer; no statement runs here. */
import type { StatementRef } from '../../engine/types.ts';
import type { SnapshotInfo } from '../../ingest/load/snapshots.ts';
import { badInput, requireReviewer, snapshotOf, type ApiContext } from '../context.ts';
import {
  API_DEFAULTS,
  catalog,
  escalationPathsIn,
  findings as queryFindings,
  MAX_REACH_LIMIT,
  paths as queryPaths,
  reachPage,
  simulate as querySimulate,
  snapshotDiff,
  snapshots as listSnapshots,
  trust,
  whoCan as queryWhoCan,
  type Assumptions,
  type ReachEntry,
  type RootReading,
} from '../../query/index.ts';
import type { FindingRow } from '../../query/catalog.ts';
import type {
  AccountEdgesArgs,
  AccountPrincipalsArgs,
  MutationAddPlanCheckToReviewArgs,
  MutationAddReviewItemArgs,
  MutationAddReviewItemsArgs,
  MutationCreateReviewSessionArgs,
  MutationSetReviewItemStatusArgs,
  MutationCheckPlanArgs,
  MutationSetReviewSessionAssumptionsArgs,
  PrincipalAssumableByArgs,
  PrincipalCanAssumeArgs,
  PrincipalCanEscalateToArgs,
  QueryAccountArgs,
  QueryAccountsArgs,
  QueryCrossAccountTrustArgs,
  QueryEscalationPathsArgs,
  QueryExternalTrustArgs,
  QueryFindingArgs,
  QueryFindingsArgs,
  QueryOrganizationArgs,
  QueryPathsArgs,
  QueryPrincipalArgs,
  QueryPrincipalsArgs,
  QueryProviderTrustArgs,
  QueryReachableFromArgs,
  QueryReviewSessionArgs,
  QueryReviewSessionsArgs,
  QuerySimulateArgs,
  QuerySnapshotArgs,
  QuerySnapshotDiffArgs,
  QuerySnapshotsArgs,
  QueryWhoCanArgs,
  QueryWhoCanAssumeArgs,
  ReviewSessionReportArgs,
} from './generated/types.ts';
import { nodeIsAdmin, nodeIsExternal, tagNodes, tagPath, type TaggedNode } from './node-flags.ts';
import { overviewQueries } from './overview-resolvers.ts';
import { peopleQueries } from './people-resolvers.ts';
import { findingOut } from './finding-shapes.ts';
import { assumptionsArg } from './assumptions-arg.ts';
import { resourceQueries } from './resource-resolvers.ts';
import { peopleCatalogQueries, peopleCatalogTypes } from './people-catalog-resolvers.ts';
import { checkPlanReport } from './plan-check-resolvers.ts';
import { addPlanCheckToReview } from '../plan-review.ts';
import { buildReport, reportJson, reportMarkdown } from '../report.ts';
import {
  addItem,
  addItems,
  createSession,
  createSessionInput,
  parseInput,
  recordedReviewer,
  setItemStatus,
  setSessionAssumptions,
} from '../reviews.ts';
import {
  getSession,
  listSessions,
  REVIEW_STATUSES,
  sessionItems,
  type ReviewItemOut,
  type ReviewSessionOut,
} from '../../query/reviews.ts';
import { connection, firstArg, pageArgs, sliceConnection } from '../shapes.ts';
import { edgeFromHop, nodeFromRow, pathFromHops } from '../../query/edges.ts';
import type { Edge, Hop, PathWithEdges } from '../../query/graph.ts';

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

const SEVERITY_RANK = ['critical', 'high', 'medium', 'low', 'info'];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strOrNull = (v: unknown) => (typeof v === 'string' && v.length ? v : null);
/** A number argument as given (null: left to the default); the query layer validates it. */
const num = (v: unknown, dflt: number): number => (v as number | null | undefined) ?? dflt;
/** GraphQL context entries as the query layer's request context (one value: a string; several: a list). */
function contextArg(v: unknown): Record<string, string | string[]> {
  const entries = (v as { key: string; values: string[] }[] | null | undefined) ?? [];
  return Object.fromEntries(entries.map((e) => [e.key, e.values.length === 1 ? e.values[0]! : e.values]));
}

/** Statement references without the statement text. */
const evidenceOut = (evidence: readonly StatementRef[]) =>
  evidence.map(({ statement: _statement, ...rest }) => rest);

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

function findingFromRow({ finding: f, subjects }: FindingRow) {
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

/**
 * The API edge of a reachability hop with its end nodes tagged, made once per hop object: hops
 * are frozen, belong to one snapshot, and the index hands the same object to every answer
 * through that edge (query/reach-index.ts), so answers sharing an edge share its edge here too.
 */
const hopEdges = new WeakMap<Hop, Edge>();
function hopEdge(hop: Hop, snapshotId: string): Edge {
  let edge = hopEdges.get(hop);
  if (!edge) {
    edge = edgeFromHop(hop);
    tagNodes([edge.from, edge.to], snapshotId);
    hopEdges.set(hop, edge);
  }
  return edge;
}

function reachOut(e: ReachEntry, direction: 'in' | 'out', snapshotId: string) {
  // As pathFromHops(e.hops) and tagPath, with the path's summary the entry already has.
  const edges = e.hops.map((h) => hopEdge(h, snapshotId));
  const nodes = edges.length ? [edges[0]!.from, ...edges.map((x) => x.to)] : [];
  // The node reached is known in full; put it in its place on the path.
  const node = nodeFromRow(e.node);
  if (direction === 'in' && nodes.length) nodes[0] = node;
  if (direction === 'out' && nodes.length) nodes[nodes.length - 1] = node;
  tagNodes([node], snapshotId);
  const path: PathWithEdges = {
    length: e.length,
    conditional: e.conditional,
    crossAccount: e.crossAccount,
    conditionKeys: e.conditionKeys,
    nodes,
    edges,
  };
  return { node, hops: e.length, conditional: e.conditional, path };
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
    maxHops: num(args.maxHops, API_DEFAULTS.reachMaxHops),
    limit: MAX_REACH_LIMIT,
    assumptions: assumptionsArg(args.assumptions),
  };
  const res = await reachPage(
    ctx.reader,
    snapshotId,
    kind,
    kind === 'whoCanAssume'
      ? { role: String(args.role), ...common }
      : { principal: String(args.principal), ...common },
    (found) => sortReach(found, args.orderBy as Order).slice(page.offset, page.offset + page.limit),
    { orderBy: args.orderBy ?? null, offset: page.offset, limit: page.limit },
  );
  const direction = kind === 'whoCanAssume' ? 'in' : 'out';
  // A page answered from the query cache is the same (frozen) object each time: converted once.
  let items = reachItems.get(res);
  if (!items) reachItems.set(res, (items = res.entries.map((e) => reachOut(e, direction, snapshotId))));
  return { ...connection(items, page, res.total), truncated: res.truncated };
}

/** The GraphQL items of a reachability page, by the page (nothing in them is changed once built). */
const reachItems = new WeakMap<object, ReturnType<typeof reachOut>[]>();

/** A principal's CAN_ASSUME or CAN_ESCALATE_TO edges, one page; `other` keeps only the edge to/from that node. */
async function principalEdges(
  ctx: ApiContext,
  p: WithSnapshot<Props>,
  direction: 'out' | 'in',
  type: 'CAN_ASSUME' | 'CAN_ESCALATE_TO',
  args: Args,
) {
  const page = pageArgs(args, ctx.limits.maxPageSize);
  const other = str(direction === 'out' ? args.to : args.from) ?? null;
  const res = await catalog.principalEdges(
    ctx.reader,
    p._snapshotId,
    { key: String(p.arn), direction, type, other },
    page,
  );
  return connection(res.items, page, res.total);
}

function principalOut(p: Props, snapshotId: string): WithSnapshot<Props> {
  return { ...p, arn: String(p.arn ?? p.key), _snapshotId: snapshotId };
}

async function principalsPage(ctx: ApiContext, snapshotId: string, args: Args, filter: Props = {}) {
  const page = pageArgs(args, ctx.limits.maxPageSize);
  const order = (args.orderBy as Order | undefined) ?? { field: 'ARN' };
  const kind = filter.kind === 'USER' ? 'User' : filter.kind === 'ROLE' ? 'Role' : null;
  const res = await catalog.principals(
    ctx.reader,
    snapshotId,
    { kind, accountId: str(filter.accountId) ?? null, search: strOrNull(filter.search) },
    order,
    page,
  );
  return connection(
    res.items.map((p) => principalOut(p, snapshotId)),
    page,
    res.total,
  );
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

function diffOut(side: Awaited<ReturnType<typeof snapshotDiff>>['added']) {
  return { ...side, findings: side.findings.map(findingFromRow) };
}

export const resolvers = {
  ...peopleCatalogTypes,
  Query: {
    ...peopleQueries,
    ...resourceQueries,
    ...peopleCatalogQueries,
    ...overviewQueries,
    viewer: (_: unknown, __: Args, ctx: ApiContext) => ({
      role: ctx.caller.role.toUpperCase(),
      via: ctx.caller.via.toUpperCase(),
    }),

    snapshots: async (_: unknown, args: QuerySnapshotsArgs, ctx: ApiContext) =>
      sliceConnection(
        (await listSnapshots(ctx.reader)).map(snapshotOut),
        pageArgs(args, ctx.limits.maxPageSize),
      ),

    snapshot: async (_: unknown, args: QuerySnapshotArgs, ctx: ApiContext) =>
      snapshotOut(await snapshotOf(ctx, str(args.snapshot))),

    snapshotDiff: async (_: unknown, args: QuerySnapshotDiffArgs, ctx: ApiContext) => {
      const from = await snapshotOf(ctx, String(args.from));
      const to = await snapshotOf(ctx, String(args.to));
      const diff = await snapshotDiff(ctx.reader, from.id, to.id);
      const [added, removed] = [diffOut(diff.added), diffOut(diff.removed)];
      return {
        from: snapshotOut(from),
        to: snapshotOut(to),
        canAssumeAdded: added.assume,
        canAssumeRemoved: removed.assume,
        canEscalateToAdded: added.escalate,
        canEscalateToRemoved: removed.escalate,
        findingsAdded: added.findings,
        findingsRemoved: removed.findings,
        peopleEdgesAdded: added.peopleEdges,
        peopleEdgesRemoved: removed.peopleEdges,
        peopleNodesAdded: added.peopleNodes,
        peopleNodesRemoved: removed.peopleNodes,
      };
    },

    organization: async (_: unknown, args: QueryOrganizationArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      return catalog.organization(ctx.reader, snapshotId, (a) => accountOut(a, snapshotId));
    },

    accounts: async (_: unknown, args: QueryAccountsArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const f = (args.filter ?? {}) as Props;
      const order = (args.orderBy as Order | undefined) ?? { field: 'ID' };
      const filter = {
        external: typeof f.external === 'boolean' ? f.external : null,
        inOrganization: typeof f.inOrganization === 'boolean' ? f.inOrganization : null,
        search: strOrNull(f.search),
      };
      const res = await catalog.accounts(ctx.reader, snapshotId, filter, order, page);
      return connection(
        res.items.map((a) => accountOut(a, snapshotId)),
        page,
        res.total,
      );
    },

    account: async (_: unknown, args: QueryAccountArgs, ctx: ApiContext) => {
      const id = String(args.id);
      if (!/^\d{12}$/.test(id)) throw badInput('id: an account id is 12 digits, e.g. 123456789012.', 'id');
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const a = await catalog.account(ctx.reader, snapshotId, id);
      return a ? accountOut(a, snapshotId) : null;
    },

    principals: async (_: unknown, args: QueryPrincipalsArgs, ctx: ApiContext) =>
      principalsPage(ctx, (await snapshotOf(ctx, str(args.snapshot))).id, args, (args.filter ?? {}) as Props),

    principal: async (_: unknown, args: QueryPrincipalArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const p = await catalog.principal(ctx.reader, snapshotId, String(args.arn));
      return p ? principalOut(p, snapshotId) : null;
    },

    whoCanAssume: (_: unknown, args: QueryWhoCanAssumeArgs, ctx: ApiContext) =>
      reachConnection(ctx, args, 'whoCanAssume'),

    reachableFrom: (_: unknown, args: QueryReachableFromArgs, ctx: ApiContext) =>
      reachConnection(ctx, args, 'reachableFrom'),

    paths: async (_: unknown, args: QueryPathsArgs, ctx: ApiContext): Promise<PathWithEdges[]> => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await queryPaths(ctx.reader, snapshotId, {
        from: String(args.from),
        to: String(args.to),
        maxHops: num(args.maxHops, API_DEFAULTS.pathsMaxHops),
        ...(args.limit == null ? {} : { limit: args.limit as number }),
        assumptions: assumptionsArg(args.assumptions),
      });
      return res.paths.map((p) => tagPath(pathFromHops(p.hops, p.nodes), snapshotId));
    },

    escalationPaths: async (_: unknown, args: QueryEscalationPathsArgs, ctx: ApiContext) => {
      const snap = await snapshotOf(ctx, str(args.snapshot));
      const to = str(args.to);
      const assumptions = assumptionsArg(args.assumptions);
      return escalationPathsIn(ctx.reader, snap, {
        from: String(args.from),
        ...(to ? { to } : {}),
        maxHops: num(args.maxHops, API_DEFAULTS.pathsMaxHops),
        ...(args.limit == null ? {} : { limit: args.limit as number }),
        ...(assumptions ? { assumptions } : {}),
        // Plain role-assumption chains are paths to admin too, unless the caller asks for escalations only.
        includeAssumeOnly: args.includeAssumeOnly !== false,
      });
    },

    crossAccountTrust: async (_: unknown, args: QueryCrossAccountTrustArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const assumptions = assumptionsArg(args.assumptions);
      const rows = await trust.crossAccountTrust(ctx.reader, snapshotId, assumptions);
      return rows.map(({ severities, ...r }) => ({
        ...r,
        worstSeverity: worstOf(severities),
        _snapshotId: snapshotId,
        _assumptions: assumptions,
      }));
    },

    providerTrust: async (_: unknown, args: QueryProviderTrustArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const rows = await trust.providerTrust(ctx.reader, snapshotId, assumptionsArg(args.assumptions));
      return rows.map((r) => ({ ...r, provider: nodeFromRow(r.provider) }));
    },

    externalTrust: async (_: unknown, args: QueryExternalTrustArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const order = (args.orderBy as Order | undefined) ?? { field: 'TO' };
      const res = await trust.externalTrust(
        ctx.reader,
        snapshotId,
        assumptionsArg(args.assumptions),
        order,
        page,
      );
      return connection(res.items, page, res.total);
    },

    findings: async (_: unknown, args: QueryFindingsArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const account = str(args.account);
      const res = await queryFindings(ctx.reader, snapshotId, account ? { account } : {});
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

    finding: async (_: unknown, args: QueryFindingArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const r = await catalog.findingById(ctx.reader, snapshotId, String(args.id));
      return r ? findingFromRow(r) : null;
    },

    simulate: async (_: unknown, args: QuerySimulateArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const res = await querySimulate(ctx.reader, snapshotId, {
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

    whoCan: async (_: unknown, args: QueryWhoCanArgs, ctx: ApiContext) => {
      const snapshotId = (await snapshotOf(ctx, str(args.snapshot))).id;
      const first = firstArg(args.first, API_DEFAULTS.whoCanFirst, ctx.limits.maxPageSize);
      const res = await queryWhoCan(ctx.reader, snapshotId, {
        action: String(args.action),
        resource: String(args.resource),
        context: contextArg(args.context),
        contextComplete: args.contextComplete === true,
        viaRoles: args.viaRoles === true,
        maxHops: num(args.maxHops, API_DEFAULTS.whoCanMaxHops),
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

    reviewSessions: async (_: unknown, args: QueryReviewSessionsArgs, ctx: ApiContext) => {
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const snapshotId = args.snapshot ? (await snapshotOf(ctx, String(args.snapshot))).id : null;
      const { sessions, total } = await listSessions(ctx.reader, snapshotId, page.offset, page.limit);
      return connection(sessions, page, total);
    },

    reviewSession: async (_: unknown, args: QueryReviewSessionArgs, ctx: ApiContext) =>
      (await getSession(ctx.reader, String(args.id))) ?? null,
  },

  Mutation: {
    createReviewSession: async (_: unknown, args: MutationCreateReviewSessionArgs, ctx: ApiContext) => {
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
    addReviewItem: async (_: unknown, args: MutationAddReviewItemArgs, ctx: ApiContext) => {
      requireReviewer(ctx);
      return addItem(ctx.db, args.input, ctx.caller.name);
    },
    addReviewItems: async (_: unknown, args: MutationAddReviewItemsArgs, ctx: ApiContext) => {
      requireReviewer(ctx);
      return addItems(ctx.db, args, ctx.caller.name);
    },
    setReviewSessionAssumptions: async (
      _: unknown,
      args: MutationSetReviewSessionAssumptionsArgs,
      ctx: ApiContext,
    ) => {
      requireReviewer(ctx);
      return setSessionAssumptions(ctx.db, args);
    },
    setReviewItemStatus: async (_: unknown, args: MutationSetReviewItemStatusArgs, ctx: ApiContext) => {
      requireReviewer(ctx);
      return setItemStatus(ctx.db, args.input, ctx.caller.name);
    },
    checkPlan: async (_: unknown, args: MutationCheckPlanArgs, ctx: ApiContext) => {
      requireReviewer(ctx);
      const report = await checkPlanReport(args.input, ctx);
      return { ...report, snapshot: snapshotOut(report.snapshot) };
    },
    addPlanCheckToReview: async (_: unknown, args: MutationAddPlanCheckToReviewArgs, ctx: ApiContext) => {
      requireReviewer(ctx);
      const { report, items } = await addPlanCheckToReview(args.input, ctx);
      return { report: { ...report, snapshot: snapshotOut(report.snapshot) }, items };
    },
  },

  Account: {
    principals: (a: WithSnapshot<Props>, args: AccountPrincipalsArgs, ctx: ApiContext) =>
      principalsPage(ctx, a._snapshotId, args, { accountId: a.id }),
    edges: async (a: WithSnapshot<Props>, args: AccountEdgesArgs, ctx: ApiContext) => {
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const res = await catalog.accountEdges(
        ctx.reader,
        a._snapshotId,
        {
          accountId: String(a.id),
          direction: args.direction === 'IN' ? 'IN' : 'OUT',
          type: args.type === 'CAN_ESCALATE_TO' ? 'CAN_ESCALATE_TO' : 'CAN_ASSUME',
        },
        page,
      );
      return connection(res.items, page, res.total);
    },
  },

  Principal: {
    accountId: (p: Props) => String(p.accountId ?? ''),
    tags: (p: Props) => tagsOf(p.tags),
    policies: (p: WithSnapshot<Props>, _: Args, ctx: ApiContext) =>
      catalog.principalPolicies(ctx.reader, p._snapshotId, String(p.arn)),
    boundary: (p: WithSnapshot<Props>, _: Args, ctx: ApiContext) =>
      catalog.principalBoundary(ctx.reader, p._snapshotId, String(p.arn)),
    groups: (p: WithSnapshot<Props>, _: Args, ctx: ApiContext) =>
      catalog.principalGroups(ctx.reader, p._snapshotId, String(p.arn)),
    canAssume: (p: WithSnapshot<Props>, args: PrincipalCanAssumeArgs, ctx: ApiContext) =>
      principalEdges(ctx, p, 'out', 'CAN_ASSUME', args),
    assumableBy: (p: WithSnapshot<Props>, args: PrincipalAssumableByArgs, ctx: ApiContext) =>
      principalEdges(ctx, p, 'in', 'CAN_ASSUME', args),
    canEscalateTo: (p: WithSnapshot<Props>, args: PrincipalCanEscalateToArgs, ctx: ApiContext) =>
      principalEdges(ctx, p, 'out', 'CAN_ESCALATE_TO', args),
  },

  AccountTrust: {
    edges: async (
      t: {
        fromAccount: string;
        toAccount: string;
        edgeCount: number;
        _snapshotId: string;
        _assumptions: Assumptions | undefined;
      },
      args: Args,
      ctx: ApiContext,
    ) => {
      const page = pageArgs(args, ctx.limits.maxPageSize);
      const edges = await trust.crossAccountEdges(
        ctx.reader,
        t._snapshotId,
        {
          fromAccount: t.fromAccount,
          toAccount: t.toAccount,
          ...(t._assumptions ? { assumptions: t._assumptions } : {}),
        },
        page,
      );
      return connection(edges, page, t.edgeCount);
    },
  },

  GraphNode: {
    kind: (n: TaggedNode) => n.kind,
    isAdmin: (n: TaggedNode, _: Args, ctx: ApiContext) => nodeIsAdmin(n, ctx),
    external: (n: TaggedNode, _: Args, ctx: ApiContext) => nodeIsExternal(n, ctx),
  },

  ReviewSession: {
    items: (s: ReviewSessionOut, _: Args, ctx: ApiContext) => sessionItems(ctx.reader, s.id),
    statusCounts: async (s: ReviewSessionOut, _: Args, ctx: ApiContext) => {
      const items = await sessionItems(ctx.reader, s.id);
      return REVIEW_STATUSES.map((name) => ({ name, count: items.filter((i) => i.status === name).length }));
    },
    report: async (s: ReviewSessionOut, args: ReviewSessionReportArgs, ctx: ApiContext) => {
      const report = buildReport(s, await sessionItems(ctx.reader, s.id));
      return args.format === 'JSON' ? reportJson(report) : reportMarkdown(report);
    },
  },

  ReviewItem: {
    finding: async (i: ReviewItemOut, _: Args, ctx: ApiContext) => {
      if (!i.findingId) return null;
      const session = await getSession(ctx.reader, i.sessionId);
      if (!session) return null;
      const r = await catalog.findingById(ctx.reader, session.snapshotId, i.findingId);
      return r ? findingFromRow(r) : null;
    },
  },
};
