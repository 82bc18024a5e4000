/**
 * Existing-resource methods decided by the resources inventory: where it
 * covers the method's resource type in the source's account, an edge goes
 * only to a role that a listed resource runs as, each call on the resource is
 * evaluated on that resource's ARN (so Resource-scoped statements and its
 * tags count), and the edge names the resource in `modifies` instead of
 * carrying `needsRuntime`. Edges the method would otherwise have had are
 * recorded as removed, with the reason.
 */
import type { PrincipalContext } from '../../trust/context.ts';
import type { Resource, ResourceType } from '../../resources/model.ts';
import type { CheckOptions, EscalationContext, Grant, ServiceRole, Step } from '../context.ts';
import { RESOURCE_LABELS } from '../inventory.ts';
import type { EscalationEdge, EscalationMethod } from '../types.ts';

/** How a method uses an inventoried resource. */
export interface InventoryUse {
  type: ResourceType;
  /** The step resource template that stands for the resource: those steps are evaluated on its ARN. */
  on: string;
  /** The ARN those calls name, when not the resource's own (ECS Exec acts on a task of the service). */
  arnFor?: (r: Resource) => string;
  /** False when the listed resource cannot be used this way (ECS Exec turned off on the service). */
  usable?: (r: Resource) => boolean;
  /** What the method still relies on once the resource is known. */
  caveats?: string[];
}

interface Def {
  service: string;
  steps: Step[];
  requireProfile?: boolean;
  inventory?: InventoryUse;
}

/** The resource as the evaluator sees it: ARN, account, tags, and its resource policy when it has one. */
function onResource(
  use: InventoryUse,
  r: Resource,
): { arn: string; accountId: string; tags: Record<string, string>; options: CheckOptions } {
  const options: CheckOptions = {};
  // The call goes to the resource's region: a region condition (say, of an SCP) is decided by it.
  if (r.region) options.context = { 'aws:RequestedRegion': r.region };
  if (r.policy) options.resourcePolicy = { id: r.arn, document: r.policy };
  return {
    arn: use.arnFor ? use.arnFor(r) : r.arn,
    accountId: r.accountId,
    tags: Object.fromEntries(r.tags.map((t) => [t.key, t.value])),
    options,
  };
}

/** One grant per step (the least conditional alternative): steps on the resource use its ARN. */
function stepsOnResource(
  ctx: EscalationContext,
  source: PrincipalContext,
  steps: readonly Step[],
  use: InventoryUse,
  r: Resource,
): Grant[] | undefined {
  const target = onResource(use, r);
  const grants: Grant[] = [];
  for (const step of steps) {
    if (step.resource !== use.on) {
      const other = ctx.checkSteps(source, [step]);
      if (!other) return undefined;
      grants.push(...other);
      continue;
    }
    let best: Grant | undefined;
    for (const action of step.anyOf) {
      const grant = ctx.check(
        source,
        action,
        { arn: target.arn, accountId: target.accountId, tags: target.tags },
        target.options,
      );
      if (grant && (!best || grant.conditions.length < best.conditions.length)) best = grant;
    }
    if (!best) return undefined;
    grants.push(best);
  }
  return grants;
}

/** Would the method without the inventory have an edge from `source` to this role? */
function hadRuntimeEdge(
  ctx: EscalationContext,
  def: Def,
  source: PrincipalContext,
  r: ServiceRole,
  allowedOnTemplates: () => boolean,
): boolean {
  const role = r.target.role.arn;
  if (def.requireProfile && !ctx.hasInstanceProfile(role)) return false;
  if (ctx.runtimeTargets !== 'all' && !ctx.fullAdmins.has(role)) return false;
  return allowedOnTemplates();
}

/** The edges of an existing-resource method from `source`, decided by the inventory of its account. */
export function inventoryEdges(
  ctx: EscalationContext,
  method: Pick<EscalationMethod, 'id' | 'catalogIds'>,
  def: Def & { inventory: InventoryUse },
  source: PrincipalContext,
): EscalationEdge[] {
  const use = def.inventory;
  // Without the method's needsRuntime: the inventory shows the resource.
  const decided = { id: method.id, catalogIds: method.catalogIds };
  const label = RESOURCE_LABELS[use.type] ?? use.type;
  let templated: boolean | undefined; // the calls allowed on the default ARNs, as without the inventory
  const allowedOnTemplates = (): boolean => (templated ??= ctx.checkSteps(source, def.steps) !== undefined);
  const edges: EscalationEdge[] = [];
  for (const r of ctx.serviceRoles(def.service, source.accountId)) {
    const role = r.target.role.arn;
    if (role === source.key) continue;
    const listed = ctx.inventory.runningAs(source.accountId, use.type, role);
    const running = listed.filter((run) => !use.usable || use.usable(run.resource));
    let best: EscalationEdge | undefined;
    for (const run of running) {
      const grants = stepsOnResource(ctx, source, def.steps, use, run.resource);
      if (!grants) continue;
      const edge = ctx.edge(source, role, decided, 'principal', grants, {
        evidence: [r.edge.trustStatement],
        modifies: run.resource.arn,
        ...(use.caveats ? { caveats: [...use.caveats] } : {}),
      });
      if (!best || edge.conditions.length < best.conditions.length) best = edge;
      if (best.conditions.length === 0) break;
    }
    if (best) {
      edges.push(best);
      continue;
    }
    if (!hadRuntimeEdge(ctx, def, source, r, allowedOnTemplates)) continue;
    const where = `the inventory of account ${source.accountId}`;
    ctx.noteInventoryRemoval({
      from: source.key,
      to: role,
      method: method.id,
      reason: listed.length === 0 ? 'no-resource' : 'not-allowed',
      detail:
        listed.length === 0
          ? `${where} lists no ${label} that runs as the role`
          : `the calls are not allowed on (or cannot use) any ${label} of ${where} that runs as the role (${listed
              .map((run) => run.resource.arn)
              .join(', ')})`,
    });
  }
  return edges;
}
