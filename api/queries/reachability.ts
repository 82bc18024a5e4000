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
 * Inside the API, answers are cached per snapshot (api/cache.ts); elsewhere
 * (CLI, tests with a plain driver) `cached` just computes.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import { statement } from '../../cypher/index.ts';
import { DEFAULT_MAX_HOPS, maxHopsSchema, parseArgs } from './args.ts';
import { assumptionParams, assumptionsSchema } from './assumptions.ts';
import { NotInSnapshotError, QueryInputError } from './errors.ts';
import { pathSummary, toHop, toNodeRef, type Hop, type NodeRef } from './graph.ts';
import { parsePrincipal, parseRoleArn, resolveNode, type PrincipalSpec } from './principal.ts';
import { cached, dropReachIndex, reachIndexFor } from '../cache.ts';
import { StaleIndexError } from '../reach-index.ts';

const R = 'queries/reachability';
const P = 'queries/paths';

export const MAX_REACH_LIMIT = 1000;
export const DEFAULT_REACH_LIMIT = 200;
export const MAX_PATHS_LIMIT = 64;
export const DEFAULT_PATHS_LIMIT = 10;
/** Rows one hop may return before the search reports itself truncated. */
const ROWS_PER_HOP = 20_000;

const limitSchema = (max: number) =>
  z.number().int().min(1, 'limit must be at least 1').max(max, `limit must be at most ${max}`);

export const whoCanAssumeArgs = z.object({
  role: z.string().min(1),
  maxHops: maxHopsSchema.optional(),
  limit: limitSchema(MAX_REACH_LIMIT).optional(),
  assumptions: assumptionsSchema.optional(),
});
export type WhoCanAssumeArgs = z.infer<typeof whoCanAssumeArgs>;

export const reachableFromArgs = z.object({
  principal: z.string().min(1),
  maxHops: maxHopsSchema.optional(),
  limit: limitSchema(MAX_REACH_LIMIT).optional(),
  assumptions: assumptionsSchema.optional(),
});
export type ReachableFromArgs = z.infer<typeof reachableFromArgs>;

export const pathsArgs = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  maxHops: maxHopsSchema.optional(),
  limit: limitSchema(MAX_PATHS_LIMIT).optional(),
  assumptions: assumptionsSchema.optional(),
});
export type PathsArgs = z.infer<typeof pathsArgs>;

/** A node reached, with one shortest path to (or from) it. */
export interface ReachEntry {
  node: NodeRef;
  /** Hops on the path. */
  length: number;
  /** Some hop needs a request-time condition. */
  conditional: boolean;
  /** Some hop crosses accounts. */
  crossAccount: boolean;
  /** Condition keys of all hops, sorted. */
  conditionKeys: string[];
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

export interface PathOut {
  length: number;
  conditional: boolean;
  crossAccount: boolean;
  conditionKeys: string[];
  nodes: NodeRef[];
  hops: Hop[];
}

export interface PathsResult {
  from: NodeRef;
  to: NodeRef;
  maxHops: number;
  limit: number;
  /** Shortest first; among equal lengths, fewer condition keys first. */
  paths: PathOut[];
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

/** Entries with their hops, shortest first, then by key; `hop` converts each row once. */
function toEntries<T extends LevelRow>(
  walked: { node: NodeRef; path: T[] }[],
  hop: (row: T) => Hop,
): ReachEntry[] {
  const hops = new Map<T, Hop>();
  const entries = walked.map(({ node, path }) => {
    const list = path.map((r) => {
      let h = hops.get(r);
      if (!h) hops.set(r, (h = hop(r)));
      return h;
    });
    return { node, ...pathSummary(list), hops: list };
  });
  return entries.sort(
    (a, b) => a.length - b.length || (a.node.key < b.node.key ? -1 : a.node.key > b.node.key ? 1 : 0),
  );
}

type SearchResult = { start: NodeRef; entries: ReachEntry[]; truncated: boolean };

/**
 * Breadth-first from the node keyed `key`; undefined when the snapshot has no
 * such node. Inside the API, from the snapshot's in-memory index when it is
 * built and holds the node (api/reach-index.ts), reading only the kept edges'
 * properties; otherwise in one statement, where the database keeps, per node
 * and hop, the edge the first (least conditional) candidate row names. Both
 * produce the same levels; the walk applies the limit and builds the paths.
 */
async function search(
  driver: Driver,
  snapshotId: string,
  key: string,
  direction: Direction,
  maxHops: number,
  limit: number,
  assumptions: z.infer<typeof assumptionsSchema> | undefined,
): Promise<SearchResult | undefined> {
  const index = await reachIndexFor(driver, snapshotId);
  const fromIndex = index?.search(
    key,
    direction,
    maxHops,
    limit,
    ROWS_PER_HOP,
    assumptionParams(assumptions),
  );
  if (fromIndex) {
    const { entries: walked, truncated } = walk(fromIndex.start, fromIndex.levels, direction, maxHops, limit);
    const rows = [...new Set(walked.flatMap((w) => w.path))];
    try {
      const props = await index!.edgeProperties.get(driver, rows);
      const byRow = new Map(rows.map((r, i) => [r, props[i]!]));
      const entries = toEntries(walked, (r) => toHop(r.from, r.to, byRow.get(r)!));
      return { start: fromIndex.start, entries, truncated };
    } catch (err) {
      if (!(err instanceof StaleIndexError)) throw err;
      dropReachIndex(driver, snapshotId);
    }
  }
  const res = await driver.executeQuery(bfsStatement(direction, maxHops), {
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
  const { entries: walked, truncated } = walk(start, levels, direction, maxHops, limit);
  return { start, entries: toEntries(walked, (r) => toHop(r.from, r.to, r.edge)), truncated };
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
  driver: Driver,
  snapshotId: string,
  spec: PrincipalSpec,
  direction: Direction,
  maxHops: number,
  limit: number,
  assumptions: z.infer<typeof assumptionsSchema> | undefined,
): Promise<SearchResult> {
  const key = specKey(spec);
  if (key !== undefined) {
    const found = await search(driver, snapshotId, key, direction, maxHops, limit, assumptions);
    if (found) return found;
  }
  const node = await resolveNode(driver, snapshotId, spec); // throws NotInSnapshotError when missing
  const found = await search(driver, snapshotId, node.key, direction, maxHops, limit, assumptions);
  if (!found) throw new NotInSnapshotError(`${node.key} is not in snapshot ${snapshotId}.`, node.key);
  return found;
}

/** Every principal that can reach `role` in at most maxHops CAN_ASSUME hops, each with one shortest path. */
export async function whoCanAssume(
  driver: Driver,
  snapshotId: string,
  args: WhoCanAssumeArgs,
): Promise<WhoCanAssumeResult> {
  const a = parseArgs(whoCanAssumeArgs, args);
  parseRoleArn(a.role);
  const spec = parsePrincipal(a.role);
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_REACH_LIMIT;
  return cached(
    driver,
    snapshotId,
    'whoCanAssume',
    { ...a, maxHops, limit },
    async () => {
      const {
        start: role,
        entries,
        truncated,
      } = await searchFrom(driver, snapshotId, spec, 'in', maxHops, limit, a.assumptions);
      if (role.kind !== 'Role')
        throw new NotInSnapshotError(`${a.role} is not a role of snapshot ${snapshotId}.`, role.key);
      return { role, maxHops, limit, truncated, principals: entries };
    },
    (r) => weight(r.principals),
  );
}

/** Every role `principal` can reach in at most maxHops CAN_ASSUME hops, each with one shortest path. */
export async function reachableFrom(
  driver: Driver,
  snapshotId: string,
  args: ReachableFromArgs,
): Promise<ReachableFromResult> {
  const a = parseArgs(reachableFromArgs, args);
  const spec = parsePrincipal(a.principal, true);
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_REACH_LIMIT;
  return cached(
    driver,
    snapshotId,
    'reachableFrom',
    { ...a, maxHops, limit },
    async () => {
      const {
        start: from,
        entries,
        truncated,
      } = await searchFrom(driver, snapshotId, spec, 'out', maxHops, limit, a.assumptions);
      return { from, maxHops, limit, truncated, roles: entries };
    },
    (r) => weight(r.roles),
  );
}

/** Paths from one principal to another (usually a role) over CAN_ASSUME edges, shortest first. */
export async function paths(driver: Driver, snapshotId: string, args: PathsArgs): Promise<PathsResult> {
  const a = parseArgs(pathsArgs, args);
  const fromSpec = parsePrincipal(a.from, true);
  let toSpec: PrincipalSpec;
  try {
    toSpec = parsePrincipal(a.to);
  } catch (err) {
    await resolveNode(driver, snapshotId, fromSpec); // a missing `from` is reported first, as it always was
    throw err;
  }
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_PATHS_LIMIT;
  const bounded = { ...a, maxHops, limit };
  return cached(
    driver,
    snapshotId,
    'paths',
    bounded,
    async () => {
      const { from, to } = await endpoints(driver, snapshotId, fromSpec, toSpec);
      if (from.key === to.key)
        throw new QueryInputError('from and to name the same node; give two different ones.');
      return { from, to, maxHops, limit, paths: await pathsBetween(driver, snapshotId, from, to, bounded) };
    },
    (r) => weight(r.paths),
  );
}

/** Both ends in one lookup; when either is missing (or a role session), resolveNode in order, for its error. */
async function endpoints(
  driver: Driver,
  snapshotId: string,
  fromSpec: PrincipalSpec,
  toSpec: PrincipalSpec,
): Promise<{ from: NodeRef; to: NodeRef }> {
  const fromKey = specKey(fromSpec);
  const toKey = specKey(toSpec);
  if (fromKey !== undefined && toKey !== undefined) {
    const res = await driver.executeQuery(statement(P, 'endpoints'), {
      snapshotId,
      from: fromKey,
      to: toKey,
    });
    const r = res.records[0];
    const f = r?.get('from') as Record<string, unknown> | null | undefined;
    const t = r?.get('to') as Record<string, unknown> | null | undefined;
    if (r && f && t) return { from: toNodeRef(f, r.get('fromKind')), to: toNodeRef(t, r.get('toKind')) };
  }
  const from = await resolveNode(driver, snapshotId, fromSpec);
  const to = await resolveNode(driver, snapshotId, toSpec);
  return { from, to };
}

async function pathsBetween(
  driver: Driver,
  snapshotId: string,
  from: NodeRef,
  to: NodeRef,
  a: PathsArgs & { maxHops: number; limit: number },
): Promise<PathOut[]> {
  // The statement is chosen by name from the validated bound (1..8): no query text is built from input.
  const res = await driver.executeQuery(statement(P, `paths-${a.maxHops}`), {
    snapshotId,
    from: from.key,
    to: to.key,
    limit: neo4j.int(a.limit),
    ...assumptionParams(a.assumptions),
  });
  const out: PathOut[] = res.records.map((r) => {
    const nodes = (r.get('nodes') as Record<string, unknown>[]).map((n) => toNodeRef(n, n.kind));
    const edges = r.get('edges') as Record<string, unknown>[];
    const hops = edges.map((e, i) => toHop(nodes[i]!.key, nodes[i + 1]!.key, e));
    return { ...pathSummary(hops), nodes, hops };
  });
  out.sort(
    (x, y) =>
      x.length - y.length ||
      x.conditionKeys.length - y.conditionKeys.length ||
      x.nodes
        .map((n) => n.key)
        .join('\u0000')
        .localeCompare(y.nodes.map((n) => n.key).join('\u0000')),
  );
  return out;
}
