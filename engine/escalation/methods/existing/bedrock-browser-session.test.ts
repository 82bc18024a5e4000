import { describe } from 'vitest';
import { methodCases, missingLastStep, trustsOtherService } from '../method-test-support.ts';
import { bedrockBrowserSession } from './bedrock-browser-session.ts';

describe(bedrockBrowserSession.id, () => {
  methodCases(bedrockBrowserSession, missingLastStep, trustsOtherService);
});
