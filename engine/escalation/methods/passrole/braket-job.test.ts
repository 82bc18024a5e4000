import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { braketJob } from './braket-job.ts';

describe(braketJob.id, () => {
  methodCases(braketJob, missingLastStep, passRoleToOtherService);
});
