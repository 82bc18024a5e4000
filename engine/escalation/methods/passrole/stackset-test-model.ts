/** A snapshot for the StackSet tests: a caller, the administration role, one execution role. */
import { allowAssume, roleArn, trustAws } from '../../../trust/test-model.ts';
import { A, ADMIN_DOC, allow, ModelBuilder, trustService } from '../../test-support.ts';

export const EXECUTION = 'AWSCloudFormationStackSetExecutionRole';

export function stackSetModel(
  options: {
    execAccount?: string;
    callerPolicies?: ReturnType<typeof allow>[];
    adminPolicy?: ReturnType<typeof allow>;
    execTrusts?: string;
  } = {},
) {
  const execAccount = options.execAccount ?? A;
  const b = new ModelBuilder().account(A);
  if (execAccount !== A) b.account(execAccount);
  const adminRole = b.role(
    A,
    'AWSCloudFormationStackSetAdministrationRole',
    trustService('cloudformation.amazonaws.com'),
    {
      policies: [options.adminPolicy ?? allowAssume(`arn:aws:iam::*:role/${EXECUTION}`)],
    },
  );
  const exec = b.role(execAccount, EXECUTION, trustAws(options.execTrusts ?? adminRole), {
    policies: [ADMIN_DOC],
  });
  const source = b.user(A, 'dev', {
    policies: options.callerPolicies ?? [
      allow([
        'cloudformation:CreateStackSet',
        'cloudformation:CreateStackInstances',
        'cloudformation:UpdateStackSet',
      ]),
      allow('iam:PassRole', roleArn(A, 'AWSCloudFormationStackSetAdministrationRole')),
    ],
  });
  return { model: b.build(), source, adminRole, exec };
}
