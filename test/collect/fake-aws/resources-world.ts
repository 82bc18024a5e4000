/**
 * The resources a fake account holds, by service, each with its Region; the
 * fake's S3, KMS, SQS, SNS, Lambda, Secrets Manager and ECR answer from them.
 */
import type { Json } from './world.ts';

type Tags = Record<string, string>;

export interface FakeBucket {
  name: string;
  region: string;
  policy?: Json;
  publicAccessBlock?: Record<string, boolean>;
  ownership?: string;
  acl: {
    Owner: { ID: string; DisplayName?: string };
    Grants: { Grantee: { Type: string; ID?: string; URI?: string }; Permission: string }[];
  };
  tags?: Tags;
}

export interface FakeKey {
  id: string;
  region: string;
  manager: 'AWS' | 'CUSTOMER';
  policy: Json;
  grants: Json[];
  tags: Tags;
}

/** A queue, topic, function, secret or repository: a name in a Region, maybe a policy, tags. */
export interface FakeNamed {
  name: string;
  region: string;
  policy?: Json;
  tags: Tags;
}

export interface FakeResources {
  buckets: FakeBucket[];
  keys: FakeKey[];
  queues: FakeNamed[];
  topics: FakeNamed[];
  functions: (FakeNamed & { role: string })[];
  secrets: (FakeNamed & { kmsKeyId?: string })[];
  repositories: FakeNamed[];
}

export const inRegion = <T extends { region: string }>(items: T[], region: string): T[] =>
  items.filter((i) => i.region === region);

const doc = (statement: Json): Json => ({ Version: '2012-10-17', Statement: [statement] });

/**
 * Resources of one account in us-east-1 and eu-west-1: more of each kind in
 * us-east-1 than a page of the fake holds, some with a policy, some without.
 */
export function demoResources(accountId: string): FakeResources {
  const vendor = '999999999999';
  const owner = { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' };
  const named = (name: string, region: string, policy?: Json, tags: Tags = {}): FakeNamed => ({
    name,
    region,
    tags,
    ...(policy === undefined ? {} : { policy }),
  });
  return {
    buckets: [
      {
        name: 'demo-public-site',
        region: 'us-east-1',
        policy: doc({
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::demo-public-site/*',
        }),
        publicAccessBlock: {
          BlockPublicAcls: false,
          IgnorePublicAcls: false,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
        ownership: 'BucketOwnerEnforced',
        acl: {
          Owner: owner,
          Grants: [{ Grantee: { Type: 'CanonicalUser', ID: owner.ID }, Permission: 'FULL_CONTROL' }],
        },
        tags: { team: 'web', 'iamatlas:sensitive': 'true' },
      },
      {
        name: 'demo-logs',
        region: 'us-east-1',
        acl: {
          Owner: owner,
          Grants: [
            { Grantee: { Type: 'CanonicalUser', ID: owner.ID }, Permission: 'FULL_CONTROL' },
            {
              Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
              Permission: 'WRITE',
            },
          ],
        },
      },
      {
        name: 'demo-archive',
        region: 'us-east-1',
        policy: doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${vendor}:root` },
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::demo-archive',
        }),
        ownership: 'BucketOwnerPreferred',
        acl: { Owner: owner, Grants: [] },
        tags: { team: 'data' },
      },
      { name: 'demo-eu-data', region: 'eu-west-1', acl: { Owner: owner, Grants: [] } },
    ],
    keys: [
      {
        id: '1234abcd-12ab-34cd-56ef-1234567890ab',
        region: 'us-east-1',
        manager: 'CUSTOMER',
        policy: doc({
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        }),
        grants: [1, 2, 3].map((n) => ({
          KeyId: `arn:aws:kms:us-east-1:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
          GrantId: `grant-${n}`,
          Name: `grant-${n}`,
          GranteePrincipal: `arn:aws:iam::${vendor}:role/reader-${n}`,
          IssuingAccount: `arn:aws:iam::${accountId}:root`,
          Operations: ['Decrypt'],
          CreationDate: '2026-01-05T10:00:00Z',
        })),
        tags: { team: 'security', env: 'prod', owner: 'ana' },
      },
      {
        id: '0987dcba-09fe-87dc-65ba-ab0987654321',
        region: 'us-east-1',
        manager: 'AWS',
        policy: doc({
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': accountId } },
        }),
        grants: [],
        tags: {},
      },
      {
        id: '5555aaaa-12ab-34cd-56ef-1234567890ab',
        region: 'us-east-1',
        manager: 'CUSTOMER',
        policy: doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:role/admin` },
          Action: 'kms:*',
          Resource: '*',
        }),
        grants: [],
        tags: {},
      },
    ],
    queues: [
      named(
        'orders',
        'us-east-1',
        doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } },
        }),
        { team: 'shop' },
      ),
      named('orders-dlq', 'us-east-1'),
      named('events', 'us-east-1'),
      named('eu-events', 'eu-west-1'),
    ],
    topics: [
      named(
        'alerts',
        'us-east-1',
        doc({
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
        }),
        { team: 'ops' },
      ),
      named('news', 'us-east-1', undefined, {}),
      named('audit', 'us-east-1'),
    ],
    functions: [
      {
        ...named(
          'resize',
          'us-east-1',
          doc({
            Sid: 'S3Invoke',
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: `arn:aws:lambda:us-east-1:${accountId}:function:resize`,
          }),
          { team: 'media' },
        ),
        role: `arn:aws:iam::${accountId}:role/lambda-resize`,
      },
      { ...named('report', 'us-east-1'), role: `arn:aws:iam::${accountId}:role/lambda-report` },
      { ...named('cleanup', 'us-east-1'), role: `arn:aws:iam::${accountId}:role/lambda-report` },
    ],
    secrets: [
      {
        ...named(
          'prod/db',
          'us-east-1',
          doc({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${vendor}:root` },
            Action: 'secretsmanager:GetSecretValue',
            Resource: '*',
          }),
          { 'iamatlas:sensitive': 'true' },
        ),
        kmsKeyId: `arn:aws:kms:us-east-1:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      },
      named('prod/api-key', 'us-east-1'),
      named('staging/db', 'us-east-1'),
    ],
    repositories: [
      named(
        'web',
        'us-east-1',
        doc({
          Sid: 'VendorPull',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${vendor}:root` },
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        }),
        { team: 'web' },
      ),
      named('worker', 'us-east-1'),
      named('batch', 'us-east-1'),
    ],
  };
}

export const emptyResources = (): FakeResources => ({
  buckets: [],
  keys: [],
  queues: [],
  topics: [],
  functions: [],
  secrets: [],
  repositories: [],
});
