/**
 * M44: Create and execute a change set on a stack whose service role is the role.
 * CreateChangeSet: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const cloudformationChangeSet = existingResourceMethod({
  id: 'existing-cloudformation-change-set',
  title: 'Create and execute a change set on a stack whose service role is the role',
  catalogIds: ['M44'],
  sources: ['PMapper cloudformation_edges', 'pathfinding.cloud cloudformation-005'],
  service: 'cloudformation.amazonaws.com',
  steps: [
    { anyOf: ['cloudformation:CreateChangeSet'], resource: R.stack },
    { anyOf: ['cloudformation:ExecuteChangeSet'], resource: R.stack },
  ],
  needsRuntime: 'a CloudFormation stack whose service role is the role',
  inventory: { type: 'cloudformation-stack', on: R.stack },
});
