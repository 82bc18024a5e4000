/**
 * M30: Update an existing self-managed stack set with an administration role one may pass: its
 * stack instances are updated as the execution role the administration role assumes
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateStackSet.html).
 */
import { R } from '../shared.ts';
import { stackSetMethod } from './stackset-shared.ts';

export const cloudformationUpdateStackSet = stackSetMethod({
  id: 'passrole-cloudformation-update-stackset',
  title: 'Update an existing stack set, whose stack instances run as the execution role',
  catalogIds: ['M30'],
  sources: ['pathfinding.cloud cloudformation-004'],
  steps: [{ anyOf: ['cloudformation:UpdateStackSet'], resource: R.stackSet }],
  needsRuntime: "a self-managed stack set with stack instances in the execution role's account",
});
