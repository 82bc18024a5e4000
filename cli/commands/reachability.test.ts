/** who-can-assume, reachable and paths: options read and results rendered, without a database. */
import { describe, expect, it } from 'vitest';
import type { Hop, ReachEntry } from '../../query/index.ts';
import { CliError } from '../output.ts';
import * as paths from './paths.ts';
import * as reachable from './reachable.ts';
import * as whoCanAssume from './who-can-assume.ts';

const USER = 'arn:aws:iam::111111111111:user/dev/bob';
const ROLE = 'arn:aws:iam::222222222222:role/deploy';
const snapshot = { id: 'snap-1', name: 'nightly' };

const hop: Hop = {
  type: 'CAN_ASSUME',
  from: USER,
  fromKind: 'User',
  to: ROLE,
  actions: ['sts:AssumeRole'],
  mechanism: 'AssumeRole',
  via: 'trust',
  conditional: true,
  conditions: [
    {
      key: 'aws:MultiFactorAuthPresent',
      operator: 'Bool',
      values: ['true'],
      mustHold: true,
      assumption: 'mfa',
    },
  ],
  evidence: [],
  orgPolicyIds: [],
  crossAccount: true,
  crossOrganization: false,
  roleChaining: false,
  reasons: [],
  chain: [],
};
const entry: ReachEntry = {
  node: { key: USER, kind: 'User' },
  length: 1,
  conditional: true,
  crossAccount: true,
  conditionKeys: ['aws:MultiFactorAuthPresent'],
  hops: [hop],
};

describe('who-can-assume', () => {
  it('passes the options on as the query arguments, with the defaults the options declare', async () => {
    await expect(whoCanAssume.parse({ role: ROLE, maxHops: '3' })).resolves.toEqual({
      role: ROLE,
      maxHops: 3,
    });
    await expect(
      whoCanAssume.parse({ role: ROLE, maxHops: '2', limit: '5', without: ['mfa'] }),
    ).resolves.toEqual({
      role: ROLE,
      maxHops: 2,
      limit: 5,
      assumptions: { mfa: false },
    });
    await expect(whoCanAssume.parse({ role: ROLE, maxHops: '3', limit: '1001' })).rejects.toThrow(CliError);
  });

  it('prints each principal with its path and conditions, and says when the list stopped', () => {
    const result = {
      role: { key: ROLE, kind: 'Role' as const },
      maxHops: 3,
      limit: 1,
      truncated: true,
      principals: [entry],
    };
    expect(whoCanAssume.render(result, { snapshot })).toBe(
      [
        `1 principal(s) can assume ${ROLE} within 3 hops (snapshot snap-1 "nightly"):`,
        `${USER} (User)  1 hop, conditional`,
        `    → ${ROLE}  (AssumeRole, cross-account) [needs aws:MultiFactorAuthPresent = true]`,
        '(stopped at 1 results: raise --limit or lower --max-hops)',
        '',
      ].join('\n'),
    );
    expect(whoCanAssume.render({ ...result, principals: [], truncated: false }, { snapshot })).toBe(
      `Nobody can assume ${ROLE} within 3 hops (snapshot snap-1 "nightly").\n`,
    );
  });

  it('prints the result as is with --json', () => {
    const result = {
      role: { key: ROLE, kind: 'Role' as const },
      maxHops: 1,
      limit: 10,
      truncated: false,
      principals: [],
    };
    expect(JSON.parse(whoCanAssume.render(result, { json: true, snapshot }))).toEqual(result);
  });
});

describe('reachable', () => {
  it('takes --from as the principal', async () => {
    await expect(reachable.parse({ from: '*', maxHops: '1' })).resolves.toEqual({
      principal: '*',
      maxHops: 1,
    });
  });

  it('says when nothing is reached', () => {
    const r = {
      from: { key: USER, kind: 'User' as const },
      maxHops: 1,
      limit: 200,
      truncated: false,
      roles: [],
    };
    expect(reachable.render(r, { snapshot: { id: 's', name: 's' } })).toBe(
      `${USER} can assume no role within 1 hop (snapshot s).\n`,
    );
  });
});

describe('paths', () => {
  it('numbers the paths and starts each at its first node', () => {
    const r = {
      from: { key: USER, kind: 'User' as const },
      to: { key: ROLE, kind: 'Role' as const },
      maxHops: 4,
      limit: 10,
      paths: [
        {
          length: 1,
          conditional: true,
          crossAccount: true,
          conditionKeys: ['aws:MultiFactorAuthPresent'],
          nodes: [
            { key: USER, kind: 'User' as const },
            { key: ROLE, kind: 'Role' as const },
          ],
          hops: [hop],
        },
      ],
    };
    expect(paths.render(r, { snapshot }).split('\n').slice(0, 3)).toEqual([
      `1 path(s) from ${USER} to ${ROLE} (snapshot snap-1 "nightly"):`,
      'Path 1: 1 hop, conditional, crosses accounts',
      `    ${USER} (User)`,
    ]);
  });
});
