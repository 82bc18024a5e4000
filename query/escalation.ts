/**
 * escalationPaths: walks over CAN_ASSUME and CAN_ESCALATE_TO that use at least
 * one CAN_ESCALATE_TO edge (or, with includeAssumeOnly, none), shortest first,
 * to admin (an edge that gains admin of an account, or a principal marked
 * admin) or to a chosen principal. It
 * explores breadth-first with cypher/api/escalation.cypher (one statement per
 * hop) and lists simple paths over what it found.
 *
 * escalations lists them from every source. A listing to admin walks from all
 * sources at once, kept to what can still reach an administrator in time by
 * each node's `hopsToAdmin` (stored at ingest, ingest/transform/hops-to-admin.ts),
 * and lists each source's paths over that one walk: the same paths, in the same
 * order, as a walk per source (test/queries/escalation-listing.test.ts). That walk
 * reads only the edge fields a listing prints (escalation-walk.ts, `listing`).
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { readOnce } from '../db/read-once.ts';
import type { SnapshotInfo } from '../ingest/load/snapshots.ts';
import { parseArgs } from './args.ts';
import { assumptionParams, type Assumptions } from './assumptions.ts';
import { exploreEscalation, ROWS_PER_STATEMENT, type Explored, type RowObject } from './escalation-walk.ts';
import { pathFromEdges } from './edges.ts';
import type { Edge, Hop, PathSummary, PathWithEdges } from './graph.ts';
import { driverOf, type Source } from './cache.ts';
import {
  escalationPathsArgs,
  escalationsArgs,
  type EscalationArgs,
  type EscalationPathsInput,
  type EscalationsInput,
} from './arg-schemas.ts';

const ROWS_PER_HOP = 20_000;
/** Sources a listing walks from at most. */
const SOURCES_LIMIT = 1000;
/** Paths examined before giving up on listing more: bounds the work of a dense graph. */
const MAX_STEPS = 200_000;

/** Escalation paths from one principal; to admin, the walk is cut by the stored hopsToAdmin when the snapshot has them. */
export function escalationPaths(
  source: Source,
  snapshotId: string,
  input: EscalationPathsInput,
): Promise<Listed> {
  return pathsFrom(source, snapshotId, input, true);
}

/**
 * escalationPaths over everything within maxHops of `from`, never cut by the stored
 * hopsToAdmin: what the cut must not change (the reference the tests and the benchmark
 * hold escalationPaths and escalations to).
 */
export function escalationPathsByFullWalk(
  source: Source,
  snapshotId: string,
  input: EscalationPathsInput,
): Promise<Listed> {
  return pathsFrom(source, snapshotId, input, false);
}

type Listed = { paths: PathWithEdges[]; truncated: boolean };

async function pathsFrom(
  source: Source,
  snapshotId: string,
  input: EscalationPathsInput,
  useStoredHops: boolean,
): Promise<Listed> {
  const args = parseArgs(escalationPathsArgs, input);
  const toAdmin = !args.to || args.to === 'admin';
  const explored =
    (useStoredHops && toAdmin ? await towardAdmin(source, snapshotId, [args.from], args) : null) ??
    (await exploreEscalation(source, snapshotId, [args.from], args.maxHops, {
      ...(args.assumptions ? { assumptions: args.assumptions } : {}),
    }));
  return listPaths(explored, args);
}

/** The paths from `args.from` over an explored graph, shortest first, as escalationPaths lists them. */
function listPaths(explored: Explored, args: EscalationArgs): Listed {
  const { items, truncated } = listWalks(explored, args, (walk) =>
    pathFromEdges([walk[0]!.from, ...walk.map((w) => w.to)], walk),
  );
  return { paths: items, truncated };
}

/**
 * The walks from `args.from` over an explored graph, shortest first, each handed to `make` (a
 * copy of the walk, its edges in order) and listed as `make` returns it.
 */
function listWalks<T>(
  explored: Explored,
  args: EscalationArgs,
  make: (walk: Edge[]) => T,
): { items: T[]; truncated: boolean } {
  const toAdmin = !args.to || args.to === 'admin';
  const { out, gainsAdmin: adminEdges } = explored;
  let truncated = explored.truncated;

  const found: T[] = [];
  let steps = 0;
  // Iterative deepening: every path of length L before any of length L + 1.
  for (let len = 1; len <= args.maxHops && found.length < args.limit; len++) {
    const walk: Edge[] = [];
    const onPath = new Set<string>([args.from]);
    const dfs = (at: string): void => {
      if (found.length >= args.limit || steps > MAX_STEPS) return;
      for (const e of out.get(at) ?? []) {
        if (++steps > MAX_STEPS) {
          truncated = true;
          return;
        }
        if (onPath.has(e.to.key)) continue;
        walk.push(e);
        if (walk.length === len) {
          const end = toAdmin ? adminEdges.has(e) : e.to.key === args.to;
          if (end && (args.includeAssumeOnly || walk.some((w) => w.type === 'CAN_ESCALATE_TO'))) {
            found.push(make([...walk]));
            if (found.length >= args.limit) return;
          }
        } else if (toAdmin ? !adminEdges.has(e) : e.to.key !== args.to) {
          onPath.add(e.to.key);
          dfs(e.to.key);
          onPath.delete(e.to.key);
        }
        walk.pop();
      }
    };
    dfs(args.from);
  }
  return { items: found, truncated };
}

/** Principals that escalation findings say can reach admin: the default sources of `query escalations`. */
export async function escalationSources(
  source: Source,
  snapshotId: string,
  limit = SOURCES_LIMIT,
): Promise<string[]> {
  const res = await driverOf(source).executeQuery(statement('api/escalation', 'escalation-sources'), {
    snapshotId,
    limit: neo4j.int(limit),
  });
  return res.records.map((r) => String(r.get('key')));
}

/**
 * Users and roles that are not administrators but reach one just by assuming roles, within
 * `maxHops` CAN_ASSUME hops (by design, as far as the escalation findings go): the extra
 * sources of `query escalations --include-assume-only`. One backward step per hop from the
 * administrators, so the work is linear in the CAN_ASSUME edges walked.
 */
export async function assumeOnlySources(
  source: Source,
  snapshotId: string,
  args: { maxHops: number; assumptions?: Assumptions; limit?: number },
): Promise<string[]> {
  const db = driverOf(source);
  const admins = await db.executeQuery(statement('api/escalation', 'admin-principals'), { snapshotId });
  const seen = new Set(admins.records.map((r) => String(r.get('key'))));
  const filter = assumptionParams(args.assumptions);
  const found = new Set<string>();
  let frontier = [...seen];
  for (let hop = 1; hop <= args.maxHops && frontier.length > 0; hop++) {
    const res = await db.executeQuery(statement('api/escalation', 'assume-into'), {
      snapshotId,
      keys: frontier,
      rowLimit: neo4j.int(ROWS_PER_HOP),
      ...filter,
    });
    const next: string[] = [];
    for (const r of res.records) {
      const key = String(r.get('key'));
      if (seen.has(key)) continue;
      seen.add(key);
      next.push(key);
      if (r.get('admin') !== true) found.add(key);
    }
    frontier = next;
  }
  return [...found].sort().slice(0, args.limit ?? 1000);
}

/**
 * escalationPaths in a snapshot as the API answers it: `available` says whether
 * the snapshot holds the escalation analysis (CAN_ESCALATE_TO edges); without it
 * no principal is marked admin, so only a chosen target can be reached, and only
 * by plain role-assumption chains.
 */
export async function escalationPathsIn(
  source: Source,
  snapshot: SnapshotInfo,
  input: EscalationPathsInput,
): Promise<{ available: boolean; paths: PathWithEdges[] }> {
  const args = parseArgs(escalationPathsArgs, input);
  const available = (snapshot.counts?.relationships?.CAN_ESCALATE_TO ?? 0) > 0;
  const toChosen = args.to !== undefined && args.to !== 'admin';
  if (!available && !(args.includeAssumeOnly && toChosen)) return { available, paths: [] };
  const { paths } = await escalationPaths(source, snapshot.id, args);
  return { available, paths };
}

/**
 * One escalation path of `escalations`: its source, its end, and each hop with how it is taken
 * (`method`: the escalation method, or the mechanism of a CAN_ASSUME hop). An edge that gains
 * admin of an account ends at `admin:<account>`, as the engine's paths name it.
 */
export interface EscalationResult extends Pick<PathSummary, 'length' | 'conditional'> {
  from: string;
  to: string;
  hops: EscalationHop[];
}

/** One hop of an EscalationResult (paths of one answer that take the same edge may share it). */
export type EscalationHop = Pick<
  Hop,
  'from' | 'to' | 'type' | 'actions' | 'evidence' | 'conditions' | 'chain'
> & {
  method: string;
};

/** An escalation edge that gains admin points at the account: shown as `admin:ACCOUNT`. */
const hopTarget = (e: { type: string; to: { key: string; kind?: string } } | undefined): string =>
  !e ? 'admin' : e.type === 'CAN_ESCALATE_TO' && e.to.kind === 'Account' ? `admin:${e.to.key}` : e.to.key;

/**
 * Escalation paths from one principal or from every principal that findings say
 * can reach admin (with includeAssumeOnly and no `from`, also those that reach
 * an administrator only by assuming roles). With `from`, plain role-assumption
 * chains are listed too. With `evidence: false` (the text listing, which does not
 * print it) the hops of a listing come without their evidence.
 */
export async function escalations(
  source: Source,
  snapshotId: string,
  input: EscalationsInput,
  opts: { evidence?: boolean } = {},
): Promise<EscalationResult[]> {
  const a = parseArgs(escalationsArgs, input);
  const includeAssumeOnly = a.from !== undefined || a.includeAssumeOnly === true;
  const assumptions = a.assumptions ? { assumptions: a.assumptions } : {};
  const evidence = opts.evidence !== false;
  // Every path to admin from the findings' sources: the sources and the walk's first hop in one statement.
  const start =
    !includeAssumeOnly && a.to === 'admin' ? await listingStart(source, snapshotId, a, evidence) : null;
  const sources = start ? start.sources : a.from ? [a.from] : await escalationSources(source, snapshotId);
  if (!a.from && includeAssumeOnly) {
    const extra = await assumeOnlySources(source, snapshotId, { maxHops: a.maxHops, ...assumptions });
    sources.push(...extra.filter((k) => !sources.includes(k)));
  }
  const args = (from: string): EscalationArgs => ({
    from,
    to: a.to,
    maxHops: a.maxHops,
    limit: a.limit,
    includeAssumeOnly,
    ...assumptions,
  });
  const results: EscalationResult[] = [];
  // A listing (no `from`) walks from every source at once; one principal is walked on its own
  // (escalationPaths cuts that walk by the stored hops too).
  const listed = start
    ? start.explored
    : !a.from && sources.length > 0 && a.to === 'admin'
      ? await towardAdmin(source, snapshotId, sources, a, { evidence })
      : null;
  // Each edge's hop is made once and shared by every path that takes it.
  const hops = new Map<Edge, EscalationHop>();
  for (const from of sources) {
    if (listed) {
      const walks = listWalks(listed, args(from), (walk) => walkResult(from, a.to, walk, hops));
      results.push(...walks.items);
      continue;
    }
    const r = await escalationPaths(source, snapshotId, args(from));
    for (const p of r.paths) results.push(escalationResult(from, a.to, p));
  }
  return results;
}

/**
 * The walks to admin from every source at once, cut by each node's stored hopsToAdmin (one
 * statement per hop, not a walk per source); null when a source has no stored hops (a snapshot
 * loaded before they were stored, or a source that reaches no administrator) or the walk was cut
 * by its row limit, so the caller walks without the cut instead.
 */
async function towardAdmin(
  source: Source,
  snapshotId: string,
  sources: readonly string[],
  a: { maxHops: number; assumptions?: Assumptions | undefined },
  listing?: { evidence: boolean },
): Promise<Explored | null> {
  // The check and the walk go out together: the walk is thrown away when a source has no stored hops.
  const [stored, explored] = await Promise.all([
    driverOf(source).executeQuery(statement('api/escalation', 'hops-to-admin'), {
      snapshotId,
      keys: sources,
    }),
    exploreEscalation(source, snapshotId, sources, a.maxHops, {
      towardAdmin: true,
      ...(a.assumptions ? { assumptions: a.assumptions } : {}),
      ...(listing ? { listing } : {}),
    }),
  ]);
  if (stored.records.length < sources.length) return null;
  return explored.truncated ? null : explored;
}

/**
 * The listing's sources (as escalationSources finds them) and its walk to admin from them all (as
 * towardAdmin walks), the sources and the first hop read in one statement
 * (`escalation-listing-start`); `explored` is null when towardAdmin's would be (a source without
 * stored hops, a walk cut by its row limit, or no sources).
 */
async function listingStart(
  source: Source,
  snapshotId: string,
  a: { maxHops: number; assumptions?: Assumptions | undefined },
  evidence: boolean,
): Promise<{ sources: string[]; explored: Explored | null }> {
  // One statement on its own (no transaction to commit afterwards): one round trip.
  const res = await readOnce(driverOf(source), statement('api/escalation', 'escalation-listing-start'), {
    snapshotId,
    limit: neo4j.int(SOURCES_LIMIT),
    rowLimit: neo4j.int(ROWS_PER_STATEMENT),
    remaining: neo4j.int(a.maxHops - 1),
    evidence,
    ...assumptionParams(a.assumptions),
  });
  const row: Record<string, unknown> = res.records[0]?.toObject() ?? {};
  const sources = ((row.sources as unknown[] | undefined) ?? []).map(String);
  const allStored = row.stored === true;
  const firstRows: RowObject[] = ((row.edges as unknown[][] | undefined) ?? []).map(
    ([from, to, toKind, type, edge, reachesAdmin]) => ({ from, to, toKind, type, edge, reachesAdmin }),
  );
  if (!allStored || sources.length === 0 || firstRows.length >= ROWS_PER_STATEMENT)
    return { sources, explored: null };
  const explored = await exploreEscalation(source, snapshotId, sources, a.maxHops, {
    towardAdmin: true,
    ...(a.assumptions ? { assumptions: a.assumptions } : {}),
    listing: { evidence },
    firstRows,
  });
  return { sources, explored: explored.truncated ? null : explored };
}

/** One path of `escalations` from `from` to `to` (a principal's key, or 'admin'). */
export function escalationResult(from: string, to: string, p: PathWithEdges): EscalationResult {
  return walkResult(from, to, p.edges);
}

/**
 * The path of `escalations` that walks `edges` from `from`; `hops`, when given, keeps each edge's
 * hop, so that paths that share an edge share its hop object.
 */
function walkResult(
  from: string,
  to: string,
  edges: readonly Edge[],
  hops?: Map<Edge, EscalationHop>,
): EscalationResult {
  return {
    from,
    to: to === 'admin' ? hopTarget(edges.at(-1)) : to,
    length: edges.length,
    conditional: edges.some((e) => e.conditional),
    hops: edges.map((e) => {
      let hop = hops?.get(e);
      if (!hop) {
        hop = escalationHop(e);
        hops?.set(e, hop);
      }
      return hop;
    }),
  };
}

function escalationHop(e: Edge): EscalationHop {
  return {
    from: e.from.key,
    to: hopTarget(e),
    type: e.type,
    method: e.method ?? e.mechanism ?? e.type,
    actions: e.actions,
    evidence: e.evidence,
    conditions: e.conditions,
    chain: e.chain,
  };
}
