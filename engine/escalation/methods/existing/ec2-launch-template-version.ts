/** M51: Add a launch template version (new user data) used by instances that run as the role. */
import { existingResourceMethod, R } from '../shared.ts';

export const ec2LaunchTemplateVersion = existingResourceMethod({
  id: 'existing-ec2-launch-template-version',
  title: 'Add a launch template version (new user data) used by instances that run as the role',
  catalogIds: ['M51'],
  sources: ['pathfinding.cloud ec2-004, ec2-005'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['ec2:CreateLaunchTemplateVersion'], resource: R.launchTemplate },
    { anyOf: ['ec2:ModifyLaunchTemplate'], resource: R.launchTemplate },
  ],
  requireProfile: true,
  needsRuntime:
    'a launch template that names an instance profile of the role, and something that launches from it',
});
