/**
 * Query results of the API, cached per snapshot.
 *
 * A complete snapshot never changes, so a query over it (whoCanAssume,
 * reachableFrom, paths) has one answer; the cache keeps recent answers in a
 * bounded LRU keyed by (snapshot id, operation, canonical JSON of the
 * arguments, assumptions included). A snapshot can be deleted, though (by the
 * CLI, in another process), so nothing is served without knowing the snapshot
 * is still there: each request reads the list of complete snapshots once, from
 * a read that started at most `snapshotListMaxAgeMs` (default 1 s) before the
 * request did; with 0, from a read that started after it. Concurrent requests
 * share that read (one in flight, plus one queued for everybody who arrived
 * after it started), so under load it costs one round trip per second, or per
 * batch of requests with 0, not one each. A snapshot that another process
 * deletes or completes is therefore seen by the API within that second. The
 * same list resolves snapshot references (id, name, latest), and entries of
 * snapshots no longer listed are dropped whenever it is read.
 *
 * Query functions take their dependencies explicitly, as a `Source`: a plain
 * driver (the CLI, tests: every answer computed), or a `Reader` that also holds
 * one request's view of a cache (`QueryCache.bind` makes one per request:
 * answers kept, the reachability index used).
 */
import type { Driver } from 'neo4j-driver';
import { listSnapshots, resolveSnapshot, type SnapshotInfo } from '../ingest/load/snapshots.ts';
import { approxBytes } from './approx-bytes.ts';
import { ReachIndex } from './reach-index.ts';

export interface QueryCacheOptions {
  /** Most answers kept; 0 turns result caching off (snapshot lists are still read per request). */
  maxEntries?: number;
  /** Most total weight kept (reachability answers weigh one per hop they hold). */
  maxWeight?: number;
  /** Most memory the kept answers take, estimated (query/approx-bytes.ts); default 64 MB. */
  maxBytes?: number;
  /** How old (from the start of its read) a snapshot list may be when a request uses it; default 1000. */
  snapshotListMaxAgeMs?: number;
  /** In-memory reachability indexes (query/reach-index.ts); none without this. */
  index?: ReachIndexOptions;
}

export interface ReachIndexOptions {
  /** Reads the graph; with no request timeout (a large snapshot takes seconds). */
  driver: Driver;
  database?: string;
  /** Snapshots indexed at once, least recently used dropped first; default 2. */
  maxSnapshots?: number;
  /** Most memory the indexes take together (their estimate), least recently used dropped first; default 512 MB. */
  maxBytes?: number;
  /** After a failed build, the next attempt waits this long; default 30 s. */
  retryAfterMs?: number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface ReachIndexStats {
  snapshotId: string;
  state: 'building' | 'ready';
  nodes?: number;
  edges?: number;
  buildMs?: number;
  approximateMB?: number;
}

/**
 * The reachability indexes: built in the background on first use of a
 * snapshot, one at a time, while requests keep answering from the database;
 * used once ready; dropped when their snapshot leaves the list or is least
 * recently used beyond maxSnapshots.
 */
class ReachIndexes {
  private readonly ready = new Map<string, { index: ReachIndex; buildMs: number }>();
  private building: { snapshotId: string; done: Promise<void> } | undefined;
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly opts: ReachIndexOptions) {}

  /** The snapshot's index when ready; otherwise starts building it (if nothing else is) and returns undefined. */
  get(snapshotId: string): ReachIndex | undefined {
    const r = this.ready.get(snapshotId);
    if (r) {
      this.ready.delete(snapshotId); // most recently used last
      this.ready.set(snapshotId, r);
      return r.index;
    }
    const failed = this.failedAt.get(snapshotId);
    if (!this.building && (failed === undefined || Date.now() - failed >= (this.opts.retryAfterMs ?? 30_000)))
      this.start(snapshotId);
    return undefined;
  }

  /** Resolves once no build is running (for benchmarks and tests). */
  async settled(): Promise<void> {
    while (this.building) await this.building.done;
  }

  prune(live: Set<string>): void {
    for (const id of this.ready.keys()) if (!live.has(id)) this.ready.delete(id);
  }

  /** Drops the hops the ready indexes keep made (they are made again when asked). */
  forgetHops(): void {
    for (const { index } of this.ready.values()) index.forgetHops();
  }

  stats(): ReachIndexStats[] {
    const out: ReachIndexStats[] = [...this.ready].map(([snapshotId, { index, buildMs }]) => ({
      snapshotId,
      state: 'ready',
      nodes: index.nodeCount,
      edges: index.edgeCount,
      buildMs,
      approximateMB: Math.round(index.approximateBytes / 1e6),
    }));
    if (this.building) out.push({ snapshotId: this.building.snapshotId, state: 'building' });
    return out;
  }

  private start(snapshotId: string): void {
    const log = this.opts.log ?? (() => {});
    const started = performance.now();
    log({ level: 'info', msg: 'building reachability index', snapshotId });
    const done = ReachIndex.build(this.opts.driver, snapshotId, this.opts.database).then(
      (index) => {
        const buildMs = Math.round(performance.now() - started);
        this.failedAt.delete(snapshotId);
        this.ready.set(snapshotId, { index, buildMs });
        const maxBytes = this.opts.maxBytes ?? 512 * 1024 * 1024;
        const total = () => [...this.ready.values()].reduce((n, r) => n + r.index.approximateBytes, 0);
        for (const id of this.ready.keys()) {
          if (
            this.ready.size <= (this.opts.maxSnapshots ?? 2) &&
            (this.ready.size <= 1 || total() <= maxBytes)
          )
            break;
          if (id === snapshotId) continue;
          this.ready.delete(id);
        }
        log({
          level: 'info',
          msg: 'reachability index ready',
          snapshotId,
          nodes: index.nodeCount,
          edges: index.edgeCount,
          ms: buildMs,
        });
      },
      (err: unknown) => {
        this.failedAt.set(snapshotId, Date.now());
        log({
          level: 'warn',
          msg: 'reachability index not built; queries answer from the database',
          snapshotId,
          error: String((err as Error)?.message ?? err),
        });
      },
    );
    this.building = {
      snapshotId,
      done: done.finally(() => {
        this.building = undefined;
      }),
    };
  }
}

export interface QueryCacheStats {
  hits: number;
  misses: number;
  entries: number;
  weight: number;
  /** Estimated memory of the kept answers. */
  bytes: number;
  evictions: number;
  /** Entries dropped because their snapshot is gone. */
  dropped: number;
  /** Reads of the snapshot list (shared by the requests that waited for them). */
  snapshotReads: number;
  /** Searches handed a ready reachability index. */
  indexSearches: number;
  /** In-memory reachability indexes, built or building. */
  indexes: ReachIndexStats[];
}

interface Entry {
  snapshotId: string;
  value: unknown;
  weight: number;
  bytes: number;
}

/** JSON with object keys sorted and undefined members left out: equal arguments, equal text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  // Built by concatenation: every request makes one or two cache keys.
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i]);
    return out + ']';
  }
  const o = v as Record<string, unknown>;
  let out = '{';
  for (const k of Object.keys(o).sort()) {
    const x = o[k];
    if (x === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(x);
  }
  return out + '}';
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    // Own enumerable string-keyed values, as Object.values lists them, without making that list.
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) deepFreeze(v[i]);
    else for (const k in v) if (Object.hasOwn(v, k)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly maxBytes: number;
  private weight = 0;
  private bytes = 0;
  private current: Promise<SnapshotInfo[]> | undefined;
  private queued: Promise<SnapshotInfo[]> | undefined;
  /** The last list read successfully, and when its read started (performance.now()). */
  private latest: { list: SnapshotInfo[]; startedAt: number } | undefined;
  private readonly maxAgeMs: number;
  private readonly counters = {
    hits: 0,
    misses: 0,
    evictions: 0,
    dropped: 0,
    snapshotReads: 0,
    indexSearches: 0,
  };
  /** Reachability indexes, when the options ask for them. */
  readonly indexes: ReachIndexes | undefined;

  /** `driver` reads the snapshot list (the API passes one with its timeout). */
  constructor(
    private readonly driver: Driver,
    opts: QueryCacheOptions = {},
  ) {
    this.maxEntries = opts.maxEntries ?? 4000;
    this.maxWeight = opts.maxWeight ?? 100_000;
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.maxAgeMs = opts.snapshotListMaxAgeMs ?? 1000;
    this.indexes = opts.index ? new ReachIndexes(opts.index) : undefined;
  }

  /** A reader for one request: `driver` (the request's own, with its timeout) and this cache. */
  bind(driver: Driver): Reader {
    return new Reader(driver, new RequestCache(this));
  }

  stats(): QueryCacheStats {
    return {
      ...this.counters,
      entries: this.entries.size,
      weight: this.weight,
      bytes: this.bytes,
      indexes: this.indexes?.stats() ?? [],
    };
  }

  countIndexSearch(): void {
    this.counters.indexSearches++;
  }

  /** Starts building the latest complete snapshot's reachability index (when indexes are on). */
  async prepareLatest(): Promise<void> {
    if (!this.indexes) return;
    const latest = (await this.snapshots())[0];
    if (latest) this.indexes.get(latest.id);
  }

  /** Forgets every answer and every hop the reachability indexes keep made (the indexes stay). */
  clear(): void {
    this.indexes?.forgetHops();
    this.entries.clear();
    this.weight = 0;
    this.bytes = 0;
  }

  /**
   * The complete snapshots, from a read that started at most snapshotListMaxAgeMs
   * before this call (shared with concurrent callers).
   */
  snapshots(): Promise<SnapshotInfo[]> {
    if (this.latest && performance.now() - this.latest.startedAt <= this.maxAgeMs)
      return Promise.resolve(this.latest.list);
    if (!this.current) {
      this.current = this.read();
      return this.current;
    }
    this.queued ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        this.current = this.read();
        return this.current;
      });
    return this.queued;
  }

  private read(): Promise<SnapshotInfo[]> {
    this.counters.snapshotReads++;
    const startedAt = performance.now();
    const p: Promise<SnapshotInfo[]> = listSnapshots(this.driver)
      .then((list) => {
        if (!this.latest || this.latest.startedAt < startedAt) this.latest = { list, startedAt };
        this.prune(new Set(list.map((s) => s.id)));
        return list;
      })
      .finally(() => {
        if (this.current === p) this.current = undefined;
      });
    return p;
  }

  private prune(live: Set<string>): void {
    this.indexes?.prune(live);
    for (const [k, e] of this.entries)
      if (!live.has(e.snapshotId)) {
        this.entries.delete(k);
        this.weight -= e.weight;
        this.bytes -= e.bytes;
        this.counters.dropped++;
      }
  }

  /**
   * The answer for `key`, computing (once for concurrent askers) and keeping it when missing.
   * `size` estimates the answer's bytes when its maker knows them better (or faster) than a
   * walk of the whole value (approxBytes) does.
   */
  async memo<T>(
    snapshotId: string,
    key: string,
    compute: () => Promise<T>,
    weigh: (v: T) => number,
    size: (v: T) => number = approxBytes,
  ): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.counters.hits++;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return hit.value as T;
    }
    this.counters.misses++;
    if (this.maxEntries <= 0) return compute();
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight as Promise<T>;
    const p = compute().then((value) => {
      deepFreeze(value);
      const weight = Math.max(1, weigh(value));
      const bytes = size(value);
      if (weight <= this.maxWeight && bytes <= this.maxBytes) {
        this.entries.set(key, { snapshotId, value, weight, bytes });
        this.weight += weight;
        this.bytes += bytes;
        for (const [k, e] of this.entries) {
          if (
            this.entries.size <= this.maxEntries &&
            this.weight <= this.maxWeight &&
            this.bytes <= this.maxBytes
          )
            break;
          this.entries.delete(k);
          this.weight -= e.weight;
          this.bytes -= e.bytes;
          this.counters.evictions++;
        }
      }
      return value;
    });
    this.pending.set(key, p);
    try {
      return await p;
    } finally {
      this.pending.delete(key);
    }
  }
}

/** One request's view: the snapshot list read once for the request, the shared answers. */
export class RequestCache {
  private list: Promise<SnapshotInfo[]> | undefined;
  constructor(readonly cache: QueryCache) {}

  snapshots(): Promise<SnapshotInfo[]> {
    this.list ??= this.cache.snapshots();
    return this.list;
  }

  /** As resolveSnapshot: by id or name, or the latest complete snapshot. */
  async resolve(driver: Driver, ref?: string): Promise<SnapshotInfo> {
    const list = await this.snapshots();
    // An id means that snapshot; only when no id matches is the reference a name (newest first).
    const found = ref ? (list.find((s) => s.id === ref) ?? list.find((s) => s.name === ref)) : list[0];
    // Not listed: resolveSnapshot says why (no snapshot yet, unknown reference, still loading).
    return found ?? resolveSnapshot(driver, ref);
  }
}

/** What a query reads with: the driver, and, inside the API, the request's view of the cache. */
export class Reader {
  constructor(
    readonly driver: Driver,
    readonly cache?: RequestCache,
  ) {}
}

/** A query function's dependencies: a plain driver (nothing cached) or a Reader. */
export type Source = Driver | Reader;

export function readerOf(source: Source): Reader {
  return source instanceof Reader ? source : new Reader(source);
}

export function driverOf(source: Source): Driver {
  return source instanceof Reader ? source.driver : source;
}

/**
 * The in-memory reachability index of `snapshotId` when `source` holds a cache
 * with indexes, the snapshot is complete and listed, and its index is built
 * (asking starts the build; until it is done, undefined). Counted as an index
 * search (in the stats) unless `forSearch` is false.
 */
export async function reachIndexFor(
  source: Source,
  snapshotId: string,
  forSearch = true,
): Promise<ReachIndex | undefined> {
  const b = readerOf(source).cache;
  if (!b?.cache.indexes) return undefined;
  const live = await b.snapshots();
  const index = live.some((s) => s.id === snapshotId) ? b.cache.indexes.get(snapshotId) : undefined;
  if (index && forSearch) b.cache.countIndexSearch();
  return index;
}

/** A snapshot by reference: from the request's snapshot list when `source` holds a cache. */
export function resolveSnapshotCached(source: Source, ref?: string): Promise<SnapshotInfo> {
  const { driver, cache } = readerOf(source);
  return cache ? cache.resolve(driver, ref) : resolveSnapshot(driver, ref);
}

/**
 * `compute()`, or its cached answer when `source` holds a cache and
 * `snapshotId` is a complete snapshot that still exists. Answers must be plain
 * data; they are frozen when kept. Failures are not kept.
 */
export async function cached<T>(
  source: Source,
  snapshotId: string,
  operation: string,
  args: unknown,
  compute: () => Promise<T>,
  weigh: (v: T) => number = () => 1,
  /** The answer's bytes, estimated; default approxBytes (query/approx-bytes.ts). */
  size?: (v: T) => number,
): Promise<T> {
  const b = readerOf(source).cache;
  if (!b) return compute();
  const live = await b.snapshots();
  if (!live.some((s) => s.id === snapshotId)) return compute();
  return b.cache.memo(
    snapshotId,
    `${snapshotId}\u0000${operation}\u0000${canonicalJson(args)}`,
    compute,
    weigh,
    size,
  );
}
