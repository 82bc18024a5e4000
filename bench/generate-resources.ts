/**
 * Resources for a generated organization (`ACCOUNT.resources.json`, the format
 * in docs/graph-model.md#input-files): per account a fixed number of
 * resources of every analysed type, with the policies real accounts carry —
 * private buckets behind Block Public Access, buckets shared with another
 * account of the organization or with a vendor, KMS keys with the default
 * key policy (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)
 * and some granted to another account, queues open to the organization through
 * aws:PrincipalOrgID, topics S3 publishes to, functions with their execution
 * roles, secrets and repositories. A pure function of (seed, account, index),
 * like the rest of the generator.
 */
import { mix, roleRef, type AccountPlan, type OrganizationPlan } from './generate.ts';

type Json = Record<string, unknown>;

const TYPES = ['s3', 'kms', 'sqs', 'sns', 'lambda', 'secret', 'ecr'] as const;
const REGION = 'eu-west-1';

const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });

function otherAccount(plan: OrganizationPlan, a: AccountPlan, i: number): AccountPlan {
  const n = plan.accounts.length;
  return plan.accounts[(a.index + 1 + (mix(plan.seed, a.index, i, 0x5e) % Math.max(1, n - 1))) % n]!;
}

function vendorAccount(plan: OrganizationPlan, a: AccountPlan, i: number): string {
  return String(900_000_000_000 + (mix(plan.seed, a.index, i, 0x7e) % 99_999_999_999)).padStart(12, '0');
}

function resource(plan: OrganizationPlan, a: AccountPlan, i: number): Json {
  const kind = TYPES[i % TYPES.length]!;
  const x = mix(plan.seed, a.index, i, 0x4e5) % 100;
  const n = `${String(a.index).padStart(4, '0')}-${String(i).padStart(4, '0')}`;
  const acct = a.id;
  const tags = { team: `team-${x % 7}`, ...(x < 3 ? { 'iamatlas:sensitive': 'true' } : {}) };
  switch (kind) {
    case 's3': {
      const arn = `arn:aws:s3:::gen-bucket-${n}`;
      const peer = otherAccount(plan, a, i).id;
      const policy =
        x < 20
          ? doc({
              Sid: 'ShareWithPeer',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${peer}:root` },
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [arn, `${arn}/*`],
            })
          : x < 23
            ? doc({
                Sid: 'Website',
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: `${arn}/*`,
              })
            : null;
      const blocked = x >= 21;
      return {
        arn,
        policy,
        settings: {
          publicAccessBlock: {
            BlockPublicAcls: blocked,
            IgnorePublicAcls: blocked,
            BlockPublicPolicy: blocked,
            RestrictPublicBuckets: blocked,
          },
          objectOwnership: 'BucketOwnerEnforced',
        },
        tags,
      };
    }
    case 'kms': {
      const arn = `arn:aws:kms:${REGION}:${acct}:key/00000000-0000-4000-8000-${String(a.index * 10_000 + i).padStart(12, '0')}`;
      const statements: Json[] = [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${acct}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ];
      if (x < 15)
        statements.push({
          Sid: 'AllowUseOfTheKeyFromPeer',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${otherAccount(plan, a, i).id}:root` },
          Action: ['kms:Decrypt', 'kms:DescribeKey'],
          Resource: '*',
        });
      return { arn, policy: doc(...statements), settings: { keyManager: 'CUSTOMER' }, tags };
    }
    case 'sqs': {
      const arn = `arn:aws:sqs:${REGION}:${acct}:gen-queue-${n}`;
      const policy =
        x < 30
          ? doc({
              Sid: 'OrgSend',
              Effect: 'Allow',
              Principal: '*',
              Action: 'sqs:SendMessage',
              Resource: arn,
              Condition: { StringEquals: { 'aws:PrincipalOrgID': plan.organizationId } },
            })
          : null;
      return { arn, policy, settings: {}, tags };
    }
    case 'sns': {
      const arn = `arn:aws:sns:${REGION}:${acct}:gen-topic-${n}`;
      return {
        arn,
        policy: doc({
          Sid: 'S3Publish',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: arn,
          Condition: { StringEquals: { 'aws:SourceAccount': acct } },
        }),
        settings: {},
        tags,
      };
    }
    case 'lambda': {
      const arn = `arn:aws:lambda:${REGION}:${acct}:function:gen-fn-${n}`;
      const role = roleRef(plan, a, mix(plan.seed, a.index, i, 0x1a) % Math.max(1, a.roles));
      return {
        arn,
        policy:
          x < 40
            ? doc({
                Sid: 'Events',
                Effect: 'Allow',
                Principal: { Service: 'events.amazonaws.com' },
                Action: 'lambda:InvokeFunction',
                Resource: arn,
                Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:events:${REGION}:${acct}:rule/*` } },
              })
            : null,
        settings: { roleArn: role.arn },
        tags,
      };
    }
    case 'secret': {
      const arn = `arn:aws:secretsmanager:${REGION}:${acct}:secret:gen/secret-${n}-AbCdEf`;
      const policy =
        x < 10
          ? doc({
              Sid: 'VendorRead',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${vendorAccount(plan, a, i)}:root` },
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
            })
          : null;
      return { arn, policy, settings: x < 5 ? { kmsKeyId: `alias/gen-${n}` } : {}, tags };
    }
    case 'ecr': {
      const arn = `arn:aws:ecr:${REGION}:${acct}:repository/gen/repo-${n}`;
      return {
        arn,
        policy:
          x < 50
            ? doc({
                Sid: 'OrgPull',
                Effect: 'Allow',
                Principal: '*',
                Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
                Condition: { StringEquals: { 'aws:PrincipalOrgID': plan.organizationId } },
              })
            : null,
        settings: {},
        tags,
      };
    }
  }
}

/** `ACCOUNT.resources.json` of one account with `count` resources. */
export function resourcesFile(plan: OrganizationPlan, a: AccountPlan, count: number): [string, Json] {
  return [
    `${a.id}.resources.json`,
    {
      accountId: a.id,
      accountSettings: {
        s3PublicAccessBlock:
          a.index % 4 === 0
            ? {
                BlockPublicAcls: true,
                IgnorePublicAcls: true,
                BlockPublicPolicy: true,
                RestrictPublicBuckets: true,
              }
            : {},
      },
      resources: Array.from({ length: count }, (_, i) => resource(plan, a, i)),
    },
  ];
}
