/**
 * M53: Register a Batch job definition with the role and submit a job to an existing queue.
 * A Batch container job runs as its job role, which trusts ecs-tasks.amazonaws.com:
 * https://docs.aws.amazon.com/batch/latest/userguide/job-definition-parameters.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const batchJobDefinition = passRoleMethod({
  id: 'passrole-batch-job-definition',
  title: 'Register a Batch job definition with the role and submit a job to an existing queue',
  catalogIds: ['M53'],
  sources: ['pathfinding.cloud batch-001'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [
    { anyOf: ['batch:RegisterJobDefinition'], resource: R.batchJobDefinition },
    { anyOf: ['batch:SubmitJob'], resource: R.batchJobQueue },
  ],
  passedToService: 'batch.amazonaws.com',
  needsRuntime: 'an AWS Batch job queue with a compute environment',
});
