/** M34: Create a SageMaker training job that runs as the role. */
import { passRoleMethod, R } from '../shared.ts';

export const sagemakerTrainingJob = passRoleMethod({
  id: 'passrole-sagemaker-training-job',
  title: 'Create a SageMaker training job that runs as the role',
  catalogIds: ['M34'],
  sources: [
    'IAM Vulnerable privesc-sageTraining',
    'PMapper sagemaker_edges',
    'pathfinding.cloud sagemaker-002',
  ],
  service: 'sagemaker.amazonaws.com',
  steps: [{ anyOf: ['sagemaker:CreateTrainingJob'], resource: R.trainingJob }],
});
