/**
 * `iamatlas collect` reads each account's resources (S3 buckets, KMS keys, SQS
 * queues, SNS topics, Lambda functions, Secrets Manager secrets, ECR
 * repositories) in the Regions asked for into ACCOUNT.resources.json, with the
 * real AWS SDK against a local endpoint speaking each service's wire protocol
 * (S3 REST-XML, KMS/Secrets Manager/ECR JSON 1.1, SQS JSON 1.0, SNS Query,
 * Lambda REST-JSON; test/collect/fake-aws/ cites the API references).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectFixture, readJson, type CollectFixture, type ManifestJson } from './harness.ts';
import { demoResources } from './fake-aws/resources-world.ts';
import { demoWorld } from './fake-aws/world.ts';
import type { Faults } from './fake-aws/server.ts';

const ACCOUNT = '222222222222';
const VENDOR = '999999999999';

let fx: CollectFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function withResources(faults?: Faults): Promise<CollectFixture> {
  const world = demoWorld();
  world.accounts.get(ACCOUNT)!.resources = demoResources(ACCOUNT);
  return collectFixture({ world, ...(faults === undefined ? {} : { faults }) });
}

/**
 * The file's shape as docs/graph-model.md#input-files gives it, strictly: the
 * reader of resources files is not part of this change, so the written file is
 * checked against the format itself.
 */
const resourcesFileSchema = z.strictObject({
  accountId: z.string().regex(/^\d{12}$/),
  accountSettings: z
    .strictObject({ s3PublicAccessBlock: z.record(z.string(), z.boolean()).optional() })
    .optional(),
  resources: z.array(
    z.strictObject({
      arn: z.string().regex(/^arn:aws:(s3:::[^:/]+|[a-z0-9-]+:[a-z0-9-]+:\d{12}:.+)$/),
      policy: z.union([z.record(z.string(), z.unknown()), z.string(), z.null()]).optional(),
      settings: z.record(z.string(), z.unknown()),
      tags: z.record(z.string(), z.string()).optional(),
      sensitive: z.boolean().optional(),
    }),
  ),
});
type ResourcesFile = z.infer<typeof resourcesFileSchema>;
type Entry = ResourcesFile['resources'][number];

const readResources = async (f: CollectFixture, account = ACCOUNT) =>
  resourcesFileSchema.parse(await readJson(path.join(f.out, `${account}.resources.json`)));
const manifestOf = (f: CollectFixture) =>
  readJson<ManifestJson & { resourceRegions?: string[] }>(path.join(f.out, 'manifest.json'));
const byArn = (file: ResourcesFile) => new Map<string, Entry>(file.resources.map((r) => [r.arn, r]));
const callsOf = (f: CollectFixture, action: string) =>
  f.fake.calls.filter((c) => c.action === action && c.account === ACCOUNT).length;

const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe('resources', () => {
  it('reads every page of every service in the Regions given, policies and settings in the APIs’ shapes', async () => {
    // Throttling and 5xx answers are retried as for the IAM calls.
    fx = await withResources({
      throttle: { ListKeys: 2, GetKeyPolicy: 1 },
      serverError: { GetBucketAcl: 1 },
    });
    const r = await fx.run(['--accounts', ACCOUNT, '--resource-regions', 'us-east-1,eu-west-1']);
    expect(r.code, r.stderr).toBe(0);
    const file = await readResources(fx);
    expect(file.accountId).toBe(ACCOUNT);
    const arns = file.resources.map((x) => x.arn);
    expect(arns).toEqual([...arns].sort());
    expect(arns).toEqual(
      [
        'arn:aws:s3:::demo-archive',
        'arn:aws:s3:::demo-eu-data',
        'arn:aws:s3:::demo-logs',
        'arn:aws:s3:::demo-public-site',
        `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/batch`,
        `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`,
        `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/worker`,
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`,
        KEY,
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/5555aaaa-12ab-34cd-56ef-1234567890ab`,
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:cleanup`,
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:report`,
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`,
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/api-key-a1B2c3`,
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-a1B2c3`,
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:staging/db-a1B2c3`,
        `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`,
        `arn:aws:sns:us-east-1:${ACCOUNT}:audit`,
        `arn:aws:sns:us-east-1:${ACCOUNT}:news`,
        `arn:aws:sqs:eu-west-1:${ACCOUNT}:eu-events`,
        `arn:aws:sqs:us-east-1:${ACCOUNT}:events`,
        `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`,
        `arn:aws:sqs:us-east-1:${ACCOUNT}:orders-dlq`,
      ].sort(),
    );
    const got = byArn(file);
    const world = demoResources(ACCOUNT);

    // S3: policy as an object, Block Public Access, ownership, ACL and tags as the APIs return them.
    expect(got.get('arn:aws:s3:::demo-public-site')).toEqual({
      arn: 'arn:aws:s3:::demo-public-site',
      policy: world.buckets[0]!.policy,
      settings: {
        region: 'us-east-1',
        publicAccessBlock: {
          BlockPublicAcls: false,
          IgnorePublicAcls: false,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
        objectOwnership: 'BucketOwnerEnforced',
        acl: world.buckets[0]!.acl,
      },
      tags: { team: 'web', 'iamatlas:sensitive': 'true' },
    });
    // A bucket without a policy, Block Public Access, ownership controls or tags:
    // NoSuchBucketPolicy is "no policy", not an error.
    expect(got.get('arn:aws:s3:::demo-logs')).toEqual({
      arn: 'arn:aws:s3:::demo-logs',
      policy: null,
      settings: {
        region: 'us-east-1',
        publicAccessBlock: {},
        objectOwnership: 'ObjectWriter',
        acl: world.buckets[1]!.acl,
      },
      tags: {},
    });
    expect(got.get('arn:aws:s3:::demo-eu-data')?.settings['region']).toBe('eu-west-1');

    // KMS: the key policy, KeyManager, every page of grants and tags.
    const key = got.get(KEY)!;
    expect(key.policy).toEqual(world.keys[0]!.policy);
    expect(key.settings['keyManager']).toBe('CUSTOMER');
    const grants = key.settings['grants'] as { GranteePrincipal: string; CreationDate: string }[];
    expect(grants.map((g) => g.GranteePrincipal)).toEqual(
      [1, 2, 3].map((n) => `arn:aws:iam::${VENDOR}:role/reader-${n}`),
    );
    expect(grants[0]!.CreationDate).toBe('2026-01-05T10:00:00+00:00');
    expect(key.tags).toEqual({ team: 'security', env: 'prod', owner: 'ana' });
    expect(
      got.get(`arn:aws:kms:us-east-1:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`)?.settings[
        'keyManager'
      ],
    ).toBe('AWS');

    // SQS, SNS, Lambda, Secrets Manager, ECR: a policy, or null when there is none.
    expect(got.get(`arn:aws:sqs:us-east-1:${ACCOUNT}:orders`)).toMatchObject({
      policy: world.queues[0]!.policy,
      tags: { team: 'shop' },
    });
    expect(got.get(`arn:aws:sqs:us-east-1:${ACCOUNT}:orders-dlq`)).toMatchObject({ policy: null, tags: {} });
    expect(got.get(`arn:aws:sns:us-east-1:${ACCOUNT}:alerts`)).toMatchObject({
      policy: world.topics[0]!.policy,
      tags: { team: 'ops' },
    });
    expect(got.get(`arn:aws:sns:us-east-1:${ACCOUNT}:news`)?.policy).toBeNull();
    expect(got.get(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`)).toEqual({
      arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:resize`,
      policy: world.functions[0]!.policy,
      settings: { roleArn: `arn:aws:iam::${ACCOUNT}:role/lambda-resize` },
      tags: { team: 'media' },
    });
    expect(got.get(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:report`)?.policy).toBeNull();
    expect(got.get(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-a1B2c3`)).toEqual({
      arn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-a1B2c3`,
      policy: world.secrets[0]!.policy,
      settings: { kmsKeyId: KEY },
      tags: { 'iamatlas:sensitive': 'true' },
    });
    expect(
      got.get(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/api-key-a1B2c3`)?.policy,
    ).toBeNull();
    expect(got.get(`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`)).toMatchObject({
      policy: world.repositories[0]!.policy,
      tags: { team: 'web' },
    });
    expect(got.get(`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/worker`)?.policy).toBeNull();

    // Pagination: the fake serves two items a page, so each listing of us-east-1 takes two calls.
    for (const action of [
      'ListBuckets',
      'ListKeys',
      'ListGrants',
      'ListResourceTags',
      'ListQueues',
      'ListTopics',
      'ListFunctions',
      'ListSecrets',
      'DescribeRepositories',
    ])
      expect(callsOf(fx, action), action).toBeGreaterThanOrEqual(2);

    // Read-only, listed in the manifest, counted by service, no notes.
    for (const c of fx.fake.calls)
      expect(c.action).toMatch(/^(Get|List|Describe|AssumeRole$|GenerateCredentialReport$)/);
    const m = await manifestOf(fx);
    expect(m.resourceRegions).toEqual(['us-east-1', 'eu-west-1']);
    const entry = m.accounts.find((a) => a.accountId === ACCOUNT)!;
    expect(entry.status).toBe('ok');
    expect(entry.files).toContain(`${ACCOUNT}.resources.json`);
    expect(entry.notes ?? []).toEqual([]);
    for (const service of ['s3', 'kms', 'sqs', 'sns', 'lambda', 'secretsmanager', 'ecr'])
      expect(entry.apiCalls[service], service).toBeGreaterThan(0);
    expect((await readdir(fx.out)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('by default reads the run’s Region, and an account without resources gets a file with none', async () => {
    fx = await withResources();
    const r = await fx.run(['--accounts', `${ACCOUNT},333333333333`, '--region', 'eu-west-1']);
    expect(r.code, r.stderr).toBe(0);
    expect((await readResources(fx)).resources.map((x) => x.arn)).toEqual([
      'arn:aws:s3:::demo-eu-data',
      `arn:aws:sqs:eu-west-1:${ACCOUNT}:eu-events`,
    ]);
    expect((await readResources(fx, '333333333333')).resources).toEqual([]);
    expect((await manifestOf(fx)).resourceRegions).toEqual(['eu-west-1']);
  });

  it('AccessDenied on one service or one call leaves a note and the file holds what was read', async () => {
    fx = await withResources({ denyActions: ['ListQueues', 'GetBucketTagging', 'GetTopicAttributes'] });
    const r = await fx.run(['--accounts', ACCOUNT, '--resource-regions', 'us-east-1']);
    expect(r.code, r.stderr).toBe(0);
    const entry = (await manifestOf(fx)).accounts.find((a) => a.accountId === ACCOUNT)!;
    expect(entry.status).toBe('ok');
    expect(entry.files).toContain(`${ACCOUNT}.resources.json`);
    const notes = entry.notes ?? [];
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^Resources: sqs in us-east-1 not read \(sqs:ListQueues\): AccessDenied: .*Allow sqs:ListQueues/,
      ),
    );
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^Resources: s3:GetBucketTagging failed in us-east-1 for 3 resource\(s\) \(demo-archive, demo-logs, demo-public-site\).*AccessDenied/,
      ),
    );
    // SNS says AccessDenied as AuthorizationError.
    expect(notes).toContainEqual(
      expect.stringMatching(
        /sns:GetTopicAttributes failed in us-east-1 for 3 resource\(s\).*AuthorizationError.*Allow sns:GetTopicAttributes/,
      ),
    );

    const got = byArn(await readResources(fx));
    expect([...got.keys()].filter((a) => a.startsWith('arn:aws:sqs:'))).toEqual([]);
    // What could not be read is absent (not "none"); the rest of the resource is there.
    const bucket = got.get('arn:aws:s3:::demo-public-site')!;
    expect(bucket).not.toHaveProperty('tags');
    expect(bucket.policy).toEqual(demoResources(ACCOUNT).buckets[0]!.policy);
    const topic = got.get(`arn:aws:sns:us-east-1:${ACCOUNT}:alerts`)!;
    expect(topic).not.toHaveProperty('policy');
    expect(topic.tags).toEqual({ team: 'ops' });
    expect(got.has(KEY)).toBe(true);
  });

  it('a Region the account has not enabled gives one note, and the other Regions are read', async () => {
    fx = await withResources({ regionsNotEnabled: { [ACCOUNT]: ['eu-west-1'] } });
    const r = await fx.run(['--accounts', ACCOUNT, '--resource-regions', 'us-east-1,eu-west-1']);
    expect(r.code, r.stderr).toBe(0);
    const entry = (await manifestOf(fx)).accounts.find((a) => a.accountId === ACCOUNT)!;
    expect(entry.status).toBe('ok');
    expect(entry.notes).toEqual([
      expect.stringMatching(
        /^Resources: s3, kms, sqs, sns, lambda, secretsmanager, ecr in eu-west-1 not read: UnrecognizedClientException: .*enable it for the account, or leave it out of --resource-regions/,
      ),
    ]);
    const arns = (await readResources(fx)).resources.map((x) => x.arn);
    expect(arns).toHaveLength(21);
    expect(arns.filter((a) => a.includes('eu-'))).toEqual([]);
  });

  it('--no-resources reads none and writes no resources file', async () => {
    fx = await withResources();
    const r = await fx.run(['--accounts', ACCOUNT, '--no-resources']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(fx.out)).not.toContain(`${ACCOUNT}.resources.json`);
    expect(
      fx.fake.calls.filter(
        (c) => !['sts', 'iam', 'organizations', 'sso', 'identitystore'].includes(c.service),
      ),
    ).toEqual([]);
    expect((await manifestOf(fx)).resourceRegions).toBeUndefined();
  });

  it('rejects a Region list that is not Region codes, naming the bad one', async () => {
    fx = await withResources();
    const r = await fx.run(['--resource-regions', 'us-east-1,Ireland']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('"Ireland"');
    expect(fx.fake.calls).toEqual([]);
  });

  it('keeps accounts already collected for the same Regions, and collects them again for other Regions', async () => {
    fx = await withResources();
    expect((await fx.run(['--accounts', ACCOUNT, '--resource-regions', 'us-east-1'])).code).toBe(0);
    const first = fx.fake.calls.length;
    const same = await fx.run(['--accounts', ACCOUNT, '--resource-regions', 'us-east-1']);
    expect(same.code, same.stderr).toBe(0);
    expect(fx.fake.calls.slice(first).filter((c) => c.service === 's3')).toEqual([]);

    const other = await fx.run(['--accounts', ACCOUNT, '--resource-regions', 'eu-west-1']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).toMatch(/read the resources of us-east-1; every account is collected again/);
    expect((await readResources(fx)).resources.map((x) => x.arn)).toEqual([
      'arn:aws:s3:::demo-eu-data',
      `arn:aws:sqs:eu-west-1:${ACCOUNT}:eu-events`,
    ]);
  });
});
