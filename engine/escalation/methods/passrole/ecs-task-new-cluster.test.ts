import { describe } from 'vitest';
import { methodCases, withoutCall, passRoleToOtherService } from '../method-test-support.ts';
import { ecsTaskNewCluster } from './ecs-task-new-cluster.ts';

describe(ecsTaskNewCluster.id, () => {
  methodCases(ecsTaskNewCluster, withoutCall('ecs:CreateCluster'), passRoleToOtherService);
});
