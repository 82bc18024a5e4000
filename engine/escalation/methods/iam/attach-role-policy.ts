/** M05: Attach a managed policy to a role one is or can assume. */
import { policyChangeMethod } from '../shared.ts';

export const attachRolePolicy = policyChangeMethod({
  id: 'iam-attach-role-policy',
  title: 'Attach a managed policy to a role one is or can assume',
  action: 'iam:AttachRolePolicy',
  actions: ['iam:AttachRolePolicy'],
  on: 'Role',
  attach: true,
  catalogIds: ['M05'],
  sources: [
    'Rhino #9',
    'IAM Vulnerable privesc9',
    'PMapper admin check',
    'pathfinding.cloud iam-009, iam-014, iam-019',
  ],
});
