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
  do deleted = await chunk('snapshot-delete-evidence');
  while (deleted >= batch);
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

/** A load or delete in progress, as the database records it. */
interface InProgress {
  id: string;
  status: string;
  host: string | null;
  pid: number;
  heartbeatAt: string;
}

const inProgress = (r: { get(key: string): unknown }): InProgress => ({
  id: String(r.get('id')),
  status: String(r.get('status')),
  host: r.get('host') as string | null,
  pid: Number(r.get('pid')),
  heartbeatAt: String(r.get('heartbeatAt')),
});

/** Deletes those of `candidates` whose process is gone (same host) or that have had no heartbeat for long. */
async function removeAbandoned(driver: Driver, candidates: InProgress[], now: number): Promise<Abandoned[]> {
  const removed: Abandoned[] = [];
  for (const c of candidates) {
    const heartbeat = Date.parse(c.heartbeatAt);
    const deadHere = c.host === os.hostname() && c.pid !== process.pid && !pidAlive(c.pid);
    const silent = Number.isFinite(heartbeat) && now - heartbeat > STALE_AFTER_MS;
    if (deadHere || silent) {
      await deleteSnapshotData(driver, c.id);
      removed.push({ id: c.id, was: c.status === 'deleting' ? 'deleting' : 'loading' });
    }
  }
  return removed;
}

/**
 * Removes snapshots whose load or delete died (killed, crashed, machine lost):
 * same host and that process is gone, or no heartbeat for a long time.
 */
export async function cleanupAbandoned(driver: Driver, now = Date.now()): Promise<Abandoned[]> {
  const res = await driver.executeQuery(statement(S, 'snapshot-abandon-candidates'));
  return removeAbandoned(driver, res.records.map(inProgress), now);
}

/** The index and constraint names cypher/schema.cypher creates. */
export function schemaNames(): string[] {
  return [...statements('schema').values()].map((stmt) => {
    const name = /^CREATE\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(stmt)?.[1];
    if (!name) throw new Error(`cypher/schema.cypher: a statement without a name: ${stmt}`);
    return name;
  });
}

/**
 * What every command does before its own work, in one read transaction (its three
 * statements sent together): applies the schema when one of its indexes or constraints
 * is missing (a new database, or a schema that gained one), and finishes loads and
 * deletes whose process died (`cleanupAbandoned`). When there is nothing to do, that is
 * one round trip. If the database will not list its indexes (a user without the SHOW
 * INDEX privilege), the schema is applied as before.
 */
export async function prepareDatabase(driver: Driver, now = Date.now()): Promise<Abandoned[]> {
  let present: Set<string>;
  let candidates: InProgress[];
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const [indexes, constraints, loads] = await session.executeRead((tx) =>
      Promise.all([
        tx.run(statement(S, 'schema-index-names')),
        tx.run(statement(S, 'schema-constraint-names')),
        tx.run(statement(S, 'snapshot-abandon-candidates')),
      ]),
    );
    const names = (res: typeof indexes) => (res.records[0]?.get('names') as string[] | undefined) ?? [];
    present = new Set([...names(indexes), ...names(constraints)]);
    candidates = loads.records.map(inProgress);
  } catch (err) {
    if (!/Forbidden|Security/i.test((err as { code?: string }).code ?? '')) throw err;
    await applySchema(driver);
    return cleanupAbandoned(driver, now);
  } finally {
    await session.close();
  }
  if (schemaNames().some((n) => !present.has(n))) await applySchema(driver);
  return candidates.length ? removeAbandoned(driver, candidates, now) : [];
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
