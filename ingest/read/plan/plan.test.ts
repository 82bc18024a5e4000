/**
 * The plan readers on real plans from public repositories, on plans written
 * for the cases that matter, and on bad input. Format: "JSON Output Format",
 * https://developer.hashicorp.com/terraform/internals/json-format
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeSet, IamObject } from '../../../engine/plan/change.ts';
import { InputError } from '../problems.ts';
import { changeSetOf, loadPlanFile, parsePlanText, planAccountOf } from './index.ts';

const dir = path.join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'plans');
const ACCOUNT = '123456789012';

async function read(name: string, account = ACCOUNT): Promise<ChangeSet> {
  return changeSetOf(await loadPlanFile(path.join(dir, name)), account);
}

const after = (cs: ChangeSet, address: string): IamObject | undefined =>
  cs.changes.find((c) => c.address === address)?.after;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.file} ${p.jsonPath}: ${p.message}`);
    throw err;
  }
  throw new Error('no InputError');
}

describe('Terraform plans from public repositories', () => {
  it('reads every IAM resource of awslabs identity_policies, linking a role policy to its role through the configuration', async () => {
    const cs = await read('awslabs-identity-policies.json');
    expect(cs.changes.map((c) => c.address).sort()).toEqual([
      'aws_iam_group.my_developers',
      'aws_iam_group_policy.my_developer_policy',
      'aws_iam_policy.policy',
      'aws_iam_role.example',
      'aws_iam_role.test_role',
      'aws_iam_role_policy.test_policy',
      'aws_iam_user.lb',
      'aws_iam_user_policy.lb_ro',
    ]);
    // `role` is known only after apply; `role = aws_iam_role.test_role.id` in the configuration names it.
    expect(after(cs, 'aws_iam_role_policy.test_policy')).toMatchObject({
      type: 'inline-policy',
      owner: { kind: 'role', name: 'test_role' },
    });
    expect(after(cs, 'aws_iam_policy.policy')).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:policy/test_policy`,
    });
    const role = after(cs, 'aws_iam_role.example');
    expect(role?.type === 'role' && role.inlinePolicies?.map((p) => p.name)).toEqual([
      'my_inline_policy',
      'policy-8675309',
    ]);
    // The unset managed_policy_arns (true in after_unknown) does not make the role's attachments exclusive.
    expect(role?.type === 'role' && role.managedPolicyArns).toBeUndefined();
    expect(cs.skipped.map((s) => s.address)).toEqual(['aws_iam_access_key.lb']);
    expect(cs.unknowns).toEqual([]);
  });

  it('reads the format 1.0 plan of Checkov: a CRLF policy, and a role policy on a role whose name Terraform generates', async () => {
    const cs = await read('checkov-plan-with-iam-policies.json');
    const generated = '(known after apply: aws_iam_role.example.name)';
    expect(after(cs, 'aws_iam_role.example')).toMatchObject({ type: 'role', name: generated });
    // `role = aws_iam_role.example.id`: the same placeholder, so the policy lands on that role.
    expect(after(cs, 'aws_iam_role_policy.fail_1')).toMatchObject({
      owner: { kind: 'role', name: generated },
    });
    expect(after(cs, 'aws_iam_group_policy.fail_2')).toMatchObject({
      owner: { kind: 'group', name: 'example' },
      document: { Statement: [{ Action: ['s3:Get*', 'iam:*'] }] },
    });
    expect(cs.unknowns.map((u) => `${u.address} ${u.attribute}`)).toEqual(['aws_iam_role.example name']);
  });

  it('reads the jsonencoded documents of awslabs role_inline_assume_policy and iam_policy', async () => {
    const role = after(await read('awslabs-role-inline-assume-policy.json'), 'aws_iam_role.test_role');
    expect(role).toMatchObject({
      type: 'role',
      trustPolicy: { Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] },
    });
    const policy = after(await read('awslabs-iam-policy.json'), 'aws_iam_policy.demo_policy');
    expect(policy?.type === 'policy' && (policy.document.Statement as unknown[]).length).toBe(3);
  });
});

describe('the account a plan changes', () => {
  it('comes from the provider assume_role, directly or through a variable', async () => {
    expect(planAccountOf(await loadPlanFile(path.join(dir, 'demo-ci-passrole-lambda.json')))).toEqual({
      accountId: '333333333333',
      source: 'provider "aws" assume_role.role_arn',
    });
    expect(
      planAccountOf(await loadPlanFile(path.join(dir, 'new-role-external-account-no-external-id.json')))
        ?.accountId,
    ).toBe('210987654321');
    expect(planAccountOf(await loadPlanFile(path.join(dir, 'awslabs-iam-policy.json')))).toBeUndefined();
  });
});

describe('a plan whose AWS providers name several accounts', () => {
  it('is read in the first account named, with a warning naming all of them', () => {
    const provider = (account: string) => ({
      name: 'aws',
      expressions: { assume_role: [{ role_arn: { constant_value: `arn:aws:iam::${account}:role/deploy` } }] },
    });
    const text = JSON.stringify({
      format_version: '1.2',
      resource_changes: [],
      configuration: {
        provider_config: { aws: provider('111122223333'), 'aws.prod': provider('444455556666') },
      },
    });
    const loaded = parsePlanText(text, 'multi.json');
    expect(planAccountOf(loaded)?.accountId).toBe('111122223333');
    expect(changeSetOf(loaded, '111122223333').warnings).toEqual([
      "the AWS providers name 2 accounts (111122223333, 444455556666); every change is read in account 111122223333: check each account's resources with --account",
    ]);
  });
});

describe('values known only after apply', () => {
  it('become placeholders, listed, and a data source with an unknown input is rebuilt from its blocks', async () => {
    const cs = await read('known-after-apply.json', '210987654321');
    const placeholder = '(known after apply: aws_iam_role.uploader.name)';
    expect(after(cs, 'aws_iam_role.uploader')).toMatchObject({ name: placeholder });
    const policy = after(cs, 'aws_iam_role_policy.uploader_bucket');
    expect(policy).toMatchObject({ owner: { kind: 'role', name: placeholder } });
    expect(policy?.type === 'inline-policy' && policy.document.Statement).toEqual([
      expect.objectContaining({
        Sid: 'Upload',
        Action: ['s3:PutObject'],
        Resource: [expect.stringMatching(/^\(known after apply/)],
      }),
      expect.objectContaining({ Sid: 'PassTheNewRole', Action: ['iam:PassRole'] }),
    ]);
    expect(cs.unknowns.map((u) => `${u.address} ${u.attribute}`)).toEqual([
      'aws_iam_role.uploader name',
      'aws_iam_role_policy.uploader_bucket policy (from data.aws_iam_policy_document.uploader)',
    ]);
  });
});

describe('references in the configuration', () => {
  it("an exclusive resource's unknown policy_names resolve to the policies it references, not to roles", () => {
    const rc = (
      address: string,
      type: string,
      after: Record<string, unknown>,
      afterUnknown: Record<string, unknown>,
    ) => ({
      address,
      mode: 'managed',
      type,
      name: address.split('.')[1],
      change: { actions: ['create'], before: null, after, after_unknown: afterUnknown },
    });
    const plan = {
      format_version: '1.2',
      resource_changes: [
        rc('aws_iam_role.app', 'aws_iam_role', { name: 'app', assume_role_policy: '{"Statement":[]}' }, {}),
        rc(
          'aws_iam_role_policy.logs',
          'aws_iam_role_policy',
          { name: 'logs', role: 'app', policy: '{"Statement":[]}' },
          {},
        ),
        rc(
          'aws_iam_role_policies_exclusive.app',
          'aws_iam_role_policies_exclusive',
          { role_name: 'app' },
          { policy_names: true },
        ),
      ],
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_iam_role_policies_exclusive.app',
              mode: 'managed',
              type: 'aws_iam_role_policies_exclusive',
              name: 'app',
              expressions: {
                role_name: { references: ['aws_iam_role.app.name', 'aws_iam_role.app'] },
                policy_names: { references: ['aws_iam_role_policy.logs.name', 'aws_iam_role_policy.logs'] },
              },
            },
          ],
        },
      },
    };
    const cs = changeSetOf(parsePlanText(JSON.stringify(plan), 'p.json'), ACCOUNT);
    expect(after(cs, 'aws_iam_role_policies_exclusive.app')).toEqual({
      type: 'inline-policies-exclusive',
      owner: { kind: 'role', name: 'app' },
      names: ['logs'],
    });
  });
});

describe('bad input names the file and the place', () => {
  const plan = (changes: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format_version: '1.2', resource_changes: changes, ...extra });

  it('a policy that is not JSON', () => {
    const text = plan([
      {
        address: 'aws_iam_policy.p',
        mode: 'managed',
        type: 'aws_iam_policy',
        name: 'p',
        change: { actions: ['create'], before: null, after: { name: 'p', policy: '{"Statement": [' } },
      },
    ]);
    expect(problemsOf(() => changeSetOf(parsePlanText(text, 'bad.json'), ACCOUNT))).toEqual([
      expect.stringMatching(
        /^bad\.json resource_changes\[0\]\.change\.after\.policy: aws_iam_policy\.p: the policy document string is not valid JSON/,
      ),
    ]);
  });

  it('an unsupported format version, a missing address, and text that is no plan', () => {
    expect(problemsOf(() => parsePlanText(plan([], { format_version: '2.0' }), 'p.json'))).toEqual([
      'p.json format_version: plan format 2.0 is not supported',
    ]);
    expect(
      problemsOf(() =>
        parsePlanText(
          plan([{ mode: 'managed', type: 'aws_iam_role', name: 'r', change: { actions: ['create'] } }]),
          'p.json',
        ),
      ),
    ).toEqual(['p.json resource_changes[0].address: missing']);
    expect(problemsOf(() => parsePlanText('{"hello": 1}', 'x.json'))).toEqual([
      'x.json : neither a Terraform plan nor a CloudFormation template',
    ]);
    expect(problemsOf(() => parsePlanText('{"format_version": "1.2",', 'cut.json'))[0]).toMatch(
      /^cut\.json : the file is not valid JSON/,
    );
    expect(problemsOf(() => parsePlanText('{"Resources": ', 't.json'))[0]).toMatch(
      /^t\.json : the file is not valid JSON/,
    );
  });
});

describe('CloudFormation templates (JSON)', () => {
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { VendorAccount: { Type: 'String', Default: '999988887777' } },
    Resources: {
      AuditRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: 'vendor-audit',
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${VendorAccount}:root' } },
              },
            ],
          },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        },
      },
      Extra: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'extra',
          Roles: [{ Ref: 'AuditRole' }],
          PolicyDocument: {
            Statement: [
              { Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['Unknown', 'Arn'] } },
            ],
          },
        },
      },
    },
  };

  it('resolves Ref, Fn::Sub and parameters, gives each change its line, and leaves the unresolvable as placeholders', () => {
    const text = JSON.stringify(template, null, 2);
    const cs = changeSetOf(parsePlanText(text, 'stack.json'), ACCOUNT);
    expect(cs.format).toBe('cloudformation');
    const role = cs.changes.find((c) => c.after?.type === 'role');
    expect(role?.after).toMatchObject({
      name: 'vendor-audit',
      trustPolicy: { Statement: [{ Principal: { AWS: 'arn:aws:iam::999988887777:root' } }] },
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    expect(role?.line).toBe(text.split('\n').findIndex((l) => l.includes('"AuditRole"')) + 1);
    expect(cs.changes.find((c) => c.address === 'Extra')?.after).toMatchObject({
      type: 'inline-policy',
      owner: { kind: 'role', name: 'vendor-audit' },
    });
    expect(cs.unknowns.map((u) => u.attribute)).toEqual(['Fn::GetAtt Unknown.Arn']);
  });

  it('a policy document that is not JSON is refused with its place', () => {
    const bad = structuredClone(template);
    (bad.Resources.AuditRole.Properties as Record<string, unknown>).AssumeRolePolicyDocument = 'not json';
    expect(problemsOf(() => changeSetOf(parsePlanText(JSON.stringify(bad), 'stack.json'), ACCOUNT))).toEqual([
      expect.stringMatching(
        /^stack\.json Resources\.AuditRole\.Properties\.AssumeRolePolicyDocument: AuditRole\.AssumeRolePolicyDocument:/,
      ),
    ]);
  });
});
