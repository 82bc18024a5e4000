/**
 * Sends sets of rows to Neo4j in batches (one UNWIND statement each) with a few
 * statements in flight at once, each on its own session. Batches of different
 * sets are interleaved so that the statements running together are mostly of
 * different labels or relationship types, which rarely lock the same nodes; a
 * deadlock that does happen is retried by the driver's managed transaction.
 */
import type { Driver, Transaction } from 'neo4j-driver';
import { statement } from '../../cypher/index.ts';
import { columnParams, statementColumns, toNeo4jProps } from './columns.ts';
import { LoadAborted } from './errors.ts';
import { uniqueRows, type Row } from './unique-rows.ts';

/**
 * Rows per statement and statements in flight, chosen by measurement
 * (`npm run bench -- scale`, docs/benchmarks.md).
 */
export const DEFAULT_BATCH_SIZE = 5000;
export const DEFAULT_CONCURRENCY = 2;

/**
 * What a set's statement does: `nodes` creates nodes and returns their keys and element ids;
 * `relationships` creates relationships between nodes found by element id; `marks` sets
 * properties on nodes found by element id (its rows count as neither nodes nor relationships);
 * `table` creates rows that edges name by number, not graph nodes (no element ids kept).
 */
export type SetKind = 'nodes' | 'relationships' | 'marks' | 'table';

/**
 * One statement's rows: `count` names the label or type the written rows count towards.
 * `runSets` empties `rows` once it has cut them into batches.
 */
export interface LoadSet {
  count: string;
  kind: SetKind;
  file: string;
  name: string;
  rows: Row[];
}

export interface SetResult {
  count: string;
  kind: SetKind;
  /** Rows the statement reports written (a relationship whose end is missing is not). */
  written: number;
  /** Rows sent, once duplicates are merged. */
  sent: number;
}

export interface RunOptions {
  snapshotId: string;
  batchSize: number;
  concurrency: number;
  /**
   * Node key -> element id of the nodes this load created: filled by `nodes` sets, read by the
   * others, so that a relationship's ends are found by id instead of by an index seek on the key.
   */
  ids: Map<string, string>;
  shouldAbort?: () => boolean;
  /**
   * The one transaction of a small load (loader.ts): every batch is sent in it at once, with
   * no session and no commit of its own, and `concurrency` is ignored.
   */
  tx?: Transaction;
  /** Called between batches (keeps the snapshot's heartbeat fresh). */
  heartbeat: () => Promise<void>;
  /** Rows of one set sent so far, told after each of its batches (and once before any). */
  onProgress?: (count: string, done: number, total: number) => void;
}

/**
 * A batch's parameters. Relationship ends and marked nodes are named by element id; a row whose
 * node is not in this load is left out (the caller counts it as not written).
 */
function statementParams(
  kind: SetKind,
  text: string,
  rows: Row[],
  ids: Map<string, string>,
): { params: Record<string, unknown[]>; count: number } {
  if (kind !== 'marks')
    return columnParams(rows, statementColumns(text), kind === 'relationships' ? ids : undefined);
  const out: Record<string, unknown>[] = [];
  for (const r of rows) {
    const id = ids.get(r.key);
    if (id !== undefined) out.push({ id, props: toNeo4jProps(r.props) });
  }
  return { params: { rows: out }, count: out.length };
}

interface Job {
  set: number;
  rows: Row[];
}

/** Batches of all sets, interleaved: the first batch of each set, then the second of each, and so on. */
function interleave(sets: Row[][], size: number): Job[] {
  const jobs: Job[] = [];
  const longest = Math.max(0, ...sets.map((s) => s.length));
  for (let at = 0; at < longest; at += size)
    sets.forEach((rows, set) => {
      if (at < rows.length) jobs.push({ set, rows: rows.slice(at, at + size) });
    });
  return jobs;
}

export async function runSets(driver: Driver, sets: LoadSet[], opts: RunOptions): Promise<SetResult[]> {
  const unique = sets.map((s) => uniqueRows(s.rows));
  const results: SetResult[] = sets.map((s, i) => ({
    count: s.count,
    kind: s.kind,
    written: 0,
    sent: unique[i]!.length,
  }));
  const totals = unique.map((u) => u.length);
  const jobs: (Job | undefined)[] = interleave(unique, opts.batchSize);
  // From here on the jobs hold the only references to the rows (the given lists are emptied),
  // and each job is dropped once taken: a written batch's rows are let go while the load goes on.
  unique.length = 0;
  for (const s of sets) s.rows.length = 0;
  const done = sets.map(() => 0);
  let next = 0;
  let failed = false;
  sets.forEach((s, i) => {
    if (totals[i]) opts.onProgress?.(s.count, 0, totals[i]!);
  });

  const worker = async () => {
    const session = opts.tx ? undefined : driver.session();
    try {
      while (!failed && next < jobs.length) {
        if (opts.shouldAbort?.()) throw new LoadAborted('ingest interrupted');
        const job = jobs[next]!;
        jobs[next++] = undefined;
        const set = sets[job.set]!;
        const text = statement(set.file, set.name);
        const { params, count } = statementParams(set.kind, text, job.rows, opts.ids);
        if (count) {
          const all = { snapshotId: opts.snapshotId, ...params };
          const res = await (opts.tx?.run(text, all) ?? session!.executeWrite((tx) => tx.run(text, all)));
          const record = res.records[0];
          if (set.kind === 'nodes') {
            const keys = (record?.get('keys') ?? []) as string[];
            const ids = (record?.get('ids') ?? []) as string[];
            keys.forEach((k, i) => opts.ids.set(k, ids[i]!));
            results[job.set]!.written += keys.length;
          } else {
            const w = record?.get('written');
            results[job.set]!.written += typeof w === 'number' ? w : count;
          }
        }
        done[job.set]! += job.rows.length;
        await opts.heartbeat();
        opts.onProgress?.(set.count, done[job.set]!, totals[job.set]!);
      }
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      await session?.close();
    }
  };

  // Every worker has stopped before an error is passed on, so the caller's clean-up races nothing.
  const settled = await Promise.allSettled(
    Array.from(
      { length: Math.max(1, opts.tx ? jobs.length : Math.min(opts.concurrency, jobs.length)) },
      worker,
    ),
  );
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
