/** M23: Create a launch template and an Auto Scaling group that launches it. */
import { passRoleMethod, R } from '../shared.ts';

export const autoscalingLaunchTemplate = passRoleMethod({
  id: 'passrole-autoscaling-launch-template',
  title: 'Create a launch template and an Auto Scaling group that launches it',
  catalogIds: ['M23'],
  sources: ['PMapper autoscaling_edges (launch templates: same idea)'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['ec2:CreateLaunchTemplate'], resource: R.launchTemplate },
    { anyOf: ['autoscaling:CreateAutoScalingGroup'], resource: R.autoScalingGroup },
  ],
  requireProfile: true,
});
