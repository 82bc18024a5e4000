/** M25: Create a Lambda function with the role and let another account invoke it. */
import { passRoleMethod, R } from '../shared.ts';

export const lambdaCreateAddPermission = passRoleMethod({
  id: 'passrole-lambda-create-add-permission',
  title: 'Create a Lambda function with the role and let another account invoke it',
  catalogIds: ['M25'],
  sources: ['Rhino #16', 'pathfinding.cloud lambda-006'],
  service: 'lambda.amazonaws.com',
  steps: [
    { anyOf: ['lambda:CreateFunction'], resource: R.function },
    { anyOf: ['lambda:AddPermission'], resource: R.function },
  ],
});
