/**
 * SQS queues of one Region: ListQueues, then per queue GetQueueAttributes
 * (Policy, QueueArn) and ListQueueTags
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html).
 * ListQueues pages only when asked for a page size.
 */
import { GetQueueAttributesCommand, ListQueueTagsCommand, paginateListQueues } from '@aws-sdk/client-sqs';
import { parsedOrText } from '../output.ts';
import { resourceEntry, serviceReader, type ReadContext } from './types.ts';

const PAGE = 1000;

/** https://sqs.REGION.amazonaws.com/ACCOUNT/NAME → arn:PARTITION:sqs:REGION:ACCOUNT:NAME */
function arnOfUrl(url: string, ctx: ReadContext): string {
  const [account = ctx.accountId, name = url] = new URL(url).pathname.split('/').filter(Boolean).slice(-2);
  return `arn:${ctx.partition}:sqs:${ctx.region}:${account}:${name}`;
}

export const sqsReader = serviceReader<string>({
  service: 'sqs',
  listAction: 'sqs:ListQueues',
  async list({ sqs }) {
    const urls: string[] = [];
    for await (const page of paginateListQueues({ client: sqs }, { MaxResults: PAGE }))
      urls.push(...(page.QueueUrls ?? []));
    return urls;
  },
  async readOne(QueueUrl, { sqs }, ctx) {
    const fallbackArn = arnOfUrl(QueueUrl, ctx);
    const attributes = await ctx.optional('sqs:GetQueueAttributes', fallbackArn, async () => {
      const got = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy', 'QueueArn'] }),
      );
      return got.Attributes ?? {};
    });
    const tags = await ctx.optional(
      'sqs:ListQueueTags',
      fallbackArn,
      async () => (await sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags ?? {},
    );
    const text = attributes?.['Policy'];
    // A queue without a policy has no Policy attribute.
    const policy =
      attributes === undefined || attributes === null
        ? undefined
        : text === undefined
          ? null
          : parsedOrText(text);
    return resourceEntry(attributes?.['QueueArn'] ?? fallbackArn, { policy, tags });
  },
});
