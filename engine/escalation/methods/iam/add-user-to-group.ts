/** M09: join a group whose policies make one an administrator. */
import type { EscalationEdge, EscalationMethod } from '../../types.ts';
import { adminAfterChange, controlledInAccount } from '../shared.ts';

const ACTION = 'iam:AddUserToGroup';

export const addUserToGroup: EscalationMethod = {
  id: 'iam-add-user-to-group',
  title: 'Add a user one controls (oneself) to a privileged group',
  actions: [ACTION],
  catalogIds: ['M09'],
  sources: ['Rhino #13', 'IAM Vulnerable privesc13', 'pathfinding.cloud iam-013'],
  gains: 'admin',
  phase: 2,
  find(ctx) {
    const edges: EscalationEdge[] = [];
    for (const source of ctx.sources) {
      if (!ctx.mayAllow(source, ACTION)) continue;
      const groups = ctx.groupsByAccount.get(source.accountId) ?? [];
      const reachable = ctx.matchTargets(source, ACTION, groups, (g) => g.arn);
      if (reachable.length === 0) continue;
      for (const target of controlledInAccount(ctx, source)) {
        const user = target.principal.user;
        if (!user) continue;
        for (const g of reachable) {
          if (user.groupNames.includes(g.name)) continue;
          const grant = ctx.check(source, ACTION, { arn: g.arn, accountId: g.accountId });
          if (!grant) continue;
          const identity = [...target.principal.identityPolicies, ...ctx.groupPolicies(g)];
          const edge = adminAfterChange(ctx, addUserToGroup, source, target, [grant], identity, {
            modifies: g.arn,
          });
          if (edge) edges.push(edge);
        }
      }
    }
    return edges;
  },
};
