/**
 * M36: Register an EC2 instance one runs code on into a cluster and start an existing task definition there with the role.
 * RegisterContainerInstance: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterContainerInstance.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const ecsRegisterContainerInstance = passRoleMethod({
  id: 'passrole-ecs-register-container-instance',
  title:
    'Register an EC2 instance one runs code on into a cluster and start an existing task definition there with the role',
  catalogIds: ['M36'],
  sources: ['pathfinding.cloud ecs-007'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['ecs:RegisterContainerInstance'], resource: R.ecsCluster },
    { anyOf: ['ecs:StartTask'], resource: R.ecsTaskDefinition },
  ],
  needsRuntime:
    'code execution on an EC2 instance that runs as the caller, an ECS cluster and an existing task definition',
});
