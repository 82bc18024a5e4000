import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { glueSession } from './glue-session.ts';

describe(glueSession.id, () => {
  methodCases(glueSession, missingLastStep, passRoleToOtherService);
});
