/** M33: Create a SageMaker notebook instance with the role and open it. */
import { passRoleMethod, R } from '../shared.ts';

export const sagemakerNotebook = passRoleMethod({
  id: 'passrole-sagemaker-notebook',
  title: 'Create a SageMaker notebook instance with the role and open it',
  catalogIds: ['M33'],
  sources: [
    'Rhino #27',
    'IAM Vulnerable privesc-sageNotebook',
    'PMapper sagemaker_edges',
    'pathfinding.cloud (with the presigned URL it lists as additional) sagemaker-001',
  ],
  service: 'sagemaker.amazonaws.com',
  steps: [
    { anyOf: ['sagemaker:CreateNotebookInstance'], resource: R.notebook },
    { anyOf: ['sagemaker:CreatePresignedNotebookInstanceUrl'], resource: R.notebook },
  ],
});
