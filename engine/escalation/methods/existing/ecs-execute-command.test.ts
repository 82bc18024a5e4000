import { describe } from 'vitest';
import { methodCases, missingLastStep, trustsOtherService } from '../method-test-support.ts';
import { ecsExecuteCommand } from './ecs-execute-command.ts';

describe(ecsExecuteCommand.id, () => {
  methodCases(ecsExecuteCommand, missingLastStep, trustsOtherService);
});
