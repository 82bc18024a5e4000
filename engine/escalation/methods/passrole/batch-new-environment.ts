/**
 * M53: Create a Batch compute environment and job queue, register a job definition with the role and submit it.
 * Builds the whole Batch pipeline, so nothing needs to exist:
 * https://docs.aws.amazon.com/batch/latest/userguide/compute_environments.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const batchNewEnvironment = passRoleMethod({
  id: 'passrole-batch-new-environment',
  title:
    'Create a Batch compute environment and job queue, register a job definition with the role and submit it',
  catalogIds: ['M53'],
  sources: ['pathfinding.cloud batch-003'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['batch:CreateComputeEnvironment'], resource: R.batchComputeEnvironment },
    { anyOf: ['batch:CreateJobQueue'], resource: R.batchJobQueue },
    { anyOf: ['batch:RegisterJobDefinition'], resource: R.batchJobDefinition },
    { anyOf: ['batch:SubmitJob'], resource: R.batchJobQueue },
  ],
  passedToService: 'batch.amazonaws.com',
});
