/**
 * KMS keys of one Region: ListKeys, then per key DescribeKey (KeyManager: AWS
 * managed or customer managed), GetKeyPolicy for the policy named `default`
 * (the only name a key policy has), ListGrants and ListResourceTags
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html).
 */
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  paginateListGrants,
  paginateListKeys,
  paginateListResourceTags,
  type GrantListEntry,
  type Tag,
} from '@aws-sdk/client-kms';
import { parsedOrText, plain } from '../output.ts';
import { resourceEntry, serviceReader, tagMap } from './types.ts';

export const kmsReader = serviceReader<{ KeyId: string; arn: string }>({
  service: 'kms',
  listAction: 'kms:ListKeys',
  async list({ kms }, ctx) {
    const keys: { KeyId: string; arn: string }[] = [];
    for await (const page of paginateListKeys({ client: kms }, {}))
      for (const k of page.Keys ?? [])
        if (k.KeyId !== undefined)
          keys.push({
            KeyId: k.KeyId,
            arn: k.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${k.KeyId}`,
          });
    return keys;
  },
  async readOne({ KeyId, arn }, { kms }, ctx) {
    const keyManager = await ctx.optional(
      'kms:DescribeKey',
      arn,
      async () => (await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata?.KeyManager,
    );
    const policy = await ctx.optional('kms:GetKeyPolicy', arn, async () => {
      const text = (await kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy;
      return text === undefined ? null : parsedOrText(text);
    });
    const grants = await ctx.optional('kms:ListGrants', arn, async () => {
      const all: GrantListEntry[] = [];
      for await (const page of paginateListGrants({ client: kms }, { KeyId }))
        all.push(...(page.Grants ?? []));
      return plain(all);
    });
    const tags = await ctx.optional('kms:ListResourceTags', arn, async () => {
      const all: Tag[] = [];
      for await (const page of paginateListResourceTags({ client: kms }, { KeyId }))
        all.push(...(page.Tags ?? []));
      return tagMap(all);
    });
    return resourceEntry(arn, { policy, settings: { keyManager, grants }, tags });
  },
});
