import { describe } from 'vitest';
import { methodCases, passRoleToOtherService, withoutCall } from '../method-test-support.ts';
import { sagemakerNotebookConsole } from './sagemaker-notebook-console.ts';

describe(sagemakerNotebookConsole.id, () => {
  methodCases(
    sagemakerNotebookConsole,
    withoutCall('sagemaker:CreateNotebookInstance'),
    passRoleToOtherService,
  );
});
