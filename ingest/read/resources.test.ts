/**
 * ACCOUNT.resources.json through the real reader (docs/graph-model.md#input-files):
 * what loads into the model, what loads with a warning, what is refused with
 * the file, the JSON path and what would fix it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshot } from './index.ts';
import {
  A,
  B,
  authorizationDetails,
  problemsOf,
  removeInputs,
  role,
  urlEncode,
  writeInputs,
} from './testing.ts';

afterAll(removeInputs);

const bucketPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }],
};
const iam = authorizationDetails({ roles: [role(A, 'app')] });
const bucket = 'arn:aws:s3:::site';
const queue = `arn:aws:sqs:eu-west-1:${A}:jobs`;

async function read(files: Record<string, unknown>) {
  const dir = await writeInputs({ 'iam.json': iam, ...files });
  const result = await readSnapshot([dir]);
  const warnings = result.warnings.map((w) => ({ ...w, file: w.file.replace(`${dir}/`, '') }));
  return { ...result, warnings, dir };
}

describe('resources files: what loads', () => {
  it('reads type, account, Region, name, policy, settings, tags and where each came from', async () => {
    const { model, files, dir } = await read({
      [`${A}.resources.json`]: {
        accountSettings: { s3PublicAccessBlock: { BlockPublicPolicy: true, RestrictPublicBuckets: true } },
        resources: [
          {
            arn: bucket,
            policy: bucketPolicy,
            settings: {
              publicAccessBlock: { BlockPublicAcls: true },
              objectOwnership: 'BucketOwnerEnforced',
            },
            tags: { team: 'web' },
          },
          { arn: queue, policy: JSON.stringify(bucketPolicy), tags: [{ Key: 'team', Value: 'jobs' }] },
          {
            arn: `arn:aws:kms:eu-west-1:${A}:key/k1`,
            policy: urlEncode(bucketPolicy),
            settings: { keyManager: 'CUSTOMER' },
          },
          {
            arn: `arn:aws:lambda:eu-west-1:${A}:function:f`,
            policy: null,
            settings: { roleArn: `arn:aws:iam::${A}:role/app`, Runtime: 'nodejs20.x' },
          },
        ],
      },
    });
    expect(files.find((f) => f.path.endsWith('.resources.json'))?.kind).toBe('resources');
    expect(model.sources.find((s) => s.kind === 'resources')).toMatchObject({ accountId: A });
    const [s3, sqs, kms, lambda] = model.resources ?? [];
    expect(s3).toEqual({
      arn: bucket,
      type: 's3-bucket',
      accountId: A,
      name: 'site',
      policy: bucketPolicy,
      settings: {
        publicAccessBlock: { BlockPublicAcls: true },
        objectOwnership: 'BucketOwnerEnforced',
        // The account's Block Public Access, copied to each bucket.
        accountPublicAccessBlock: { BlockPublicPolicy: true, RestrictPublicBuckets: true },
      },
      tags: [{ key: 'team', value: 'web' }],
      sensitive: false,
      source: { path: `${dir}/${A}.resources.json`, jsonPath: 'resources[0]' },
    });
    expect(sqs).toMatchObject({ type: 'sqs-queue', region: 'eu-west-1', name: 'jobs', policy: bucketPolicy });
    expect(sqs?.tags).toEqual([{ key: 'team', value: 'jobs' }]);
    expect(sqs?.settings.accountPublicAccessBlock).toBeUndefined();
    expect(kms).toMatchObject({
      type: 'kms-key',
      policy: bucketPolicy,
      settings: { keyManager: 'CUSTOMER' },
    });
    expect(lambda?.policy).toBeUndefined();
    // Settings the analysis does not read are kept as given.
    expect(lambda?.settings).toEqual({ roleArn: `arn:aws:iam::${A}:role/app`, Runtime: 'nodejs20.x' });
  });

  it('takes the account from "accountId" when the name has none, and marks sensitive by flag or tag', async () => {
    const { model } = await read({
      'prod-resources.json': {
        accountId: A,
        resources: [
          { arn: bucket, sensitive: true },
          { arn: 'arn:aws:s3:::b2', tags: { 'iamatlas:sensitive': 'TRUE' } },
          { arn: 'arn:aws:s3:::b3', tags: { 'iamatlas:sensitive': 'no' } },
        ],
      },
    });
    expect(model.resources?.map((r) => [r.name, r.accountId, r.sensitive])).toEqual([
      ['site', A, true],
      ['b2', A, true],
      ['b3', A, false],
    ]);
  });

  it('reads a file without resources as none, and a snapshot without resources files without the key', async () => {
    expect((await read({ [`${A}.resources.json`]: { resources: [] } })).model.resources).toBeUndefined();
    expect((await read({})).model.resources).toBeUndefined();
  });
});

describe('resources files: odd input loads with a warning', () => {
  it('a type IAM Atlas does not analyse is kept as `other`', async () => {
    const { model, warnings } = await read({
      [`${A}.resources.json`]: { resources: [{ arn: `arn:aws:dynamodb:eu-west-1:${A}:table/t` }] },
    });
    expect(model.resources?.[0]).toMatchObject({ type: 'other', name: 'table/t' });
    expect(warnings).toContainEqual(
      expect.objectContaining({
        file: `${A}.resources.json`,
        jsonPath: 'resources[0].arn',
        message: expect.stringContaining('does not analyse (service dynamodb)'),
      }),
    );
  });

  it("an ARN of another account than the file's is read as the ARN's account", async () => {
    const { model, warnings } = await read({
      [`${A}.resources.json`]: { resources: [{ arn: `arn:aws:sqs:eu-west-1:${B}:q` }] },
    });
    expect(model.resources?.[0]?.accountId).toBe(B);
    expect(warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(`account ${B}'s, but the file is account ${A}'s`),
    );
    // B has no IAM data: its Account is still in the model, with a warning.
    expect(model.accounts.find((a) => a.id === B)).toMatchObject({ hasIamData: false });
  });

  it('the same ARN twice: the first entry is read', async () => {
    const { model, warnings } = await read({
      [`${A}.resources.json`]: { resources: [{ arn: queue, sensitive: true }, { arn: queue }] },
      'later.resources.json': { accountId: A, resources: [{ arn: queue }] },
    });
    expect(model.resources).toHaveLength(1);
    expect(model.resources?.[0]?.sensitive).toBe(true);
    expect(
      warnings.filter((w) => w.message.includes('listed twice') || w.message.includes('is also in')),
    ).toHaveLength(2);
  });

  it('"accountId" disagreeing with the file name: the key wins', async () => {
    const { model, warnings } = await read({
      [`${B}.resources.json`]: { accountId: A, resources: [{ arn: bucket }] },
    });
    expect(model.resources?.[0]?.accountId).toBe(A);
    expect(warnings).toContainEqual(expect.objectContaining({ jsonPath: 'accountId' }));
  });
});

describe('resources files: refused with the place and the fix', () => {
  const file = `${A}.resources.json`;
  const refused = async (resources: unknown, top: Record<string, unknown> = {}) =>
    problemsOf({ 'iam.json': iam, [file]: { ...top, resources } });

  it('a policy that is not a policy document', async () => {
    expect(await refused([{ arn: bucket }, { arn: queue, policy: '{"Version": ' }])).toEqual([
      expect.objectContaining({
        file,
        jsonPath: 'resources[1].policy',
        message: expect.stringContaining('not valid JSON'),
        expected: expect.stringContaining('policy document'),
      }),
    ]);
    expect((await refused([{ arn: queue, policy: 42 }]))[0]).toMatchObject({
      jsonPath: 'resources[0].policy',
    });
    expect((await refused([{ arn: queue, policy: { __proto__: null, constructor: {} } }]))[0]?.jsonPath).toBe(
      'resources[0].policy.constructor',
    );
  });

  it('an S3 object ARN, a malformed ARN, a missing ARN', async () => {
    const problems = await refused([
      { arn: 'arn:aws:s3:::site/index.html' },
      { arn: 'site' },
      { policy: bucketPolicy },
      'arn:aws:s3:::x',
    ]);
    expect(problems.map((p) => [p.jsonPath, p.message.slice(0, 24)])).toEqual([
      ['resources[0].arn', 'an S3 object ARN (BUCKET'],
      ['resources[1].arn', 'not an ARN (arn:PARTITIO'],
      ['resources[2].arn', 'missing'],
      ['resources[3]', 'not an object'],
    ]);
    expect(problems[0]?.expected).toBe('the bucket ARN arn:aws:s3:::BUCKET');
  });

  it('settings and tags of the wrong type', async () => {
    const problems = await refused([
      { arn: bucket, settings: { publicAccessBlock: { BlockPublicPolicy: 'yes' } } },
      { arn: `arn:aws:lambda:eu-west-1:${A}:function:f`, settings: { roleArn: 'app' } },
      { arn: queue, tags: { team: 7 } },
      { arn: queue, tags: [{ Key: 'team' }] },
      { arn: queue, sensitive: 'true' },
    ]);
    expect(problems.map((p) => p.jsonPath)).toEqual([
      'resources[0].settings.publicAccessBlock.BlockPublicPolicy',
      'resources[1].settings.roleArn',
      'resources[2].tags.team',
      'resources[3].tags[0]',
      'resources[4].sensitive',
    ]);
    expect(problems[1]?.expected).toContain('arn:aws:iam::111111111111:role/NAME');
  });

  it('a bucket when the file says no account', async () => {
    const problems = await problemsOf({
      'iam.json': iam,
      'prod.resources.json': { resources: [{ arn: bucket }] },
    });
    expect(problems[0]).toMatchObject({
      jsonPath: 'resources[0].arn',
      expected: expect.stringContaining('"accountId"'),
    });
  });

  it('a file named *.resources.json without its list', async () => {
    expect(await problemsOf({ 'iam.json': iam, [file]: { Resources: [] } })).toEqual([
      expect.objectContaining({ file, jsonPath: 'resources', message: 'missing' }),
    ]);
  });

  it('nothing of a refused file is half-read: one bad entry refuses the snapshot', async () => {
    const problems = await refused([{ arn: bucket }, { arn: queue, policy: 'nope' }]);
    expect(problems).toHaveLength(1);
  });
});
