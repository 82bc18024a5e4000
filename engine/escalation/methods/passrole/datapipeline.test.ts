import { describe } from 'vitest';
import { methodCases, withoutCall } from '../method-test-support.ts';
import { datapipeline } from './datapipeline.ts';

// Without datapipeline:ActivatePipeline the pipeline never runs
// (https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-activate-pipeline.html).
describe(datapipeline.id, () => {
  methodCases(datapipeline, withoutCall('datapipeline:ActivatePipeline'));
});
