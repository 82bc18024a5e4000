/**
 * Entry point of the resource analysis: callers × resources × access levels,
 * decided by the evaluator with each service's own rules.
 */
import type { SnapshotModel } from '../model.ts';
import type { CanAssumeEdge, SnapshotContext } from '../trust/index.ts';
import type { ResourceAnalysis, ZoneOfTrust } from './types.ts';

export interface ResourceAnalysisOptions {
  /** The trust analysis's context (accounts, principals, SCPs and RCPs), shared so nothing is built twice. */
  context: SnapshotContext;
  /** Findings report access from outside this zone. Default: 'organization' when the snapshot has one, else 'account'. */
  zoneOfTrust?: ZoneOfTrust;
  canAssume?: CanAssumeEdge[];
}

export function analyseResources(model: SnapshotModel, _opts: ResourceAnalysisOptions): ResourceAnalysis {
  const resources = model.resources ?? [];
  return {
    edges: [],
    findings: [],
    stats: {
      resources: resources.length,
      analysedResources: 0,
      evaluateCalls: 0,
      edges: 0,
      publicEdges: 0,
      externalEdges: 0,
    },
  };
}
