/**
 * M10: create a role that trusts oneself, give it a policy allowing
 * everything, assume it. A CreateRole allowed only with a permissions
 * boundary (iam:PermissionsBoundary condition) does not count: the attacker
 * is evaluated as sending none.
 */
import type { PrincipalContext } from '../../../trust/context.ts';
import type { PolicyInput } from '../../../types.ts';
import { ALLOW_ALL } from '../../context.ts';
import { adminTarget, type EscalationEdge, type EscalationMethod } from '../../types.ts';
import { ADMINISTRATOR_ACCESS } from '../shared.ts';

const TEMPLATE = 'arn:aws:iam::{account}:role/atlas-escalation-probe';

export const createRole: EscalationMethod = {
  id: 'iam-create-role',
  title: 'Create a role trusting oneself and grant it everything',
  actions: ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'sts:AssumeRole'],
  catalogIds: ['M10'],
  sources: ['PMapper admin check (gathering.update_admin_status)'],
  gains: 'admin',
  phase: 2,
  find(ctx) {
    const edges: EscalationEdge[] = [];
    for (const source of ctx.sources) {
      if (!ctx.mayAllow(source, 'iam:CreateRole')) continue;
      if (!ctx.mayAllow(source, 'iam:AttachRolePolicy') && !ctx.mayAllow(source, 'iam:PutRolePolicy'))
        continue;
      const create = ctx.checkCreatable(source, 'iam:CreateRole', TEMPLATE, {
        absentKeys: ['iam:PermissionsBoundary'],
      });
      if (!create) continue;
      const arn = create.resource;
      const resource = { arn, accountId: source.accountId };
      const grant =
        ctx.check(source, 'iam:AttachRolePolicy', resource, {
          context: { 'iam:PolicyARN': ADMINISTRATOR_ACCESS },
        }) ?? ctx.check(source, 'iam:PutRolePolicy', resource);
      if (!grant) continue;
      const trust: PolicyInput = {
        id: `${arn}#trust`,
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: source.key }, Action: 'sts:AssumeRole' }],
        },
      };
      const assume = ctx.check(source, 'sts:AssumeRole', resource, {
        resourcePolicy: trust,
        resourcePolicyKind: 'trust',
        rcps: source.account.rcps,
      });
      if (!assume) continue;
      assume.evidence = assume.evidence.filter((e) => e.policyId !== trust.id);
      const name = arn.split('/').pop() ?? 'atlas-escalation-probe';
      const created: PrincipalContext = {
        key: arn,
        kind: 'Role',
        accountId: source.accountId,
        principal: { ...source.principal, type: 'Role', arn, name, tags: {} },
        identityPolicies: [ALLOW_ALL],
        account: source.account,
      };
      delete created.principal.uniqueId;
      if (!ctx.wouldBeAdmin(created, {})) continue;
      edges.push(
        ctx.edge(source, adminTarget(source.accountId), createRole, 'admin', [create, grant, assume]),
      );
    }
    return edges;
  },
};
