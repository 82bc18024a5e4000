/** M03: Attach a managed policy to a user one controls (itself). */
import { policyChangeMethod } from '../shared.ts';

export const attachUserPolicy = policyChangeMethod({
  id: 'iam-attach-user-policy',
  title: 'Attach a managed policy to a user one controls (itself)',
  action: 'iam:AttachUserPolicy',
  actions: ['iam:AttachUserPolicy'],
  on: 'User',
  attach: true,
  catalogIds: ['M03'],
  sources: [
    'Rhino #7',
    'IAM Vulnerable privesc7',
    'PMapper admin check',
    'pathfinding.cloud iam-008, iam-015',
  ],
});
