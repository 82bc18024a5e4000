/**
 * Entry point of the resource analysis: callers × resources × access levels,
 * decided by the evaluator with each service's own rules. Candidates come
 * from what each resource policy names and from an index of identity
 * policies (callers.ts), so the work grows with policies, resources and
 * edges, not principals × resources. See engine/resources/README.md.
 */
import type { SnapshotModel } from '../model.ts';
import type { SnapshotContext } from '../trust/index.ts';
import { candidateCallers, rolesByAccountName, type CallerEnv } from './callers.ts';
import { ActionClasses } from './action-classes.ts';
import { decideCaller, ResourceSession, type DecideEnv } from './decide.ts';
import { accessEdge } from './edges.ts';
import { Interner } from './intern.ts';
import { releaseAnalysisCaches } from './analysis-cache.ts';
import { outsideZone, resourceFindings } from './findings.ts';
import { DecisionKeys } from './memo.ts';
import { IdentityResourceIndex } from './identity-index.ts';
import { grantEdges } from './kms-grants.ts';
import { planResource, type ResourcePlan } from './plan.ts';
import { decrypters, kmsDecryptRule } from './secrets.ts';
import {
  ACCESS_LEVELS,
  isPublicEdge,
  reasonsOf,
  type AccessLevel,
  type CanAccessEdge,
  type LevelAccess,
  type ResourceAnalysis,
  type ResourceAnalysisStats,
  type ZoneOfTrust,
} from './types.ts';

export interface ResourceAnalysisOptions {
  /** The trust analysis's context (accounts, principals, SCPs and RCPs), shared so nothing is built twice. */
  context: SnapshotContext;
  /** Findings report access from outside this zone. Default: 'organization' when the snapshot has one, else 'account'. */
  zoneOfTrust?: ZoneOfTrust;
}

/** One level reached two ways (a policy and a KMS grant): its actions together, the least conditional way cited. */
function mergeLevel(previous: LevelAccess, next: LevelAccess): LevelAccess {
  const keep = next.conditions.length < previous.conditions.length ? next : previous;
  const actions = [...new Set([...previous.actions, ...next.actions])];
  return { ...keep, actions, public: previous.public || next.public };
}

/** One edge per (caller, resource): a second way in adds its levels and actions. */
function mergeEdges(previous: CanAccessEdge, next: CanAccessEdge): CanAccessEdge {
  const own = (e: CanAccessEdge) => e.levels.map((l) => ({ ...l, reasons: reasonsOf(e, l) }));
  const byLevel = new Map<AccessLevel, LevelAccess>();
  for (const l of own(previous)) byLevel.set(l.level, l);
  for (const l of own(next)) {
    const old = byLevel.get(l.level);
    byLevel.set(l.level, old ? mergeLevel(old, l) : l);
  }
  const { renamed: _renamed, ...rest } = previous;
  return { ...rest, levels: ACCESS_LEVELS.filter((l) => byLevel.has(l)).map((l) => byLevel.get(l)!) };
}

/** One resource's share of the analysis: its CAN_ACCESS edges and the findings they give. */
export interface ResourcePart {
  edges: CanAccessEdge[];
  findings: ResourceAnalysis['findings'];
}

/** Everything: every resource's edges and findings together, in the order `eachResourceAccess` gives them. */
export function analyseResources(model: SnapshotModel, opts: ResourceAnalysisOptions): ResourceAnalysis {
  const edges: CanAccessEdge[] = [];
  const findings: ResourceAnalysis['findings'] = [];
  const stats = eachResourceAccess(model, opts, (part) => {
    for (const edge of part.edges) edges.push(edge);
    for (const finding of part.findings) findings.push(finding);
  });
  return { edges, findings, stats };
}

/**
 * The analysis one resource at a time: each resource's edges and findings are handed to `take` as
 * soon as they are decided, and the analysis keeps none of them (of a KMS key's, only which callers
 * may decrypt, which the Secrets Manager rule reads), so a caller that turns each part into rows and
 * lets it go never holds every edge at once. Keys come first, then the other resources in the snapshot's order.
 */
export function eachResourceAccess(
  model: SnapshotModel,
  opts: ResourceAnalysisOptions,
  take: (part: ResourcePart) => void,
): ResourceAnalysisStats {
  // What it worked out per policy is of no use once every resource is decided (analysis-cache.ts).
  try {
    return analyseEach(model, opts, take);
  } finally {
    releaseAnalysisCaches();
  }
}

function analyseEach(
  model: SnapshotModel,
  opts: ResourceAnalysisOptions,
  take: (part: ResourcePart) => void,
): ResourceAnalysisStats {
  const ctx = opts.context;
  const resources = model.resources ?? [];
  const zone: ZoneOfTrust = opts.zoneOfTrust ?? (ctx.orgId ? 'organization' : 'account');
  const plans = new Map<string, ResourcePlan>();
  for (const resource of resources) {
    const plan = planResource(resource, ctx);
    if (plan) plans.set(resource.arn, plan);
  }
  const stats: ResourceAnalysisStats = {
    resources: resources.length,
    analysedResources: plans.size,
    evaluateCalls: 0,
    edges: 0,
    publicEdges: 0,
    externalEdges: 0,
  };
  // Nothing to decide: the identity index over every principal is not built for nothing.
  if (plans.size === 0) return stats;
  const callerEnv: CallerEnv = {
    ctx,
    identity: new IdentityResourceIndex(ctx),
    rolesByAccountName: rolesByAccountName(ctx),
  };
  const counters = { evaluateCalls: 0 };
  const decideEnv: DecideEnv = {
    ctx,
    counters,
    ecrToken: new Map(),
    keys: new DecisionKeys(),
    classes: new ActionClasses(),
  };
  /** Key ARN → the callers that may decrypt with it: what the Secrets Manager rule reads (secrets.ts). */
  const keyDecrypters = new Map<string, ReadonlySet<string>>();

  // Keys first: a secret's cross-account read needs kms:Decrypt on its key (secrets.ts).
  const ordered = [...plans.values()].sort(
    (a, b) => Number(b.type === 'kms-key') - Number(a.type === 'kms-key'),
  );
  let keysDone = false;
  for (const plan of ordered) {
    if (!keysDone && plan.type !== 'kms-key') {
      decideEnv.excluded = kmsDecryptRule(plans, keyDecrypters);
      keysDone = true;
    }
    const session = new ResourceSession(plan);
    // One copy of what this resource's edges repeat; the next resource's edges name other
    // resources and statements, so a copy kept for the whole analysis would only grow.
    const intern = new Interner();
    const { callers } = candidateCallers(plan, callerEnv);
    // Callers are unique per resource; only a KMS key's grants can add a second way in.
    const mine = new Map<string, CanAccessEdge>();
    for (const caller of callers.values()) {
      const edge = accessEdge(plan, caller, decideCaller(session, caller, decideEnv), intern);
      if (edge) mine.set(edge.from, edge);
    }
    if (plan.type === 'kms-key') {
      for (const edge of grantEdges(plan, callerEnv)) {
        const previous = mine.get(edge.from);
        mine.set(edge.from, previous ? mergeEdges(previous, edge) : edge);
      }
      keyDecrypters.set(plan.resource.arn, decrypters(mine.values()));
    }
    const edges = [...mine.values()];
    stats.edges += edges.length;
    for (const edge of edges) {
      if (isPublicEdge(edge)) stats.publicEdges++;
      if (outsideZone(edge, zone)) stats.externalEdges++;
    }
    take({ edges, findings: resourceFindings(edges, plans, zone) });
  }
  stats.evaluateCalls = counters.evaluateCalls;
  return stats;
}
