/**
 * `iamatlas ingest`: read and validate the exports, transform them, derive the
 * engine's edges, and load everything as one snapshot.
 */
import type { Driver } from 'neo4j-driver';
import type { SnapshotModel } from '../engine/model.ts';
import { formatProblem, readSnapshot, type InputProblem } from './read/index.ts';
import { toGraphRows, type GraphRows } from './transform/graph-rows.ts';
import { loadSnapshot, type DerivedSets, type LoadProgress, type LoadResult } from './load/loader.ts';
import { FileSpill } from './load/record-spill.ts';
import { deriveForLoad, type AnalysisStep } from './transform/derived.ts';
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
  /** The load, begun with the rows and the analysis's sets. */
  load: Promise<LoadResult>;
  input: ReturnType<typeof inputCounts>;
  warnings: InputProblem[];
  files: { path: string; kind: string }[];
}

/** What `readAndPrepare` hands the load: the input's own rows, the analysis's sets, and the rest it needs. */
interface LoadStart {
  rows: GraphRows;
  /** A promise while the analysis still runs. */
  derived: DerivedSets | Promise<DerivedSets>;
  inputs: LoadInputs;
}

/**
 * Inputs with fewer principals than this have their own rows made before the analysis, and the
 * load begins with them while the analysis runs (`loadSnapshot`'s `derived`); larger ones keep the
 * analysis's garbage and the rows apart (the rows are made after it).
 */
export const EARLY_LOAD_MAX_PRINCIPALS = 2_000;

/** Settles after a turn of the event loop: what was handed to the database connection is sent. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Read, analyse and transform, and start the load (`load`) with the rows. The model, the
 * analysis's intermediate structures and the evaluator's parsed policies (cached by document, so
 * kept as long as the model's documents are) stay inside this function: only the rows leave it,
 * and the load runs without them in memory.
 */
async function readAndPrepare(
  paths: string[],
  opts: IngestOptions,
  spill: (model: SnapshotModel) => FileSpill<AccessRecord> | undefined,
  load: (start: LoadStart) => Promise<LoadResult>,
): Promise<Prepared> {
  opts.onStage?.(`Reading ${paths.join(', ')}`);
  opts.onStep?.('read');
  const read = await readSnapshot(paths, {
    onProgress: (e) => opts.onProgress?.('reading files', e.done, e.total),
  });
  const principals = read.model.users.length + read.model.roles.length;
  tightenHeapGrowth(principals);
  const inputs: LoadInputs = {
    // A file merged from several accounts is a source of each; the snapshot lists it once.
    sources: [...new Set(read.model.sources.map((f) => f.path))],
    referenceDate: snapshotReferenceDate(read.model),
    warnings: read.warnings,
  };
  const prepared = (loading: Promise<LoadResult>): Prepared => ({
    load: loading,
    input: inputCounts(read.model),
    warnings: read.warnings,
    files: read.files,
  });
  const analyse = () =>
    deriveForLoad(read.model, opts.onStage, (step) => opts.onStep?.(`analyse: ${step}`), {
      accessSpill: spill(read.model),
    });
  if (principals >= EARLY_LOAD_MAX_PRINCIPALS) {
    opts.onStage?.('Transforming and analysing');
    const derived = analyse();
    // Rows after the analysis: the analysis's short-lived garbage and the rows never share the heap.
    opts.onStep?.('transform');
    const rows = toGraphRows(read.model);
    return prepared(load({ rows, derived, inputs }));
  }
  opts.onStep?.('transform');
  const rows = toGraphRows(read.model);
  let settle!: { resolve: (d: DerivedSets) => void; reject: (err: unknown) => void };
  const derived = new Promise<DerivedSets>((resolve, reject) => (settle = { resolve, reject }));
  const loading = load({ rows, derived, inputs });
  // Its failure is passed on where the load is awaited, not as an unhandled rejection meanwhile.
  const settled = loading.then(
    () => undefined,
    () => undefined,
  );
  // The analysis runs without a pause: the loader's first statements go out before it.
  await nextTurn();
  opts.onStage?.('Transforming and analysing');
  try {
    settle.resolve(analyse());
  } catch (err) {
    settle.reject(err);
    // The load rolls back before the error goes on (and the connection closes).
    await settled;
    throw err;
  }
  return prepared(loading);
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
  const prepared = await readAndPrepare(paths, opts, spill, (early) => startLoad(driver, opts, early));
  return loaded(await prepared.load, prepared);
}

/** What the load needs besides the rows and the analysis's sets. */
type LoadInputs = { sources: string[]; referenceDate: string | undefined; warnings: InputProblem[] };

/**
 * Starts the load once the database may be written to: of `rows` and the analysis's sets
 * (`derived`; while the analysis still runs, the loader writes the input's own nodes meanwhile).
 */
async function startLoad(
  driver: Driver,
  opts: IngestOptions,
  { rows, derived, inputs }: LoadStart,
): Promise<LoadResult> {
  await opts.databaseReady;
  // The loader empties the row lists as it writes them, so what it has written is let go.
  return loadSnapshot(driver, rows, {
    name: opts.name,
    batchSize: opts.batchSize,
    concurrency: opts.concurrency,
    sources: inputs.sources,
    referenceDate: inputs.referenceDate,
    warnings: inputs.warnings.map(formatProblem),
    ...(derived instanceof Promise ? { derived } : derived),
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
}

function loaded(res: LoadResult, prepared: Prepared): IngestResult {
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
