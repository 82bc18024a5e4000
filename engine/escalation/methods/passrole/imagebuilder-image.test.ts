import { describe } from 'vitest';
import { methodCases, missingLastStep, passRoleToOtherService } from '../method-test-support.ts';
import { imagebuilderImage } from './imagebuilder-image.ts';

describe(imagebuilderImage.id, () => {
  methodCases(imagebuilderImage, missingLastStep, passRoleToOtherService);
});
