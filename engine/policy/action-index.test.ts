import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionLookupKeys, actionPatternKey, allowActionKeys } from './action-index.ts';
import { parsePolicy } from './parse.ts';
import { statementCovers } from '../trust/index-trust.ts';

const doc = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });

describe('action index keys', () => {
  it('keys exact actions, action-part wildcards by service, and the rest as *', () => {
    expect(actionPatternKey('s3:GetObject')).toBe('s3:getobject');
    expect(actionPatternKey('S3:Get*')).toBe('s3:*');
    expect(actionPatternKey('s3:*')).toBe('s3:*');
    expect(actionPatternKey('s?:GetObject')).toBe('*');
    expect(actionPatternKey('*')).toBe('*');
    expect(actionLookupKeys('s3:GetObject')).toEqual(['*', 's3:getobject', 's3:*']);
  });

  it('indexes Allow statements only; NotAction can match any service', () => {
    expect(
      allowActionKeys(
        doc(
          { Effect: 'Allow', Action: ['s3:GetObject', 'ec2:Describe*'], Resource: '*' },
          { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
        ),
      ),
    ).toEqual(['ec2:*', 's3:getobject']);
    expect(allowActionKeys(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))).toEqual(['*']);
    expect(allowActionKeys(doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }))).toEqual([]);
  });

  const part = fc.stringMatching(/^[a-z0-9*?]{1,4}$/);
  it('never misses a policy whose Allow covers the action (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(part, part), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.stringMatching(/^[a-z0-9]{1,4}$/),
        fc.stringMatching(/^[a-z0-9]{1,4}$/),
        (patterns, negated, service, name) => {
          const document = doc({
            Effect: 'Allow',
            [negated ? 'NotAction' : 'Action']: patterns.map(([s, a]) => `${s}:${a}`),
            Resource: '*',
          });
          const action = `${service}:${name}`;
          const st = parsePolicy(document).statements[0]!;
          if (!statementCovers(st, action)) return;
          const keys = new Set(allowActionKeys(document));
          expect(actionLookupKeys(action).some((k) => keys.has(k))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
