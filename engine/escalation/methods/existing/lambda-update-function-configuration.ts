/**
 * M41: Add a layer to (reconfigure) a Lambda function that runs as the role.
 * UpdateFunctionConfiguration: https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const lambdaUpdateFunctionConfiguration = existingResourceMethod({
  id: 'existing-lambda-update-function-configuration',
  title: 'Add a layer to (reconfigure) a Lambda function that runs as the role',
  catalogIds: ['M41'],
  sources: ['Rhino #26'],
  service: 'lambda.amazonaws.com',
  steps: [{ anyOf: ['lambda:UpdateFunctionConfiguration'], resource: R.function }],
  needsRuntime: 'a Lambda function that runs as the role, and a layer the caller controls',
  inventory: {
    type: 'lambda-function',
    on: R.function,
    caveats: ['a layer the caller controls (its own, or one shared with it), and the function is invoked'],
  },
});
