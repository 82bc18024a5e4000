/**
 * M51: Deploy a revision to a CodeDeploy deployment group of EC2 instances that run as the role.
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/auth-and-access-control-permissions-reference.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const codedeployDeployment = existingResourceMethod({
  id: 'existing-codedeploy-deployment',
  title: 'Deploy a revision to a CodeDeploy deployment group of EC2 instances that run as the role',
  catalogIds: ['M51'],
  sources: ['pathfinding.cloud codedeploy-001'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['codedeploy:RegisterApplicationRevision'], resource: R.codedeployApplication },
    { anyOf: ['codedeploy:GetDeploymentConfig'], resource: R.codedeployConfig },
    { anyOf: ['codedeploy:CreateDeployment'], resource: R.codedeployDeploymentGroup },
  ],
  requireProfile: true,
  needsRuntime:
    'a CodeDeploy deployment group of EC2 instances (with the agent) running with an instance profile of the role',
});
