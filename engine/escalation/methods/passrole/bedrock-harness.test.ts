import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { bedrockHarness } from './bedrock-harness.ts';

describe(bedrockHarness.id, () => {
  methodCases(bedrockHarness, missingLastStep, passRoleToOtherService);
});
