/**
 * M16: rewrite a role's trust policy to name oneself, then assume it. The
 * second call is evaluated against the rewritten trust (a same-account trust
 * naming the caller's ARN needs no identity Allow, but the caller's boundary,
 * SCPs and the role account's RCPs still apply).
 */
import type { PolicyInput } from '../../../types.ts';
import type { EscalationEdge, EscalationMethod } from '../../types.ts';

const ACTION = 'iam:UpdateAssumeRolePolicy';

export const updateAssumeRolePolicy: EscalationMethod = {
  id: 'iam-update-assume-role-policy',
  title: "Rewrite a role's trust policy, then assume the role",
  actions: [ACTION, 'sts:AssumeRole'],
  catalogIds: ['M16'],
  sources: ['Rhino #14', 'IAM Vulnerable privesc14', 'PMapper iam_edges', 'pathfinding.cloud iam-012'],
  gains: 'principal',
  phase: 1,
  find(ctx) {
    const edges: EscalationEdge[] = [];
    for (const source of ctx.sources) {
      if (!ctx.mayAllow(source, ACTION)) continue;
      const roles = ctx.rolesOf(source.accountId).filter((r) => r.role.arn !== source.key);
      for (const target of ctx.matchTargets(source, ACTION, roles, (r) => r.role.arn)) {
        const existing = ctx.assumeEdge(source.key, target.role.arn);
        if (existing && existing.conditions.length === 0) continue;
        const update = ctx.check(source, ACTION, target.resource);
        if (!update) continue;
        const rewritten: PolicyInput = {
          id: `${target.role.arn}#rewritten-trust`,
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: source.key }, Action: 'sts:AssumeRole' }],
          },
        };
        const assume = ctx.check(source, 'sts:AssumeRole', target.resource, {
          resourcePolicy: rewritten,
          resourcePolicyKind: 'trust',
          rcps: target.account.rcps,
        });
        if (!assume) continue;
        // The rewritten trust is the attacker's text, not evidence from the snapshot.
        assume.evidence = assume.evidence.filter((e) => e.policyId !== rewritten.id);
        edges.push(ctx.edge(source, target.role.arn, updateAssumeRolePolicy, 'principal', [update, assume]));
      }
    }
    return edges;
  },
};
