import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { ssmAutomation } from './ssm-automation.ts';

describe(ssmAutomation.id, () => {
  methodCases(ssmAutomation, missingLastStep, passRoleToOtherService);
});
