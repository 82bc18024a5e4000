/**
 * Identity Center assignments reach provisioned roles: to a user directly, to a
 * group's members, only in accounts with an assignment; missing and orphaned
 * roles are findings.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../model.ts';
import { linkIdentityCenter } from './link.ts';
import { permissionSetNameOf } from './provisioned-roles.ts';
import type { IdentityCenterInstance } from './types.ts';

const PROD = '111111111111';
const DEV = '222222222222';
const OUTSIDE = '333333333333';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111111111111111';
const ps = (id: string) => `arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-${id}`;

function role(accountId: string, name: string, path = '/aws-reserved/sso.amazonaws.com/eu-west-1/'): Role {
  return {
    arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    name,
    roleId: `AROA${name}`,
    path,
    accountId,
    trustPolicy: {},
    managedPolicyArns: [],
    inlinePolicies: [],
    tags: [],
    instanceProfileArns: [],
    serviceLinked: false,
  };
}

const roles = [
  role(PROD, 'AWSReservedSSO_Admin_0a1b2c3d4e5f6789'),
  role(DEV, 'AWSReservedSSO_Admin_1111222233334444', '/aws-reserved/sso.amazonaws.com/'),
  role(DEV, 'AWSReservedSSO_Read_Only_abcdefabcdefabcd'),
  // Provisioned for a permission set whose last assignment in PROD was removed.
  role(PROD, 'AWSReservedSSO_Billing_9999888877776666'),
  // Looks alike, but not under Identity Center's path: not a provisioned role.
  role(PROD, 'AWSReservedSSO_Admin_ffffeeeeddddcccc', '/'),
];

const ic: IdentityCenterInstance = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-1234567890',
  people: [
    { id: 'u-priya', identityStoreId: 'd-1234567890', userName: 'priya', emails: [], externalIds: [] },
    { id: 'u-sam', identityStoreId: 'd-1234567890', userName: 'sam', emails: [], externalIds: [] },
    {
      id: 'u-gone',
      identityStoreId: 'd-1234567890',
      userName: 'gone',
      emails: [],
      externalIds: [],
      status: 'DISABLED',
    },
  ],
  groups: [
    {
      id: 'g-ops',
      identityStoreId: 'd-1234567890',
      displayName: 'ops',
      externalIds: [],
      memberIds: ['u-sam', 'u-priya', 'u-gone'],
    },
  ],
  permissionSets: [
    {
      arn: ps('admin'),
      name: 'Admin',
      awsManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      customerManagedPolicies: [],
    },
    { arn: ps('read'), name: 'Read_Only', awsManagedPolicyArns: [], customerManagedPolicies: [] },
    {
      arn: ps('billing'),
      name: 'Billing',
      awsManagedPolicyArns: [],
      customerManagedPolicies: [],
      provisionedAccountIds: [PROD, DEV],
    },
  ],
  assignments: [
    { accountId: PROD, permissionSetArn: ps('admin'), principalType: 'USER', principalId: 'u-priya' },
    { accountId: DEV, permissionSetArn: ps('admin'), principalType: 'GROUP', principalId: 'g-ops' },
    { accountId: DEV, permissionSetArn: ps('read'), principalType: 'GROUP', principalId: 'g-ops' },
    // No Billing role in DEV although assigned there.
    { accountId: DEV, permissionSetArn: ps('billing'), principalType: 'USER', principalId: 'u-sam' },
    // An account outside the snapshot.
    { accountId: OUTSIDE, permissionSetArn: ps('admin'), principalType: 'USER', principalId: 'u-sam' },
    { accountId: PROD, permissionSetArn: ps('read'), principalType: 'USER', principalId: 'u-deleted' },
  ],
};

describe('Identity Center links', () => {
  const links = linkIdentityCenter(ic, roles, new Set([PROD, DEV]));
  const reach = (person: string) =>
    links.signIns
      .filter((s) => s.personId === person)
      .map((s) => s.roleArn.split('/').at(-1))
      .sort();

  it('reads the permission set name from a provisioned role, with or without a Region in the path', () => {
    expect(roles.map((r) => permissionSetNameOf(r))).toEqual([
      'Admin',
      'Admin',
      'Read_Only',
      'Billing',
      undefined,
    ]);
  });

  it('links people directly and through groups, only where assigned', () => {
    expect(reach('u-priya')).toEqual([
      'AWSReservedSSO_Admin_0a1b2c3d4e5f6789',
      'AWSReservedSSO_Admin_1111222233334444',
      'AWSReservedSSO_Read_Only_abcdefabcdefabcd',
    ]);
    // Sam has Admin only in DEV (through ops), not in PROD.
    expect(reach('u-sam')).toEqual([
      'AWSReservedSSO_Admin_1111222233334444',
      'AWSReservedSSO_Read_Only_abcdefabcdefabcd',
    ]);
    const viaGroup = links.signIns.find((s) => s.personId === 'u-sam' && s.roleArn.includes('Admin'))!;
    expect(viaGroup.via).toEqual([
      expect.objectContaining({ groupId: 'g-ops', groupName: 'ops', permissionSetName: 'Admin' }),
    ]);
  });

  it('leaves out disabled people and assignments to accounts outside the snapshot', () => {
    expect(reach('u-gone')).toEqual([]);
    expect(links.disabledPeople).toEqual(['u-gone']);
    expect(links.unresolved.map((a) => a.accountId)).toEqual([OUTSIDE]);
  });

  it('finds the assignment without a role, the role without an assignment, and the unknown principal', () => {
    const kinds = links.findings.map((f) => [f.kind, f.subjects[0]!.split('/').at(-1)]).sort();
    expect(kinds).toEqual([
      ['assignment-principal-unknown', 'ps-read'],
      ['assignment-role-missing', 'ps-billing'],
      // The same assignment also has no Read_Only role in PROD.
      ['assignment-role-missing', 'ps-read'],
      ['provisioned-role-unassigned', 'AWSReservedSSO_Billing_9999888877776666'],
    ]);
  });
});
