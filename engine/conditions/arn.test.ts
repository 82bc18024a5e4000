import { describe, expect, it } from 'vitest';
import { check } from './test-support.ts';

const SRC = 'aws:SourceArn';

describe('ARN operators', () => {
  it('ArnLike and ArnEquals both compare part by part with wildcards', () => {
    for (const op of ['ArnLike', 'ArnEquals']) {
      expect(
        check(
          { [op]: { [SRC]: 'arn:aws:sns:*:111111111111:topic-*' } },
          { [SRC]: 'arn:aws:sns:eu-west-1:111111111111:topic-a' },
        ),
      ).toBe('true');
      expect(
        check(
          { [op]: { [SRC]: 'arn:aws:sns:*:111111111111:topic-*' } },
          { [SRC]: 'arn:aws:sns:eu-west-1:222222222222:topic-a' },
        ),
      ).toBe('false');
    }
  });

  it('a wildcard in an early part does not span colons', () => {
    expect(
      check({ ArnLike: { [SRC]: 'arn:aws:*:topic' } }, { [SRC]: 'arn:aws:sns:eu-west-1:111111111111:topic' }),
    ).toBe('false');
  });

  it('is case-sensitive', () => {
    expect(check({ ArnEquals: { [SRC]: 'arn:aws:s3:::Bucket' } }, { [SRC]: 'arn:aws:s3:::bucket' })).toBe(
      'false',
    );
  });

  it('negated forms and aws:PrincipalArn from the snapshot', () => {
    expect(check({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/admin-*' } })).toBe(
      'true',
    );
    expect(check({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/alice' } })).toBe(
      'false',
    );
    expect(check({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:user/*' } })).toBe(
      'true',
    );
  });
});
