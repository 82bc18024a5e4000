/**
 * The app's request listener (createApp's `handler`, which answers the usual GraphQL request
 * without express's router) answers every request as the express app alone does: the same status,
 * headers and body (the request id aside), and the same request log line. The Neo4j driver is a
 * stand-in that fails, so a query that reads the database shows the masked error path.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { apiConfig } from './config.ts';
import { hashToken, tokenCheck } from './tokens.ts';

const TOKEN = 'front-test-reader-token-0123456789';
const logs: Record<string, unknown>[] = [];
const failing = new Proxy({} as Driver, {
  get() {
    throw new Error('no database in this test');
  },
});
const app = createApp({
  driver: failing,
  config: apiConfig({
    tokens: tokenCheck([{ role: 'reader', sha256: hashToken(TOKEN) }]),
    log: (e) => logs.push(e),
    indexSnapshots: 0,
    limits: { ...apiConfig({ tokens: tokenCheck([]) }).limits, maxBodyBytes: 2_000 },
  }),
});

let servers: http.Server[] = [];
let ports: number[] = [];
beforeAll(async () => {
  servers = [http.createServer(app.handler), http.createServer(app.express)];
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  ports = servers.map((s) => (s.address() as AddressInfo).port);
});
afterAll(() => servers.forEach((s) => s.close()));

interface Ask {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body without Content-Length (chunked). */
  chunked?: boolean;
  token?: string | null;
}

const json = (v: unknown) => JSON.stringify(v);

function send(
  port: number,
  a: Ask,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const body = typeof a.body === 'string' ? Buffer.from(a.body) : a.body;
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'content-type': 'application/json',
    ...(a.token === null ? {} : { authorization: `Bearer ${a.token ?? TOKEN}` }),
    ...(body && !a.chunked ? { 'content-length': String(body.length) } : {}),
    ...a.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: a.method ?? 'POST', path: a.path ?? '/graphql', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (a.chunked && body) req.write(body);
    req.end(a.chunked ? undefined : body);
  });
}

/** The response and the request's log line, with the request id (and what carries it) and times taken out. */
async function answer(port: number, a: Ask) {
  const res = await send(port, a);
  const id = String(res.headers['x-request-id']);
  const { date: _date, 'x-request-id': _id, etag, ...headers } = res.headers;
  await new Promise((r) => setImmediate(r));
  const line = logs.findLast((l) => l.requestId === id);
  const { requestId: _r, ms: _ms, ...log } = line ?? {};
  return {
    status: res.status,
    headers: { ...headers, etag: res.body.includes(id) ? 'has the request id' : etag } as Record<
      string,
      unknown
    >,
    body: res.body.replaceAll(id, 'REQUEST-ID'),
    log,
    logged: line !== undefined,
  };
}

const VIEWER = '{ viewer { role } }';
const WHO = 'query($r: ID!) { whoCanAssume(role: $r, maxHops: 4) { totalCount } }';
const cases: [string, Ask][] = [
  ['an answer', { body: json({ query: VIEWER }) }],
  [
    'an answer with variables and operation name',
    { body: json({ query: 'query V { viewer { role } }', variables: {}, operationName: 'V' }) },
  ],
  [
    'charset utf-8',
    { body: json({ query: VIEWER }), headers: { 'content-type': 'application/json; charset=utf-8' } },
  ],
  ['Accept JSON', { body: json({ query: VIEWER }), headers: { accept: 'application/json' } }],
  [
    'a database read that fails (gate, masked error)',
    { body: json({ query: WHO, variables: { r: 'arn:aws:iam::111111111111:role/x' } }) },
  ],
  ['a parse error', { body: json({ query: '{ viewer' }) }],
  ['a validation error', { body: json({ query: '{ nope }' }) }],
  ['a missing variable', { body: json({ query: WHO }) }],
  [
    'too many aliases',
    {
      body: json({
        query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`,
      }),
    },
  ],
  ['no token', { body: json({ query: VIEWER }), token: null }],
  ['a wrong token', { body: json({ query: VIEWER }), token: 'not-the-token-0123456789' }],
  ['a malformed Authorization', { body: json({ query: VIEWER }), headers: { authorization: 'Basic abc' } }],
  ['another host', { body: json({ query: VIEWER }), headers: { host: 'attacker.example' } }],
  [
    'a byte order mark',
    { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json({ query: VIEWER }))]) },
  ],
  ['an empty body', { body: '' }],
  ['a batch', { body: json([{ query: VIEWER }]) }],
  ['a string', { body: json('x') }],
  ['a number after spaces', { body: '  5' }],
  ['not JSON', { body: '{"query": ' }],
  ['an object then more', { body: '{"query": "{ viewer { role } }"} x' }],
  ['an empty object', { body: '{}' }],
  ['an unknown member', { body: json({ query: VIEWER, other: 1 }) }],
  ['variables of the wrong type', { body: json({ query: VIEWER, variables: [1] }) }],
  ['no query', { body: json({ variables: {} }) }],
  ['invalid UTF-8', { body: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]) }],
  ['a body over the limit', { body: json({ query: VIEWER, variables: { x: 'y'.repeat(3_000) } }) }],
  ['chunked', { body: json({ query: VIEWER }), chunked: true }],
  [
    'chunked over the limit',
    { body: json({ query: VIEWER, variables: { x: 'y'.repeat(3_000) } }), chunked: true },
  ],
  ['gzip', { body: zlib.gzipSync(json({ query: VIEWER })), headers: { 'content-encoding': 'gzip' } }],
  [
    'latin-1',
    { body: json({ query: VIEWER }), headers: { 'content-type': 'application/json; charset=latin1' } },
  ],
  ['text/plain', { body: json({ query: VIEWER }), headers: { 'content-type': 'text/plain' } }],
  [
    'Accept graphql-response+json',
    { body: json({ query: '{ nope }' }), headers: { accept: 'application/graphql-response+json' } },
  ],
  ['Accept text/html', { body: json({ query: VIEWER }), headers: { accept: 'text/html' } }],
  ['a query string', { body: json({ query: VIEWER }), path: '/graphql?x=1' }],
  ['a trailing slash', { body: json({ query: VIEWER }), path: '/graphql/' }],
  [
    'GET',
    { method: 'GET', path: `/graphql?query=${encodeURIComponent(VIEWER)}`, headers: { 'content-type': '' } },
  ],
  ['GET /healthz', { method: 'GET', path: '/healthz' }],
  ['another path', { body: json({ query: VIEWER }), path: '/other' }],
];

describe('the request listener answers as express alone', () => {
  it.each(cases)('%s', async (_name, a) => {
    const front = await answer(ports[0]!, a);
    const alone = await answer(ports[1]!, a);
    expect(front).toEqual(alone);
  });

  it('takes the usual request itself, with the security headers', async () => {
    const front = await answer(ports[0]!, { body: json({ query: VIEWER }) });
    expect(front.status).toBe(200);
    expect(front.body).toBe('{"data":{"viewer":{"role":"READER"}}}');
    expect(front.headers['content-security-policy']).toContain("default-src 'self'");
    expect(front.log).toMatchObject({ msg: 'request', path: '/graphql', status: 200, role: 'reader' });
  });
});
