/**
 * Lambda over REST-JSON, the read calls the collector makes:
 * https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html (Marker, MaxItems,
 * NextMarker), https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
 * (ResourceNotFoundException when the function has no policy) and
 * https://docs.aws.amazon.com/lambda/latest/api/API_ListTags.html; errors with
 * their code in the X-Amzn-ErrorType header
 * (https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html).
 */
import type { ServerResponse } from 'node:http';
import { inRegion, type FakeResources } from './resources-world.ts';
import { AwsError, page } from './wire.ts';

/** The operation a request names, and the function or ARN in its path. */
export function lambdaOperation(method: string, url: URL): { action: string; name?: string } {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (method !== 'GET') return { action: `${method} (not read-only)` };
  if (parts[0] === '2015-03-31' && parts[1] === 'functions' && parts.length === 2)
    return { action: 'ListFunctions' };
  if (parts[0] === '2015-03-31' && parts[1] === 'functions' && parts[3] === 'policy')
    return { action: 'GetPolicy', ...(parts[2] === undefined ? {} : { name: parts[2] }) };
  if (parts[0] === '2017-03-31' && parts[1] === 'tags')
    return { action: 'ListTags', name: parts.slice(2).join('/') };
  return { action: `unknown ${url.pathname}` };
}

export function sendRestJsonError(res: ServerResponse, error: AwsError): void {
  res.writeHead(error.status, { 'content-type': 'application/json', 'x-amzn-errortype': error.code });
  res.end(JSON.stringify({ Type: 'User', message: error.message }));
}

export function lambdaAnswer(
  res: ServerResponse,
  op: { action: string; name?: string },
  url: URL,
  ctx: { resources: FakeResources; account: string; region: string; pageSize: number },
): void {
  const arnOf = (name: string) => `arn:aws:lambda:${ctx.region}:${ctx.account}:function:${name}`;
  const functions = inRegion(ctx.resources.functions, ctx.region);
  const send = (body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (op.action === 'ListFunctions') {
    const size = Math.min(Number(url.searchParams.get('MaxItems') ?? 50), ctx.pageSize);
    const p = page(functions, url.searchParams.get('Marker'), size);
    return send({
      Functions: p.items.map((f) => ({
        FunctionName: f.name,
        FunctionArn: arnOf(f.name),
        Role: f.role,
        Runtime: 'nodejs22.x',
      })),
      ...(p.next === undefined ? {} : { NextMarker: p.next }),
    });
  }
  const fn = functions.find((f) => op.name === f.name || op.name === arnOf(f.name));
  if (!fn) throw new AwsError('ResourceNotFoundException', `Function not found: ${op.name ?? ''}`, 404);
  if (op.action === 'GetPolicy') {
    if (!fn.policy)
      throw new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
    return send({ Policy: JSON.stringify(fn.policy), RevisionId: '1' });
  }
  if (op.action === 'ListTags') return send({ Tags: fn.tags });
  throw new AwsError('UnknownOperationException', op.action, 404);
}
