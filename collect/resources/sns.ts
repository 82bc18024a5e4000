/**
 * SNS topics of one Region: ListTopics, then per topic GetTopicAttributes
 * (its Policy attribute) and ListTagsForResource
 * (https://docs.aws.amazon.com/sns/latest/api/API_Operations.html).
 */
import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  paginateListTopics,
} from '@aws-sdk/client-sns';
import { parsedOrText } from '../output.ts';
import {
  mapLimit,
  PER_RESOURCE_CONCURRENCY,
  tagMap,
  type ResourceEntry,
  type ServiceReader,
} from './types.ts';

export const snsReader: ServiceReader = {
  service: 'sns',
  listAction: 'sns:ListTopics',
  async read({ sns }, ctx) {
    const arns: string[] = [];
    for await (const page of paginateListTopics({ client: sns }, {}))
      for (const t of page.Topics ?? []) if (t.TopicArn !== undefined) arns.push(t.TopicArn);
    return mapLimit(arns, PER_RESOURCE_CONCURRENCY, async (TopicArn): Promise<ResourceEntry> => {
      const policy = await ctx.optional('sns:GetTopicAttributes', TopicArn, async () => {
        const text = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes?.['Policy'];
        return text === undefined ? null : parsedOrText(text);
      });
      const tags = await ctx.optional('sns:ListTagsForResource', TopicArn, async () =>
        tagMap((await sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags),
      );
      return {
        arn: TopicArn,
        ...(policy === undefined ? {} : { policy }),
        settings: {},
        ...(tags === undefined || tags === null ? {} : { tags }),
      };
    });
  },
};
