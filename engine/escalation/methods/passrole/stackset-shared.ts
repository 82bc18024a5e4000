/**
 * CloudFormation StackSets with self-managed permissions
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-prereqs-self-managed.html):
 * the caller passes an administration role, which CloudFormation assumes (it trusts
 * cloudformation.amazonaws.com); that role then assumes the execution role in each target account
 * (AWSCloudFormationStackSetExecutionRole by default, any name with ExecutionRoleName), and the
 * stack's resources are created as the execution role. The execution role may be in the caller's
 * account or in another one: the edge crosses accounts when it is.
 */
import type { EscalationContext, Step } from '../../context.ts';
import type { EscalationEdge, EscalationMethod } from '../../types.ts';

const CLOUDFORMATION = 'cloudformation.amazonaws.com';

export interface StackSetDef {
  id: string;
  title: string;
  catalogIds: string[];
  sources: string[];
  steps: Step[];
  needsRuntime?: string;
}

export function stackSetMethod(def: StackSetDef): EscalationMethod {
  const method: EscalationMethod = {
    id: def.id,
    title: def.title,
    catalogIds: def.catalogIds,
    sources: def.sources,
    actions: ['iam:PassRole', ...def.steps.flatMap((s) => s.anyOf)],
    gains: 'principal',
    phase: 1,
    service: CLOUDFORMATION,
    find(ctx) {
      return findStackSetEdges(ctx, method, def.steps);
    },
  };
  if (def.needsRuntime) method.needsRuntime = def.needsRuntime;
  return method;
}

function findStackSetEdges(
  ctx: EscalationContext,
  method: EscalationMethod,
  steps: readonly Step[],
): EscalationEdge[] {
  const edges: EscalationEdge[] = [];
  const alternatives = steps.map((s) => s.anyOf);
  for (const source of ctx.sources) {
    if (!ctx.mayAllow(source, 'iam:PassRole') || !ctx.mayAllowSteps(source, alternatives)) continue;
    // Administration roles: roles of the caller's account that CloudFormation may assume.
    const adminRoles = ctx.serviceRoles(CLOUDFORMATION, source.accountId);
    const passable = ctx.matchTargets(source, 'iam:PassRole', adminRoles, (r) => r.target.role.arn);
    if (passable.length === 0) continue;
    const grants = ctx.checkSteps(source, steps);
    if (!grants) continue;
    const best = new Map<string, EscalationEdge>();
    for (const admin of passable) {
      const pass = ctx.check(source, 'iam:PassRole', admin.target.resource, {
        context: { 'iam:PassedToService': CLOUDFORMATION },
      });
      if (!pass) continue;
      // Execution roles: every role the administration role can assume (its identity policy
      // and the execution role's trust both decided by the trust analysis), in any account.
      for (const hop of ctx.assumableFrom(admin.target.role.arn)) {
        if (hop.fromKind !== 'Role' || hop.to === source.key) continue;
        const target = ctx.snapshot.roles.get(hop.to);
        if (!target || target.role.serviceLinked) continue;
        const edge = ctx.edge(source, hop.to, method, 'principal', [pass, ...grants], {
          conditions: [...admin.conditions, ...hop.conditions],
          evidence: [admin.edge.trustStatement, ...hop.evidence],
          caveats: [
            `CloudFormation reaches the execution role through the administration role ${admin.target.role.arn}`,
          ],
        });
        edge.crossAccount = target.role.accountId !== source.accountId;
        const known = best.get(hop.to);
        if (!known || edge.conditions.length < known.conditions.length) best.set(hop.to, edge);
      }
    }
    edges.push(...best.values());
  }
  return edges;
}
