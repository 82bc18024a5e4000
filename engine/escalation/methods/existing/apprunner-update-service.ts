/** M52: Update an App Runner service whose instances run as the role. */
import { existingResourceMethod, R } from '../shared.ts';

export const apprunnerUpdateService = existingResourceMethod({
  id: 'existing-apprunner-update-service',
  title: 'Update an App Runner service whose instances run as the role',
  catalogIds: ['M52'],
  sources: ['pathfinding.cloud apprunner-002'],
  service: 'tasks.apprunner.amazonaws.com',
  steps: [{ anyOf: ['apprunner:UpdateService'], resource: R.appRunnerService }],
  needsRuntime: 'an App Runner service whose instance role is the role',
});
