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
import { uniqueRows, type Row } from './unique-rows.ts';

export interface LoadProgress {
  phase: 'nodes' | 'relationships' | 'derived' | 'finishing';
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
  rows: { key: string; props: Props }[];
}

export interface LoadOptions {
  name?: string;
  sources?: string[];
  /** The snapshot's reference date (engine/reference-date.ts), kept for queries that evaluate live. */
  referenceDate?: string;
  warnings?: string[];
  batchSize?: number;
  extraNodes?: ExtraNodeSet[];
  extraRels?: ExtraRelSet[];
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

export class LoadAborted extends Error {}

export function newSnapshotId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `snap-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Integers must reach Neo4j as integers, not floats (the driver sends JS numbers as floats). */
function toNeo4jProps(p: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p))
    out[k] = typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
  return out;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function loadSnapshot(
  driver: Driver,
  rows: GraphRows,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const snapshotId = newSnapshotId();
  const name = opts.name ?? snapshotId;
  const batchSize = opts.batchSize ?? 5000;
  // A heartbeat every few seconds is enough to tell a live load from a dead one.
  let lastHeartbeat = Date.now();
  const createdAt = new Date().toISOString();
  opts.onBegin?.(snapshotId);
  await driver.executeQuery(statement('snapshots/snapshots', 'snapshot-begin'), {
    id: snapshotId,
    name,
    createdAt,
    host: os.hostname(),
    pid: neo4j.int(process.pid),
    sources: opts.sources ?? [],
    referenceDate: opts.referenceDate ?? null,
  });

  const nodeCounts: Record<string, number> = {};
  const relCounts: Record<string, number> = {};
  let dangling = 0;
  const session = driver.session();
  try {
    const runBatches = async (
      phase: LoadProgress['phase'],
      label: string,
      file: string,
      stmtName: string,
      all: Row[],
    ): Promise<{ written: number; sent: number }> => {
      const stmt = statement(file, stmtName);
      const list = uniqueRows(all);
      let written = 0;
      let done = 0;
      opts.onProgress?.({ phase, label, done, total: list.length });
      for (const batch of chunks(list, batchSize)) {
        if (opts.shouldAbort?.()) throw new LoadAborted('ingest interrupted');
        const params = {
          snapshotId,
          rows: batch.map((r) => ({ ...r, props: toNeo4jProps(r.props) })),
        };
        const res = await session.executeWrite((tx) => tx.run(stmt, params));
        const w = res.records[0]?.get('written');
        written += typeof w === 'number' ? w : batch.length;
        done += batch.length;
        if (Date.now() - lastHeartbeat > 5000) {
          lastHeartbeat = Date.now();
          await session.executeWrite((tx) =>
            tx.run(statement('snapshots/snapshots', 'snapshot-heartbeat'), {
              id: snapshotId,
              now: new Date().toISOString(),
            }),
          );
        }
        opts.onProgress?.({ phase, label, done, total: list.length });
      }
      return { written, sent: list.length };
    };

    for (const label of NODE_LABELS as readonly NodeLabel[]) {
      const list = rows.nodes[label];
      if (list.length === 0) continue;
      nodeCounts[label] = (await runBatches('nodes', label, 'load/nodes', `node-${label}`, list)).written;
    }
    for (const extra of opts.extraNodes ?? []) {
      if (extra.rows.length === 0) continue;
      const { written } = await runBatches('derived', extra.label, extra.file, extra.name, extra.rows);
      if (!extra.updatesExisting) nodeCounts[extra.label] = (nodeCounts[extra.label] ?? 0) + written;
    }
    for (const type of REL_TYPES as readonly RelType[]) {
      const list = rows.rels[type];
      if (list.length === 0) continue;
      const { written, sent } = await runBatches(
        'relationships',
        type,
        'load/relationships',
        `rel-${type}`,
        list,
      );
      relCounts[type] = written;
      dangling += sent - written;
    }
    for (const extra of opts.extraRels ?? []) {
      if (extra.rows.length === 0) continue;
      const { written, sent } = await runBatches('derived', extra.type, extra.file, extra.name, extra.rows);
      relCounts[extra.type] = (relCounts[extra.type] ?? 0) + written;
      dangling += sent - written;
    }

    opts.onProgress?.({ phase: 'finishing', label: 'snapshot', done: 0, total: 1 });
    const counts = JSON.stringify({ nodes: nodeCounts, relationships: relCounts });
    const res = await session.executeWrite((tx) =>
      tx.run(statement('snapshots/snapshots', 'snapshot-complete'), {
        id: snapshotId,
        now: new Date().toISOString(),
        counts,
        warnings: opts.warnings ?? [],
      }),
    );
    if (res.records.length !== 1) throw new Error(`snapshot ${snapshotId} vanished while loading`);
    opts.onProgress?.({ phase: 'finishing', label: 'snapshot', done: 1, total: 1 });
  } catch (err) {
    await session.close().catch(() => undefined);
    await deleteSnapshotData(driver, snapshotId).catch(() => undefined);
    throw err;
  }
  await session.close();
  return { snapshotId, name, nodes: nodeCounts, relationships: relCounts, danglingRelationships: dangling };
}
