import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { ecsRegisterContainerInstance } from './ecs-register-container-instance.ts';

describe(ecsRegisterContainerInstance.id, () => {
  methodCases(ecsRegisterContainerInstance, missingLastStep, passRoleToOtherService);
});
