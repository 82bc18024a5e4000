/** Snapshot bookkeeping: list, find, delete, and the clean-up of loads and deletes that died. */
import os from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import { statement, statements } from '../../cypher/index.ts';
import { readOnce } from '../../db/read-once.ts';

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

/**
 * Idempotent; two processes applying it at once may race, and the loser finds the rule already there.
 * Drops the indexes of cypher/schema-retired.cypher too: each is written at every load and no
 * statement reads it. A server that refuses the drop (a user without the privilege) keeps them.
 */
export async function applySchema(driver: Driver): Promise<void> {
  for (const stmt of statements('schema').values()) {
    try {
      await driver.executeQuery(stmt);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!/AlreadyExists/.test(code)) throw err;
    }
  }
  await dropRetired(driver, retiredRules());
}

/** The indexes earlier versions created that cypher/schema-retired.cypher drops, by name. */
export function retiredNames(): string[] {
  return retiredRules().map((r) => r.name);
}

function retiredRules(): { name: string; stmt: string }[] {
  return [...statements('schema-retired').values()].map((stmt) => {
    const m = /^DROP\s+(?:INDEX|CONSTRAINT)\s+(\w+)\s+IF EXISTS\s*$/i.exec(stmt);
    if (!m) throw new Error(`cypher/schema-retired.cypher: not a DROP ... IF EXISTS: ${stmt}`);
    return { name: m[1]!, stmt };
  });
}

async function dropRetired(driver: Driver, rules: { stmt: string }[]): Promise<void> {
  for (const { stmt } of rules) {
    try {
      await driver.executeQuery(stmt);
    } catch (err) {
      if (!/Forbidden|Security/i.test((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

export async function listSnapshots(
  driver: Driver,
  includeLoading = false,
  withSources = true,
): Promise<SnapshotInfo[]> {
  const res = await driver.executeQuery(statement(S, 'snapshot-list'), { includeLoading, withSources });
  return res.records.map((r) => toInfo(r.toObject()));
}

import { SnapshotNotFound } from './errors.ts';

export { SnapshotNotFound };

/** A snapshot by id or name; without one, the latest complete snapshot. */
export async function resolveSnapshot(driver: Driver, ref?: string): Promise<SnapshotInfo> {
  if (!ref) {
    const res = await readOnce(driver, statement(S, 'snapshot-latest'));
    const r = res.records[0];
    if (!r)
      throw new SnapshotNotFound(
        'No snapshot is loaded yet. Run `iamatlas ingest PATH` or `iamatlas demo` first.',
      );
    return toInfo({ ...r.toObject(), status: 'complete' });
  }
  const res = await readOnce(driver, statement(S, 'snapshot-find'), { ref });
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
  return schemaRules().map((r) => r.name);
}

/**
 * The schema's rules: each index's or constraint's name, and whether SHOW INDEXES lists it. It
 * lists every index, and every uniqueness or key constraint by the index the constraint owns,
 * which carries the constraint's name
 * (https://neo4j.com/docs/cypher-manual/5/constraints/managing-constraints/); other constraints
 * (property existence or type) are listed by SHOW CONSTRAINTS only.
 */
function schemaRules(): { name: string; indexed: boolean }[] {
  return [...statements('schema').values()].map((stmt) => {
    const m = /^CREATE\s+(?:\w+\s+)?(CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(stmt);
    if (!m) throw new Error(`cypher/schema.cypher: a statement without a name: ${stmt}`);
    const indexed =
      m[1]!.toUpperCase() === 'INDEX' ||
      /\bIS\s+(?:UNIQUE|(?:NODE\s+|REL(?:ATIONSHIP)?\s+)?KEY)\s*$/i.test(stmt);
    return { name: m[2]!, indexed };
  });
}

/** What the check before a command found and did. */
export interface DatabaseCheck {
  /** Loads and deletes whose process had died, now removed. */
  removed: Abandoned[];
  /**
   * Asked for with `list`: the complete snapshots, newest first, as `listSnapshots` gives them
   * (their `sources` only with `list.sources`).
   */
  snapshots?: SnapshotInfo[];
}

/**
 * What every command that writes or lists snapshots does before its own work: applies the schema
 * when one of its indexes or constraints is missing (a new database, or a schema that gained
 * one), drops the retired indexes it finds (cypher/schema-retired.cypher), and finishes loads
 * and deletes whose process died (`cleanupAbandoned`). With `list`, the complete snapshots are
 * read too (what `snapshots list` prints; removing a dead load or delete does not change them).
 * It is one read transaction whose begin, statements and commit are sent
 * without waiting for the begin: when there is nothing to do, two round trips. SHOW CONSTRAINTS
 * is read only when the schema has a constraint that SHOW INDEXES does not list. If the database
 * will not list its indexes (a user without the SHOW INDEX privilege), the schema is applied as before.
 */
export async function prepareDatabase(
  driver: Driver,
  opts: { now?: number; list?: { sources: boolean } } = {},
): Promise<DatabaseCheck> {
  const now = opts.now ?? Date.now();
  const rules = schemaRules();
  let present: Set<string>;
  let candidates: InProgress[];
  let snapshots: SnapshotInfo[] | undefined;
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const tx = session.beginTransaction();
    const [indexes, constraints, loads, listed] = await Promise.all([
      tx.run(statement(S, 'schema-index-names')),
      rules.every((r) => r.indexed) ? undefined : tx.run(statement(S, 'schema-constraint-names')),
      tx.run(statement(S, 'snapshot-abandon-candidates')),
      opts.list
        ? tx.run(statement(S, 'snapshot-list'), { includeLoading: false, withSources: opts.list.sources })
        : undefined,
    ]);
    await tx.commit();
    const names = (res: typeof indexes | undefined) =>
      (res?.records[0]?.get('names') as string[] | undefined) ?? [];
    present = new Set([...names(indexes), ...names(constraints)]);
    candidates = loads.records.map(inProgress);
    snapshots = listed?.records.map((r) => toInfo(r.toObject()));
  } catch (err) {
    if (!/Forbidden|Security/i.test((err as { code?: string }).code ?? '')) throw err;
    await applySchema(driver);
    const removed = await cleanupAbandoned(driver, now);
    if (!opts.list) return { removed };
    return { removed, snapshots: await listSnapshots(driver, false, opts.list.sources) };
  } finally {
    await session.close();
  }
  if (rules.some((r) => !present.has(r.name))) await applySchema(driver);
  else
    await dropRetired(
      driver,
      retiredRules().filter((r) => present.has(r.name)),
    );
  const removed = candidates.length ? await removeAbandoned(driver, candidates, now) : [];
  return { removed, ...(snapshots ? { snapshots } : {}) };
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
