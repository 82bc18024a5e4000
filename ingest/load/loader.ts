/**
 * Writes one snapshot's rows into Neo4j in batches (UNWIND), visible only once
 * complete. A failure or an interrupt deletes what was written; a loader killed
 * outright leaves a 'loading' snapshot that `cleanupAbandoned` removes later.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
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
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, runSets, type LoadSet, type SetKind } from './batches.ts';
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
}

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

/**
 * Loads `rows` and the extra sets as one snapshot. The row lists are emptied as they are cut
 * into batches, and each batch is let go once written, so the load's memory falls as it goes:
 * the lists must not be read afterwards.
 */
export async function loadSnapshot(
  driver: Driver,
  rows: GraphRows,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const snapshotId = newSnapshotId();
  const name = opts.name ?? snapshotId;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const createdAt = new Date().toISOString();
  const { nodeSets, linkSets } = loadSets(rows, opts);
  const total =
    [...nodeSets, ...linkSets].reduce((n, s) => n + s.rows.length, 0) +
    (opts.streamedRels ?? []).reduce((n, s) => n + s.total, 0);
  opts.onBegin?.(snapshotId);
  const session = driver.session();
  // A small load: one transaction, begun at once (its statements follow without waiting for it).
  const tx = total <= ONE_TRANSACTION_MAX_ROWS ? session.beginTransaction() : undefined;
  const begin = [
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

  const nodeCounts: Record<string, number> = {};
  const relCounts: Record<string, number> = {};
  let dangling = 0;
  try {
    // The snapshot is begun before anything else is written; in one transaction, alongside.
    const begun = tx ? tx.run(...begin) : driver.executeQuery(...begin);
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
    const ids = new Map<string, string>();
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
    const [, nodeResults] = await Promise.all([begun, run('nodes', nodeSets)]);
    for (const r of nodeResults)
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

/** The load's sets: the nodes, then the relationships and the marks on nodes (written once the nodes are). */
function loadSets(rows: GraphRows, opts: LoadOptions): { nodeSets: LoadSet[]; linkSets: LoadSet[] } {
  const extra = opts.extraNodes ?? [];
  const nodeSets = [
    ...(NODE_LABELS as readonly NodeLabel[]).map((l) =>
      loadSet(l, 'nodes', 'load/nodes', `node-${l}`, rows.nodes[l]),
    ),
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
