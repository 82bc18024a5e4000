/** M37: Create an App Runner service whose instances run as the role. */
import { passRoleMethod, R } from '../shared.ts';

export const apprunnerCreateService = passRoleMethod({
  id: 'passrole-apprunner-create-service',
  title: 'Create an App Runner service whose instances run as the role',
  catalogIds: ['M37'],
  sources: ['pathfinding.cloud apprunner-001'],
  service: 'tasks.apprunner.amazonaws.com',
  steps: [{ anyOf: ['apprunner:CreateService'], resource: R.appRunnerService }],
});
