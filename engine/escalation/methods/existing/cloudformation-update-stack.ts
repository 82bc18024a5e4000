/**
 * M43: Update a CloudFormation stack whose service role is the role.
 * UpdateStack: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateStack.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const cloudformationUpdateStack = existingResourceMethod({
  id: 'existing-cloudformation-update-stack',
  title: 'Update a CloudFormation stack whose service role is the role',
  catalogIds: ['M43'],
  sources: [
    'IAM Vulnerable privesc-cfUpdateStack',
    'PMapper cloudformation_edges',
    'pathfinding.cloud cloudformation-002',
  ],
  service: 'cloudformation.amazonaws.com',
  steps: [{ anyOf: ['cloudformation:UpdateStack'], resource: R.stack }],
  needsRuntime: 'a CloudFormation stack whose service role is the role',
  inventory: { type: 'cloudformation-stack', on: R.stack },
});
