/**
 * M36: Run an existing ECS task definition with the role as a taskRoleArn override.
 * RunTask overrides the task role: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const ecsRunTaskOverride = passRoleMethod({
  id: 'passrole-ecs-run-task-override',
  title: 'Run an existing ECS task definition with the role as a taskRoleArn override',
  catalogIds: ['M36'],
  sources: ['pathfinding.cloud ecs-008'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [{ anyOf: ['ecs:RunTask'], resource: R.ecsTaskDefinition }],
  needsRuntime: 'an ECS cluster and an existing task definition to override',
});
