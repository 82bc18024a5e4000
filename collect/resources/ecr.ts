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
import { resourceEntry, serviceReader, tagMap } from './types.ts';

export const ecrReader = serviceReader<{ arn: string; repositoryName: string }>({
  service: 'ecr',
  listAction: 'ecr:DescribeRepositories',
  async list({ ecr }) {
    const repositories: { arn: string; repositoryName: string }[] = [];
    for await (const page of paginateDescribeRepositories({ client: ecr }, {}))
      for (const r of page.repositories ?? [])
        if (r.repositoryArn !== undefined && r.repositoryName !== undefined)
          repositories.push({ arn: r.repositoryArn, repositoryName: r.repositoryName });
    return repositories;
  },
  async readOne({ arn, repositoryName }, { ecr }, ctx) {
    const policy = await ctx.optional(
      'ecr:GetRepositoryPolicy',
      arn,
      async () =>
        parsedOrText((await ecr.send(new GetRepositoryPolicyCommand({ repositoryName }))).policyText ?? ''),
      ['RepositoryPolicyNotFoundException'],
    );
    const tags = await ctx.optional('ecr:ListTagsForResource', arn, async () =>
      tagMap((await ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags),
    );
    return resourceEntry(arn, { policy, tags });
  },
});
