import { describe, expect, it } from 'vitest';
import { check, problemsOf } from './test-support.ts';

const MFA = 'aws:MultiFactorAuthPresent';

describe('Bool', () => {
  it('matches booleans and their text, in any case', () => {
    expect(check({ Bool: { [MFA]: 'true' } }, { [MFA]: true })).toBe('true');
    expect(check({ Bool: { [MFA]: true } }, { [MFA]: 'TRUE' })).toBe('true');
    expect(check({ Bool: { [MFA]: 'false' } }, { [MFA]: true })).toBe('false');
  });

  it('a plain Bool does not fire on a missing key; BoolIfExists does', () => {
    expect(check({ Bool: { [MFA]: 'false' } }, {}, { absentKeys: [MFA] })).toBe('false');
    expect(check({ BoolIfExists: { [MFA]: 'false' } }, {}, { absentKeys: [MFA] })).toBe('true');
    expect(check({ BoolIfExists: { [MFA]: 'false' } }, { [MFA]: 'true' })).toBe('false');
  });

  it('rejects values other than true and false', () => {
    expect(problemsOf({ Bool: { [MFA]: 'yes' } })).toHaveLength(1);
  });
});
