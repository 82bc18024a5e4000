/**
 * The two AWS wire protocols the collector's services speak, server side.
 * - Query (IAM, STS): a form-encoded POST with Action and Version; the answer
 *   is XML, lists as <member> elements
 *   (https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf "Making Query requests";
 *   https://smithy.io/2.0/aws/protocols/aws-query-protocol.html), errors as
 *   <ErrorResponse><Error><Type/><Code/><Message/></Error></ErrorResponse>.
 * - JSON 1.1 (Organizations, SSO Admin, Identity Store): the operation in the
 *   X-Amz-Target header, a JSON body, errors as {"__type": Code, "message"}
 *   (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
 */
import type { ServerResponse } from 'node:http';

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** XML written by hand (such as a Query map's <entry> list), sent as it is. */
export class RawXml {
  constructor(readonly xml: string) {}
}

/** A JSON value as Query-protocol XML: objects as elements, arrays as <member> lists. */
export function toXml(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof RawXml) return value.xml;
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  return escapeXml(String(value));
}

export function sendQuery(res: ServerResponse, action: string, namespace: string, result: unknown): void {
  res.writeHead(200, { 'content-type': 'text/xml' });
  res.end(
    `<${action}Response xmlns="${namespace}"><${action}Result>${toXml(result)}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

export function sendQueryError(res: ServerResponse, error: AwsError, namespace: string): void {
  res.writeHead(error.status, { 'content-type': 'text/xml' });
  res.end(
    `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  );
}

export function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId() });
  res.end(JSON.stringify(body));
}

export function sendJsonError(res: ServerResponse, error: AwsError): void {
  res.writeHead(error.status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': requestId(),
  });
  res.end(JSON.stringify({ __type: error.code, message: error.message }));
}

let counter = 0;
export function requestId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** One page of `items` from a token: NextToken/Marker are opaque to the client, here an offset. */
export function page<T>(items: T[], token: unknown, size: number): { items: T[]; next?: string } {
  const start =
    typeof token === 'string' && token !== '' ? Number(Buffer.from(token, 'base64').toString()) : 0;
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { next: Buffer.from(String(end)).toString('base64') } : {}),
  };
}

/** Epoch seconds, as JSON-protocol timestamps are sent. */
export const epoch = (iso: string): number => Date.parse(iso) / 1000;
