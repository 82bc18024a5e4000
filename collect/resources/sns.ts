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
import { resourceEntry, serviceReader, tagMap } from './types.ts';

export const snsReader = serviceReader<string>({
  service: 'sns',
  listAction: 'sns:ListTopics',
  async list({ sns }) {
    const arns: string[] = [];
    for await (const page of paginateListTopics({ client: sns }, {}))
      for (const t of page.Topics ?? []) if (t.TopicArn !== undefined) arns.push(t.TopicArn);
    return arns;
  },
  async readOne(TopicArn, { sns }, ctx) {
    const policy = await ctx.optional('sns:GetTopicAttributes', TopicArn, async () => {
      const text = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes?.['Policy'];
      return text === undefined ? null : parsedOrText(text);
    });
    const tags = await ctx.optional('sns:ListTagsForResource', TopicArn, async () =>
      tagMap((await sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags),
    );
    return resourceEntry(TopicArn, { policy, tags });
  },
});
