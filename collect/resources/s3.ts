/**
 * S3 buckets of one Region: ListBuckets filtered by the Region
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html), then
 * per bucket its policy (GetBucketPolicy), Block Public Access
 * (GetPublicAccessBlock), object ownership (GetBucketOwnershipControls), ACL
 * (GetBucketAcl) and tags (GetBucketTagging).
 *
 * The account-level Block Public Access is an S3 Control call
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html),
 * which this collector does not make; docs/collect.md says how to add it by hand.
 */
import {
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import { parsedOrText, plain } from '../output.ts';
import { resourceEntry, serviceReader, tagMap } from './types.ts';

/** ListBuckets' largest page; asking for a page size also makes it answer each bucket's Region. */
const MAX_BUCKETS = 10_000;

export const s3Reader = serviceReader<{ Bucket: string; region: string }>({
  service: 's3',
  listAction: 's3:ListAllMyBuckets',
  async list({ s3 }, ctx) {
    const buckets: { Bucket: string; region: string }[] = [];
    const input = { MaxBuckets: MAX_BUCKETS, BucketRegion: ctx.region };
    for await (const page of paginateListBuckets({ client: s3 }, input))
      for (const b of page.Buckets ?? [])
        if (b.Name !== undefined && (b.BucketRegion ?? ctx.region) === ctx.region)
          buckets.push({ Bucket: b.Name, region: ctx.region });
    return buckets;
  },
  async readOne({ Bucket, region }, { s3 }, ctx) {
    const policy = await ctx.optional(
      's3:GetBucketPolicy',
      Bucket,
      async () => parsedOrText((await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy ?? ''),
      ['NoSuchBucketPolicy'],
    );
    // No configuration means nothing is blocked at the bucket: an empty configuration, every flag false.
    const publicAccessBlock = await ctx.optional(
      's3:GetBucketPublicAccessBlock',
      Bucket,
      async () =>
        plain(
          (await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration ?? {},
        ),
      ['NoSuchPublicAccessBlockConfiguration'],
    );
    // A bucket without ownership controls keeps ACLs on, objects owned by their writer:
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
    const ownership = await ctx.optional(
      's3:GetBucketOwnershipControls',
      Bucket,
      async () =>
        (await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls?.Rules?.[0]
          ?.ObjectOwnership,
      ['OwnershipControlsNotFoundError'],
    );
    const acl = await ctx.optional('s3:GetBucketAcl', Bucket, async () => {
      const got = await s3.send(new GetBucketAclCommand({ Bucket }));
      return plain({ Owner: got.Owner, Grants: got.Grants ?? [] });
    });
    const tags = await ctx.optional(
      's3:GetBucketTagging',
      Bucket,
      async () => tagMap((await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet),
      ['NoSuchTagSet'],
    );
    return resourceEntry(`arn:${ctx.partition}:s3:::${Bucket}`, {
      policy,
      settings: {
        region,
        publicAccessBlock: publicAccessBlock === null ? {} : publicAccessBlock,
        objectOwnership: ownership === null ? 'ObjectWriter' : ownership,
        acl,
      },
      tags: tags === null ? {} : tags,
    });
  },
});
