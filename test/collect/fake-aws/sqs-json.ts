/**
 * SQS over the AWS JSON 1.0 protocol (X-Amz-Target: AmazonSQS.Operation), which
 * current SDKs speak, the read calls the collector makes:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueues.html
 * (NextToken, only when MaxResults is given), GetQueueAttributes (no Policy
 * attribute for a queue without one) and ListQueueTags. Errors carry the Query
 * protocol's code in the x-amzn-query-error header as well
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html).
 */
import type { ServerResponse } from 'node:http';
import type { ResourceContext } from './json-resources.ts';
import { inRegion } from './resources-world.ts';
import { AwsError, page } from './wire.ts';

type Body = Record<string, unknown>;

export function sendSqsError(res: ServerResponse, error: AwsError): void {
  res.writeHead(error.status, {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-query-error': `${error.code};Sender`,
  });
  res.end(JSON.stringify({ __type: `com.amazonaws.sqs#${error.code}`, message: error.message }));
}

export function sqsAction(action: string, body: Body, ctx: ResourceContext): Body {
  const urlOf = (name: string) => `https://sqs.${ctx.region}.amazonaws.com/${ctx.account}/${name}`;
  const queues = inRegion(ctx.resources.queues, ctx.region);
  if (action === 'ListQueues') {
    if (typeof body['MaxResults'] !== 'number') return { QueueUrls: queues.map((q) => urlOf(q.name)) };
    const p = page(queues, body['NextToken'], Math.min(body['MaxResults'], ctx.pageSize));
    return {
      QueueUrls: p.items.map((q) => urlOf(q.name)),
      ...(p.next === undefined ? {} : { NextToken: p.next }),
    };
  }
  const queue = queues.find((q) => urlOf(q.name) === body['QueueUrl']);
  if (!queue) throw new AwsError('QueueDoesNotExist', 'The specified queue does not exist.');
  if (action === 'GetQueueAttributes') {
    const attributes: Record<string, string> = {
      QueueArn: `arn:aws:sqs:${ctx.region}:${ctx.account}:${queue.name}`,
    };
    if (queue.policy) attributes['Policy'] = JSON.stringify(queue.policy);
    return { Attributes: attributes };
  }
  if (action === 'ListQueueTags') return Object.keys(queue.tags).length ? { Tags: queue.tags } : {};
  throw new AwsError('UnsupportedOperation', action);
}
