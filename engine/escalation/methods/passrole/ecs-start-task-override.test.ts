import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { ecsStartTaskOverride } from './ecs-start-task-override.ts';

describe(ecsStartTaskOverride.id, () => {
  methodCases(ecsStartTaskOverride, missingLastStep, passRoleToOtherService);
});
