/**
 * M02: make an existing non-default version of an attached policy the
 * default. The snapshot holds every version, so whether an old version makes
 * the principal an administrator is decided here.
 */
import type { EscalationEdge, EscalationMethod } from '../../types.ts';
import { withPolicyReplaced } from '../../context.ts';
import { adminAfterChange, attachedCustomerPolicies, controlledInAccount } from '../shared.ts';

const ACTION = 'iam:SetDefaultPolicyVersion';

export const setDefaultPolicyVersion: EscalationMethod = {
  id: 'iam-set-default-policy-version',
  title: 'Make an older, broader version of an attached policy the default',
  actions: [ACTION],
  catalogIds: ['M02'],
  sources: ['Rhino #2', 'IAM Vulnerable privesc2'],
  gains: 'admin',
  phase: 2,
  find(ctx) {
    const edges: EscalationEdge[] = [];
    for (const source of ctx.sources) {
      if (!ctx.mayAllow(source, ACTION)) continue;
      for (const target of controlledInAccount(ctx, source)) {
        const policies = attachedCustomerPolicies(ctx, target.principal).filter((p) => p.versions.length > 1);
        for (const policy of ctx.matchTargets(source, ACTION, policies, (p) => p.arn)) {
          const grant = ctx.check(source, ACTION, { arn: policy.arn, accountId: policy.accountId });
          if (!grant) continue;
          for (const version of policy.versions) {
            if (version.versionId === policy.defaultVersionId) continue;
            const identity = withPolicyReplaced(target.principal, policy.arn, version.document);
            const edge = adminAfterChange(ctx, setDefaultPolicyVersion, source, target, [grant], identity, {
              modifies: `${policy.arn}?versionId=${version.versionId}`,
            });
            if (edge) {
              edges.push(edge);
              break;
            }
          }
        }
      }
    }
    return edges;
  },
};
