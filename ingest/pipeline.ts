/**
 * `iamatlas ingest`: read and validate the exports, transform them, derive the
 * engine's edges, and load everything as one snapshot.
 */
import type { Driver } from 'neo4j-driver';
import type { SnapshotModel } from '../engine/model.ts';
import { formatProblem, readSnapshot, type InputProblem } from './read/index.ts';
import { toGraphRows } from './transform/graph-rows.ts';
import { loadSnapshot, type LoadProgress } from './load/loader.ts';
import { FileSpill } from './load/record-spill.ts';
import { deriveForLoad, type AnalysisStep, type Derived } from './transform/derived.ts';
import type { AccessRecord } from './transform/resource-access-stream.ts';
import { restoreHeapGrowth, tightenHeapGrowth } from './heap-growth.ts';
import { snapshotReferenceDate } from '../engine/reference-date.ts';

export interface IngestOptions {
  name?: string;
  onProgress?: (label: string, done: number, total: number) => void;
  onStage?: (line: string) => void;
  shouldAbort?: () => boolean;
  /** Settles when the database may be written to (its schema checked): the load waits for it, the reading does not. */
  databaseReady?: Promise<unknown>;
  /** Told as each step before the load begins (benchmarks time them); the load's steps come through `onLoadProgress`. */
  onStep?: (step: IngestStep) => void;
  /** The loader's own progress, phase by phase (`onProgress` gets the same as text). */
  onLoadProgress?: (p: LoadProgress) => void;
  /** Told the new snapshot's id before anything is written. */
  onBegin?: (snapshotId: string) => void;
  /** Rows per statement and statements in flight (the loader's defaults otherwise). */
  batchSize?: number;
  concurrency?: number;
}

/** The steps before the load, in order. */
export type IngestStep = 'read' | `analyse: ${AnalysisStep}` | 'transform';

export interface IngestResult {
  snapshotId: string;
  name: string;
  counts: { nodes: Record<string, number>; relationships: Record<string, number> };
  input: ReturnType<typeof inputCounts>;
  warnings: InputProblem[];
  files: { path: string; kind: string }[];
  danglingRelationships: number;
}

/** What the input files hold, independent of the graph. */
export function inputCounts(model: SnapshotModel) {
  return {
    accounts: model.accounts.length,
    users: model.users.length,
    groups: model.groups.length,
    roles: model.roles.length,
    managedPolicies: model.policies.length,
    inlinePolicies:
      model.users.reduce((n, u) => n + u.inlinePolicies.length, 0) +
      model.groups.reduce((n, g) => n + g.inlinePolicies.length, 0) +
      model.roles.reduce((n, r) => n + r.inlinePolicies.length, 0),
    instanceProfiles: model.instanceProfiles.length,
    identityProviders: model.identityProviders.length,
    organizationalUnits: model.organization?.organizationalUnits.length ?? 0,
    organizationPolicies: model.organization?.policies.length ?? 0,
    resources: model.resources?.length ?? 0,
  };
}

/** What the load needs, built from the files; the model is not part of it. */
interface Prepared {
  rows: ReturnType<typeof toGraphRows>;
  derived: Derived;
  sources: string[];
  referenceDate: string | undefined;
  input: ReturnType<typeof inputCounts>;
  warnings: InputProblem[];
  files: { path: string; kind: string }[];
}

/**
 * Read, analyse and transform. The model, the analysis's intermediate
 * structures and the evaluator's parsed policies (cached by document, so kept
 * as long as the model's documents are) stay inside this function: only the
 * rows leave it, and the load runs without them in memory.
 */
async function readAndPrepare(
  paths: string[],
  opts: IngestOptions,
  spill: (model: SnapshotModel) => FileSpill<AccessRecord> | undefined,
): Promise<Prepared> {
  opts.onStage?.(`Reading ${paths.join(', ')}`);
  opts.onStep?.('read');
  const read = await readSnapshot(paths, {
    onProgress: (e) => opts.onProgress?.('reading files', e.done, e.total),
  });
  tightenHeapGrowth(read.model.users.length + read.model.roles.length);
  opts.onStage?.('Transforming and analysing');
  const derived = deriveForLoad(read.model, opts.onStage, (step) => opts.onStep?.(`analyse: ${step}`), {
    accessSpill: spill(read.model),
  });
  // Rows after the analysis: the analysis's short-lived garbage and the rows never share the heap.
  opts.onStep?.('transform');
  const rows = toGraphRows(read.model);
  return {
    rows,
    derived,
    // A file merged from several accounts is a source of each; the snapshot lists it once.
    sources: [...new Set(read.model.sources.map((f) => f.path))],
    referenceDate: snapshotReferenceDate(read.model),
    input: inputCounts(read.model),
    warnings: read.warnings,
    files: read.files,
  };
}

export async function ingestPaths(
  driver: Driver,
  paths: string[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  // V8's own heap growth is put back however the ingest ends (readAndPrepare may tighten it).
  try {
    return await prepareAndLoad(driver, paths, opts);
  } finally {
    restoreHeapGrowth();
  }
}

async function prepareAndLoad(driver: Driver, paths: string[], opts: IngestOptions): Promise<IngestResult> {
  // CAN_ACCESS rows wait on disk for the load (a large organization's are gigabytes in memory).
  let spill: FileSpill<AccessRecord> | undefined;
  try {
    return await prepareAndLoadWith(driver, paths, opts, (model) => {
      if (model.resources?.length) spill = new FileSpill('iamatlas-access-');
      return spill;
    });
  } finally {
    spill?.dispose();
  }
}

async function prepareAndLoadWith(
  driver: Driver,
  paths: string[],
  opts: IngestOptions,
  spill: (model: SnapshotModel) => FileSpill<AccessRecord> | undefined,
): Promise<IngestResult> {
  const prepared = await readAndPrepare(paths, opts, spill);
  await opts.databaseReady;
  // The loader empties the row lists as it writes them, so what it has written is let go.
  const res = await loadSnapshot(driver, prepared.rows, {
    name: opts.name,
    batchSize: opts.batchSize,
    concurrency: opts.concurrency,
    sources: prepared.sources,
    referenceDate: prepared.referenceDate,
    warnings: prepared.warnings.map(formatProblem),
    extraNodes: prepared.derived.extraNodes,
    extraRels: prepared.derived.extraRels,
    streamedRels: prepared.derived.streamedRels,
    shouldAbort: opts.shouldAbort,
    onBegin: (id) => {
      opts.onBegin?.(id);
      opts.onStage?.(`Loading into Neo4j as snapshot ${id}`);
    },
    onProgress: (p: LoadProgress) => {
      opts.onLoadProgress?.(p);
      opts.onProgress?.(`${p.phase}: ${p.label}`, p.done, p.total);
    },
  });
  return {
    snapshotId: res.snapshotId,
    name: res.name,
    counts: { nodes: res.nodes, relationships: res.relationships },
    input: prepared.input,
    warnings: prepared.warnings,
    files: prepared.files,
    danglingRelationships: res.danglingRelationships,
  };
}
