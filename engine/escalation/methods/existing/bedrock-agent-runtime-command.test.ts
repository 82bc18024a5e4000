import { describe } from 'vitest';
import { methodCases, missingLastStep, trustsOtherService } from '../method-test-support.ts';
import { bedrockAgentRuntimeCommand } from './bedrock-agent-runtime-command.ts';

describe(bedrockAgentRuntimeCommand.id, () => {
  methodCases(bedrockAgentRuntimeCommand, missingLastStep, trustsOtherService);
});
