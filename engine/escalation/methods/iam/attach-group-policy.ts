/** M04: Attach a managed policy to a group one belongs to. */
import { policyChangeMethod } from '../shared.ts';

export const attachGroupPolicy = policyChangeMethod({
  id: 'iam-attach-group-policy',
  title: 'Attach a managed policy to a group one belongs to',
  action: 'iam:AttachGroupPolicy',
  actions: ['iam:AttachGroupPolicy'],
  on: 'Group',
  attach: true,
  catalogIds: ['M04'],
  sources: ['Rhino #8', 'IAM Vulnerable privesc8', 'PMapper admin check', 'pathfinding.cloud iam-010'],
});
