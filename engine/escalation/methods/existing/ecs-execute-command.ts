/**
 * M52: Open a shell with ECS Exec in a running task whose task role is the role.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 * ExecuteCommand: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommand.html
 */
import type { Resource } from '../../../resources/model.ts';
import { existingResourceMethod, R } from '../shared.ts';

/**
 * A task of the service, by its ARN format (`task/CLUSTER/ID`, or `task/ID` for services
 * with the old ARN format): the tasks of a service run in its cluster.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
 */
export function taskOfService(service: Resource): string {
  const [prefix, rest = ''] = service.arn.split(':service/');
  const cluster = rest.includes('/') ? `${rest.split('/')[0]}/` : '';
  return `${prefix}:task/${cluster}0123456789abcdef0123456789abcdef`;
}

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
  inventory: {
    type: 'ecs-service',
    on: R.ecsTask,
    arnFor: taskOfService,
    // DescribeServices' `enableExecuteCommand`: tasks of a service started without it cannot be
    // reached with ECS Exec. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html
    usable: (r) => r.settings.enableExecuteCommand !== false,
    caveats: ['the service has running tasks with ECS Exec enabled (enableExecuteCommand)'],
  },
});
