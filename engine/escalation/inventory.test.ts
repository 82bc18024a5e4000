/**
 * The inventory index: which listed resource runs as which role, and which
 * (account, type) pairs the inventory covers.
 */
import { describe, expect, it } from 'vitest';
import type { Resource, ResourceType } from '../resources/model.ts';
import { A, B, roleArn } from '../trust/test-model.ts';
import { Inventory } from './inventory.ts';

const resource = (
  type: ResourceType,
  arn: string,
  settings: Resource['settings'],
  account = A,
): Resource => ({
  arn,
  type,
  accountId: account,
  region: 'us-east-1',
  name: arn.split(/[:/]/).at(-1) ?? arn,
  settings,
  tags: [],
  sensitive: false,
  source: { path: `${account}.resources.json`, jsonPath: '$.resources[0]' },
});

const web = roleArn(A, 'web');
const profile = `arn:aws:iam::${A}:instance-profile/web`;
const instance = `arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`;

describe('Inventory', () => {
  it("an EC2 instance runs as its instance profile's roles, also when only the role lists the profile", () => {
    // Instance profiles hold the role an instance runs as:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
    const inv = new Inventory({
      resources: [resource('ec2-instance', instance, { instanceProfileArn: profile })],
      instanceProfiles: [],
      roles: [{ arn: web, instanceProfileArns: [profile] }],
    });
    expect(inv.covers(A, 'ec2-instance')).toBe(true);
    expect(inv.runningAs(A, 'ec2-instance', web).map((r) => [r.resource.arn, r.instanceProfileArn])).toEqual([
      [instance, profile],
    ]);
  });

  it('an instance without a profile, or a stack without a service role, covers its type and runs as nothing', () => {
    const stack = `arn:aws:cloudformation:us-east-1:${A}:stack/app/11111111-2222-3333-4444-555555555555`;
    const inv = new Inventory({
      resources: [resource('ec2-instance', instance, {}), resource('cloudformation-stack', stack, {})],
      instanceProfiles: [],
      roles: [],
    });
    expect(inv.covers(A, 'ec2-instance')).toBe(true);
    expect(inv.covers(A, 'cloudformation-stack')).toBe(true);
    expect(inv.runningAs(A, 'cloudformation-stack', web)).toEqual([]);
  });

  it('a function listed without its role leaves Lambda functions of that account uncovered', () => {
    const fn = (name: string) => `arn:aws:lambda:us-east-1:${A}:function:${name}`;
    const inv = new Inventory({
      resources: [
        resource('lambda-function', fn('a'), { roleArn: web }),
        resource('lambda-function', fn('b'), {}),
      ],
      instanceProfiles: [],
      roles: [],
    });
    expect(inv.covers(A, 'lambda-function')).toBe(false);
  });

  it('covers only the accounts and types it lists', () => {
    const inv = new Inventory({
      resources: [
        resource('codebuild-project', `arn:aws:codebuild:us-east-1:${B}:project/p`, { roleArn: web }, B),
      ],
      instanceProfiles: [],
      roles: [],
    });
    expect([...inv.accounts]).toEqual([B]);
    expect(inv.covers(B, 'codebuild-project')).toBe(true);
    expect(inv.covers(A, 'codebuild-project')).toBe(false);
    expect(inv.covers(B, 'lambda-function')).toBe(false);
    expect(new Inventory({ instanceProfiles: [], roles: [] }).accounts.size).toBe(0);
  });
});
