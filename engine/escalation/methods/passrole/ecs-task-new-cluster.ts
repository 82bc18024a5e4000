/**
 * M36: Create an ECS cluster, register a task definition with the role and run it on Fargate, so
 * no cluster needs to exist: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-cluster-console-v2.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const ecsTaskNewCluster = passRoleMethod({
  id: 'passrole-ecs-task-new-cluster',
  title: 'Create an ECS cluster, register a task definition with the role and run it',
  catalogIds: ['M36'],
  sources: ['pathfinding.cloud ecs-001, ecs-002'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['ecs:CreateCluster'], resource: R.ecsCluster },
    { anyOf: ['ecs:RegisterTaskDefinition'], resource: R.ecsTaskDefinition },
    { anyOf: ['ecs:RunTask', 'ecs:CreateService'], resource: R.ecsTaskDefinition },
  ],
});
