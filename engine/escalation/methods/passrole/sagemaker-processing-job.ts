/** M35: Create a SageMaker processing job that runs as the role. */
import { passRoleMethod, R } from '../shared.ts';

export const sagemakerProcessingJob = passRoleMethod({
  id: 'passrole-sagemaker-processing-job',
  title: 'Create a SageMaker processing job that runs as the role',
  catalogIds: ['M35'],
  sources: [
    'IAM Vulnerable privesc-sageProcessing',
    'PMapper sagemaker_edges',
    'pathfinding.cloud (Dec 2025, since removed) sagemaker-003',
  ],
  service: 'sagemaker.amazonaws.com',
  steps: [{ anyOf: ['sagemaker:CreateProcessingJob'], resource: R.processingJob }],
});
