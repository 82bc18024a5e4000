import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { bedrockBrowser } from './bedrock-browser.ts';

describe(bedrockBrowser.id, () => {
  methodCases(bedrockBrowser, missingLastStep, passRoleToOtherService);
});
