import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { omicsWorkflow } from './omics-workflow.ts';

describe(omicsWorkflow.id, () => {
  methodCases(omicsWorkflow, missingLastStep, passRoleToOtherService);
});
