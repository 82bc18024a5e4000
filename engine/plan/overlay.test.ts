/**
 * The overlay's semantics, as the AWS provider documents them
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_policy_attachment,
 * .../iam_group_membership, .../iam_role, .../iam_role_policy_attachments_exclusive):
 * exclusive resources replace what the account holds, the others add to it.
 */
import { describe, expect, it } from 'vitest';
import type { Role, SnapshotModel, User } from '../model.ts';
import type { ChangeSet, PlanChange } from './change.ts';
import { applyChangeSet } from './overlay.ts';

const A = '210987654321';
const doc = { Version: '2012-10-17', Statement: [] };
const role = (name: string, managed: string[] = []): Role => ({
  arn: `arn:aws:iam::${A}:role/${name}`,
  name,
  roleId: `AROA${name}`,
  path: '/',
  accountId: A,
  trustPolicy: doc,
  managedPolicyArns: managed,
  inlinePolicies: [{ name: 'old', document: doc }],
  tags: [],
  instanceProfileArns: [],
  serviceLinked: false,
});
const user = (name: string, groups: string[] = [], managed: string[] = []): User => ({
  arn: `arn:aws:iam::${A}:user/${name}`,
  name,
  userId: `AIDA${name}`,
  path: '/',
  accountId: A,
  groupNames: groups,
  managedPolicyArns: managed,
  inlinePolicies: [],
  tags: [],
});
const P = (n: string) => `arn:aws:iam::aws:policy/${n}`;

function model(): SnapshotModel {
  return {
    accounts: [{ id: A, hasIamData: true, inOrganization: false }],
    users: [
      user('ann', ['ops'], [P('ReadOnlyAccess')]),
      user('bob', ['ops']),
      user('cy', [], [P('ReadOnlyAccess')]),
    ],
    groups: [
      {
        arn: `arn:aws:iam::${A}:group/ops`,
        name: 'ops',
        groupId: 'AGPAops',
        path: '/',
        accountId: A,
        managedPolicyArns: [],
        inlinePolicies: [],
      },
    ],
    roles: [role('app', [P('ReadOnlyAccess'), P('SecurityAudit')]), role('gone')],
    policies: [],
    instanceProfiles: [],
    identityProviders: [],
    sources: [],
  };
}

const cs = (...changes: PlanChange[]): ChangeSet => ({
  file: 'plan.json',
  format: 'terraform-plan',
  accountId: A,
  changes,
  existing: [],
  unknowns: [],
  skipped: [],
  warnings: [],
});

describe('applyChangeSet', () => {
  it('aws_iam_policy_attachment makes the listed principals the only holders of the policy', () => {
    const { model: m, touched } = applyChangeSet(
      model(),
      cs({
        address: 'aws_iam_policy_attachment.ro',
        resourceType: 'aws_iam_policy_attachment',
        action: 'create',
        after: {
          type: 'policy-holders',
          policyArn: P('ReadOnlyAccess'),
          users: ['bob'],
          roles: [],
          groups: [],
        },
      }),
    );
    expect(m.users.map((u) => `${u.name}:${u.managedPolicyArns.join(',')}`)).toEqual([
      'ann:',
      `bob:${P('ReadOnlyAccess')}`,
      'cy:',
    ]);
    expect(m.roles.find((r) => r.name === 'app')?.managedPolicyArns).toEqual([P('SecurityAudit')]);
    expect([...(touched.get(`arn:aws:iam::${A}:user/ann|${P('ReadOnlyAccess')}`) ?? [])]).toEqual([
      'aws_iam_policy_attachment.ro',
    ]);
    expect(touched.has(`arn:aws:iam::${A}:user/ann`)).toBe(false);
  });

  it('aws_iam_group_membership is exclusive for its group; aws_iam_user_group_membership adds', () => {
    const { model: m } = applyChangeSet(
      model(),
      cs(
        {
          address: 'aws_iam_group_membership.ops',
          resourceType: 'aws_iam_group_membership',
          action: 'update',
          after: { type: 'group-members', group: 'ops', users: ['cy'] },
        },
        {
          address: 'aws_iam_user_group_membership.ann',
          resourceType: 'aws_iam_user_group_membership',
          action: 'create',
          after: { type: 'user-groups', user: 'ann', groups: ['ops'] },
        },
      ),
    );
    expect(m.users.map((u) => `${u.name}:${u.groupNames.join(',')}`)).toEqual(['ann:ops', 'bob:', 'cy:ops']);
  });

  it("a role's managed_policy_arns and inline_policy replace its policies; absent, they leave them", () => {
    const { model: m } = applyChangeSet(
      model(),
      cs(
        {
          address: 'aws_iam_role.app',
          resourceType: 'aws_iam_role',
          action: 'update',
          after: {
            type: 'role',
            name: 'app',
            path: '/',
            trustPolicy: doc,
            managedPolicyArns: [P('AdministratorAccess')],
            inlinePolicies: [],
          },
        },
        {
          address: 'aws_iam_role.gone',
          resourceType: 'aws_iam_role',
          action: 'update',
          after: { type: 'role', name: 'gone', path: '/', trustPolicy: doc },
        },
      ),
    );
    expect(m.roles.map((r) => [r.name, r.managedPolicyArns, r.inlinePolicies.map((p) => p.name)])).toEqual([
      ['app', [P('AdministratorAccess')], []],
      ['gone', [], ['old']],
    ]);
  });

  it('the exclusive attachment resource keeps only what it lists; destroying a role removes it; the input is not changed', () => {
    const base = model();
    const { model: m } = applyChangeSet(
      base,
      cs(
        {
          address: 'aws_iam_role_policy_attachments_exclusive.app',
          resourceType: 'aws_iam_role_policy_attachments_exclusive',
          action: 'create',
          after: {
            type: 'attachments-exclusive',
            owner: { kind: 'role', name: 'app' },
            policyArns: [P('SecurityAudit')],
          },
        },
        {
          address: 'aws_iam_role.gone',
          resourceType: 'aws_iam_role',
          action: 'delete',
          before: { type: 'role', name: 'gone', path: '/', trustPolicy: doc },
        },
      ),
    );
    expect(m.roles.map((r) => [r.name, r.managedPolicyArns])).toEqual([['app', [P('SecurityAudit')]]]);
    expect(base.roles).toHaveLength(2);
    expect(base.roles[0]?.managedPolicyArns).toHaveLength(2);
  });
});
