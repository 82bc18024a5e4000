import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from './test-support.ts';

const KEY = 'aws:RequestTag/env';

describe('string operators', () => {
  it('StringEquals is case-sensitive; StringEqualsIgnoreCase is not', () => {
    expect(check({ StringEquals: { [KEY]: 'Prod' } }, { [KEY]: 'Prod' })).toBe('true');
    expect(check({ StringEquals: { [KEY]: 'Prod' } }, { [KEY]: 'prod' })).toBe('false');
    expect(check({ StringEqualsIgnoreCase: { [KEY]: 'Prod' } }, { [KEY]: 'pROD' })).toBe('true');
    expect(check({ StringNotEqualsIgnoreCase: { [KEY]: 'Prod' } }, { [KEY]: 'pROD' })).toBe('false');
  });

  it('StringEquals treats * as a literal; StringLike as a wildcard', () => {
    expect(check({ StringEquals: { [KEY]: 'p*' } }, { [KEY]: 'prod' })).toBe('false');
    expect(check({ StringEquals: { [KEY]: 'p*' } }, { [KEY]: 'p*' })).toBe('true');
    expect(check({ StringLike: { [KEY]: 'p?o*' } }, { [KEY]: 'prod' })).toBe('true');
    expect(check({ StringLike: { [KEY]: 'P*' } }, { [KEY]: 'prod' })).toBe('false');
    expect(check({ StringNotLike: { [KEY]: ['dev*', 'test*'] } }, { [KEY]: 'prod' })).toBe('true');
    expect(check({ StringNotLike: { [KEY]: ['dev*', 'prod*'] } }, { [KEY]: 'prod' })).toBe('false');
  });

  it('several values are alternatives (OR); negated operators hold when none matches (NOR)', () => {
    expect(check({ StringEquals: { [KEY]: ['dev', 'prod'] } }, { [KEY]: 'prod' })).toBe('true');
    expect(check({ StringNotEquals: { [KEY]: ['dev', 'prod'] } }, { [KEY]: 'prod' })).toBe('false');
    expect(check({ StringNotEquals: { [KEY]: ['dev', 'test'] } }, { [KEY]: 'prod' })).toBe('true');
  });

  it('substitutes policy variables in values, literally', () => {
    expect(check({ StringLike: { 's3:prefix': '${aws:username}/*' } }, { 's3:prefix': 'alice/docs' })).toBe(
      'true',
    );
    expect(check({ StringLike: { 's3:prefix': '${aws:username}/*' } }, { 's3:prefix': 'bob/docs' })).toBe(
      'false',
    );
    expect(
      check(
        { StringEquals: { [KEY]: '${aws:PrincipalTag/env}' } },
        { [KEY]: 'prod' },
        { principal: { tags: { env: 'prod' } } },
      ),
    ).toBe('true');
    // Without Version 2012-10-17 the variable is plain text.
    expect(
      check(
        { StringEquals: { [KEY]: '${aws:username}' } },
        { [KEY]: '${aws:username}' },
        { variables: false },
      ),
    ).toBe('true');
  });

  it('a value whose variable has no value fails the condition; a request-time one leaves it unknown', () => {
    const role = { type: 'Role' as const, arn: 'arn:aws:iam::111111111111:role/r' };
    expect(check({ StringEquals: { [KEY]: '${aws:username}' } }, { [KEY]: 'x' }, { principal: role })).toBe(
      'false',
    );
    expect(
      check({ StringNotEquals: { [KEY]: '${aws:username}' } }, { [KEY]: 'x' }, { principal: role }),
    ).toBe('false');
    expect(
      check({ StringEquals: { [KEY]: "${aws:username, 'x'}" } }, { [KEY]: 'x' }, { principal: role }),
    ).toBe('true');
    expect(check({ StringEquals: { [KEY]: '${aws:SourceIdentity}' } }, { [KEY]: 'x' })).toBe('unknown');
  });

  it('negations are complements when the key is present', () => {
    const pairs = [
      ['StringEquals', 'StringNotEquals'],
      ['StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase'],
      ['StringLike', 'StringNotLike'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.array(fc.stringMatching(/^[a-cA-C*?]{0,4}$/), { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-cA-C]{0,4}$/),
        ([positive, negative], values, actual) =>
          (check({ [positive]: { [KEY]: values } }, { [KEY]: actual }) === 'true') ===
          (check({ [negative]: { [KEY]: values } }, { [KEY]: actual }) === 'false'),
      ),
    );
  });
});
