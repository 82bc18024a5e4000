/** person-reach and people-who-can-reach: options read and results rendered, without a database. */
import { describe, expect, it } from 'vitest';
import type { PeopleWhoCanReachResult, PersonReachEntry, PersonReachResult } from '../../query/index.ts';
import { CliError } from '../output.ts';
import * as peopleWhoCanReach from './people-who-can-reach.ts';
import * as personReach from './person-reach.ts';

const snapshot = { id: 'snap-1', name: 'nightly' };
const ADMIN =
  'arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_1317f6d30f9a50e2';
const OPS = 'arn:aws:iam::444444444444:role/ops';
const person = {
  key: 'person/d-1/u-1',
  id: 'u-1',
  name: 'zoe@example.com',
  userName: 'zoe@example.com',
  displayName: 'Zoe Adams',
  emails: [],
  status: 'ENABLED',
};
const signIn = {
  role: { key: ADMIN, kind: 'Role' as const, admin: true, accountId: '444444444444' },
  accountId: '444444444444',
  permissionSets: ['AdministratorAccess'],
  groups: [],
  direct: true,
};
const way: PersonReachEntry = {
  node: { key: '444444444444', kind: 'Account', accountId: '444444444444' },
  length: 0,
  signIn,
  path: [ADMIN],
  adminOf: '444444444444',
  how: 'sign-in',
  conditional: false,
};

describe('person-reach', () => {
  it('checks options with the query schema before connecting', async () => {
    await expect(personReach.parse({ person: 'zoe', maxHops: '2' })).resolves.toEqual({
      person: 'zoe',
      maxHops: 2,
      limit: 200,
    });
    await expect(personReach.parse({ person: 'zoe', maxHops: '9' })).rejects.toThrow(CliError);
    await expect(personReach.parse({ person: 'zoe', maxHops: '9' })).rejects.toThrow(
      /--max-hops must be at most 8/,
    );
  });

  it('says what the person signs in as, what else they reach and which accounts they administer', () => {
    const r: PersonReachResult = {
      person,
      signIns: [signIn],
      reach: [
        { ...way, node: signIn.role, how: 'sign-in' },
        {
          node: { key: OPS, kind: 'Role' },
          length: 1,
          signIn,
          path: [ADMIN, OPS],
          how: 'assume',
          conditional: true,
        },
      ],
      admin: [way],
      truncated: false,
    };
    expect(personReach.render(r, { json: false, snapshot })).toBe(
      [
        'Zoe Adams (zoe@example.com) in snapshot snap-1 "nightly":',
        '  signs in as 1 role(s):',
        `    ${ADMIN} [admin]  (AdministratorAccess in 444444444444, assigned directly)`,
        '  then assumes 1 more role(s):',
        `    ${OPS}  1 hop: ${ADMIN} → ${OPS} [conditional]  (signs in with AdministratorAccess in 444444444444, assigned directly)`,
        '  administrator of 1 account(s):',
        `    444444444444 (sign-in, 0 hops): ${ADMIN}  (signs in with AdministratorAccess in 444444444444, assigned directly)`,
        '',
      ].join('\n'),
    );
    expect(JSON.parse(personReach.render(r, { json: true, snapshot }))).toEqual(r);
  });
});

describe('people-who-can-reach', () => {
  it('takes --account only with --role admin', async () => {
    await expect(peopleWhoCanReach.parse({ role: 'admin', account: '444444444444' })).resolves.toEqual({
      role: 'admin',
      account: '444444444444',
      maxHops: 4,
    });
    await expect(peopleWhoCanReach.parse({ role: OPS, account: '444444444444' })).rejects.toThrow(
      /--account goes with role "admin"/,
    );
    await expect(peopleWhoCanReach.parse({ role: 'admin', account: '4444' })).rejects.toThrow(/12 digits/);
  });

  it('lists people with their way, then by group', () => {
    const r: PeopleWhoCanReachResult = {
      target: 'admin',
      account: '444444444444',
      people: [{ person, way }],
      byGroup: [{ group: '(direct)', people: ['zoe@example.com'] }],
    };
    expect(peopleWhoCanReach.render(r, { json: false, snapshot })).toBe(
      [
        '1 people can reach administrator of account 444444444444 (snapshot snap-1 "nightly"):',
        `  zoe@example.com: ${ADMIN}  (signs in with AdministratorAccess in 444444444444, assigned directly)`,
        'By group:',
        '  (direct): zoe@example.com',
        '',
      ].join('\n'),
    );
    expect(peopleWhoCanReach.render({ ...r, people: [], byGroup: [] }, { json: false, snapshot })).toMatch(
      /^No person can reach/,
    );
  });
});
