import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { cognitoIdentityPool } from './cognito-identity-pool.ts';

describe(cognitoIdentityPool.id, () => {
  methodCases(cognitoIdentityPool, missingLastStep, passRoleToOtherService);
});
