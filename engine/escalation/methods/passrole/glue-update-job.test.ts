import { describe } from 'vitest';
import { methodCases, withoutCall, passRoleToOtherService } from '../method-test-support.ts';
import { glueUpdateJob } from './glue-update-job.ts';

describe(glueUpdateJob.id, () => {
  methodCases(glueUpdateJob, withoutCall('glue:UpdateJob'), passRoleToOtherService);
});
