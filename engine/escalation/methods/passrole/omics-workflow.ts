/**
 * M56: Create a HealthOmics workflow and start a run with the role.
 * The run's service role: https://docs.aws.amazon.com/omics/latest/dev/permissions-service.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const omicsWorkflow = passRoleMethod({
  id: 'passrole-omics-workflow',
  title: 'Create a HealthOmics workflow and start a run with the role',
  catalogIds: ['M56'],
  sources: ['pathfinding.cloud omics-001'],
  service: 'omics.amazonaws.com',
  steps: [
    { anyOf: ['omics:CreateWorkflow'], resource: R.omicsWorkflow },
    { anyOf: ['omics:StartRun'], resource: R.omicsRun },
    { anyOf: ['s3:GetObject'], resource: R.s3Object },
  ],
});
