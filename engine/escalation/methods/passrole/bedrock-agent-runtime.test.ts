import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { bedrockAgentRuntime } from './bedrock-agent-runtime.ts';

describe(bedrockAgentRuntime.id, () => {
  methodCases(bedrockAgentRuntime, missingLastStep, passRoleToOtherService);
});
