/**
 * Who can become whom over CAN_ASSUME edges: `whoCanAssume` (backwards from a
 * role), `reachableFrom` (forwards from a principal) and `paths` (between two).
 *
 * The first two search breadth-first in one Cypher statement (the start
 * lookup included), keeping the first (least conditional) edge that reaches
 * each node, so every node comes back with one shortest path; only the edges
 * kept travel back. `paths` lists several paths with Cypher's SHORTEST, from a
 * statement chosen by the hop bound, after one lookup of both ends.
 *
 * Inside the API, answers are cached per snapshot (query/cache.ts); elsewhere
 * (CLI, tests with a plain driver) `cached` just computes.
 */
import neo4j from 'neo4j-driver';
import * as z from 'zod';
import { statement } from '../cypher/index.ts';
import { DEFAULT_MAX_HOPS, DEFAULT_PATHS_LIMIT, DEFAULT_REACH_LIMIT, parseArgs } from './args.ts';
import { approxBytes } from './approx-bytes.ts';
import { assumptionParams } from './assumptions.ts';
import { NotInSnapshotError, QueryInputError } from './errors.ts';
import {
  pathSummary,
  toHop,
  toNodeRef,
  type Hop,
  type NodeRef,
  type Path,
  type PathSummary,
} from './graph.ts';
import { parsePrincipal, parseRoleArn, resolveNode, type PrincipalSpec } from './principal.ts';
import { cached, driverOf, reachIndexFor, type Source } from './cache.ts';
import { EdgeRef } from './reach-index.ts';
import {
  assumptionsSchema,
  whoCanAssumeArgs,
  reachableFromArgs,
  pathsArgs,
  type WhoCanAssumeArgs,
  type ReachableFromArgs,
  type PathsArgs,
} from './arg-schemas.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

const R = 'queries/reachability';
const P = 'queries/paths';

/** Rows one hop may return before the search reports itself truncated. */
const ROWS_PER_HOP = 20_000;

/** A node reached, with one shortest path to (or from) it. */
export interface ReachEntry extends PathSummary {
  node: NodeRef;
  /** In walking order: the first hop starts at the caller, the last ends at the role. */
  hops: Hop[];
}

export interface WhoCanAssumeResult {
  role: NodeRef;
  maxHops: number;
  limit: number;
  /** More principals exist than were returned (limit reached). */
  truncated: boolean;
  /** Shortest first, then by key. The role itself is listed (one hop) when its trust lets it assume itself. */
  principals: ReachEntry[];
}

export interface ReachableFromResult {
  from: NodeRef;
  maxHops: number;
  limit: number;
  truncated: boolean;
  /** Shortest first, then by key. A role start is listed (one hop) when it can assume itself. */
  roles: ReachEntry[];
}

export interface PathsResult {
  from: NodeRef;
  to: NodeRef;
  maxHops: number;
  limit: number;
  /** Shortest first; among equal lengths, fewer condition keys first. */
  paths: Path[];
}

type Direction = 'out' | 'in';

/** What an answer weighs in the cache: one per hop it holds. */
const weight = (list: readonly { hops: readonly unknown[] }[]) => list.reduce((n, e) => n + e.hops.length, 1);

interface BfsRow {
  from: string;
  to: string;
  edge: Record<string, unknown>;
  node: Record<string, unknown>;
  kind: unknown;
}

const num = (v: unknown): number => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : Number(v));

/** The statement for a search of maxHops hops: start, one `next` per further hop, end (see reachability.cypher). */
function bfsStatement(direction: Direction, maxHops: number): string {
  const d = direction === 'out' ? 'bfs-out' : 'bfs-in';
  return [
    statement(R, `${d}-start`),
    ...Array.from({ length: maxHops - 1 }, () => statement(R, `${d}-next`)),
    statement(R, `${d}-end`),
  ].join('\n');
}

/** A row of a search level: the edge kept for the node reached, and that node. */
interface LevelRow {
  from: string;
  to: string;
  node: NodeRef;
}

interface Level<T extends LevelRow> {
  rows: number;
  reached: T[];
}

/**
 * Applies the limit to the levels of a search and builds each node's path
 * (as rows) exactly as a hop-by-hop search would: first edge to a node wins,
 * the start listed once more when it can assume itself.
 */
function walk<T extends LevelRow>(
  start: NodeRef,
  levels: readonly Level<T>[],
  direction: Direction,
  maxHops: number,
  limit: number,
): { entries: { node: NodeRef; path: T[] }[]; truncated: boolean } {
  const visited = new Set<string>([start.key]);
  const pathTo = new Map<string, T[]>([[start.key, []]]);
  const entries: { node: NodeRef; path: T[] }[] = [];
  let frontier = [start.key];
  let truncated = false;
  let selfLoop = false;
  for (let hop = 1; hop <= maxHops && frontier.length > 0 && !truncated; hop++) {
    const level = levels[hop - 1];
    if (!level) break;
    if (level.rows >= ROWS_PER_HOP) truncated = true;
    const next: string[] = [];
    for (const r of level.reached) {
      const { from, to } = r;
      const reached = direction === 'out' ? to : from;
      if (reached === start.key && from === to && !selfLoop) {
        selfLoop = true;
        entries.push({ node: start, path: [r] });
        continue;
      }
      if (visited.has(reached)) continue;
      if (entries.length >= limit) {
        truncated = true;
        break;
      }
      visited.add(reached);
      const via = pathTo.get(direction === 'out' ? from : to) ?? [];
      const path = direction === 'out' ? [...via, r] : [r, ...via];
      pathTo.set(reached, path);
      next.push(reached);
      entries.push({ node: r.node, path });
    }
    frontier = next;
  }
  return { entries, truncated };
}

/** A hop of a path as a search found it: converted already (database search), or its edge in the index. */
type FoundHop = { hop: Hop } | EdgeRef;

/** A node reached and its path as found; `hopsOf` gives it its hops. */
export interface FoundEntry {
  node: NodeRef;
  length: number;
  path: readonly FoundHop[];
}

/** What a search found: entries shortest first, then by key. */
export interface Found {
  start: NodeRef;
  truncated: boolean;
  entries: FoundEntry[];
}

const byLengthThenKey = (a: { length: number; node: NodeRef }, b: { length: number; node: NodeRef }) =>
  a.length - b.length || (a.node.key < b.node.key ? -1 : a.node.key > b.node.key ? 1 : 0);

/**
 * Breadth-first from the node keyed `key`; undefined when the snapshot has no
 * such node. Inside the API, on the snapshot's
 * in-memory index when it is built (query/reach-index.ts), leaving the hops'
 * properties to be read for the entries an answer shows; otherwise in one
 * statement, where the database keeps, per node and hop, the edge the first
 * (least conditional) candidate row names. Both produce the same levels; the
 * walk applies the limit and builds the paths.
 */
async function search(
  source: Source,
  snapshotId: string,
  key: string,
  direction: Direction,
  maxHops: number,
  limit: number,
  assumptions: z.infer<typeof assumptionsSchema> | undefined,
): Promise<Found | undefined> {
  const index = await reachIndexFor(source, snapshotId);
  if (index) {
    const got = index.search(key, direction, maxHops, limit, ROWS_PER_HOP, assumptionParams(assumptions));
    if (!got) return undefined; // the snapshot has no such node
    const { entries, truncated } = walk(got.start, got.levels, direction, maxHops, limit);
    return { start: got.start, truncated, entries: entries.map(foundEntry).sort(byLengthThenKey) };
  }
  const res = await driverOf(source).executeQuery(bfsStatement(direction, maxHops), {
    snapshotId,
    key,
    limit: neo4j.int(limit),
    rowLimit: neo4j.int(ROWS_PER_HOP),
    ...assumptionParams(assumptions),
  });
  const rec = res.records[0];
  if (!rec) return undefined;
  const start = toNodeRef(rec.get('start') as Record<string, unknown>, rec.get('kind'));
  const levels = (rec.get('levels') as { rows: unknown; reached: BfsRow[] }[]).map((l) => ({
    rows: num(l.rows),
    reached: l.reached.map((r) => ({
      from: r.from,
      to: r.to,
      edge: r.edge,
      node: toNodeRef(r.node, r.kind),
    })),
  }));
  const { entries, truncated } = walk(start, levels, direction, maxHops, limit);
  await resolveSharedEvidence(source, snapshotId, new Set(entries.flatMap((e) => e.path.map((r) => r.edge))));
  // Only the rows on the paths kept become hops, each once.
  const hops = new Map<(typeof levels)[number]['reached'][number], FoundHop>();
  const converted = entries.map(({ node, path }) => ({
    node,
    path: path.map((r) => {
      let h = hops.get(r);
      if (!h) hops.set(r, (h = { hop: toHop(r.from, r.to, r.edge) }));
      return h;
    }),
  }));
  return { start, truncated, entries: converted.map(foundEntry).sort(byLengthThenKey) };
}

function foundEntry({ node, path }: { node: NodeRef; path: FoundHop[] }): FoundEntry {
  return { node, length: path.length, path };
}

/**
 * The entries with their hops: the hops an index search found are made from
 * the index's copy of their edges (which keeps recent ones made, query/reach-index.ts).
 */
function hopsOf(entries: readonly FoundEntry[]): ReachEntry[] {
  const hopOf = (h: FoundHop): Hop => (h instanceof EdgeRef ? h.read() : h.hop);
  return entries.map(({ node, path }) => {
    const hops = path.map(hopOf);
    return { node, ...pathSummary(hops), hops };
  });
}

/*
 * What answers weigh in bytes for the query cache, estimated as approxBytes
 * (query/approx-bytes.ts) would, without walking what is already counted: a
 * hop is weighed once per hop object, and the nodes and rows of an index
 * search are the index's own (kept by it whether or not an answer is cached),
 * so a found entry counts only its own object, path and row.
 */
const hopBytes = new WeakMap<Hop, number>();
const hopSize = (h: Hop): number => {
  let n = hopBytes.get(h);
  if (n === undefined) hopBytes.set(h, (n = approxBytes(h)));
  return n;
};
const ENTRY_BYTES = 160;

function entriesBytes(entries: readonly ReachEntry[]): number {
  let n = 32 + 8 * entries.length;
  for (const e of entries) {
    n += ENTRY_BYTES + approxBytes(e.node) + 8 * e.hops.length + 8 * e.conditionKeys.length;
    for (const k of e.conditionKeys) n += 16 + 2 * k.length;
    for (const h of e.hops) n += hopSize(h);
  }
  return n;
}

function foundBytes(f: Found): number {
  let n = 64 + 8 * f.entries.length;
  for (const e of f.entries) {
    n += ENTRY_BYTES + 8 * e.path.length;
    for (const h of e.path) if (!(h instanceof EdgeRef)) n += hopSize(h.hop);
  }
  return n;
}

/** The key resolveNode would look up for a spec; undefined for a role session (found by role name). */
function specKey(spec: PrincipalSpec): string | undefined {
  switch (spec.type) {
    case 'session':
      return undefined;
    case 'anyone':
      return '*';
    case 'service':
      return spec.name;
    case 'root':
      return spec.accountId;
    default:
      return spec.arn;
  }
}

/** Resolves the start and searches; a start the snapshot lacks fails with resolveNode's own error. */
async function searchFrom(
  source: Source,
  snapshotId: string,
  spec: PrincipalSpec,
  direction: Direction,
  maxHops: number,
  limit: number,
  assumptions: z.infer<typeof assumptionsSchema> | undefined,
): Promise<Found> {
  const key = specKey(spec);
  if (key !== undefined) {
    const found = await search(source, snapshotId, key, direction, maxHops, limit, assumptions);
    if (found) return found;
  }
  const node = await resolveNode(source, snapshotId, spec); // throws NotInSnapshotError when missing
  const found = await search(source, snapshotId, node.key, direction, maxHops, limit, assumptions);
  if (!found) throw new NotInSnapshotError(`${node.key} is not in snapshot ${snapshotId}.`, node.key);
  return found;
}

/** A reachability question, once its arguments are checked: its cache key, how to search, its answer. */
interface Question<R> {
  operation: 'whoCanAssume' | 'reachableFrom';
  key: Record<string, unknown>;
  find: () => Promise<Found>;
  /** The whole answer, from what was found and all entries with their hops. */
  result: (found: Found, entries: ReachEntry[]) => R;
}

/**
 * What was found (cached per snapshot inside the API when only a page is
 * picked) and, for the entries `pick` selects (all by default), their hops.
 */
async function gather(
  source: Source,
  snapshotId: string,
  q: Question<unknown>,
  pick: (entries: readonly FoundEntry[]) => readonly FoundEntry[] = (e) => e,
  keepFound = false,
): Promise<{ found: Found; entries: ReachEntry[] }> {
  const found = keepFound
    ? await cached(
        source,
        snapshotId,
        `${q.operation}/found`,
        q.key,
        () => q.find(),
        (f) => f.entries.reduce((n, e) => n + e.length, 1),
        foundBytes,
      )
    : await q.find();
  return { found, entries: hopsOf(pick(found.entries)) };
}

/** The whole answer to a question, cached as such inside the API. */
async function whole<R>(source: Source, snapshotId: string, q: Question<R>): Promise<R> {
  let entries: ReachEntry[] = []; // what the answer holds, for its weight in the cache
  let start: NodeRef | undefined;
  return cached(
    source,
    snapshotId,
    q.operation,
    q.key,
    async () => {
      const got = await gather(source, snapshotId, q);
      entries = got.entries;
      start = got.found.start;
      return q.result(got.found, got.entries);
    },
    () => weight(entries),
    () => 96 + approxBytes(start) + entriesBytes(entries),
  );
}

function whoCanAssumeQuestion(snapshotId: string, source: Source, args: WhoCanAssumeArgs) {
  const a = parseArgs(whoCanAssumeArgs, args);
  parseRoleArn(a.role);
  const spec = parsePrincipal(a.role);
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_REACH_LIMIT;
  const q: Question<WhoCanAssumeResult> = {
    operation: 'whoCanAssume',
    key: { ...a, maxHops, limit },
    find: async () => {
      const found = await searchFrom(source, snapshotId, spec, 'in', maxHops, limit, a.assumptions);
      if (found.start.kind !== 'Role')
        throw new NotInSnapshotError(`${a.role} is not a role of snapshot ${snapshotId}.`, found.start.key);
      return found;
    },
    result: (found, principals) => ({
      role: found.start,
      maxHops,
      limit,
      truncated: found.truncated,
      principals,
    }),
  };
  return q;
}

function reachableFromQuestion(snapshotId: string, source: Source, args: ReachableFromArgs) {
  const a = parseArgs(reachableFromArgs, args);
  const spec = parsePrincipal(a.principal, true);
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_REACH_LIMIT;
  const q: Question<ReachableFromResult> = {
    operation: 'reachableFrom',
    key: { ...a, maxHops, limit },
    find: () => searchFrom(source, snapshotId, spec, 'out', maxHops, limit, a.assumptions),
    result: (found, roles) => ({ from: found.start, maxHops, limit, truncated: found.truncated, roles }),
  };
  return q;
}

/**
 * Every principal that can reach `role` in at most maxHops CAN_ASSUME hops, each with one shortest path.
 * (async, so that bad arguments come back as a rejected promise, as from every query function)
 */
export async function whoCanAssume(
  source: Source,
  snapshotId: string,
  args: WhoCanAssumeArgs,
): Promise<WhoCanAssumeResult> {
  return whole(source, snapshotId, whoCanAssumeQuestion(snapshotId, source, args));
}

/** Every role `principal` can reach in at most maxHops CAN_ASSUME hops, each with one shortest path. */
export async function reachableFrom(
  source: Source,
  snapshotId: string,
  args: ReachableFromArgs,
): Promise<ReachableFromResult> {
  return whole(source, snapshotId, reachableFromQuestion(snapshotId, source, args));
}

/**
 * One page of a reachability answer: `pick` chooses (and orders) the entries
 * from all found, and only those get their hops. The API pages this way, so a
 * page of 50 out of a thousand principals reads 50 paths' evidence.
 */
export async function reachPage<K extends 'whoCanAssume' | 'reachableFrom'>(
  source: Source,
  snapshotId: string,
  kind: K,
  args: K extends 'whoCanAssume' ? WhoCanAssumeArgs : ReachableFromArgs,
  pick: (entries: readonly FoundEntry[]) => readonly FoundEntry[],
  /** What `pick` picks (order, offset, size), as plain data: pages are cached by it. */
  pageKey: unknown,
): Promise<{ total: number; truncated: boolean; entries: ReachEntry[] }> {
  const q: Question<unknown> =
    kind === 'whoCanAssume'
      ? whoCanAssumeQuestion(snapshotId, source, args as WhoCanAssumeArgs)
      : reachableFromQuestion(snapshotId, source, args as ReachableFromArgs);
  return cached(
    source,
    snapshotId,
    `${q.operation}/page`,
    { ...q.key, page: pageKey },
    async () => {
      const { found, entries } = await gather(source, snapshotId, q, pick, true);
      return { total: found.entries.length, truncated: found.truncated, entries };
    },
    (r) => weight(r.entries),
    (r) => 64 + entriesBytes(r.entries),
  );
}

/** Paths from one principal to another (usually a role) over CAN_ASSUME edges, shortest first. */
export async function paths(source: Source, snapshotId: string, args: PathsArgs): Promise<PathsResult> {
  const a = parseArgs(pathsArgs, args);
  const fromSpec = parsePrincipal(a.from, true);
  let toSpec: PrincipalSpec;
  try {
    toSpec = parsePrincipal(a.to);
  } catch (err) {
    await resolveNode(source, snapshotId, fromSpec); // a missing `from` is reported first, as it always was
    throw err;
  }
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_PATHS_LIMIT;
  const bounded = { ...a, maxHops, limit };
  return cached(
    source,
    snapshotId,
    'paths',
    bounded,
    async () => {
      const { from, to } = await endpoints(source, snapshotId, fromSpec, toSpec);
      if (from.key === to.key)
        throw new QueryInputError('from and to name the same node; give two different ones.');
      return { from, to, maxHops, limit, paths: await pathsBetween(source, snapshotId, from, to, bounded) };
    },
    (r) => weight(r.paths),
  );
}

/**
 * Both ends, from the snapshot's index when the API has one, else in one
 * lookup; when either is missing (or a role session), resolveNode in order,
 * for its error.
 */
async function endpoints(
  source: Source,
  snapshotId: string,
  fromSpec: PrincipalSpec,
  toSpec: PrincipalSpec,
): Promise<{ from: NodeRef; to: NodeRef }> {
  const fromKey = specKey(fromSpec);
  const toKey = specKey(toSpec);
  if (fromKey !== undefined && toKey !== undefined) {
    const index = await reachIndexFor(source, snapshotId, false);
    const [fromNode, toNode] = [index?.node(fromKey), index?.node(toKey)];
    if (fromNode && toNode) return { from: fromNode, to: toNode };
    const res = await driverOf(source).executeQuery(statement(P, 'endpoints'), {
      snapshotId,
      from: fromKey,
      to: toKey,
    });
    const r = res.records[0];
    const f = r?.get('from') as Record<string, unknown> | null | undefined;
    const t = r?.get('to') as Record<string, unknown> | null | undefined;
    if (r && f && t) return { from: toNodeRef(f, r.get('fromKind')), to: toNodeRef(t, r.get('toKind')) };
  }
  const from = await resolveNode(source, snapshotId, fromSpec);
  const to = await resolveNode(source, snapshotId, toSpec);
  return { from, to };
}

/** Shortest first; among equal lengths, fewer condition keys first, then by the nodes' keys. */
function byPathOrder(
  x: { length: number; conditionKeys: readonly string[]; nodes: readonly NodeRef[] },
  y: { length: number; conditionKeys: readonly string[]; nodes: readonly NodeRef[] },
): number {
  return (
    x.length - y.length ||
    x.conditionKeys.length - y.conditionKeys.length ||
    x.nodes
      .map((n) => n.key)
      .join('\u0000')
      .localeCompare(y.nodes.map((n) => n.key).join('\u0000'))
  );
}

/**
 * The paths, shortest first. Inside the API, on the snapshot's in-memory index
 * when it is built: every simple path of each length from the shortest on
 * until there are `limit`, ordered, and only the kept paths' hops read;
 * otherwise (or when the walk there grows too large) with Cypher's SHORTEST,
 * which stops at 64 walks, so among many paths of one length the two may keep
 * different ones (both shortest first, then by fewest condition keys).
 */
async function pathsBetween(
  source: Source,
  snapshotId: string,
  from: NodeRef,
  to: NodeRef,
  a: PathsArgs & { maxHops: number; limit: number },
): Promise<Path[]> {
  const index = await reachIndexFor(source, snapshotId);
  const walked = index?.paths(from.key, to.key, a.maxHops, assumptionParams(a.assumptions), a.limit);
  if (walked) {
    const kept = walked
      .map((p) => ({
        ...p,
        length: p.hops.length,
        conditionKeys: [...new Set(p.hops.flatMap((h) => h.conditionKeys))],
      }))
      .sort(byPathOrder)
      .slice(0, a.limit);
    // The same making of hops as reachability answers have (node: the path's end, unused here).
    const read = hopsOf(kept.map((p) => ({ node: to, length: p.length, path: p.hops })));
    return read.map(({ node: _node, ...summary }, i) => ({ ...summary, nodes: kept[i]!.nodes }));
  }
  // The statement is chosen by name from the validated bound (1..8): no query text is built from input.
  const res = await driverOf(source).executeQuery(statement(P, `paths-${a.maxHops}`), {
    snapshotId,
    from: from.key,
    to: to.key,
    limit: neo4j.int(a.limit),
    ...assumptionParams(a.assumptions),
  });
  await resolveSharedEvidence(
    source,
    snapshotId,
    res.records.flatMap((r) => r.get('edges') as Record<string, unknown>[]),
  );
  const out: Path[] = res.records.map((r) => {
    const nodes = (r.get('nodes') as Record<string, unknown>[]).map((n) => toNodeRef(n, n.kind));
    const edges = r.get('edges') as Record<string, unknown>[];
    const hops = edges.map((e, i) => toHop(nodes[i]!.key, nodes[i + 1]!.key, e));
    return { ...pathSummary(hops), nodes, hops };
  });
  return out.sort(byPathOrder);
}
