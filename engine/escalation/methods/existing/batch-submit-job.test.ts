import { describe } from 'vitest';
import { methodCases, missingLastStep, trustsOtherService } from '../method-test-support.ts';
import { batchSubmitJob } from './batch-submit-job.ts';

describe(batchSubmitJob.id, () => {
  methodCases(batchSubmitJob, missingLastStep, trustsOtherService);
});
