import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { ecsRunTaskOverride } from './ecs-run-task-override.ts';

describe(ecsRunTaskOverride.id, () => {
  methodCases(ecsRunTaskOverride, missingLastStep, passRoleToOtherService);
});
