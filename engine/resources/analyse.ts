/**
 * Entry point of the resource analysis: callers × resources × access levels,
 * decided by the evaluator with each service's own rules. Candidates come
 * from what each resource policy names and from an index of identity
 * policies (callers.ts), so the work grows with policies, resources and
 * edges, not principals × resources. See engine/resources/README.md.
 */
import type { SnapshotModel } from '../model.ts';
import type { CanAssumeEdge, SnapshotContext } from '../trust/index.ts';
import { candidateCallers, rolesByAccountName, type CallerEnv } from './callers.ts';
import { decideCaller, ResourceSession, type DecideEnv } from './decide.ts';
import { levelEdges } from './edges.ts';
import { outsideZone, resourceFindings } from './findings.ts';
import { IdentityResourceIndex } from './identity-index.ts';
import { grantEdges } from './kms-grants.ts';
import { planResource, type ResourcePlan } from './plan.ts';
import { kmsDecryptRule } from './secrets.ts';
import type { CanAccessEdge, ResourceAnalysis, ZoneOfTrust } from './types.ts';

export interface ResourceAnalysisOptions {
  /** The trust analysis's context (accounts, principals, SCPs and RCPs), shared so nothing is built twice. */
  context: SnapshotContext;
  /** Findings report access from outside this zone. Default: 'organization' when the snapshot has one, else 'account'. */
  zoneOfTrust?: ZoneOfTrust;
  canAssume?: CanAssumeEdge[];
}

/** One edge per (caller, resource, level): a second way in adds its actions; the least conditional way is cited. */
function mergeInto(byKey: Map<string, CanAccessEdge>, edge: CanAccessEdge): void {
  const k = `${edge.from}\u0000${edge.to}\u0000${edge.level}`;
  const previous = byKey.get(k);
  if (!previous) {
    byKey.set(k, edge);
    return;
  }
  const actions = [...new Set([...previous.actions, ...edge.actions])];
  const keep = edge.conditions.length < previous.conditions.length ? edge : previous;
  byKey.set(k, { ...keep, actions, public: previous.public || edge.public });
}

export function analyseResources(model: SnapshotModel, opts: ResourceAnalysisOptions): ResourceAnalysis {
  const ctx = opts.context;
  const resources = model.resources ?? [];
  const zone: ZoneOfTrust = opts.zoneOfTrust ?? (ctx.orgId ? 'organization' : 'account');
  const plans = new Map<string, ResourcePlan>();
  for (const resource of resources) {
    const plan = planResource(resource, ctx);
    if (plan) plans.set(resource.arn, plan);
  }
  const callerEnv: CallerEnv = {
    ctx,
    identity: new IdentityResourceIndex(ctx),
    rolesByAccountName: rolesByAccountName(ctx),
  };
  const counters = { evaluateCalls: 0 };
  const decideEnv: DecideEnv = { ctx, counters, ecrToken: new Map() };
  const byKey = new Map<string, CanAccessEdge>();

  // Keys first: a secret's cross-account read needs kms:Decrypt on its key (secrets.ts).
  const ordered = [...plans.values()].sort(
    (a, b) => Number(b.type === 'kms-key') - Number(a.type === 'kms-key'),
  );
  let keysDone = false;
  for (const plan of ordered) {
    if (!keysDone && plan.type !== 'kms-key') {
      decideEnv.excluded = kmsDecryptRule(plans, byKey);
      keysDone = true;
    }
    const session = new ResourceSession(plan);
    const { callers } = candidateCallers(plan, callerEnv);
    for (const caller of callers.values()) {
      const decision = decideCaller(session, caller, decideEnv);
      if (decision.allowed.length === 0) continue;
      for (const edge of levelEdges(plan, caller, decision)) mergeInto(byKey, edge);
    }
    if (plan.type === 'kms-key') for (const edge of grantEdges(plan, callerEnv)) mergeInto(byKey, edge);
  }

  const edges = [...byKey.values()];
  const findings = resourceFindings(edges, plans, zone);
  return {
    edges,
    findings,
    stats: {
      resources: resources.length,
      analysedResources: plans.size,
      evaluateCalls: counters.evaluateCalls,
      edges: edges.length,
      publicEdges: edges.filter((e) => e.public).length,
      externalEdges: edges.filter((e) => outsideZone(e, zone)).length,
    },
  };
}
