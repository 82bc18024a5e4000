/** Snapshot bookkeeping: list, find, delete, and the clean-up of loads and deletes that died. */
import os from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import { statement, statements } from '../../cypher/index.ts';

const S = 'snapshots/snapshots';

export interface SnapshotInfo {
  id: string;
  name: string;
  /** Only 'complete' snapshots are visible to queries; 'deleting' ones are on their way out. */
  status: 'loading' | 'complete' | 'deleting';
  createdAt: string;
  completedAt?: string;
  counts?: { nodes: Record<string, number>; relationships: Record<string, number> };
  sources?: string[];
  /** The newest date in the export: requests are evaluated as made on or after it (docs/evaluation.md). */
  referenceDate?: string;
}

function toInfo(r: Record<string, unknown>): SnapshotInfo {
  return {
    id: String(r.id),
    name: String(r.name),
    status: (r.status as SnapshotInfo['status']) ?? 'complete',
    createdAt: String(r.createdAt),
    completedAt: r.completedAt ? String(r.completedAt) : undefined,
    counts: typeof r.counts === 'string' ? JSON.parse(r.counts) : undefined,
    sources: Array.isArray(r.sources) ? r.sources.map(String) : undefined,
    referenceDate: typeof r.referenceDate === 'string' ? r.referenceDate : undefined,
  };
}

/** Idempotent; two processes applying it at once may race, and the loser finds the rule already there. */
export async function applySchema(driver: Driver): Promise<void> {
  for (const stmt of statements('schema').values()) {
    try {
      await driver.executeQuery(stmt);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!/AlreadyExists/.test(code)) throw err;
    }
  }
}

export async function listSnapshots(driver: Driver, includeLoading = false): Promise<SnapshotInfo[]> {
  const res = await driver.executeQuery(statement(S, 'snapshot-list'), { includeLoading });
  return res.records.map((r) => toInfo(r.toObject()));
}

import { SnapshotNotFound } from './errors.ts';

export { SnapshotNotFound };

/** A snapshot by id or name; without one, the latest complete snapshot. */
export async function resolveSnapshot(driver: Driver, ref?: string): Promise<SnapshotInfo> {
  if (!ref) {
    const res = await driver.executeQuery(statement(S, 'snapshot-latest'));
    const r = res.records[0];
    if (!r)
      throw new SnapshotNotFound(
        'No snapshot is loaded yet. Run `iamatlas ingest PATH` or `iamatlas demo` first.',
      );
    return toInfo({ ...r.toObject(), status: 'complete' });
  }
  const res = await driver.executeQuery(statement(S, 'snapshot-find'), { ref });
  const found = res.records.map((r) => toInfo(r.toObject())).filter((s) => s.status === 'complete');
  if (found.length === 0) {
    throw new SnapshotNotFound(`No snapshot with id or name "${ref}". See \`iamatlas snapshots list\`.`);
  }
  // An id means that snapshot, even when a newer one carries it as its name.
  return found.find((s) => s.id === ref) ?? found[0]!;
}

/**
 * Deletes a snapshot. First, in one transaction, it is marked 'deleting', so no
 * query sees it from then on; then its graph goes in chunks — relationships
 * first, then nodes — so that each transaction stays small whatever the size
 * of the snapshot; then the snapshot node itself. If the process dies midway,
 * `cleanupAbandoned` in the next command finishes the job. `onChunk` is called
 * after each chunk (it may throw to stop).
 */
export async function deleteSnapshotData(
  driver: Driver,
  id: string,
  batch = 10_000,
  onChunk?: () => void | Promise<void>,
): Promise<number> {
  await driver.executeQuery(statement(S, 'snapshot-mark-deleting'), {
    id,
    now: new Date().toISOString(),
    host: os.hostname(),
    pid: process.pid,
  });
  const chunk = async (name: string): Promise<number> => {
    const res = await driver.executeQuery(statement(S, name), { id, batch: neo4j.int(batch) });
    await driver.executeQuery(statement(S, 'snapshot-delete-heartbeat'), {
      id,
      now: new Date().toISOString(),
    });
    await onChunk?.();
    return Number(res.records[0]?.get('deleted') ?? 0);
  };
  let deleted: number;
  do deleted = await chunk('snapshot-delete-relationships');
  while (deleted >= batch);
  let total = 0;
  do {
    deleted = await chunk('snapshot-delete-nodes');
    total += deleted;
  } while (deleted >= batch);
  await driver.executeQuery(statement(S, 'snapshot-delete-node'), { id });
  return total;
}

/** How long a loading or deleting snapshot may go without a heartbeat before it counts as abandoned. */
const STALE_AFTER_MS = 10 * 60_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Abandoned {
  id: string;
  /** What the process that died was doing. */
  was: 'loading' | 'deleting';
}

/**
 * Removes snapshots whose load or delete died (killed, crashed, machine lost):
 * same host and that process is gone, or no heartbeat for a long time.
 */
export async function cleanupAbandoned(driver: Driver, now = Date.now()): Promise<Abandoned[]> {
  const res = await driver.executeQuery(statement(S, 'snapshot-abandon-candidates'));
  const removed: Abandoned[] = [];
  for (const r of res.records) {
    const id = String(r.get('id'));
    const host = r.get('host') as string | null;
    const pid = Number(r.get('pid'));
    const heartbeat = Date.parse(String(r.get('heartbeatAt')));
    const deadHere = host === os.hostname() && pid !== process.pid && !pidAlive(pid);
    const silent = Number.isFinite(heartbeat) && now - heartbeat > STALE_AFTER_MS;
    if (deadHere || silent) {
      await deleteSnapshotData(driver, id);
      removed.push({ id, was: r.get('status') === 'deleting' ? 'deleting' : 'loading' });
    }
  }
  return removed;
}

export async function countSnapshotNodes(driver: Driver, id: string): Promise<number> {
  const res = await driver.executeQuery(statement(S, 'snapshot-count-nodes'), { id });
  return Number(res.records[0]?.get('nodes') ?? 0);
}

export async function snapshotGraphCounts(
  driver: Driver,
  id: string,
): Promise<{ nodes: Record<string, number>; relationships: Record<string, number> }> {
  const byLabel = await driver.executeQuery(statement(S, 'snapshot-counts-by-label'), { id });
  const byType = await driver.executeQuery(statement(S, 'snapshot-counts-by-type'), { id });
  return {
    nodes: Object.fromEntries(byLabel.records.map((r) => [String(r.get('label')), Number(r.get('count'))])),
    relationships: Object.fromEntries(
      byType.records.map((r) => [String(r.get('type')), Number(r.get('count'))]),
    ),
  };
}
