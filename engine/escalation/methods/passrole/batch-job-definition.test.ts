import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { batchJobDefinition } from './batch-job-definition.ts';

describe(batchJobDefinition.id, () => {
  methodCases(batchJobDefinition, missingLastStep, passRoleToOtherService);
});
