/** M36: Register an ECS task definition with the role and run it. */
import { passRoleMethod, R } from '../shared.ts';

export const ecsTask = passRoleMethod({
  id: 'passrole-ecs-task',
  title: 'Register an ECS task definition with the role and run it',
  catalogIds: ['M36'],
  sources: ['PMapper ecs_edges (v1.2.0-dev)', 'pathfinding.cloud ecs-001 to ecs-005'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['ecs:RegisterTaskDefinition'], resource: R.ecsTaskDefinition },
    { anyOf: ['ecs:RunTask', 'ecs:StartTask', 'ecs:CreateService'], resource: R.ecsTaskDefinition },
  ],
});
