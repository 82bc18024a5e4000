/** M08: Put an inline policy on a role one is or can assume. */
import { policyChangeMethod } from '../shared.ts';

export const putRolePolicy = policyChangeMethod({
  id: 'iam-put-role-policy',
  title: 'Put an inline policy on a role one is or can assume',
  action: 'iam:PutRolePolicy',
  actions: ['iam:PutRolePolicy'],
  on: 'Role',
  attach: false,
  catalogIds: ['M08'],
  sources: [
    'Rhino #12',
    'IAM Vulnerable privesc12',
    'PMapper admin check',
    'pathfinding.cloud iam-005, iam-017, iam-021',
  ],
});
