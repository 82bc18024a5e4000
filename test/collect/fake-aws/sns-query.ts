/**
 * SNS over the Query protocol, the read calls the collector makes:
 * https://docs.aws.amazon.com/sns/latest/api/API_ListTopics.html (NextToken),
 * https://docs.aws.amazon.com/sns/latest/api/API_GetTopicAttributes.html (the
 * Attributes map as <entry><key/><value/></entry>) and
 * https://docs.aws.amazon.com/sns/latest/api/API_ListTagsForResource.html.
 */
import { inRegion, type FakeResources } from './resources-world.ts';
import { AwsError, escapeXml, page, RawXml } from './wire.ts';

export const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function snsAction(
  action: string,
  params: URLSearchParams,
  ctx: { resources: FakeResources; account: string; region: string; pageSize: number },
): unknown {
  const arnOf = (name: string) => `arn:aws:sns:${ctx.region}:${ctx.account}:${name}`;
  const topics = inRegion(ctx.resources.topics, ctx.region);
  if (action === 'ListTopics') {
    const p = page(topics, params.get('NextToken'), ctx.pageSize);
    return { Topics: p.items.map((t) => ({ TopicArn: arnOf(t.name) })), NextToken: p.next };
  }
  const arn = params.get(action === 'GetTopicAttributes' ? 'TopicArn' : 'ResourceArn');
  const topic = topics.find((t) => arnOf(t.name) === arn);
  if (!topic) throw new AwsError('NotFound', 'Topic does not exist', 404);
  if (action === 'GetTopicAttributes') {
    const attributes: Record<string, string> = { TopicArn: arnOf(topic.name), Owner: ctx.account };
    if (topic.policy) attributes['Policy'] = JSON.stringify(topic.policy);
    const entries = Object.entries(attributes).map(
      ([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></entry>`,
    );
    return { Attributes: new RawXml(entries.join('')) };
  }
  if (action === 'ListTagsForResource')
    return { Tags: Object.entries(topic.tags).map(([Key, Value]) => ({ Key, Value })) };
  throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
}
