/**
 * Who can become whom over CAN_ASSUME edges: `whoCanAssume` (backwards from a
 * role), `reachableFrom` (forwards from a principal) and `paths` (between two).
 *
 * The first two search breadth-first, one parameterized Cypher call per hop,
 * keeping the first (least conditional) edge that reaches each node, so every
 * node comes back with one shortest path. `paths` lists several paths with
 * Cypher's SHORTEST, from a statement chosen by the hop bound.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import { statement } from '../../cypher/index.ts';
import { DEFAULT_MAX_HOPS, maxHopsSchema, parseArgs } from './args.ts';
import { assumptionParams, assumptionsSchema } from './assumptions.ts';
import { NotInSnapshotError, QueryInputError } from './errors.ts';
import { pathSummary, toHop, toNodeRef, type Hop, type NodeRef } from './graph.ts';
import { parsePrincipal, parseRoleArn, resolveNode } from './principal.ts';

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

async function search(
  driver: Driver,
  snapshotId: string,
  start: NodeRef,
  direction: Direction,
  maxHops: number,
  limit: number,
  assumptions: z.infer<typeof assumptionsSchema> | undefined,
): Promise<{ entries: ReachEntry[]; truncated: boolean }> {
  const filter = assumptionParams(assumptions);
  const visited = new Set<string>([start.key]);
  const pathTo = new Map<string, Hop[]>([[start.key, []]]);
  const entries: ReachEntry[] = [];
  let frontier = [start.key];
  let truncated = false;
  let selfLoop = false;
  for (let hop = 1; hop <= maxHops && frontier.length > 0 && !truncated; hop++) {
    const res = await driver.executeQuery(statement(R, direction === 'out' ? 'reach-out' : 'reach-in'), {
      snapshotId,
      keys: frontier,
      // The first hop may return the start itself: a role whose trust lets it assume itself.
      visited: hop === 1 ? [] : [...visited],
      rowLimit: neo4j.int(ROWS_PER_HOP),
      ...filter,
    });
    if (res.records.length >= ROWS_PER_HOP) truncated = true;
    const next: string[] = [];
    for (const r of res.records) {
      const from = String(r.get('from'));
      const to = String(r.get('to'));
      const reached = direction === 'out' ? to : from;
      if (reached === start.key && from === to && !selfLoop) {
        selfLoop = true;
        const hops = [toHop(from, to, r.get('edge') as Record<string, unknown>)];
        entries.push({ node: start, ...pathSummary(hops), hops });
        continue;
      }
      if (visited.has(reached)) continue; // a shorter or less conditional edge already reached it
      if (entries.length >= limit) {
        truncated = true;
        break;
      }
      visited.add(reached);
      const edge = toHop(from, to, r.get('edge') as Record<string, unknown>);
      const via = pathTo.get(direction === 'out' ? from : to) ?? [];
      const hops = direction === 'out' ? [...via, edge] : [edge, ...via];
      pathTo.set(reached, hops);
      next.push(reached);
      entries.push({
        node: toNodeRef(r.get('node') as Record<string, unknown>, r.get('kind')),
        ...pathSummary(hops),
        hops,
      });
    }
    frontier = next;
  }
  entries.sort(
    (a, b) => a.length - b.length || (a.node.key < b.node.key ? -1 : a.node.key > b.node.key ? 1 : 0),
  );
  return { entries, truncated };
}

/** Every principal that can reach `role` in at most maxHops CAN_ASSUME hops, each with one shortest path. */
export async function whoCanAssume(
  driver: Driver,
  snapshotId: string,
  args: WhoCanAssumeArgs,
): Promise<WhoCanAssumeResult> {
  const a = parseArgs(whoCanAssumeArgs, args);
  parseRoleArn(a.role);
  const role = await resolveNode(driver, snapshotId, parsePrincipal(a.role));
  if (role.kind !== 'Role')
    throw new NotInSnapshotError(`${a.role} is not a role of snapshot ${snapshotId}.`, role.key);
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_REACH_LIMIT;
  const { entries, truncated } = await search(driver, snapshotId, role, 'in', maxHops, limit, a.assumptions);
  return { role, maxHops, limit, truncated, principals: entries };
}

/** Every role `principal` can reach in at most maxHops CAN_ASSUME hops, each with one shortest path. */
export async function reachableFrom(
  driver: Driver,
  snapshotId: string,
  args: ReachableFromArgs,
): Promise<ReachableFromResult> {
  const a = parseArgs(reachableFromArgs, args);
  const from = await resolveNode(driver, snapshotId, parsePrincipal(a.principal, true));
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_REACH_LIMIT;
  const { entries, truncated } = await search(driver, snapshotId, from, 'out', maxHops, limit, a.assumptions);
  return { from, maxHops, limit, truncated, roles: entries };
}

/** Paths from one principal to another (usually a role) over CAN_ASSUME edges, shortest first. */
export async function paths(driver: Driver, snapshotId: string, args: PathsArgs): Promise<PathsResult> {
  const a = parseArgs(pathsArgs, args);
  const from = await resolveNode(driver, snapshotId, parsePrincipal(a.from, true));
  const to = await resolveNode(driver, snapshotId, parsePrincipal(a.to));
  if (from.key === to.key)
    throw new QueryInputError('from and to name the same node; give two different ones.');
  const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = a.limit ?? DEFAULT_PATHS_LIMIT;
  // The statement is chosen by name from the validated bound (1..8): no query text is built from input.
  const res = await driver.executeQuery(statement(P, `paths-${maxHops}`), {
    snapshotId,
    from: from.key,
    to: to.key,
    limit: neo4j.int(limit),
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
  return { from, to, maxHops, limit, paths: out };
}
