/**
 * M36: Register an ECS task definition with the role and run it in a cluster that already exists
 * (RunTask and CreateService need a cluster, StartTask a registered EC2 container instance:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StartTask.html).
 */
import { passRoleMethod, R } from '../shared.ts';

export const ecsTask = passRoleMethod({
  id: 'passrole-ecs-task',
  title: 'Register an ECS task definition with the role and run it',
  catalogIds: ['M36'],
  sources: ['PMapper ecs_edges (v1.2.0-dev)', 'pathfinding.cloud ecs-003, ecs-004, ecs-005'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['ecs:RegisterTaskDefinition'], resource: R.ecsTaskDefinition },
    { anyOf: ['ecs:RunTask', 'ecs:StartTask', 'ecs:CreateService'], resource: R.ecsTaskDefinition },
  ],
  needsRuntime:
    'an ECS cluster to run the task in (for StartTask, one with a registered EC2 container instance)',
});
