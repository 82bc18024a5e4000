/**
 * M33: Create a SageMaker notebook instance with the role and open it from the console, without
 * CreatePresignedNotebookInstanceUrl: that needs the caller to sign in to the console, which
 * authorization details cannot show
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/howitworks-access-ws.html).
 */
import { passRoleMethod, R } from '../shared.ts';

export const sagemakerNotebookConsole = passRoleMethod({
  id: 'passrole-sagemaker-notebook-console',
  title: 'Create a SageMaker notebook instance with the role and open it from the console',
  catalogIds: ['M33'],
  sources: ['pathfinding.cloud sagemaker-001'],
  service: 'sagemaker.amazonaws.com',
  steps: [{ anyOf: ['sagemaker:CreateNotebookInstance'], resource: R.notebook }],
  needsRuntime: 'console sign-in for the caller, to open the notebook without a presigned URL',
});
