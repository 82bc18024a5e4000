/** who-can-access, can-access and external-access: options read and results rendered, without a database. */
import { describe, expect, it } from 'vitest';
import type { ExternalAccessResult, Hop, WhoCanAccessResult } from '../../query/index.ts';
import { CliError } from '../output.ts';
import * as canAccess from './can-access.ts';
import * as externalAccess from './external-access.ts';
import * as whoCanAccess from './who-can-access.ts';

const BUCKET = 'arn:aws:s3:::shared-data';
const ROLE = 'arn:aws:iam::111111111111:role/reader';
const USER = 'arn:aws:iam::111111111111:user/dev/bob';
const snapshot = { id: 'snap-1', name: 'nightly' };

const base = {
  actions: [],
  conditional: false,
  conditions: [],
  evidence: [],
  orgPolicyIds: [],
  crossAccount: false,
  crossOrganization: false,
  roleChaining: false,
  reasons: [],
  chain: [],
};
const access: Hop = {
  ...base,
  type: 'CAN_ACCESS',
  from: ROLE,
  to: BUCKET,
  level: 'read',
  via: 'resource-policy',
  actions: ['s3:GetObject'],
  evidence: [
    { policyId: BUCKET, policyKind: 'resource', statementIndex: 2, sid: 'Readers', effect: 'Allow' },
  ],
};
const assume: Hop = { ...base, type: 'CAN_ASSUME', from: USER, to: ROLE, mechanism: 'AssumeRole' };

describe('who-can-access', () => {
  it('passes the options on as the query arguments, and names the option of a bad value', async () => {
    await expect(
      whoCanAccess.parse({ resource: BUCKET, maxHops: '4', level: 'read' }),
    ).resolves.toMatchObject({
      resource: BUCKET,
      level: 'read',
      maxHops: 4,
      includePaths: true,
    });
    await expect(whoCanAccess.parse({ resource: BUCKET, maxHops: '4', direct: true })).resolves.toMatchObject(
      {
        includePaths: false,
      },
    );
    await expect(whoCanAccess.parse({ resource: BUCKET, maxHops: '4', level: 'admin' })).rejects.toThrow(
      /--level: a level is one of read, write/,
    );
    await expect(whoCanAccess.parse({ resource: 'bucket', maxHops: '4' })).rejects.toThrow(CliError);
  });

  it('prints the direct callers with the statement that allows them, then the paths ending in the access', () => {
    const r: WhoCanAccessResult = {
      resource: { key: BUCKET, kind: 'Resource', type: 's3-bucket' },
      maxHops: 4,
      limit: 200,
      truncated: false,
      direct: [
        {
          node: { key: ROLE, kind: 'Role' },
          level: 'read',
          length: 1,
          conditional: false,
          crossAccount: false,
          conditionKeys: [],
          hops: [access],
        },
      ],
      viaPaths: [
        {
          node: { key: USER, kind: 'User' },
          level: 'read',
          length: 2,
          conditional: false,
          crossAccount: false,
          conditionKeys: [],
          hops: [assume, access],
        },
      ],
      people: [],
    };
    const out = whoCanAccess.render(r, { snapshot });
    expect(out).toContain(`1 direct access edge(s) to ${BUCKET} (snapshot snap-1 "nightly"):`);
    expect(out).toContain(`allowed by: resource ${BUCKET} #2 (Readers)`);
    expect(out).toContain(`${USER} (User)  read, 2 hops`);
    expect(out).toContain(`→ ${BUCKET}  (read access by resource-policy, same account)`);
    expect(JSON.parse(whoCanAccess.render(r, { json: true, snapshot }))).toEqual(r);
    expect(whoCanAccess.render({ ...r, direct: [], viaPaths: [] }, { snapshot })).toBe(
      `Nobody can access ${BUCKET} (snapshot snap-1 "nightly").\n`,
    );
  });
});

describe('can-access', () => {
  it('reads the principal and level, and prints each resource with its path', async () => {
    await expect(canAccess.parse({ principal: USER, maxHops: '4', level: 'write' })).resolves.toMatchObject({
      principal: USER,
      level: 'write',
    });
    const out = canAccess.render(
      {
        principal: { key: USER, kind: 'User' },
        maxHops: 4,
        limit: 200,
        truncated: true,
        resources: [
          {
            resource: { key: BUCKET, kind: 'Resource', type: 's3-bucket' },
            level: 'read',
            length: 2,
            conditional: false,
            crossAccount: false,
            conditionKeys: [],
            hops: [assume, access],
          },
        ],
      },
      { snapshot },
    );
    expect(out).toContain(`${BUCKET} (s3-bucket)  read, 2 hops`);
    expect(out).toContain('(not all listed: stopped at 200');
  });
});

describe('external-access', () => {
  it('reads the filters, --public as publicOnly', async () => {
    await expect(
      externalAccess.parse({ public: true, type: 'kms-key', zone: 'account' }),
    ).resolves.toMatchObject({
      publicOnly: true,
      type: 'kms-key',
      zone: 'account',
    });
    await expect(externalAccess.parse({ zone: 'region' })).rejects.toThrow(
      /--zone: a zone of trust is account or organization/,
    );
    await expect(externalAccess.parse({ type: 'bucket' })).rejects.toThrow(
      /--type: a resource type is one of s3-bucket/,
    );
  });

  it('prints each finding with its caller, level, conditions and statement', () => {
    const r: ExternalAccessResult = {
      total: 1,
      offset: 0,
      limit: 200,
      items: [
        {
          finding: {
            id: 'f1',
            kind: 'external-access',
            severity: 'high',
            title: 't',
            why: 'w',
            subjects: [],
            evidence: {},
          },
          resource: { key: BUCKET, kind: 'Resource', type: 's3-bucket' },
          caller: { key: '999999999999', kind: 'Account' },
          level: 'read',
          actions: ['s3:GetObject'],
          public: false,
          statement: {
            policyId: BUCKET,
            policyKind: 'resource',
            statementIndex: 0,
            sid: 'Vendor',
            effect: 'Allow',
          },
          conditions: [
            {
              key: 'aws:SourceVpce',
              operator: 'StringEquals',
              values: ['vpce-1'],
              mustHold: true,
              assumption: 'network',
            },
          ],
          zoneOfTrust: 'organization',
        },
      ],
    };
    const out = externalAccess.render(r, { snapshot });
    expect(out).toContain(`[high] external-access  ${BUCKET} (s3-bucket)`);
    expect(out).toContain('999999999999 (Account): read s3:GetObject [needs aws:SourceVpce = vpce-1]');
    expect(out).toContain(`statement 0 (Vendor) of ${BUCKET}`);
    expect(externalAccess.render({ ...r, total: 0, items: [] }, { snapshot })).toMatch(
      /^No public or external access/,
    );
  });
});
