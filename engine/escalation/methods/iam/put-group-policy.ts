/** M07: Put an inline policy on a group one belongs to. */
import { policyChangeMethod } from '../shared.ts';

export const putGroupPolicy = policyChangeMethod({
  id: 'iam-put-group-policy',
  title: 'Put an inline policy on a group one belongs to',
  action: 'iam:PutGroupPolicy',
  actions: ['iam:PutGroupPolicy'],
  on: 'Group',
  attach: false,
  catalogIds: ['M07'],
  sources: ['Rhino #11', 'IAM Vulnerable privesc11', 'PMapper admin check', 'pathfinding.cloud iam-011'],
});
