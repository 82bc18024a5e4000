/**
 * Self-managed StackSets: the caller passes the administration role (trusted by CloudFormation),
 * which assumes the execution role in each target account; the stack runs as the execution role
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-prereqs-self-managed.html).
 */
import { describe, expect, it } from 'vitest';
import { B, roleArn } from '../../../trust/test-model.ts';
import { A, allow, deny, edgesFrom, run, targetsOf } from '../../test-support.ts';
import { cloudformationStackSet } from './cloudformation-stackset.ts';
import { stackSetModel } from './stackset-test-model.ts';

describe(cloudformationStackSet.id, () => {
  it('reaches the execution role of the same account through the administration role', () => {
    const { model, source, exec } = stackSetModel();
    const a = run(model);
    const edge = edgesFrom(a, source, cloudformationStackSet.id).find((e) => e.to === exec);
    expect(edge).toBeDefined();
    expect(edge?.crossAccount).toBe(false);
    expect(edge?.needsRuntime).toBeUndefined();
    expect(edge?.actions).toEqual(
      expect.arrayContaining([
        'iam:PassRole',
        'cloudformation:CreateStackSet',
        'cloudformation:CreateStackInstances',
      ]),
    );
    expect(edge?.evidence.some((e) => e.policyKind === 'trust' && e.policyId === exec)).toBe(true);
    expect(a.admins.get(exec)?.admin).toBe(true);
  });

  it('reaches the execution role of another account, as an edge that crosses accounts', () => {
    const { model, source, exec } = stackSetModel({ execAccount: B });
    const edge = edgesFrom(run(model), source, cloudformationStackSet.id).find((e) => e.to === exec);
    expect(edge?.crossAccount).toBe(true);
    expect(exec.startsWith(`arn:aws:iam::${B}:`)).toBe(true);
  });

  it('near miss: without cloudformation:CreateStackInstances no edge', () => {
    const { model, source, exec } = stackSetModel({
      callerPolicies: [
        allow('cloudformation:CreateStackSet'),
        allow('iam:PassRole', roleArn(A, 'AWSCloudFormationStackSetAdministrationRole')),
      ],
    });
    expect(targetsOf(run(model), source, cloudformationStackSet.id)).not.toContain(exec);
  });

  it('near miss: PassRole for another service (iam:PassedToService) gives no edge', () => {
    const { model, source, exec } = stackSetModel({
      callerPolicies: [
        allow(['cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances']),
        allow('iam:PassRole', '*', {
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        }),
      ],
    });
    expect(targetsOf(run(model), source, cloudformationStackSet.id)).not.toContain(exec);
  });

  it('near miss: an execution role that does not trust the administration role is not reached', () => {
    const { model, source, exec } = stackSetModel({ execAccount: B, execTrusts: roleArn(B, 'someone-else') });
    expect(targetsOf(run(model), source, cloudformationStackSet.id)).not.toContain(exec);
  });

  it('near miss: an administration role whose policy denies sts:AssumeRole reaches nothing', () => {
    const { model, source } = stackSetModel({ adminPolicy: deny('sts:AssumeRole') });
    expect(targetsOf(run(model), source, cloudformationStackSet.id)).toEqual([]);
  });
});
