/**
 * Resource ARNs → the resource's type, account, Region and name. Pure.
 *
 * An ARN is `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, where RESOURCE may
 * itself hold colons and slashes
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html), so the
 * ARN is split at its first five colons only. Each type's resource part is as
 * its service's page in the Service Authorization Reference lists it
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 * S3 bucket ARNs carry neither a Region nor an account
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html):
 * the caller supplies the owning account.
 */
import type { ResourceType } from './model.ts';

export interface ResourceArn {
  partition: string;
  service: string;
  type: ResourceType;
  /** 12 digits; undefined when the ARN has none (S3 buckets, some `other` ARNs). */
  accountId?: string;
  /** Undefined when the ARN has none (S3 buckets, global services). */
  region?: string;
  /** The resource's name or id, without the type prefix (`key/`, `function:`, `repository/`, ...). */
  name: string;
  /** Lambda: the version or alias of a qualified function ARN (`function:NAME:QUALIFIER`). */
  qualifier?: string;
}

export type ResourceArnResult =
  { ok: true; arn: ResourceArn } | { ok: false; message: string; expected: string };

const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9-]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_ID = /^\d{12}$/;

const EXPECTED = 'a resource ARN like arn:aws:s3:::BUCKET or arn:aws:kms:eu-west-1:111111111111:key/KEY-ID';

/** How one regional type's resource part reads: a prefix, then the name (with the name's own rules). */
interface Shape {
  type: ResourceType;
  /** `key/`, `function:`, `secret:`, ... */
  prefix: string;
  /** The name from what follows the prefix; undefined when it is malformed. */
  name: (rest: string) => { name: string; qualifier?: string } | undefined;
  example: string;
}

const plain = (rest: string) => (rest !== '' && !rest.includes(':') ? { name: rest } : undefined);
const single = (rest: string) =>
  rest !== '' && !rest.includes(':') && !rest.includes('/') ? { name: rest } : undefined;

/** Keyed by service; services with several shapes try them in order. */
const SHAPES: Record<string, Shape[]> = {
  kms: [{ type: 'kms-key', prefix: 'key/', name: single, example: 'arn:aws:kms:REGION:ACCOUNT:key/KEY-ID' }],
  sqs: [{ type: 'sqs-queue', prefix: '', name: single, example: 'arn:aws:sqs:REGION:ACCOUNT:QUEUE' }],
  sns: [{ type: 'sns-topic', prefix: '', name: single, example: 'arn:aws:sns:REGION:ACCOUNT:TOPIC' }],
  lambda: [
    {
      type: 'lambda-function',
      prefix: 'function:',
      // A qualified ARN names a version or an alias, which has its own resource policy
      // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html).
      name: (rest) => {
        const [name = '', qualifier, ...more] = rest.split(':');
        if (name === '' || more.length > 0 || qualifier === '') return undefined;
        return qualifier === undefined ? { name } : { name, qualifier };
      },
      example: 'arn:aws:lambda:REGION:ACCOUNT:function:NAME (or NAME:ALIAS)',
    },
  ],
  secretsmanager: [
    {
      type: 'secretsmanager-secret',
      prefix: 'secret:',
      name: plain,
      example: 'arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf',
    },
  ],
  ecr: [
    {
      type: 'ecr-repository',
      prefix: 'repository/',
      name: plain,
      example: 'arn:aws:ecr:REGION:ACCOUNT:repository/NAME',
    },
  ],
  ec2: [
    {
      type: 'ec2-instance',
      prefix: 'instance/',
      name: single,
      example: 'arn:aws:ec2:REGION:ACCOUNT:instance/i-ID',
    },
  ],
  glue: [
    {
      type: 'glue-dev-endpoint',
      prefix: 'devEndpoint/',
      name: single,
      example: 'arn:aws:glue:REGION:ACCOUNT:devEndpoint/NAME',
    },
  ],
  cloudformation: [
    {
      type: 'cloudformation-stack',
      prefix: 'stack/',
      // stack/NAME/STACK-ID
      name: (rest) => {
        const [name = '', id, ...more] = rest.split('/');
        return name !== '' && id !== undefined && id !== '' && more.length === 0 ? { name } : undefined;
      },
      example: 'arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/STACK-ID',
    },
  ],
  sagemaker: [
    {
      type: 'sagemaker-notebook',
      prefix: 'notebook-instance/',
      name: single,
      example: 'arn:aws:sagemaker:REGION:ACCOUNT:notebook-instance/NAME',
    },
  ],
  ecs: [
    {
      type: 'ecs-service',
      prefix: 'service/',
      // service/CLUSTER/NAME, or the older service/NAME without the cluster.
      name: (rest) => {
        const parts = rest.split('/');
        const name = parts.at(-1) ?? '';
        return name !== '' && parts.length <= 2 && parts.every((p) => p !== '') ? { name } : undefined;
      },
      example: 'arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME',
    },
  ],
  codebuild: [
    {
      type: 'codebuild-project',
      prefix: 'project/',
      name: single,
      example: 'arn:aws:codebuild:REGION:ACCOUNT:project/NAME',
    },
  ],
};

const fail = (message: string, expected = EXPECTED): ResourceArnResult => ({ ok: false, message, expected });

export function parseResourceArn(arn: string): ResourceArnResult {
  if (/\s/.test(arn)) return fail('an ARN holds no spaces or line breaks');
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn')
    return fail('not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)');
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITION.test(partition))
    return fail(`the partition ${JSON.stringify(partition)} is not aws, aws-cn, aws-us-gov, ...`);
  if (!SERVICE.test(service)) return fail(`the service ${JSON.stringify(service)} is not a service name`);
  if (accountId !== '' && !ACCOUNT_ID.test(accountId))
    return fail(`the account part ${JSON.stringify(accountId)} is not a 12-digit account id`);
  if (resource === '') return fail('the resource part (after the fifth colon) is empty');
  const base = { partition, service };

  if (service === 's3' && region === '' && accountId === '') {
    // Bucket names hold no slash; an object ARN is BUCKET/KEY.
    if (resource.includes('/'))
      return fail(
        'an S3 object ARN (BUCKET/KEY): the resources file lists buckets, whose policies cover their objects',
        'the bucket ARN arn:aws:s3:::BUCKET',
      );
    return { ok: true, arn: { ...base, type: 's3-bucket', name: resource } };
  }

  for (const shape of SHAPES[service] ?? []) {
    if (!resource.startsWith(shape.prefix)) continue;
    const named = shape.name(resource.slice(shape.prefix.length));
    const expected = `an ARN like ${shape.example}`;
    if (named === undefined)
      return fail(`the ${shape.type} name part ${JSON.stringify(resource)} is malformed`, expected);
    if (!REGION.test(region))
      return fail(
        `a ${shape.type} ARN needs a Region (like eu-west-1), not ${JSON.stringify(region)}`,
        expected,
      );
    if (accountId === '') return fail(`a ${shape.type} ARN needs the owning account's 12-digit id`, expected);
    const { name, qualifier } = named;
    return {
      ok: true,
      arn: {
        ...base,
        type: shape.type,
        accountId,
        region,
        // A qualified function keeps its qualifier in the name, as the Lambda console shows it (NAME:ALIAS).
        name: qualifier === undefined ? name : `${name}:${qualifier}`,
        ...(qualifier === undefined ? {} : { qualifier }),
      },
    };
  }
  return {
    ok: true,
    arn: {
      ...base,
      type: 'other',
      ...(accountId === '' ? {} : { accountId }),
      ...(region === '' ? {} : { region }),
      name: resource,
    },
  };
}
