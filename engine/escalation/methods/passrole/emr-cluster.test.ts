import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { emrCluster } from './emr-cluster.ts';

describe(emrCluster.id, () => {
  methodCases(emrCluster, missingLastStep, passRoleToOtherService);
});
