import { describe, expect, it } from 'vitest';
import { B, roleArn } from '../../../trust/test-model.ts';
import { A, allow, edgesFrom, run, targetsOf } from '../../test-support.ts';
import { cloudformationUpdateStackSet } from './cloudformation-update-stackset.ts';
import { stackSetModel } from './stackset-test-model.ts';

describe(cloudformationUpdateStackSet.id, () => {
  it('reaches the execution role, and says that the stack set must exist', () => {
    const { model, source, exec } = stackSetModel({ execAccount: B });
    const edge = edgesFrom(run(model), source, cloudformationUpdateStackSet.id).find((e) => e.to === exec);
    expect(edge?.crossAccount).toBe(true);
    expect(edge?.needsRuntime).toMatch(/stack set/);
  });

  it('near miss: without cloudformation:UpdateStackSet no edge', () => {
    const { model, source, exec } = stackSetModel({
      callerPolicies: [allow('iam:PassRole', roleArn(A, 'AWSCloudFormationStackSetAdministrationRole'))],
    });
    expect(targetsOf(run(model), source, cloudformationUpdateStackSet.id)).not.toContain(exec);
  });
});
