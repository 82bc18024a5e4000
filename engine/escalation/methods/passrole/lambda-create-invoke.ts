/** M24: Create a Lambda function with the role and invoke it. */
import { passRoleMethod, R } from '../shared.ts';

export const lambdaCreateInvoke = passRoleMethod({
  id: 'passrole-lambda-create-invoke',
  title: 'Create a Lambda function with the role and invoke it',
  catalogIds: ['M24'],
  sources: ['Rhino #15', 'IAM Vulnerable privesc15', 'PMapper lambda_edges', 'pathfinding.cloud lambda-001'],
  service: 'lambda.amazonaws.com',
  steps: [
    { anyOf: ['lambda:CreateFunction'], resource: R.function },
    { anyOf: ['lambda:InvokeFunction'], resource: R.function },
  ],
});
