import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { emrServerlessJobRun } from './emr-serverless-job-run.ts';

describe(emrServerlessJobRun.id, () => {
  methodCases(emrServerlessJobRun, missingLastStep, passRoleToOtherService);
});
