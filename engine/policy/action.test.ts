import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionApplies,
  actionMatches,
  compileActionMatcher,
  expandActions,
  isKnownAction,
} from './action.ts';
import type { PolicyProblem } from './problems.ts';

function matcher(values: string[], negated = false) {
  const problems: PolicyProblem[] = [];
  return { m: compileActionMatcher(values, negated, 'Action', problems), problems };
}

const actionName = fc.tuple(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,20}$/),
);

function randomCase(s: string, flips: boolean[]): string {
  return [...s]
    .map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c.toLowerCase()))
    .join('');
}

describe('action matching', () => {
  it('is case-insensitive in pattern and action', () => {
    fc.assert(
      fc.property(
        actionName,
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        ([service, name], f1, f2) => {
          const action = `${service}:${name}`;
          return actionMatches(randomCase(action, f1), randomCase(action, f2));
        },
      ),
    );
  });

  it('a wildcarded action pattern matches the action it came from', () => {
    fc.assert(
      fc.property(actionName, fc.nat(), fc.nat(), ([service, name], at, len) => {
        const i = at % name.length;
        const pattern = `${service}:${name.slice(0, i)}*${name.slice(i + (len % 3))}`;
        return actionMatches(pattern, `${service}:${name}`);
      }),
    );
  });

  it('matches wildcards within the action name', () => {
    expect(actionMatches('sts:AssumeRole*', 'sts:AssumeRoleWithSAML')).toBe(true);
    expect(actionMatches('iam:*Policy', 'iam:PutRolePolicy')).toBe(true);
    expect(actionMatches('iam:Get?', 'iam:GetUser')).toBe(false);
    expect(actionMatches('s3:Get*', 'S3:getobject')).toBe(true);
    expect(actionMatches('s3:GetObject', 's3:GetObjectAcl')).toBe(false);
  });

  it('NotAction applies to every action it does not list', () => {
    const { m } = matcher(['iam:*', 'sts:AssumeRole'], true);
    expect(actionApplies(m, 's3:getobject')).toBe(true);
    expect(actionApplies(m, 'iam:createuser')).toBe(false);
    expect(actionApplies(m, 'sts:assumerole')).toBe(false);
    expect(actionApplies(m, 'sts:assumerolewithsaml')).toBe(true);
  });

  it('reports malformed actions', () => {
    expect(matcher(['iam']).problems[0]?.message).toMatch(/not an action/);
    expect(matcher(['s3:GetObject, s3:PutObject']).problems).toHaveLength(1);
    expect(matcher([' s3:GetObject']).problems[0]?.message).toMatch(/whitespace/);
    expect(matcher(['*', 'ec2:Describe*']).problems).toEqual([]);
  });

  it('expands patterns against the AWS action catalog', async () => {
    const assume = await expandActions('sts:AssumeRole*');
    expect(assume).toEqual(
      expect.arrayContaining(['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity']),
    );
    expect(assume.every((a) => a.startsWith('sts:AssumeRole'))).toBe(true);
    expect(await expandActions('iam:PassRole')).toEqual(['iam:PassRole']);
    expect(await expandActions('nosuchservice:*')).toEqual([]);
    expect(await expandActions('no-colon')).toEqual([]);
  });

  it('knows which actions exist', async () => {
    expect(await isKnownAction('iam:CreateAccessKey')).toBe(true);
    expect(await isKnownAction('IAM:createaccesskey')).toBe(true);
    expect(await isKnownAction('iam:CreateAccessKeys')).toBe(false);
    expect(await isKnownAction('nosuchservice:Get')).toBe(false);
    expect(await isKnownAction('../../package:x')).toBe(false);
  });
});
