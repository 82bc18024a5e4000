import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestKeys } from '../conditions/context.ts';
import type { EvaluationRequest } from '../types.ts';
import { splitArn } from './arn.ts';
import type { PolicyProblem } from './problems.ts';
import {
  compileResourceMatcher,
  matchResourcePatterns,
  resourceMatches,
  sharedResourceMatcher,
} from './resource.ts';

const arnPart = fc.stringMatching(/^[a-z0-9-]{0,8}$/);
const resourcePart = fc.stringMatching(/^[A-Za-z0-9/:._-]{1,30}$/);
const arn = fc
  .tuple(arnPart, arnPart, arnPart, fc.stringMatching(/^\d{0,12}$/), resourcePart)
  .map(
    ([partition, service, region, account, res]) =>
      `arn:${partition || 'aws'}:${service || 's3'}:${region}:${account}:${res}`,
  );

function keysFor(request: Partial<EvaluationRequest['principal']>, context?: Record<string, string>) {
  return new RequestKeys({
    principal: { type: 'User', arn: 'arn:aws:iam::111111111111:user/alice', ...request },
    action: 's3:GetObject',
    resource: { arn: 'arn:aws:s3:::bucket' },
    context,
  });
}

describe('resource matching', () => {
  it('"*" matches anything', () => {
    fc.assert(fc.property(fc.string(), (s) => resourceMatches('*', s)));
  });

  it('an ARN matches itself, and any ARN matches with its resource part wildcarded', () => {
    fc.assert(
      fc.property(arn, (a) => {
        const parts = splitArn(a);
        return resourceMatches(a, a) && resourceMatches(`${parts.slice(0, 5).join(':')}:*`, a);
      }),
    );
  });

  it('is case-sensitive (unlike actions)', () => {
    fc.assert(
      fc.property(
        arn.filter((a) => a.toUpperCase() !== a),
        (a) => !resourceMatches(a.toUpperCase(), a),
      ),
    );
    expect(resourceMatches('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/key')).toBe(false);
  });

  it('wildcards in the first five parts do not cross colons', () => {
    expect(resourceMatches('arn:aws:iam::*:role/x', 'arn:aws:iam::111111111111:role/x')).toBe(true);
    expect(resourceMatches('arn:aws:*:role/x', 'arn:aws:iam::111111111111:role/x')).toBe(false);
    expect(resourceMatches('arn:*:iam::111111111111:role/x', 'arn:aws:iam::111111111111:role/x')).toBe(true);
    expect(resourceMatches('arn:aws:iam::1111*:role/x', 'arn:aws:iam::111111111111:role/x')).toBe(true);
  });

  it('the resource part takes everything after the fifth colon, colons included', () => {
    expect(
      resourceMatches(
        'arn:aws:logs:us-east-1:111111111111:log-group:*',
        'arn:aws:logs:us-east-1:111111111111:log-group:app:log-stream:x',
      ),
    ).toBe(true);
    expect(resourceMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c')).toBe(true);
    expect(resourceMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false);
    expect(resourceMatches('arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket')).toBe(true);
  });

  it('NotResource is the caller’s to apply; policy variables are substituted from the principal', () => {
    const problems: PolicyProblem[] = [];
    const m = compileResourceMatcher(
      ['arn:aws:s3:::home/${aws:username}/*'],
      false,
      true,
      'Resource',
      problems,
    );
    const parts = splitArn('arn:aws:s3:::home/alice/notes.txt');
    expect(matchResourcePatterns(m, parts, keysFor({ name: 'alice' }))).toBe(true);
    expect(matchResourcePatterns(m, parts, keysFor({ name: 'bob' }))).toBe(false);
    // A role has no aws:username: the pattern matches nothing.
    expect(
      matchResourcePatterns(m, parts, keysFor({ type: 'Role', arn: 'arn:aws:iam::111111111111:role/alice' })),
    ).toBe(false);
    expect(problems).toEqual([]);
  });

  it('a variable only known at request time leaves the match unresolved', () => {
    const m = compileResourceMatcher(
      ['arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*'],
      false,
      true,
      'Resource',
      [],
    );
    const parts = splitArn('arn:aws:s3:::b/us-east-1:abc/x');
    const result = matchResourcePatterns(m, parts, keysFor({}));
    expect(Array.isArray(result)).toBe(true);
    expect(
      matchResourcePatterns(m, parts, keysFor({}, { 'cognito-identity.amazonaws.com:sub': 'us-east-1:abc' })),
    ).toBe(true);
  });

  it('substituted values and ${*} are literal, not wildcards', () => {
    const m = compileResourceMatcher(['arn:aws:s3:::b/${aws:username}-${*}'], false, true, 'Resource', []);
    expect(matchResourcePatterns(m, splitArn('arn:aws:s3:::b/al-*'), keysFor({ name: 'al' }))).toBe(true);
    expect(matchResourcePatterns(m, splitArn('arn:aws:s3:::b/al-x'), keysFor({ name: 'al' }))).toBe(false);
    expect(matchResourcePatterns(m, splitArn('arn:aws:s3:::b/a?-*'), keysFor({ name: 'a?' }))).toBe(true);
    expect(matchResourcePatterns(m, splitArn('arn:aws:s3:::b/ab-*'), keysFor({ name: 'a?' }))).toBe(false);
  });

  it('without Version 2012-10-17, ${...} is plain text', () => {
    const m = compileResourceMatcher(['arn:aws:s3:::b/${aws:username}'], false, false, 'Resource', []);
    expect(
      matchResourcePatterns(m, splitArn('arn:aws:s3:::b/${aws:username}'), keysFor({ name: 'alice' })),
    ).toBe(true);
    expect(matchResourcePatterns(m, splitArn('arn:aws:s3:::b/alice'), keysFor({ name: 'alice' }))).toBe(
      false,
    );
  });

  it('warns about patterns that are not full ARNs and rejects wildcard services', () => {
    const problems: PolicyProblem[] = [];
    compileResourceMatcher(['arn:aws:iam::*', 'arn:aws:*:::x', '*'], false, true, 'Resource', problems);
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'error']);
  });
});

describe('shared resource matchers', () => {
  it('statements naming the same resources share one compiled matcher; each still reports its own problems', () => {
    const first = sharedResourceMatcher(['arn:aws:s3:::shared-bucket/*'], false, true, 'A', []);
    const second = sharedResourceMatcher(['arn:aws:s3:::shared-bucket/*'], false, true, 'B', []);
    expect(second).toBe(first);
    expect(sharedResourceMatcher(['arn:aws:s3:::shared-bucket/*'], true, true, 'C', [])).not.toBe(first);
    const problemsA: PolicyProblem[] = [];
    const problemsB: PolicyProblem[] = [];
    sharedResourceMatcher(['not-an-arn'], false, true, 'Statement[0].Resource', problemsA);
    sharedResourceMatcher(['not-an-arn'], false, true, 'Statement[3].Resource', problemsB);
    expect(problemsA.map((p) => p.path)).toEqual(['Statement[0].Resource[0]']);
    expect(problemsB.map((p) => p.path)).toEqual(['Statement[3].Resource[0]']);
  });
});
