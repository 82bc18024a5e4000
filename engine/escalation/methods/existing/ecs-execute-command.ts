/**
 * M52: Open a shell with ECS Exec in a running task whose task role is the role.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const ecsExecuteCommand = existingResourceMethod({
  id: 'existing-ecs-execute-command',
  title: 'Open a shell with ECS Exec in a running task whose task role is the role',
  catalogIds: ['M52'],
  sources: ['pathfinding.cloud ecs-006'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['ecs:ExecuteCommand'], resource: R.ecsTask },
    { anyOf: ['ecs:DescribeTasks'], resource: R.ecsTask },
  ],
  needsRuntime: 'a running ECS task with ECS Exec enabled whose task role is the role',
});
