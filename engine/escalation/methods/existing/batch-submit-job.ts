/**
 * M53: Submit a job (command override) to a Batch job definition whose job role is the role.
 * SubmitJob containerOverrides: https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const batchSubmitJob = existingResourceMethod({
  id: 'existing-batch-submit-job',
  title: 'Submit a job (command override) to a Batch job definition whose job role is the role',
  catalogIds: ['M53'],
  sources: ['pathfinding.cloud batch-002'],
  service: 'ecs-tasks.amazonaws.com',
  steps: [{ anyOf: ['batch:SubmitJob'], resource: R.batchJobDefinition }],
  needsRuntime: 'an AWS Batch job definition whose job role is the role, and a job queue',
});
