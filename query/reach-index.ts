/**
 * The CAN_ASSUME graph of one complete snapshot, held in the API's memory so
 * that whoCanAssume and reachableFrom walk it without a database traversal.
 *
 * A complete snapshot never changes, so its graph can be read once: its nodes
 * (key, ARN, name, account, kind) and the CAN_ASSUME edges as
 * (from, to, condition keys), in compact arrays with adjacency lists both
 * ways, and what each edge's hop shows (its evidence, conditions, reasons and
 * flags, in the compact form of query/reach-edges.ts), read in the same
 * streamed pass. The search here is the one of cypher/queries/reachability.cypher
 * (bfs-*), step for step: per hop the candidate rows in the same order (the
 * reached node's key, fewest condition keys, the near node's key), the same
 * row limit, the first row per reached node, the same stop rule. It returns
 * the levels the statement returns; each row names its edge, whose hop the
 * index gives without a database read (`hop`). Only the condition keys of an
 * edge matter to the search (the analyst's assumptions drop edges by them),
 * and a snapshot has few distinct sets of them, so each edge holds a set number.
 *
 * Nothing here is consulted for a snapshot that is gone: the query cache only
 * asks for the index of a snapshot in its current list (read at most a second
 * before, by default) and drops the indexes of snapshots that leave it, as it
 * drops their cached answers.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import type { Hop, NodeKind, NodeRef } from './graph.ts';
import { ReachEdges, ReachEdgesBuilder } from './reach-edges.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

const R = 'queries/reachability';

/** The snapshot's CAN_ASSUME edges join nodes it does not list: its data is going or gone. */
export class StaleIndexError extends Error {
  override readonly name = 'StaleIndexError';
}

export type Direction = 'out' | 'in';

/**
 * An edge of an index by its two ends and condition keys; `read` gives its hop
 * from the index's copy. The index is held privately, so that answers holding
 * the edge stay plain data to the query cache (which freezes and weighs them).
 */
export class EdgeRef {
  readonly #index: ReachIndex;
  readonly from: string;
  readonly to: string;
  readonly conditionKeys: readonly string[];
  readonly edge: number;

  constructor(index: ReachIndex, edge: number, from: string, to: string, conditionKeys: readonly string[]) {
    this.#index = index;
    this.edge = edge;
    this.from = from;
    this.to = to;
    this.conditionKeys = conditionKeys;
  }

  /** The edge's hop (frozen, and the same object while the index keeps it made). */
  read(): Hop {
    return this.#index.hop(this.edge);
  }
}

/** One row of a level: the edge kept for the node reached (its ends by key), and that node; frozen. */
export class IndexRow extends EdgeRef {
  readonly node: NodeRef;

  constructor(
    index: ReachIndex,
    edge: number,
    from: string,
    to: string,
    conditionKeys: readonly string[],
    node: NodeRef,
  ) {
    super(index, edge, from, to, conditionKeys);
    this.node = node;
    Object.freeze(this);
  }
}

export interface IndexLevel {
  /** Candidate rows the hop produced (up to the row limit). */
  rows: number;
  reached: IndexRow[];
}

/** Which condition keys drop an edge; the same test as the statements' WHERE clause. */
export interface EdgeFilter {
  dropPatterns: readonly string[];
  dropOther: boolean;
  knownPatterns: readonly string[];
}

/** Code-point order, as Neo4j orders strings (equal to `<` unless surrogate pairs meet other high characters). */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

interface Candidate {
  /** Node reached (index). */
  node: number;
  /** Node it was reached from (index). */
  near: number;
  edge: number;
}

export class ReachIndex {
  private constructor(
    readonly snapshotId: string,
    private readonly nodes: NodeRef[],
    private readonly byKey: Map<string, number>,
    /** Position of each node in key order. */
    private readonly rank: Int32Array,
    private readonly edgeFrom: Int32Array,
    private readonly edgeTo: Int32Array,
    private readonly edgeSet: Uint32Array,
    private readonly sets: readonly (readonly string[])[],
    private readonly inOffset: Int32Array,
    private readonly inEdges: Int32Array,
    private readonly outOffset: Int32Array,
    private readonly outEdges: Int32Array,
    /** What each edge's hop shows. */
    private readonly edges: ReachEdges,
  ) {
    this.order = new Int32Array(nodes.length);
    rank.forEach((position, node) => (this.order[position] = node));
    this.setSize = Int32Array.from(sets, (keys) => keys.length);
  }

  /** The node at each position of key order (the inverse of `rank`). */
  private readonly order: Int32Array;
  /** Number of condition keys of each set. */
  private readonly setSize: Int32Array;

  get nodeCount(): number {
    return this.nodes.length;
  }

  get edgeCount(): number {
    return this.edgeFrom.length;
  }

  /** Distinct texts and property records the edges share. */
  get edgeTexts(): { texts: number; records: number } {
    return this.edges.distinct;
  }

  /**
   * Edge `e`'s hop, frozen (as answers hold hops). The last HOPS_KEPT hops made
   * are kept and handed out again, so that answers sharing an edge (a hub's
   * trust, an SSO role) make its hop once, not once per answer.
   */
  hop(e: number): Hop {
    let hop = this.hops.get(e);
    if (hop) return hop;
    hop = Object.freeze(
      this.edges.hop(e, this.nodes[this.edgeFrom[e]!]!.key, this.nodes[this.edgeTo[e]!]!.key),
    );
    if (this.hops.size >= HOPS_KEPT) this.hops.delete(this.hops.keys().next().value!);
    this.hops.set(e, hop);
    return hop;
  }
  private readonly hops = new Map<number, Hop>();

  /** Drops the hops kept made. */
  forgetHops(): void {
    this.hops.clear();
  }

  /** Rough bytes held (arrays, keys, node records, the edges' texts), for logs and stats; counted once. */
  get approximateBytes(): number {
    if (this.bytes === undefined) {
      let strings = 0;
      for (const n of this.nodes)
        strings += 2 * (n.key.length + (n.arn?.length ?? 0) + (n.name?.length ?? 0)) + 120;
      this.bytes =
        strings + this.edgeFrom.length * 4 * 5 + this.nodes.length * 4 * 3 + this.edges.approximateBytes;
    }
    return this.bytes;
  }
  private bytes: number | undefined;

  /**
   * Reads the snapshot's CAN_ASSUME graph (two streamed statements; the edges'
   * shared evidence put back a batch at a time, one statement per batch that has any).
   */
  static async build(driver: Driver, snapshotId: string, database?: string): Promise<ReachIndex> {
    const nodes: NodeRef[] = [];
    const byKey = new Map<string, number>();
    const from: number[] = [];
    const to: number[] = [];
    const setOf: number[] = [];
    const sets: string[][] = [];
    const setIds = new Map<string, number>();
    const edges = new ReachEdgesBuilder();
    let unlisted = 0;
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await stream(session.run(statement(R, 'index-nodes'), { snapshotId }), (r) => {
        const key = String(r.get('key'));
        const ref: NodeRef = { key, kind: (r.get('kind') ?? 'ExternalPrincipal') as NodeKind };
        const arn = r.get('arn');
        const name = r.get('name');
        const accountId = r.get('accountId');
        if (typeof arn === 'string') ref.arn = arn;
        if (typeof name === 'string') ref.name = name;
        if (typeof accountId === 'string') ref.accountId = accountId;
        byKey.set(key, nodes.length);
        nodes.push(ref);
      });
      let batch: { p: Props; from: number; to: number; keys: string[] }[] = [];
      const flush = async () => {
        await resolveSharedEvidence(
          driver,
          snapshotId,
          batch.map((x) => x.p),
        );
        for (const { p, from: a, to: b, keys } of batch) {
          const canon = setKey(keys);
          let id = setIds.get(canon);
          if (id === undefined) {
            id = sets.length;
            setIds.set(canon, id);
            sets.push(keys);
          }
          from.push(a);
          to.push(b);
          setOf.push(id);
          edges.add(p, nodes[a]!.key, nodes[b]!.key);
        }
        batch = [];
      };
      for await (const r of session.run(statement(R, 'index-edges'), { snapshotId })) {
        const a = byKey.get(String(r.get('from')));
        const b = byKey.get(String(r.get('to')));
        if (a === undefined || b === undefined) {
          unlisted++;
          continue;
        }
        const keys = (r.get('conditionKeys') as unknown[]).map(String);
        batch.push({ p: r.get('edge') as Props, from: a, to: b, keys });
        if (batch.length >= EDGE_BATCH) await flush();
      }
      await flush();
    } finally {
      await session.close();
    }
    if (unlisted)
      throw new StaleIndexError(
        `${unlisted} CAN_ASSUME edges of snapshot ${snapshotId} join nodes it does not list.`,
      );
    const order = nodes.map((_, i) => i).sort((x, y) => compareKeys(nodes[x]!.key, nodes[y]!.key));
    const rank = new Int32Array(nodes.length);
    order.forEach((node, position) => (rank[node] = position));
    const edgeFrom = Int32Array.from(from);
    const edgeTo = Int32Array.from(to);
    const [inOffset, inEdges] = adjacency(nodes.length, edgeTo);
    const [outOffset, outEdges] = adjacency(nodes.length, edgeFrom);
    return new ReachIndex(
      snapshotId,
      nodes,
      byKey,
      rank,
      edgeFrom,
      edgeTo,
      Uint32Array.from(setOf),
      sets,
      inOffset,
      inEdges,
      outOffset,
      outEdges,
      edges.build(),
    );
  }

  /** The node keyed `key`, when the snapshot has it. */
  node(key: string): NodeRef | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : this.nodes[i];
  }

  /**
   * Breadth-first from `key` as the bfs-DIR statements search: maxHops levels
   * (empty ones once the search stopped). Undefined when the snapshot has no
   * such node.
   */
  search(
    key: string,
    direction: Direction,
    maxHops: number,
    limit: number,
    rowLimit: number,
    filter: EdgeFilter,
    /** Sort every hop's candidate rows even when the row limit cannot cut them (the reference way). */
    sortAll = false,
  ): { start: NodeRef; levels: IndexLevel[] } | undefined {
    const s = this.byKey.get(key);
    if (s === undefined) return undefined;
    const dropped = this.droppedSets(filter);
    const inward = direction === 'in';
    const offset = inward ? this.inOffset : this.outOffset;
    const list = inward ? this.inEdges : this.outEdges;
    const far = inward ? this.edgeFrom : this.edgeTo;
    const { rank, edgeSet, setSize } = this;
    const scratch = this.scratch();
    const seen = scratch.seen;
    const mark = scratch.mark;
    seen[s] = mark;
    let seenLength = 1; // the statement's `seen` list, which may name the start twice
    let frontier = [s];
    let go = true;
    const levels: IndexLevel[] = [];
    for (let hop = 1; hop <= maxHops; hop++) {
      if (!go) {
        levels.push({ rows: 0, reached: [] });
        continue;
      }
      // Per node reached, its first candidate row in the statement's order (fewest condition keys,
      // then the near node's key, then the edge); exact while the row limit cuts nothing.
      const touch = ++scratch.touch;
      const touched: number[] = [];
      let count = 0;
      for (const f of frontier)
        for (let i = offset[f]!; i < offset[f + 1]!; i++) {
          const e = list[i]!;
          const n = far[e]!;
          if ((hop > 1 && seen[n] === mark) || dropped[edgeSet[e]!]) continue;
          count++;
          if (scratch.touched[n] !== touch) {
            scratch.touched[n] = touch;
            scratch.edge[n] = e;
            scratch.near[n] = f;
            touched.push(n);
            continue;
          }
          const b = scratch.edge[n]!;
          const d =
            setSize[edgeSet[e]!]! - setSize[edgeSet[b]!]! || rank[f]! - rank[scratch.near[n]!]! || e - b;
          if (d < 0) {
            scratch.edge[n] = e;
            scratch.near[n] = f;
          }
        }
      let firstRows: Candidate[];
      let rows: number;
      if (count <= rowLimit && !sortAll) {
        const ranks = Int32Array.from(touched, (n) => rank[n]!).sort();
        firstRows = Array.from(ranks, (r) => {
          const n = this.order[r]!;
          return { node: n, near: scratch.near[n]!, edge: scratch.edge[n]! };
        });
        rows = count;
      } else {
        ({ firstRows, rows } = this.sortedHop(
          frontier,
          hop,
          seen,
          mark,
          dropped,
          offset,
          list,
          far,
          rowLimit,
        ));
      }
      const reached: IndexRow[] = [];
      const next: number[] = [];
      for (const c of firstRows) {
        const near = this.nodes[c.near]!.key;
        const node = this.nodes[c.node]!;
        reached.push(
          new IndexRow(
            this,
            c.edge,
            inward ? node.key : near,
            inward ? near : node.key,
            this.sets[edgeSet[c.edge]!]!,
            node,
          ),
        );
        if (c.node !== s) next.push(c.node);
      }
      levels.push({ rows, reached });
      go =
        rows < rowLimit && (hop === 1 ? reached.length <= limit : seenLength + reached.length - 1 <= limit);
      for (const n of next) seen[n] = mark;
      seenLength += reached.length;
      frontier = next;
    }
    return { start: this.nodes[s]!, levels };
  }

  /**
   * Simple paths from `fromKey` to `toKey` of at most maxHops edges, level by
   * level from the shortest length on: every simple path of a length, until
   * the levels so far hold `enough` paths. Distances to the target (a
   * backward search first) prune the walk. Undefined when either node is
   * missing or the walk would take more than `maxSteps` steps (the caller then
   * asks the database).
   */
  paths(
    fromKey: string,
    toKey: string,
    maxHops: number,
    filter: EdgeFilter,
    enough: number,
    maxSteps = 2_000_000,
  ): { nodes: NodeRef[]; hops: EdgeRef[] }[] | undefined {
    const from = this.byKey.get(fromKey);
    const to = this.byKey.get(toKey);
    if (from === undefined || to === undefined) return undefined;
    const dropped = this.droppedSets(filter);
    const { edgeFrom, edgeTo, edgeSet, inOffset, inEdges, outOffset, outEdges } = this;
    // Hops from each node to the target, up to maxHops.
    const dist = new Map<number, number>([[to, 0]]);
    let level = [to];
    for (let d = 1; d <= maxHops && level.length; d++) {
      const next: number[] = [];
      for (const n of level)
        for (let i = inOffset[n]!; i < inOffset[n + 1]!; i++) {
          const e = inEdges[i]!;
          const p = edgeFrom[e]!;
          if (dropped[edgeSet[e]!] || dist.has(p)) continue;
          dist.set(p, d);
          next.push(p);
        }
      level = next;
    }
    const shortest = dist.get(from);
    const found: { nodes: NodeRef[]; hops: EdgeRef[] }[] = [];
    if (shortest === undefined) return found;
    const onPath = new Set<number>([from]);
    const nodePath = [from];
    const edgePath: number[] = [];
    let steps = 0;
    const walk = (u: number, length: number): boolean => {
      for (let i = outOffset[u]!; i < outOffset[u + 1]!; i++) {
        if (++steps > maxSteps) return false;
        const e = outEdges[i]!;
        if (dropped[edgeSet[e]!]) continue;
        const v = edgeTo[e]!;
        const d = nodePath.length; // edges on the path once this one is added
        if (v === to) {
          if (d === length) {
            const ns = [...nodePath, v];
            const es = [...edgePath, e];
            found.push({
              nodes: ns.map((n) => this.nodes[n]!),
              hops: es.map(
                (x) =>
                  new EdgeRef(
                    this,
                    x,
                    this.nodes[edgeFrom[x]!]!.key,
                    this.nodes[edgeTo[x]!]!.key,
                    this.sets[edgeSet[x]!]!,
                  ),
              ),
            });
          }
          continue;
        }
        const rest = dist.get(v);
        if (rest === undefined || d + rest > length || onPath.has(v)) continue;
        onPath.add(v);
        nodePath.push(v);
        edgePath.push(e);
        const ok = walk(v, length);
        onPath.delete(v);
        nodePath.pop();
        edgePath.pop();
        if (!ok) return false;
      }
      return true;
    };
    for (let length = shortest; length <= maxHops && found.length < enough; length++)
      if (!walk(from, length)) return undefined;
    return found;
  }

  /** A hop as the statement runs it: every candidate row sorted, the first rowLimit kept, the first per node. */
  private sortedHop(
    frontier: readonly number[],
    hop: number,
    seen: Int32Array,
    mark: number,
    dropped: Uint8Array,
    offset: Int32Array,
    list: Int32Array,
    far: Int32Array,
    rowLimit: number,
  ): { firstRows: Candidate[]; rows: number } {
    const { rank, edgeSet, setSize } = this;
    const candidates: Candidate[] = [];
    for (const f of frontier)
      for (let i = offset[f]!; i < offset[f + 1]!; i++) {
        const e = list[i]!;
        const n = far[e]!;
        if ((hop > 1 && seen[n] === mark) || dropped[edgeSet[e]!]) continue;
        candidates.push({ node: n, near: f, edge: e });
      }
    candidates.sort(
      (x, y) =>
        rank[x.node]! - rank[y.node]! ||
        setSize[edgeSet[x.edge]!]! - setSize[edgeSet[y.edge]!]! ||
        rank[x.near]! - rank[y.near]! ||
        x.edge - y.edge,
    );
    const rows = Math.min(candidates.length, rowLimit);
    const firstRows: Candidate[] = [];
    for (let i = 0; i < rows; i++)
      if (i === 0 || candidates[i]!.node !== candidates[i - 1]!.node) firstRows.push(candidates[i]!);
    return { firstRows, rows };
  }

  /**
   * Work arrays of one node each, reused by every search (a search runs to its
   * end without yielding): `seen[n] === mark` and `touched[n] === touch` stand
   * for set flags, so nothing is cleared between searches or hops.
   */
  private scratch() {
    const n = this.nodes.length;
    this.work ??= {
      seen: new Int32Array(n),
      mark: 0,
      touched: new Int32Array(n),
      touch: 0,
      edge: new Int32Array(n),
      near: new Int32Array(n),
    };
    if (this.work.mark > 2 ** 30 || this.work.touch > 2 ** 30) {
      this.work.seen.fill(0);
      this.work.touched.fill(0);
      this.work.mark = this.work.touch = 0;
    }
    this.work.mark++;
    return this.work;
  }
  private work:
    | {
        seen: Int32Array;
        mark: number;
        touched: Int32Array;
        touch: number;
        edge: Int32Array;
        near: Int32Array;
      }
    | undefined;

  /** Per condition-key set: whether the filter drops edges carrying it (made once per filter). */
  private droppedSets(filter: EdgeFilter): Uint8Array {
    // The query layer hands the same frozen filter for the same assumptions (query/assumptions.ts).
    const fixed =
      Object.isFrozen(filter) &&
      Object.isFrozen(filter.dropPatterns) &&
      Object.isFrozen(filter.knownPatterns);
    let out = fixed ? this.droppedBy.get(filter) : undefined;
    if (out) return out;
    const key = JSON.stringify([filter.dropPatterns, filter.dropOther, filter.knownPatterns]);
    out = this.dropped.get(key);
    if (!out) {
      if (this.dropped.size >= FILTERS_KEPT) this.dropped.clear();
      this.dropped.set(key, (out = this.makeDroppedSets(filter)));
    }
    if (fixed) this.droppedBy.set(filter, out);
    return out;
  }
  private readonly dropped = new Map<string, Uint8Array>();
  private readonly droppedBy = new WeakMap<EdgeFilter, Uint8Array>();

  private makeDroppedSets(filter: EdgeFilter): Uint8Array {
    const drop = filter.dropPatterns.map((p) => new RegExp(`^(?:${p})$`));
    const known = filter.knownPatterns.map((p) => new RegExp(`^(?:${p})$`));
    const out = new Uint8Array(this.sets.length);
    this.sets.forEach((keys, i) => {
      out[i] = keys.some((k) => {
        const lower = k.toLowerCase();
        return drop.some((re) => re.test(lower)) || (filter.dropOther && !known.some((re) => re.test(lower)));
      })
        ? 1
        : 0;
    });
    return out;
  }
}

type Props = Record<string, unknown>;

/** Hops an index keeps made (about a kilobyte each, evidence, conditions and reasons parsed). */
const HOPS_KEPT = 20_000;

/** Edge filters (assumption sets) whose dropped condition-key sets an index keeps. */
const FILTERS_KEPT = 64;

/** Edges whose shared evidence is put back in one statement while the index is built. */
const EDGE_BATCH = 10_000;

const setKey = (keys: readonly string[]) => [...keys].sort().join('\u0000');

/** Offsets and edge numbers of each node's edges, by the node at `end` of each edge. */
function adjacency(nodeCount: number, end: Int32Array): [Int32Array, Int32Array] {
  const offset = new Int32Array(nodeCount + 1);
  for (const n of end) offset[n + 1] = offset[n + 1]! + 1;
  for (let i = 0; i < nodeCount; i++) offset[i + 1] = offset[i + 1]! + offset[i]!;
  const fill = offset.slice(0, nodeCount);
  const edges = new Int32Array(end.length);
  end.forEach((n, e) => {
    edges[fill[n]!] = e;
    fill[n] = fill[n]! + 1;
  });
  return [offset, edges];
}

/** Consumes a streamed result record by record (nothing held but what `onRecord` keeps). */
function stream(
  result: ReturnType<ReturnType<Driver['session']>['run']>,
  onRecord: (r: { get(key: string): unknown }) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    result.subscribe({ onNext: onRecord, onCompleted: () => resolve(), onError: reject });
  });
}
