/**
 * M40: Replace the code of a Lambda function that runs as the role.
 * UpdateFunctionCode: https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const lambdaUpdateFunctionCode = existingResourceMethod({
  id: 'existing-lambda-update-function-code',
  title: 'Replace the code of a Lambda function that runs as the role',
  catalogIds: ['M40'],
  sources: [
    'Rhino #18',
    'IAM Vulnerable privesc17',
    'PMapper lambda_edges',
    'pathfinding.cloud lambda-003, lambda-004, lambda-005',
  ],
  service: 'lambda.amazonaws.com',
  steps: [{ anyOf: ['lambda:UpdateFunctionCode'], resource: R.function }],
  needsRuntime: 'a Lambda function that runs as the role (and is invoked, by the caller or by its triggers)',
  inventory: {
    type: 'lambda-function',
    on: R.function,
    caveats: ['the function is invoked, by the caller or by its triggers'],
  },
});
