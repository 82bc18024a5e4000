import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshot } from './index.ts';
import { A, authorizationDetails, removeInputs, role, writeInputs } from './testing.ts';

afterAll(removeInputs);

const trust = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});
const inline = (bucket: string) => ({
  PolicyName: 'read',
  PolicyDocument: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  },
});

describe('readSnapshot: documents that read alike', () => {
  it('become one object, so the evaluator parses them once; documents that differ stay apart', async () => {
    const dir = await writeInputs({
      'a.json': authorizationDetails({
        roles: [
          role(A, 'one', {
            AssumeRolePolicyDocument: trust('ec2.amazonaws.com'),
            RolePolicyList: [inline('x')],
          }),
          role(A, 'two', {
            AssumeRolePolicyDocument: trust('ec2.amazonaws.com'),
            RolePolicyList: [inline('x')],
          }),
          role(A, 'three', {
            AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com'),
            RolePolicyList: [inline('y')],
          }),
        ],
      }),
    });
    const { model } = await readSnapshot([dir]);
    const byName = new Map(model.roles.map((r) => [r.name, r]));
    const [one, two, three] = ['one', 'two', 'three'].map((n) => byName.get(n)!);
    expect(one!.trustPolicy).toBe(two!.trustPolicy);
    expect(one!.inlinePolicies[0]!.document).toBe(two!.inlinePolicies[0]!.document);
    expect(three!.trustPolicy).not.toBe(one!.trustPolicy);
    expect(three!.inlinePolicies[0]!.document).not.toBe(one!.inlinePolicies[0]!.document);
    expect(three!.trustPolicy).toEqual(trust('ecs-tasks.amazonaws.com'));
  });
});
