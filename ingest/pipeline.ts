/**
 * `iamatlas ingest`: read and validate the exports, transform them, derive the
 * engine's edges, and load everything as one snapshot.
 */
import type { Driver } from 'neo4j-driver';
import type { SnapshotModel } from '../engine/model.ts';
import { formatProblem, readSnapshot, type InputProblem } from './read/index.ts';
import { toGraphRows } from './transform/graph-rows.ts';
import { loadSnapshot, type ExtraNodeSet, type ExtraRelSet, type LoadProgress } from './load/loader.ts';
import { deriveForLoad } from './transform/derived.ts';
import { snapshotReferenceDate } from '../engine/reference-date.ts';

export interface IngestOptions {
  name?: string;
  onProgress?: (label: string, done: number, total: number) => void;
  onStage?: (line: string) => void;
  shouldAbort?: () => boolean;
}

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

export async function ingestPaths(
  driver: Driver,
  paths: string[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  opts.onStage?.(`Reading ${paths.join(', ')}`);
  const read = await readSnapshot(paths, {
    onProgress: (e) => opts.onProgress?.('reading files', e.done, e.total),
  });
  opts.onStage?.('Transforming and analysing');
  const derived: { extraNodes: ExtraNodeSet[]; extraRels: ExtraRelSet[] } = deriveForLoad(
    read.model,
    opts.onStage,
  );
  // Rows after the analysis: the analysis's short-lived garbage and the rows never share the heap.
  const rows = toGraphRows(read.model);

  const res = await loadSnapshot(driver, rows, {
    name: opts.name,
    // A file merged from several accounts is a source of each; the snapshot lists it once.
    sources: [...new Set(read.model.sources.map((f) => f.path))],
    referenceDate: snapshotReferenceDate(read.model),
    warnings: read.warnings.map(formatProblem),
    extraNodes: derived.extraNodes,
    extraRels: derived.extraRels,
    shouldAbort: opts.shouldAbort,
    onBegin: (id) => opts.onStage?.(`Loading into Neo4j as snapshot ${id}`),
    onProgress: (p: LoadProgress) => opts.onProgress?.(`${p.phase}: ${p.label}`, p.done, p.total),
  });
  return {
    snapshotId: res.snapshotId,
    name: res.name,
    counts: { nodes: res.nodes, relationships: res.relationships },
    input: inputCounts(read.model),
    warnings: read.warnings,
    files: read.files,
    danglingRelationships: res.danglingRelationships,
  };
}
