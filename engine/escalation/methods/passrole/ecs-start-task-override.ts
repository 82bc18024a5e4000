/**
 * M36: Start an existing ECS task definition with the role as a taskRoleArn override.
 * StartTask overrides the task role: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StartTask.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const ecsStartTaskOverride = passRoleMethod({
  id: 'passrole-ecs-start-task-override',
  title: 'Start an existing ECS task definition with the role as a taskRoleArn override',
  catalogIds: ['M36'],
  sources: ['pathfinding.cloud ecs-009'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [{ anyOf: ['ecs:StartTask'], resource: R.ecsTaskDefinition }],
  needsRuntime:
    'an ECS cluster with a registered EC2 container instance, and an existing task definition to override',
});
