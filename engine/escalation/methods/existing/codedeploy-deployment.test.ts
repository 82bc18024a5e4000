import { describe } from 'vitest';
import { methodCases, missingLastStep, trustsOtherService } from '../method-test-support.ts';
import { codedeployDeployment } from './codedeploy-deployment.ts';

describe(codedeployDeployment.id, () => {
  methodCases(codedeployDeployment, missingLastStep, trustsOtherService);
});
