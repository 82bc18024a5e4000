/** M23: Create a launch configuration and an Auto Scaling group that launches it. */
import { passRoleMethod, R } from '../shared.ts';

export const autoscalingLaunchConfiguration = passRoleMethod({
  id: 'passrole-autoscaling-launch-configuration',
  title: 'Create a launch configuration and an Auto Scaling group that launches it',
  catalogIds: ['M23'],
  sources: ['PMapper autoscaling_edges'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['autoscaling:CreateLaunchConfiguration'], resource: R.launchConfiguration },
    { anyOf: ['autoscaling:CreateAutoScalingGroup'], resource: R.autoScalingGroup },
  ],
  requireProfile: true,
  passedToService: 'ec2.amazonaws.com',
});
