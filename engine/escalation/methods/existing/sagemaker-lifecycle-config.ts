/**
 * M47: Give a SageMaker notebook instance a lifecycle script and restart it.
 * UpdateNotebookInstance (LifecycleConfigName): https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateNotebookInstance.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const sagemakerLifecycleConfig = existingResourceMethod({
  id: 'existing-sagemaker-lifecycle-config',
  title: 'Give a SageMaker notebook instance a lifecycle script and restart it',
  catalogIds: ['M47'],
  sources: ['pathfinding.cloud sagemaker-005'],
  service: 'sagemaker.amazonaws.com',
  steps: [
    { anyOf: ['sagemaker:CreateNotebookInstanceLifecycleConfig'], resource: R.notebookLifecycle },
    { anyOf: ['sagemaker:StopNotebookInstance'], resource: R.notebook },
    { anyOf: ['sagemaker:UpdateNotebookInstance'], resource: R.notebook },
    { anyOf: ['sagemaker:StartNotebookInstance'], resource: R.notebook },
  ],
  needsRuntime: 'a SageMaker notebook instance that runs as the role',
  inventory: { type: 'sagemaker-notebook', on: R.notebook },
});
