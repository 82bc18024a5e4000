import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { kinesisanalyticsApplication } from './kinesisanalytics-application.ts';

describe(kinesisanalyticsApplication.id, () => {
  methodCases(kinesisanalyticsApplication, missingLastStep, passRoleToOtherService);
});
