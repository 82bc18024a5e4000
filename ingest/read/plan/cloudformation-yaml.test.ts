/**
 * CloudFormation templates in YAML: the short forms of the intrinsic functions
 * read as their long forms, on real templates from a public repository and on
 * ones written for the cases that matter. Short forms:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../problems.ts';
import { parseCloudFormationYaml } from './cloudformation-yaml.ts';
import { changeSetOf, loadPlanFile, parsePlanText } from './index.ts';

const dir = path.join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'plans');
const ACCOUNT = '123456789012';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.file}:${p.line ?? '-'}: ${p.message}`);
    throw err;
  }
  throw new Error('no InputError');
}

describe('CloudFormation YAML templates from a public repository', () => {
  it('reads the StackSet administration role: its service trust, its inline policy and its line', async () => {
    const cs = changeSetOf(
      await loadPlanFile(path.join(dir, 'cfn-stackset-administration-role.yaml')),
      ACCOUNT,
    );
    expect(cs.format).toBe('cloudformation');
    expect(cs.changes.map((c) => [c.address, c.line, c.after?.type])).toEqual([
      ['AWSCloudFormationStackSetAdministrationRole', 5, 'role'],
      ['AWSCloudFormationStackSetAdministrationRole', 5, 'inline-policy'],
    ]);
    expect(cs.changes[0]!.after).toMatchObject({
      name: 'AWSCloudFormationStackSetAdministrationRole',
      trustPolicy: { Statement: [{ Principal: { Service: 'cloudformation.amazonaws.com' } }] },
    });
    expect(cs.changes[1]!.after).toMatchObject({
      owner: { kind: 'role', name: 'AWSCloudFormationStackSetAdministrationRole' },
      name: 'AssumeRole-AWSCloudFormationStackSetExecutionRole',
      document: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Resource: 'arn:aws:iam::*:role/AWSCloudFormationStackSetExecutionRole',
          },
        ],
      },
    });
    expect(cs.unknowns).toEqual([]);
  });

  it('reads the StackSet execution role: !Sub of a parameter without a default is a listed placeholder', async () => {
    const cs = changeSetOf(await loadPlanFile(path.join(dir, 'cfn-stackset-execution-role.yaml')), ACCOUNT);
    const role = cs.changes.find((c) => c.after?.type === 'role');
    expect(role?.after).toMatchObject({ name: 'AWSCloudFormationStackSetExecutionRole' });
    expect(role?.line).toBe(10);
    const trust = JSON.stringify((role?.after as { trustPolicy: unknown }).trustPolicy);
    expect(trust).toContain('known after apply');
    expect(cs.unknowns.map((u) => `${u.address} ${u.attribute}`)).toEqual([
      'Parameters.AdministrationAccountId value',
      'AWSCloudFormationStackSetExecutionRole Fn::Sub arn:aws:iam::${AdministrationAccountId}:role/AWSCloudFormationStackSetAdministrationRole',
    ]);
  });
});

describe('CloudFormation YAML templates (written)', () => {
  const template = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Parameters:',
    '  VendorAccount:',
    '    Type: String',
    "    Default: '999988887777'",
    'Conditions:',
    '  IsProd: !Equals [!Ref AWS::AccountId, "123456789012"]',
    'Resources:',
    '  AuditRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      RoleName: !Join ["-", [vendor, audit]]',
    '      AssumeRolePolicyDocument:',
    '        Statement:',
    '          - Effect: Allow',
    '            Action: sts:AssumeRole',
    "            Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${VendorAccount}:root' }",
    '      ManagedPolicyArns:',
    '        - !Ref OpsPolicy',
    '        - !If [IsProd, arn:aws:iam::aws:policy/ReadOnlyAccess, !Ref AWS::NoValue]',
    '  OpsPolicy:',
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      ManagedPolicyName: ops',
    '      PolicyDocument:',
    '        Statement:',
    '          - Effect: Allow',
    '            Action: iam:PassRole',
    '            Resource: !GetAtt AuditRole.Arn',
    '          - Effect: Allow',
    '            Action: s3:GetObject',
    '            Resource: !Sub',
    "              - 'arn:aws:s3:::${Bucket}/*'",
    '              - Bucket: !Select [0, !Split [",", "logs,other"]]',
    '',
  ].join('\n');

  it('maps !Ref, !Sub (both forms), !GetAtt, !Join and !If to their long forms', () => {
    const parsed = parseCloudFormationYaml(template, 'stack.yaml');
    expect(parsed.ok).toBe(true);
    const value = (parsed as { value: { Resources: Record<string, { Properties: unknown }> } }).value;
    expect(value.Resources.AuditRole!.Properties).toMatchObject({
      RoleName: { 'Fn::Join': ['-', ['vendor', 'audit']] },
      ManagedPolicyArns: [
        { Ref: 'OpsPolicy' },
        { 'Fn::If': ['IsProd', 'arn:aws:iam::aws:policy/ReadOnlyAccess', { Ref: 'AWS::NoValue' }] },
      ],
    });
    expect(value.Resources.OpsPolicy!.Properties).toMatchObject({
      PolicyDocument: {
        Statement: [
          { Resource: { 'Fn::GetAtt': 'AuditRole.Arn' } },
          {
            Resource: {
              'Fn::Sub': [
                'arn:aws:s3:::${Bucket}/*',
                { Bucket: { 'Fn::Select': [0, { 'Fn::Split': [',', 'logs,other'] }] } },
              ],
            },
          },
        ],
      },
    });
  });

  it('reads the template as its JSON twin would be read: names, ARNs, lines and placeholders', () => {
    const cs = changeSetOf(parsePlanText(template, 'stack.yaml'), ACCOUNT);
    const role = cs.changes.find((c) => c.address === 'AuditRole');
    expect(role?.line).toBe(9);
    expect(role?.after).toMatchObject({
      type: 'role',
      name: 'vendor-audit',
      trustPolicy: { Statement: [{ Principal: { AWS: 'arn:aws:iam::999988887777:root' } }] },
    });
    const managed = (role?.after as { managedPolicyArns: string[] }).managedPolicyArns;
    expect(managed[0]).toBe(`arn:aws:iam::${ACCOUNT}:policy/ops`);
    expect(managed[1]).toMatch(/known after apply/);
    const ops = cs.changes.find((c) => c.address === 'OpsPolicy');
    expect(ops?.line).toBe(21);
    expect(JSON.stringify(ops?.after)).toContain(`"Resource":"arn:aws:iam::${ACCOUNT}:role/vendor-audit"`);
    // !If needs the condition, !Select the list: both are left as placeholders (matching nothing).
    expect(cs.unknowns.map((u) => u.attribute).sort()).toEqual(['Fn::If', 'Fn::Select']);
  });

  it('bad YAML, an unknown tag and YAML without Resources are refused with the file and the line', () => {
    expect(problemsOf(() => parsePlanText('Resources:\n  R:\n    Type: [unclosed\n', 'bad.yaml'))[0]).toMatch(
      /^bad\.yaml:\d+: the file is not valid YAML/,
    );
    expect(
      problemsOf(() =>
        parsePlanText(
          'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !Reff x\n',
          't.yaml',
        ),
      ),
    ).toEqual(['t.yaml:5: unknown tag !Reff']);
    expect(problemsOf(() => parsePlanText('Resources:\n  A: 1\n  A: 2\n', 'dup.yaml'))[0]).toMatch(
      /^dup\.yaml:3: the file is not valid YAML \(Map keys must be unique/,
    );
    expect(problemsOf(() => parsePlanText('Description: only words\n', 'none.yaml'))).toEqual([
      'none.yaml:-: this YAML file has no "Resources" mapping',
    ]);
  });
});
