/**
 * ECR repositories of one Region: DescribeRepositories, then per repository
 * GetRepositoryPolicy (RepositoryPolicyNotFoundException when it has none)
 * and ListTagsForResource
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetRepositoryPolicy.html).
 */
import {
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  paginateDescribeRepositories,
} from '@aws-sdk/client-ecr';
import { parsedOrText } from '../output.ts';
import {
  mapLimit,
  PER_RESOURCE_CONCURRENCY,
  tagMap,
  type ResourceEntry,
  type ServiceReader,
} from './types.ts';

export const ecrReader: ServiceReader = {
  service: 'ecr',
  listAction: 'ecr:DescribeRepositories',
  async read({ ecr }, ctx) {
    const repositories: { arn: string; name: string }[] = [];
    for await (const page of paginateDescribeRepositories({ client: ecr }, {}))
      for (const r of page.repositories ?? [])
        if (r.repositoryArn !== undefined && r.repositoryName !== undefined)
          repositories.push({ arn: r.repositoryArn, name: r.repositoryName });
    return mapLimit(repositories, PER_RESOURCE_CONCURRENCY, async ({ arn, name }): Promise<ResourceEntry> => {
      const policy = await ctx.optional(
        'ecr:GetRepositoryPolicy',
        arn,
        async () =>
          parsedOrText(
            (await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: name }))).policyText ?? '',
          ),
        ['RepositoryPolicyNotFoundException'],
      );
      const tags = await ctx.optional('ecr:ListTagsForResource', arn, async () =>
        tagMap((await ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags),
      );
      return {
        arn,
        ...(policy === undefined ? {} : { policy }),
        settings: {},
        ...(tags === undefined || tags === null ? {} : { tags }),
      };
    });
  },
};
