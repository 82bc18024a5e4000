/**
 * KMS, Secrets Manager and ECR over JSON 1.1, the read calls the collector makes:
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html (Marker,
 * NextMarker, Truncated; the same for ListGrants and ListResourceTags), DescribeKey,
 * GetKeyPolicy; https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html,
 * GetResourcePolicy (no ResourcePolicy when the secret has none);
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeRepositories.html
 * (nextToken), GetRepositoryPolicy (RepositoryPolicyNotFoundException), ListTagsForResource.
 */
import { listed } from './json-services.ts';
import { inRegion, type FakeKey, type FakeResources } from './resources-world.ts';
import { AwsError, epoch, page } from './wire.ts';

type Body = Record<string, unknown>;
export interface ResourceContext {
  resources: FakeResources;
  account: string;
  region: string;
  pageSize: number;
}

/** KMS pages: Marker in, NextMarker and Truncated out. */
function kmsListed<T>(key: string, items: T[], body: Body, pageSize: number): Body {
  const size = Math.min(typeof body['Limit'] === 'number' ? body['Limit'] : 100, pageSize);
  const p = page(items, body['Marker'], size);
  return {
    [key]: p.items,
    Truncated: p.next !== undefined,
    ...(p.next === undefined ? {} : { NextMarker: p.next }),
  };
}

export function kmsAction(action: string, body: Body, ctx: ResourceContext): Body {
  const arnOf = (k: FakeKey) => `arn:aws:kms:${ctx.region}:${ctx.account}:key/${k.id}`;
  const keys = inRegion(ctx.resources.keys, ctx.region);
  if (action === 'ListKeys')
    return kmsListed(
      'Keys',
      keys.map((k) => ({ KeyId: k.id, KeyArn: arnOf(k) })),
      body,
      ctx.pageSize,
    );
  const key = keys.find((k) => body['KeyId'] === k.id || body['KeyId'] === arnOf(k));
  if (!key) throw new AwsError('NotFoundException', `Key '${String(body['KeyId'])}' does not exist`);
  switch (action) {
    case 'DescribeKey':
      return {
        KeyMetadata: {
          AWSAccountId: ctx.account,
          KeyId: key.id,
          Arn: arnOf(key),
          KeyManager: key.manager,
          KeyState: 'Enabled',
          CreationDate: epoch('2026-01-05T10:00:00Z'),
        },
      };
    case 'GetKeyPolicy':
      if (body['PolicyName'] !== undefined && body['PolicyName'] !== 'default')
        throw new AwsError('NotFoundException', 'No such policy');
      return { Policy: JSON.stringify(key.policy), PolicyName: 'default' };
    case 'ListGrants':
      return kmsListed(
        'Grants',
        key.grants.map((g) => ({ ...g, CreationDate: epoch(String(g['CreationDate'])) })),
        body,
        ctx.pageSize,
      );
    case 'ListResourceTags':
      return kmsListed(
        'Tags',
        Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        body,
        ctx.pageSize,
      );
    default:
      throw new AwsError('UnknownOperationException', action);
  }
}

export function secretsManagerAction(action: string, body: Body, ctx: ResourceContext): Body {
  const arnOf = (name: string) => `arn:aws:secretsmanager:${ctx.region}:${ctx.account}:secret:${name}-a1B2c3`;
  const secrets = inRegion(ctx.resources.secrets, ctx.region);
  if (action === 'ListSecrets')
    return listed(
      'SecretList',
      secrets.map((s) => ({
        ARN: arnOf(s.name),
        Name: s.name,
        ...(s.kmsKeyId === undefined ? {} : { KmsKeyId: s.kmsKeyId }),
        Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })),
      })),
      body,
      ctx.pageSize,
    );
  const secret = secrets.find((s) => body['SecretId'] === arnOf(s.name) || body['SecretId'] === s.name);
  if (!secret)
    throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  if (action === 'GetResourcePolicy')
    return {
      ARN: arnOf(secret.name),
      Name: secret.name,
      ...(secret.policy === undefined ? {} : { ResourcePolicy: JSON.stringify(secret.policy) }),
    };
  throw new AwsError('UnknownOperationException', action);
}

export function ecrAction(action: string, body: Body, ctx: ResourceContext): Body {
  const arnOf = (name: string) => `arn:aws:ecr:${ctx.region}:${ctx.account}:repository/${name}`;
  const repositories = inRegion(ctx.resources.repositories, ctx.region);
  if (action === 'DescribeRepositories') {
    const size = Math.min(typeof body['maxResults'] === 'number' ? body['maxResults'] : 100, ctx.pageSize);
    const p = page(repositories, body['nextToken'], size);
    return {
      repositories: p.items.map((r) => ({
        repositoryArn: arnOf(r.name),
        registryId: ctx.account,
        repositoryName: r.name,
        repositoryUri: `${ctx.account}.dkr.ecr.${ctx.region}.amazonaws.com/${r.name}`,
        createdAt: epoch('2026-01-05T10:00:00Z'),
      })),
      ...(p.next === undefined ? {} : { nextToken: p.next }),
    };
  }
  const name =
    action === 'ListTagsForResource'
      ? String(body['resourceArn']).split('/').slice(1).join('/')
      : body['repositoryName'];
  const repository = repositories.find((r) => r.name === name);
  if (!repository)
    throw new AwsError(
      'RepositoryNotFoundException',
      `The repository with name '${String(name)}' does not exist`,
    );
  if (action === 'GetRepositoryPolicy') {
    if (!repository.policy)
      throw new AwsError(
        'RepositoryPolicyNotFoundException',
        'Repository policy does not exist for the repository',
      );
    return {
      registryId: ctx.account,
      repositoryName: repository.name,
      policyText: JSON.stringify(repository.policy),
    };
  }
  if (action === 'ListTagsForResource')
    return { tags: Object.entries(repository.tags).map(([Key, Value]) => ({ Key, Value })) };
  throw new AwsError('UnknownOperationException', action);
}
