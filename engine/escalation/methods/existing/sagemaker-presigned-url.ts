/**
 * M46: Open a SageMaker notebook instance that runs as the role.
 * CreatePresignedNotebookInstanceUrl: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePresignedNotebookInstanceUrl.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const sagemakerPresignedUrl = existingResourceMethod({
  id: 'existing-sagemaker-presigned-url',
  title: 'Open a SageMaker notebook instance that runs as the role',
  catalogIds: ['M46'],
  sources: ['Rhino #28', 'IAM Vulnerable privesc-sageUpdateURL', 'pathfinding.cloud sagemaker-004'],
  service: 'sagemaker.amazonaws.com',
  steps: [{ anyOf: ['sagemaker:CreatePresignedNotebookInstanceUrl'], resource: R.notebook }],
  needsRuntime: 'a SageMaker notebook instance that runs as the role',
  inventory: { type: 'sagemaker-notebook', on: R.notebook },
});
