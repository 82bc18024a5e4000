/**
 * M54: Create an EMR Serverless application and start a job run with the role.
 * The job run's execution role: https://docs.aws.amazon.com/emr/latest/EMR-Serverless-UserGuide/security-iam-runtime-role.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const emrServerlessJobRun = passRoleMethod({
  id: 'passrole-emr-serverless-job-run',
  title: 'Create an EMR Serverless application and start a job run with the role',
  catalogIds: ['M54'],
  sources: ['pathfinding.cloud emrserverless-001'],
  service: 'emr-serverless.amazonaws.com',
  steps: [
    { anyOf: ['emr-serverless:CreateApplication'], resource: R.emrServerlessApplication },
    { anyOf: ['emr-serverless:StartJobRun'], resource: R.emrServerlessApplication },
  ],
});
