import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { gameliftFleet } from './gamelift-fleet.ts';

describe(gameliftFleet.id, () => {
  methodCases(gameliftFleet, missingLastStep, passRoleToOtherService);
});
