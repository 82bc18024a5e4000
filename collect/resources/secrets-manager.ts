/**
 * Secrets Manager secrets of one Region: ListSecrets (with each secret's KMS
 * key and tags), then per secret GetResourcePolicy, which answers without a
 * ResourcePolicy when the secret has none
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetResourcePolicy.html).
 */
import { GetResourcePolicyCommand, paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import { parsedOrText } from '../output.ts';
import { resourceEntry, serviceReader, tagMap } from './types.ts';

interface Listed {
  arn: string;
  kmsKeyId: string | undefined;
  tags: Record<string, string>;
}

export const secretsManagerReader = serviceReader<Listed>({
  service: 'secretsmanager',
  listAction: 'secretsmanager:ListSecrets',
  async list({ secretsManager }) {
    const secrets: Listed[] = [];
    for await (const page of paginateListSecrets({ client: secretsManager }, {}))
      for (const s of page.SecretList ?? [])
        if (s.ARN !== undefined) secrets.push({ arn: s.ARN, kmsKeyId: s.KmsKeyId, tags: tagMap(s.Tags) });
    return secrets;
  },
  async readOne({ arn, kmsKeyId, tags }, { secretsManager }, ctx) {
    const policy = await ctx.optional('secretsmanager:GetResourcePolicy', arn, async () => {
      const text = (await secretsManager.send(new GetResourcePolicyCommand({ SecretId: arn })))
        .ResourcePolicy;
      return text === undefined ? null : parsedOrText(text);
    });
    return resourceEntry(arn, { policy, settings: { kmsKeyId }, tags });
  },
});
