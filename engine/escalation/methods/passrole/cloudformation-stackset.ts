/**
 * M30: Create a self-managed stack set with an administration role one may pass and add stack
 * instances: the stack runs as the execution role that the administration role assumes, in this
 * account or another (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html).
 */
import { R } from '../shared.ts';
import { stackSetMethod } from './stackset-shared.ts';

export const cloudformationStackSet = stackSetMethod({
  id: 'passrole-cloudformation-stackset',
  title: 'Create a self-managed stack set and its stack instances, which run as the execution role',
  catalogIds: ['M30'],
  sources: ['pathfinding.cloud cloudformation-003'],
  steps: [
    { anyOf: ['cloudformation:CreateStackSet'], resource: R.stackSet },
    { anyOf: ['cloudformation:CreateStackInstances'], resource: R.stackSet },
  ],
});
