/**
 * M01: a new default version of a customer-managed policy attached to a
 * principal one controls (itself, through a group, a role it can assume).
 * `--set-as-default` needs no iam:SetDefaultPolicyVersion; a policy that
 * already has five versions also needs iam:DeletePolicyVersion.
 */
import type { EscalationEdge, EscalationMethod } from '../../types.ts';
import { ALLOW_ALL_DOCUMENT } from '../../probes.ts';
import { withPolicyReplaced } from '../../context.ts';
import { adminAfterChange, attachedCustomerPolicies, controlledInAccount } from '../shared.ts';

const ACTION = 'iam:CreatePolicyVersion';
const MAX_VERSIONS = 5;

export const createPolicyVersion: EscalationMethod = {
  id: 'iam-create-policy-version',
  title: 'Create a new default version of an attached managed policy',
  actions: [ACTION, 'iam:DeletePolicyVersion'],
  catalogIds: ['M01'],
  sources: [
    'Rhino #1',
    'IAM Vulnerable privesc1',
    'PMapper admin check',
    'pathfinding.cloud iam-001, iam-016, iam-020',
  ],
  gains: 'admin',
  phase: 2,
  find(ctx) {
    const edges: EscalationEdge[] = [];
    for (const source of ctx.sources) {
      if (!ctx.mayAllow(source, ACTION)) continue;
      for (const target of controlledInAccount(ctx, source)) {
        const policies = attachedCustomerPolicies(ctx, target.principal);
        for (const policy of ctx.matchTargets(source, ACTION, policies, (p) => p.arn)) {
          const grant = ctx.check(source, ACTION, { arn: policy.arn, accountId: policy.accountId });
          if (!grant) continue;
          const grants = [grant];
          if (policy.versions.length >= MAX_VERSIONS) {
            const del = ctx.mayAllow(source, 'iam:DeletePolicyVersion')
              ? ctx.check(source, 'iam:DeletePolicyVersion', { arn: policy.arn, accountId: policy.accountId })
              : undefined;
            if (!del) continue;
            grants.push(del);
          }
          const identity = withPolicyReplaced(target.principal, policy.arn, ALLOW_ALL_DOCUMENT);
          const edge = adminAfterChange(ctx, createPolicyVersion, source, target, grants, identity, {
            modifies: policy.arn,
          });
          if (edge) edges.push(edge);
        }
      }
    }
    return edges;
  },
};
