/**
 * Writes one snapshot's rows into Neo4j in batches (UNWIND), visible only once
 * complete. A failure or an interrupt deletes what was written; a loader killed
 * outright leaves a 'loading' snapshot that `cleanupAbandoned` removes later.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import { statement } from '../../cypher/index.ts';
import {
  NODE_LABELS,
  REL_TYPES,
  type GraphRows,
  type NodeLabel,
  type Props,
  type RelType,
} from '../transform/graph-rows.ts';
import { deleteSnapshotData } from './snapshots.ts';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_CONCURRENCY,
  runSets,
  type LoadSet,
  type SetKind,
  type SetResult,
} from './batches.ts';
import { runStreamedSets, STREAM_CHUNK_BATCHES, type StreamedRelSet } from './streamed-sets.ts';

export type { StreamedRelSet } from './streamed-sets.ts';

export interface LoadProgress {
  phase: 'nodes' | 'relationships' | 'finishing';
  label: string;
  done: number;
  total: number;
}

/** Extra relationship sets computed by the engine (e.g. CAN_ASSUME), loaded in the same snapshot. */
export interface ExtraRelSet {
  file: string;
  name: string;
  type: string;
  rows: { key: string; from: string; to: string; props: Props }[];
}

export interface ExtraNodeSet {
  file: string;
  name: string;
  label: string;
  /** The statement sets properties on nodes that already exist: not counted as nodes. */
  updatesExisting?: boolean;
  /** Rows of a table that edges name by number (EvidenceText): not graph nodes, not counted. */
  table?: boolean;
  rows: { key: string; props: Props }[];
}

export interface LoadOptions {
  name?: string;
  sources?: string[];
  /** The snapshot's reference date (engine/reference-date.ts), kept for queries that evaluate live. */
  referenceDate?: string;
  warnings?: string[];
  /** Rows per statement (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** Statements in flight at once, each on its own session (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  extraNodes?: ExtraNodeSet[];
  extraRels?: ExtraRelSet[];
  /** Relationship sets read in chunks as they are written (after every other set), never all in memory. */
  streamedRels?: StreamedRelSet[];
  onProgress?: (p: LoadProgress) => void;
  /** Told the new snapshot's id before anything is written. */
  onBegin?: (snapshotId: string) => void;
  /** Checked between batches: when it returns true the load stops and rolls back. */
  shouldAbort?: () => boolean;
  /**
   * The sets still being computed (the analysis's), when the load begins before they are: see
   * `loadSnapshot`. Without it, `extraNodes`, `extraRels` and `streamedRels` are the sets.
   */
  derived?: Promise<DerivedSets>;
}

/** The sets the analysis adds to the input's own rows. */
export type DerivedSets = Pick<LoadOptions, 'extraNodes' | 'extraRels' | 'streamedRels'>;

export interface LoadResult {
  snapshotId: string;
  name: string;
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Relationship rows whose ends were not both in the snapshot. */
  danglingRelationships: number;
}

export { LoadAborted } from './errors.ts';

export function newSnapshotId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `snap-${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * Loads of up to this many rows in all are written in one transaction (the 250 users + 250 roles
 * account of docs/benchmarks.md has about 10,500): the snapshot's begin, every batch and its
 * completion are sent together on one connection, instead of a transaction (begin, statement and
 * commit, each a round trip) per batch on two sessions. Nothing of such a load is visible until it
 * is complete, and a loader killed outright leaves nothing (Neo4j rolls back a transaction whose
 * connection is gone). Larger loads keep their memory flat with a transaction per batch.
 */
export const ONE_TRANSACTION_MAX_ROWS = 25_000;

/** Rows of the sets, the streamed ones included. */
const rowsIn = (sets: readonly LoadSet[], streamed: readonly StreamedRelSet[] = []) =>
  sets.reduce((n, s) => n + s.rows.length, 0) + streamed.reduce((n, s) => n + s.total, 0);

/**
 * Loads `rows` and the extra sets as one snapshot. The row lists are emptied as they are cut
 * into batches, and each batch is let go once written, so the load's memory falls as it goes:
 * the lists must not be read afterwards.
 *
 * With `derived` (the analysis's sets, still being computed), a load whose own rows fit in one
 * transaction begins that transaction at once and writes the snapshot and the input's own nodes
 * while the analysis runs: Neo4j writes them on one core while the analysis takes the other.
 * What it writes is not visible before the commit, as in any one-transaction load. `onBegin`
 * and the progress of those nodes are told once `derived` is in, in the order a load begun
 * after the analysis tells them. When the whole load turns out too large for one transaction,
 * that transaction is rolled back and the load runs as a large one (the rows it wrote were copies).
 */
export async function loadSnapshot(
  driver: Driver,
  rows: GraphRows,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  if (!opts.derived) return load(driver, rows, opts);
  const own = loadSets(rows, {});
  if (rowsIn([...own.nodeSets, ...own.linkSets]) > ONE_TRANSACTION_MAX_ROWS)
    return load(driver, rows, { ...opts, ...(await opts.derived) });
  const early = await loadEarly(driver, rows, opts, opts.derived);
  return early.result ?? load(driver, rows, { ...opts, ...early.derived });
}

/** The load of `loadSnapshot` once every set is known; `early`: the nodes already written in `early.tx`. */
async function load(
  driver: Driver,
  rows: GraphRows,
  opts: LoadOptions,
  early?: EarlyStart,
): Promise<LoadResult> {
  const snapshotId = early?.snapshotId ?? newSnapshotId();
  const name = opts.name ?? snapshotId;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const createdAt = early?.createdAt ?? new Date().toISOString();
  const { nodeSets, linkSets } = loadSets(rows, opts);
  const total = rowsIn([...nodeSets, ...linkSets], opts.streamedRels);
  opts.onBegin?.(snapshotId);
  const session = early?.session ?? driver.session();
  // A small load: one transaction, begun at once (its statements follow without waiting for it).
  const tx = early?.tx ?? (total <= ONE_TRANSACTION_MAX_ROWS ? session.beginTransaction() : undefined);
  const begin = snapshotBegin(snapshotId, name, createdAt, opts);

  const nodeCounts: Record<string, number> = {};
  const relCounts: Record<string, number> = {};
  let dangling = 0;
  try {
    // The snapshot is begun before anything else is written; in one transaction, alongside.
    const begun = early?.begun ?? (tx ? tx.run(...begin) : driver.executeQuery(...begin));
    if (!tx) await begun;
    // A heartbeat every few seconds is enough to tell a live load from a dead one; a load in one
    // transaction needs none (it cannot be left half done).
    let lastHeartbeat = Date.now();
    const heartbeat = async () => {
      if (tx || Date.now() - lastHeartbeat <= 5000) return;
      lastHeartbeat = Date.now();
      await driver.executeQuery(statement('snapshots/snapshots', 'snapshot-heartbeat'), {
        id: snapshotId,
        now: new Date().toISOString(),
      });
    };
    const ids = early?.ids ?? new Map<string, string>();
    // Every set, streamed or not, runs with these; in a one-transaction load, in that transaction
    // (the nodes it made are not visible outside it).
    const runWith = (sets: LoadSet[], onProgress: (label: string, done: number, total: number) => void) =>
      runSets(driver, sets, {
        snapshotId,
        batchSize,
        concurrency,
        ids,
        ...(tx ? { tx } : {}),
        shouldAbort: opts.shouldAbort,
        heartbeat,
        onProgress,
      });
    const run = (phase: 'nodes' | 'relationships', sets: LoadSet[]) =>
      runWith(sets, (label, done, total) => opts.onProgress?.({ phase, label, done, total }));

    // Nodes first (every relationship finds both its ends by key), then everything that links or marks them.
    // The nodes written before the analysis ended are told as a load begun after it would tell them.
    for (const r of early?.nodeResults ?? [])
      if (r.sent) opts.onProgress?.({ phase: 'nodes', label: r.count, done: r.sent, total: r.sent });
    const [, nodeResults] = await Promise.all([begun, run('nodes', nodeSets)]);
    for (const r of [...(early?.nodeResults ?? []), ...nodeResults])
      if (r.kind === 'nodes') nodeCounts[r.count] = (nodeCounts[r.count] ?? 0) + r.written;
    for (const r of await run('relationships', linkSets)) {
      if (r.kind === 'marks') continue;
      relCounts[r.count] = (relCounts[r.count] ?? 0) + r.written;
      dangling += r.sent - r.written;
    }
    const streamed = await runStreamedSets(
      opts.streamedRels ?? [],
      (set, onDone) => runWith([set], (_label, done) => onDone(done)),
      (label, done, total) => opts.onProgress?.({ phase: 'relationships', label, done, total }),
      batchSize * concurrency * STREAM_CHUNK_BATCHES,
    );
    for (const r of streamed) {
      relCounts[r.count] = (relCounts[r.count] ?? 0) + r.written;
      dangling += r.sent - r.written;
    }

    opts.onProgress?.({ phase: 'finishing', label: 'snapshot', done: 0, total: 1 });
    const complete = [
      statement('snapshots/snapshots', 'snapshot-complete'),
      {
        id: snapshotId,
        now: new Date().toISOString(),
        counts: JSON.stringify({ nodes: nodeCounts, relationships: relCounts }),
        warnings: opts.warnings ?? [],
      },
    ] as const;
    const res = tx ? await tx.run(...complete) : await session.executeWrite((w) => w.run(...complete));
    if (res.records.length !== 1) throw new Error(`snapshot ${snapshotId} vanished while loading`);
    await tx?.commit();
    opts.onProgress?.({ phase: 'finishing', label: 'snapshot', done: 1, total: 1 });
  } catch (err) {
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
    // Also after a transaction: a commit that failed on the way may still have been made.
    await deleteSnapshotData(driver, snapshotId).catch(() => undefined);
    throw err;
  }
  await session.close();
  return { snapshotId, name, nodes: nodeCounts, relationships: relCounts, danglingRelationships: dangling };
}

/** One set of the load: what it counts as, how its statement writes, and its rows. */
const loadSet = (
  count: string,
  kind: SetKind,
  file: string,
  name: string,
  rows: LoadSet['rows'],
): LoadSet => ({
  count,
  kind,
  file,
  name,
  rows,
});

/** The statement that records a snapshot as begun, with its parameters. */
const snapshotBegin = (snapshotId: string, name: string, createdAt: string, opts: LoadOptions) =>
  [
    statement('snapshots/snapshots', 'snapshot-begin'),
    {
      id: snapshotId,
      name,
      createdAt,
      host: os.hostname(),
      pid: neo4j.int(process.pid),
      sources: opts.sources ?? [],
      referenceDate: opts.referenceDate ?? null,
    },
  ] as const;

/** The input's own node sets (before the analysis's). */
const ownNodeSets = (rows: GraphRows): LoadSet[] =>
  (NODE_LABELS as readonly NodeLabel[]).map((l) =>
    loadSet(l, 'nodes', 'load/nodes', `node-${l}`, rows.nodes[l]),
  );

/** The load's sets: the nodes, then the relationships and the marks on nodes (written once the nodes are). */
function loadSets(rows: GraphRows, opts: LoadOptions): { nodeSets: LoadSet[]; linkSets: LoadSet[] } {
  const extra = opts.extraNodes ?? [];
  const nodeSets = [
    ...ownNodeSets(rows),
    ...extra
      .filter((x) => !x.updatesExisting)
      .map((x) => loadSet(x.label, x.table ? 'table' : 'nodes', x.file, x.name, x.rows)),
  ];
  const relSets = [
    ...(REL_TYPES as readonly RelType[]).map((t) =>
      loadSet(t, 'relationships', 'load/relationships', `rel-${t}`, rows.rels[t]),
    ),
    ...(opts.extraRels ?? []).map((x) => loadSet(x.type, 'relationships', x.file, x.name, x.rows)),
  ];
  const markSets = extra
    .filter((x) => x.updatesExisting)
    .map((x) => loadSet(`${x.label} marks`, 'marks', x.file, x.name, x.rows));
  return { nodeSets, linkSets: [...relSets, ...markSets] };
}

/** What `loadEarly` began: the transaction, the snapshot's begin and the input's own nodes, written. */
interface EarlyStart {
  snapshotId: string;
  createdAt: string;
  session: Session;
  tx: Transaction;
  begun: Promise<unknown>;
  ids: Map<string, string>;
  nodeResults: SetResult[];
}

/**
 * Begins the one transaction of `loadSnapshot` with `derived` and writes the snapshot's begin and
 * copies of the input's own node rows in it while `derived` is computed, then loads the rest
 * (`result`). When every row together is too many for one transaction, it rolls back and hands
 * `derived` back instead, `rows` untouched.
 */
async function loadEarly(
  driver: Driver,
  rows: GraphRows,
  opts: LoadOptions,
  derived: Promise<DerivedSets>,
): Promise<{ result: LoadResult; derived?: undefined } | { result?: undefined; derived: DerivedSets }> {
  const snapshotId = newSnapshotId();
  const createdAt = new Date().toISOString();
  const session = driver.session();
  const tx = session.beginTransaction();
  const ids = new Map<string, string>();
  const copies = ownNodeSets(rows).map((s) => ({ ...s, rows: s.rows.slice() }));
  const begun = tx.run(...snapshotBegin(snapshotId, opts.name ?? snapshotId, createdAt, opts));
  const written = Promise.all([
    begun,
    runSets(driver, copies, {
      snapshotId,
      batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
      concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
      ids,
      tx,
      shouldAbort: opts.shouldAbort,
      heartbeat: async () => undefined,
    }),
  ]);
  // Neither is left unhandled while the other is awaited; the first failure is passed on.
  const [wrote, sets] = await Promise.allSettled([written, derived]);
  const failure = [wrote, sets].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const notOne =
    !failure &&
    sets.status === 'fulfilled' &&
    rowsIn(Object.values(loadSets(rows, sets.value)).flat(), sets.value.streamedRels) >
      ONE_TRANSACTION_MAX_ROWS;
  if (failure || notOne) {
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
    if (failure) throw failure.reason;
    return { derived: (sets as PromiseFulfilledResult<DerivedSets>).value };
  }
  const nodeResults = (wrote as PromiseFulfilledResult<[unknown, SetResult[]]>).value[1];
  // The originals were written as copies: emptied here, as a load empties what it writes.
  for (const s of ownNodeSets(rows)) s.rows.length = 0;
  const extra = (sets as PromiseFulfilledResult<DerivedSets>).value;
  const result = await load(
    driver,
    rows,
    { ...opts, ...extra },
    {
      snapshotId,
      createdAt,
      session,
      tx,
      begun,
      ids,
      nodeResults,
    },
  );
  return { result };
}
