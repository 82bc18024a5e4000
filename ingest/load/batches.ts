/**
 * Sends sets of rows to Neo4j in batches (one UNWIND statement each) with a few
 * statements in flight at once, each on its own session. Batches of different
 * sets are interleaved so that the statements running together are mostly of
 * different labels or relationship types, which rarely lock the same nodes; a
 * deadlock that does happen is retried by the driver's managed transaction.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { statement } from '../../cypher/index.ts';
import type { Props } from '../transform/graph-rows.ts';
import { LoadAborted } from './errors.ts';
import { uniqueRows, type Row } from './unique-rows.ts';

/**
 * Rows per statement and statements in flight, chosen by measurement
 * (`npm run bench -- scale`, docs/benchmarks.md).
 */
export const DEFAULT_BATCH_SIZE = 5000;
export const DEFAULT_CONCURRENCY = 2;

/** One statement's rows: `count` names the label or type the written rows count towards. */
export interface LoadSet {
  count: string;
  /** The statement sets properties on nodes that exist: its rows count as neither nodes nor relationships. */
  marks?: boolean;
  file: string;
  name: string;
  rows: Row[];
}

export interface SetResult {
  count: string;
  marks?: boolean;
  /** Rows the statement reports written (a relationship whose end is missing is not). */
  written: number;
  /** Rows sent, once duplicates are merged. */
  sent: number;
}

export interface RunOptions {
  snapshotId: string;
  batchSize: number;
  concurrency: number;
  shouldAbort?: () => boolean;
  /** Called between batches (keeps the snapshot's heartbeat fresh). */
  heartbeat: () => Promise<void>;
  /** Rows of one set sent so far, told after each of its batches (and once before any). */
  onProgress?: (count: string, done: number, total: number) => void;
}

/** Integers must reach Neo4j as integers, not floats (the driver sends JS numbers as floats). */
function toNeo4jProps(p: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p))
    out[k] = typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
  return out;
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
    marks: s.marks,
    written: 0,
    sent: unique[i]!.length,
  }));
  const jobs = interleave(unique, opts.batchSize);
  const done = sets.map(() => 0);
  let next = 0;
  let failed = false;
  sets.forEach((s, i) => {
    if (unique[i]!.length) opts.onProgress?.(s.count, 0, unique[i]!.length);
  });

  const worker = async () => {
    const session = driver.session();
    try {
      while (!failed && next < jobs.length) {
        if (opts.shouldAbort?.()) throw new LoadAborted('ingest interrupted');
        const job = jobs[next++]!;
        const set = sets[job.set]!;
        const params = {
          snapshotId: opts.snapshotId,
          rows: job.rows.map((r) => ({ ...r, props: toNeo4jProps(r.props) })),
        };
        const res = await session.executeWrite((tx) => tx.run(statement(set.file, set.name), params));
        const w = res.records[0]?.get('written');
        results[job.set]!.written += typeof w === 'number' ? w : job.rows.length;
        done[job.set]! += job.rows.length;
        await opts.heartbeat();
        opts.onProgress?.(set.count, done[job.set]!, unique[job.set]!.length);
      }
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      await session.close();
    }
  };

  // Every worker has stopped before an error is passed on, so the caller's clean-up races nothing.
  const settled = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(opts.concurrency, jobs.length)) }, worker),
  );
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
