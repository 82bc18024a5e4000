/**
 * M56: Create an Amazon Braket hybrid job that runs as the role.
 * The job's execution role: https://docs.aws.amazon.com/braket/latest/developerguide/braket-manage-access.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const braketJob = passRoleMethod({
  id: 'passrole-braket-job',
  title: 'Create an Amazon Braket hybrid job that runs as the role',
  catalogIds: ['M56'],
  sources: ['pathfinding.cloud braket-001'],
  service: 'braket.amazonaws.com',
  steps: [{ anyOf: ['braket:CreateJob'], resource: R.braketJob }],
});
