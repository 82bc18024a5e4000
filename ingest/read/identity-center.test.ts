/** Reading ACCOUNT.identity-center.json: API field names in, engine types out, problems with their paths. */
import { describe, expect, it } from 'vitest';
import type { InputProblem } from './problems.ts';
import { readIdentityCenter } from './identity-center.ts';

const PS = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-0123456789abcdef';
const file = {
  Format: 'iamatlas-identity-center/1',
  AccountId: '111111111111',
  Region: 'eu-west-1',
  Instances: [
    {
      InstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      IdentityStoreId: 'd-1234567890',
      OwnerAccountId: '111111111111',
      Status: 'ACTIVE',
      PermissionSets: [
        {
          Name: 'Developer',
          PermissionSetArn: PS,
          SessionDuration: 'PT8H',
          CreatedDate: '2024-01-01T00:00:00+00:00',
          InlinePolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          },
          AttachedManagedPolicies: [
            { Name: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          ],
          CustomerManagedPolicyReferences: [{ Name: 'team-extra' }],
          PermissionsBoundary: {
            CustomerManagedPolicyReference: { Name: 'dev-boundary', Path: '/boundaries/' },
          },
          ProvisionedAccountIds: ['222222222222'],
        },
      ],
      AccountAssignments: [
        { AccountId: '222222222222', PermissionSetArn: PS, PrincipalType: 'GROUP', PrincipalId: 'g-1' },
        {
          AccountId: '222222222222',
          PermissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-gone',
          PrincipalType: 'USER',
          PrincipalId: 'u-1',
        },
      ],
      Users: [
        {
          UserId: 'u-1',
          UserName: 'priya@example.com',
          DisplayName: 'Priya N',
          Emails: [{ Value: 'priya@example.com', Primary: true }],
          ExternalIds: [{ Issuer: 'https://idp.example.com', Id: '00u1' }],
          IdentityStoreId: 'd-1234567890',
        },
        { UserId: 'u-2', IdentityStoreId: 'd-1234567890' },
      ],
      Groups: [{ GroupId: 'g-1', DisplayName: 'developers', IdentityStoreId: 'd-1234567890' }],
      GroupMemberships: [
        { GroupId: 'g-1', MemberId: { UserId: 'u-1' }, MembershipId: 'm-1' },
        { GroupId: 'g-1', MemberId: { UserId: 'u-9' }, MembershipId: 'm-2' },
      ],
    },
  ],
};

describe('Identity Center file', () => {
  it('maps instances, permission sets, people, groups and assignments', () => {
    const problems: InputProblem[] = [];
    const warnings: InputProblem[] = [];
    const read = readIdentityCenter('111111111111.identity-center.json', file, problems, warnings);
    expect(problems).toEqual([]);
    const [inst] = read!.instances;
    expect(inst).toMatchObject({
      identityStoreId: 'd-1234567890',
      ownerAccountId: '111111111111',
      region: 'eu-west-1',
    });
    expect(inst!.permissionSets[0]).toEqual({
      arn: PS,
      name: 'Developer',
      sessionDuration: 'PT8H',
      inlinePolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      },
      awsManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      customerManagedPolicies: [{ name: 'team-extra', path: '/' }],
      permissionsBoundary: { customerManaged: { name: 'dev-boundary', path: '/boundaries/' } },
      provisionedAccountIds: ['222222222222'],
    });
    expect(inst!.people).toEqual([
      {
        id: 'u-1',
        identityStoreId: 'd-1234567890',
        userName: 'priya@example.com',
        displayName: 'Priya N',
        emails: ['priya@example.com'],
        externalIds: [{ issuer: 'https://idp.example.com', id: '00u1' }],
      },
      { id: 'u-2', identityStoreId: 'd-1234567890', emails: [], externalIds: [] },
    ]);
    expect(inst!.groups[0]!.memberIds).toEqual(['u-1']);
    expect(inst!.assignments).toHaveLength(2);
    expect(warnings.map((w) => w.jsonPath)).toEqual([
      'Instances[0].GroupMemberships[1]',
      'Instances[0].AccountAssignments[1].PermissionSetArn',
    ]);
  });

  it('names the place of what the analysis needs and cannot read', () => {
    const bad = structuredClone(file);
    (bad.Instances[0]!.AccountAssignments[0] as Record<string, unknown>).PrincipalType = 'ROBOT';
    delete (bad.Instances[0]!.Users[1] as Record<string, unknown>).UserId;
    (bad.Instances[0]!.PermissionSets[0] as Record<string, unknown>).InlinePolicy = '{not json';
    const problems: InputProblem[] = [];
    readIdentityCenter('f.json', bad, problems, []);
    expect(problems.map((p) => p.jsonPath).sort()).toEqual([
      'Instances[0].AccountAssignments[0].PrincipalType',
      'Instances[0].PermissionSets[0].InlinePolicy',
      'Instances[0].Users[1].UserId',
    ]);
    expect(problems.every((p) => p.file === 'f.json')).toBe(true);
  });
});
