import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { batchNewEnvironment } from './batch-new-environment.ts';

describe(batchNewEnvironment.id, () => {
  methodCases(batchNewEnvironment, missingLastStep, passRoleToOtherService);
});
