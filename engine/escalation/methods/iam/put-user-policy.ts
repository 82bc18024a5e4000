/** M06: Put an inline policy on a user one controls (itself). */
import { policyChangeMethod } from '../shared.ts';

export const putUserPolicy = policyChangeMethod({
  id: 'iam-put-user-policy',
  title: 'Put an inline policy on a user one controls (itself)',
  action: 'iam:PutUserPolicy',
  actions: ['iam:PutUserPolicy'],
  on: 'User',
  attach: false,
  catalogIds: ['M06'],
  sources: [
    'Rhino #10',
    'IAM Vulnerable privesc10',
    'PMapper admin check',
    'pathfinding.cloud iam-007, iam-018',
  ],
});
