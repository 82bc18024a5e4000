/**
 * Secrets Manager secrets of one Region: ListSecrets (with each secret's KMS
 * key and tags), then per secret GetResourcePolicy, which answers without a
 * ResourcePolicy when the secret has none
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetResourcePolicy.html).
 */
import { GetResourcePolicyCommand, paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import { parsedOrText } from '../output.ts';
import {
  mapLimit,
  PER_RESOURCE_CONCURRENCY,
  tagMap,
  type ResourceEntry,
  type ServiceReader,
} from './types.ts';

export const secretsManagerReader: ServiceReader = {
  service: 'secretsmanager',
  listAction: 'secretsmanager:ListSecrets',
  async read({ secretsManager }, ctx) {
    const secrets: { arn: string; kmsKeyId?: string; tags: Record<string, string> }[] = [];
    for await (const page of paginateListSecrets({ client: secretsManager }, {}))
      for (const s of page.SecretList ?? [])
        if (s.ARN !== undefined)
          secrets.push({
            arn: s.ARN,
            tags: tagMap(s.Tags),
            ...(s.KmsKeyId === undefined ? {} : { kmsKeyId: s.KmsKeyId }),
          });
    return mapLimit(
      secrets,
      PER_RESOURCE_CONCURRENCY,
      async ({ arn, kmsKeyId, tags }): Promise<ResourceEntry> => {
        const policy = await ctx.optional('secretsmanager:GetResourcePolicy', arn, async () => {
          const text = (await secretsManager.send(new GetResourcePolicyCommand({ SecretId: arn })))
            .ResourcePolicy;
          return text === undefined ? null : parsedOrText(text);
        });
        return {
          arn,
          ...(policy === undefined ? {} : { policy }),
          settings: kmsKeyId === undefined ? {} : { kmsKeyId },
          tags,
        };
      },
    );
  },
};
