/**
 * Review sessions (the only writes) and the API's protection: tokens and roles,
 * the cookie sign-in, limits, the per-request transaction timeout, bad input,
 * headers, CORS, health and logs. Real Neo4j, demo organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { deleteSession } from '../../api/reviews.ts';
import { defaultTokenName, hashToken } from '../../api/tokens.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { READER, REVIEWER, gql, ingestDemo, startApi } from './helpers.ts';

const DEV_DEBUG = 'arn:aws:iam::666666666666:role/app/developer-debug';
const DEV_BOB = 'arn:aws:iam::666666666666:user/developers/dev-bob';

/** The name the reviewer token acts under (tokens without a name: role and the start of the hash). */
const WHO = defaultTokenName('reviewer', hashToken(REVIEWER));

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;
const sessions: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  snap = await ingestDemo(db.driver, 'api-protection');
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);

afterAll(async () => {
  await api?.close();
  for (const id of sessions) await deleteSession(db.driver, id);
  await db?.close();
});

const CREATE = `mutation($i: CreateReviewSessionInput!) { createReviewSession(input: $i) { id name snapshotId createdBy } }`;
const ADD = `mutation($i: AddReviewItemInput!) { addReviewItem(input: $i) { id kind title status subjectKeys history { toStatus } path { length edges { type evidence { policyId } } } finding { id } } }`;
const SET = `mutation($i: SetReviewItemStatusInput!) { setReviewItemStatus(input: $i) { id status note reviewer history { fromStatus toStatus note reviewer } } }`;

describe('review sessions', () => {
  it('creates a session, adds a finding and a path, records status changes, and exports reports', async () => {
    const created = await gql(
      api.url,
      CREATE,
      { i: { name: 'Q2 review', snapshot: snap, reviewer: 'ana' } },
      REVIEWER,
    );
    expect(created.body.errors).toBeUndefined();
    const session = created.body.data!.createReviewSession;
    sessions.push(session.id);
    // The reviewer recorded is the token's name; the typed-in name is only a label beside it.
    expect(session).toMatchObject({ name: 'Q2 review', snapshotId: snap, createdBy: `${WHO} (as "ana")` });

    const f = await gql(
      api.url,
      `query($s: ID) { findings(snapshot: $s, severity: [critical], first: 1) { nodes { id title } } }`,
      { s: snap },
    );
    const finding = f.body.data!.findings.nodes[0];
    const item1 = await gql(
      api.url,
      ADD,
      { i: { sessionId: session.id, finding: finding.id, note: 'look', reviewer: 'ana' } },
      REVIEWER,
    );
    expect(item1.body.errors).toBeUndefined();
    expect(item1.body.data!.addReviewItem).toMatchObject({
      kind: 'FINDING',
      status: 'OPEN',
      finding: { id: finding.id },
    });

    const item2 = await gql(
      api.url,
      ADD,
      { i: { sessionId: session.id, path: [DEV_BOB, DEV_DEBUG] } },
      REVIEWER,
    );
    expect(item2.body.errors).toBeUndefined();
    const pathItem = item2.body.data!.addReviewItem;
    expect(pathItem.kind).toBe('PATH');
    expect(pathItem.path.edges[0].evidence.length).toBeGreaterThan(0);

    await gql(
      api.url,
      SET,
      { i: { itemId: pathItem.id, status: 'NEEDS_FIX', note: 'too broad', reviewer: 'ana' } },
      REVIEWER,
    );
    const set2 = await gql(
      api.url,
      SET,
      { i: { itemId: pathItem.id, status: 'FIXED', note: 'trust narrowed', reviewer: 'ben' } },
      REVIEWER,
    );
    expect(set2.body.errors).toBeUndefined();
    const history = set2.body.data!.setReviewItemStatus.history;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['OPEN', 'NEEDS_FIX', 'FIXED']);
    expect(history[2]).toMatchObject({
      fromStatus: 'NEEDS_FIX',
      note: 'trust narrowed',
      reviewer: `${WHO} (as "ben")`,
    });

    const report = await gql(
      api.url,
      `query($id: ID!) { reviewSession(id: $id) { statusCounts { name count } items { id status }
      md: report(format: MARKDOWN) json: report(format: JSON) } }`,
      { id: session.id },
    );
    const rs = report.body.data!.reviewSession;
    expect(rs.items.map((i: { status: string }) => i.status)).toEqual(['OPEN', 'FIXED']);
    expect(rs.statusCounts).toContainEqual({ name: 'FIXED', count: 1 });
    expect(rs.md).toContain('# Review: Q2 review');
    expect(rs.md).toContain(`needs fix → fixed by ${WHO} (as "ben"): trust narrowed`);
    const json = JSON.parse(rs.json);
    expect(json.items).toHaveLength(2);
    expect(json.statusCounts.OPEN).toBe(1);

    // Stored in Neo4j: a new server (a restart) still has it.
    const again = await startApi(db.driver);
    try {
      const r = await gql(
        again.url,
        `query { reviewSessions(first: 100) { nodes { id items { status } } } }`,
      );
      const mine = r.body.data!.reviewSessions.nodes.find((n: { id: string }) => n.id === session.id);
      expect(mine.items).toHaveLength(2);
    } finally {
      await again.close();
    }
  });

  it('keeps the analyst assumptions with a session and puts them in the report', async () => {
    const ASSUME = `assumptions { mfa externalId network federation region other }`;
    const plain = await gql(
      api.url,
      `mutation($i: CreateReviewSessionInput!) { createReviewSession(input: $i) { id ${ASSUME} } }`,
      { i: { name: 'defaults', snapshot: snap } },
      REVIEWER,
    );
    sessions.push(plain.body.data!.createReviewSession.id);
    expect(Object.values(plain.body.data!.createReviewSession.assumptions)).toEqual(Array(6).fill(true));

    const created = await gql(
      api.url,
      `mutation($i: CreateReviewSessionInput!) { createReviewSession(input: $i) { id ${ASSUME} } }`,
      { i: { name: 'no MFA', snapshot: snap, assumptions: { mfa: false, network: null } } },
      REVIEWER,
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createReviewSession.id as string;
    sessions.push(id);
    expect(created.body.data!.createReviewSession.assumptions).toMatchObject({ mfa: false, network: true });

    const SET_A = `mutation($id: ID!, $a: AssumptionsInput!) { setReviewSessionAssumptions(id: $id, assumptions: $a) { id ${ASSUME} } }`;
    // Replaces, not merges: MFA is assumed again, ExternalId no longer.
    const set = await gql(api.url, SET_A, { id, a: { externalId: false, other: false } }, REVIEWER);
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data!.setReviewSessionAssumptions.assumptions).toEqual({
      mfa: true,
      externalId: false,
      network: true,
      federation: true,
      region: true,
      other: false,
    });
    const read = await gql(
      api.url,
      `query($id: ID!) { reviewSession(id: $id) { ${ASSUME} md: report json: report(format: JSON) } }`,
      { id },
    );
    const rs = read.body.data!.reviewSession;
    expect(rs.assumptions.externalId).toBe(false);
    expect(rs.md).toContain(
      '- Assumptions: assumed satisfiable: mfa, network, federation, region; not assumed',
    );
    expect(rs.md).toMatch(/left out\): externalId, other/);
    expect(JSON.parse(rs.json).session.assumptions).toMatchObject({ externalId: false, mfa: true });

    const reader = await gql(api.url, SET_A, { id, a: {} }, READER);
    expect(reader.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const missing = await gql(api.url, SET_A, { id: 'rs-nope', a: {} }, REVIEWER);
    expect(missing.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('adds many items in one call, in order, or none when one is refused', async () => {
    const created = await gql(api.url, CREATE, { i: { name: 'batch', snapshot: snap } }, REVIEWER);
    const id = created.body.data!.createReviewSession.id as string;
    sessions.push(id);
    const f = await gql(api.url, `query($s: ID) { findings(snapshot: $s, first: 3) { nodes { id } } }`, {
      s: snap,
    });
    const ids = f.body.data!.findings.nodes.map((n: { id: string }) => n.id) as string[];
    expect(ids).toHaveLength(3);
    const ADD_MANY = `mutation($id: ID!, $items: [ReviewItemInput!]!) { addReviewItems(sessionId: $id, items: $items) {
      id kind status findingId: finding { id } subjectKeys history { toStatus reviewer } } }`;
    const refused = await gql(
      api.url,
      ADD_MANY,
      { id, items: [{ finding: ids[0] }, { finding: 'no-such-finding' }] },
      REVIEWER,
    );
    expect(refused.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(refused.body.errors![0]!.message).toMatch(/items\[1\]\.finding: no finding "no-such-finding"/);

    const r = await gql(
      api.url,
      ADD_MANY,
      {
        id,
        items: [
          ...ids.map((finding) => ({ finding, reviewer: 'ana' })),
          { path: [DEV_BOB, DEV_DEBUG], note: 'why?' },
        ],
      },
      REVIEWER,
    );
    expect(r.body.errors).toBeUndefined();
    const added = r.body.data!.addReviewItems;
    expect(added.map((i: { kind: string }) => i.kind)).toEqual(['FINDING', 'FINDING', 'FINDING', 'PATH']);
    expect(added.slice(0, 3).map((i: { findingId: { id: string } }) => i.findingId.id)).toEqual(ids);
    expect(added[0].history).toEqual([{ toStatus: 'OPEN', reviewer: `${WHO} (as "ana")` }]);
    expect(added[3].history).toEqual([{ toStatus: 'OPEN', reviewer: WHO }]);
    expect(added[3].subjectKeys).toEqual([DEV_BOB, DEV_DEBUG]);

    // The refused call added nothing; a single add after the batch comes last.
    const one = await gql(api.url, ADD, { i: { sessionId: id, finding: ids[0] } }, REVIEWER);
    expect(one.body.errors).toBeUndefined();
    const items = await gql(api.url, `query($id: ID!) { reviewSession(id: $id) { items { id } } }`, { id });
    expect(items.body.data!.reviewSession.items.map((i: { id: string }) => i.id)).toEqual([
      ...added.map((i: { id: string }) => i.id),
      one.body.data!.addReviewItem.id,
    ]);
    const none = await gql(api.url, ADD_MANY, { id, items: [] }, REVIEWER);
    expect(none.body.errors![0]!.message).toMatch(/at least one item/);
  });

  it('refuses bad review input with clear errors', async () => {
    const created = await gql(api.url, CREATE, { i: { name: 'bad input', snapshot: snap } }, REVIEWER);
    const id = created.body.data!.createReviewSession.id as string;
    sessions.push(id);
    const both = await gql(api.url, ADD, { i: { sessionId: id, finding: 'x', path: ['a', 'b'] } }, REVIEWER);
    expect(both.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(both.body.errors![0]!.message).toMatch(/exactly one of finding or path/);
    const noEdge = await gql(api.url, ADD, { i: { sessionId: id, path: [DEV_DEBUG, DEV_BOB] } }, REVIEWER);
    expect(noEdge.body.errors![0]!.message).toMatch(/no CAN_ASSUME or CAN_ESCALATE_TO edge/);
    const noSession = await gql(api.url, ADD, { i: { sessionId: 'rs-nope', finding: 'x' } }, REVIEWER);
    expect(noSession.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const badStatus = await gql(
      api.url,
      SET,
      { i: { itemId: 'x', status: 'DONE', reviewer: 'a' } },
      REVIEWER,
    );
    expect(badStatus.body.errors![0]!.message).toMatch(/ReviewStatus/);
    const empty = await gql(api.url, CREATE, { i: { name: '   ' } }, REVIEWER);
    expect(empty.body.errors![0]!.message).toMatch(/input.name: name must not be empty/);
  });
});

describe('authentication and roles', () => {
  it('refuses requests without a token or with a wrong one', async () => {
    const none = await gql(api.url, '{ viewer { role } }', {}, null);
    expect(none.status).toBe(401);
    expect(none.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const wrong = await gql(api.url, '{ viewer { role } }', {}, 'not-a-token');
    expect(wrong.status).toBe(401);
    const reader = await gql(api.url, '{ viewer { role via } }');
    expect(reader.body.data!.viewer).toEqual({ role: 'READER', via: 'BEARER' });
  });

  it('a read-only token cannot write review sessions', async () => {
    const r = await gql(api.url, CREATE, { i: { name: 'nope', snapshot: snap } }, READER);
    expect(r.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(r.body.data?.createReviewSession ?? null).toBeNull();
  });

  it('signs a browser in with a one-time token and an HttpOnly SameSite=Strict cookie', async () => {
    const token = api.app.auth.issueLoginToken('reviewer');
    const res = await fetch(`${api.url}/?token=${token}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const viewer = await gql(api.url, '{ viewer { role via } }', {}, null, { cookie: pair });
    expect(viewer.body.data!.viewer).toEqual({ role: 'REVIEWER', via: 'COOKIE' });
    // Spent: the same token does not sign in twice.
    const again = await fetch(`${api.url}/?token=${token}`, { redirect: 'manual' });
    expect(again.status).toBe(401);
    // The page's way: POST /auth/session.
    const t2 = api.app.auth.issueLoginToken('reader');
    const post = await fetch(`${api.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: t2 }),
    });
    expect(await post.json()).toEqual({ role: 'reader' });
    // A cross-site request cannot ride the cookie.
    const cross = await gql(api.url, '{ viewer { role } }', {}, null, {
      cookie: pair,
      origin: 'http://evil.example',
    });
    expect(cross.status).toBe(403);
  });
});

describe('limits, timeouts and bad input', () => {
  it('rejects queries that are too deep, too wide in aliases, too long or too costly', async () => {
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `children { ${deep} }`;
    const d = await gql(api.url, `{ organization { root { ${deep} } } }`);
    expect(d.body.errors![0]!.message).toMatch(/depth/i);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    const a = await gql(api.url, `{ ${aliases} }`);
    expect(a.body.errors![0]!.message).toMatch(/alias/i);
    const long = `{ viewer { ${Array.from({ length: 2100 }, () => 'role').join(' ')} } }`;
    const t = await gql(api.url, long);
    expect(t.body.errors!.map((e) => e.message).join(' ')).toMatch(/token/i);
    const cheap = await startApi(db.driver, { limits: { maxCost: 50 } });
    try {
      const c = await gql(
        cheap.url,
        `{ principals(first: 5) { nodes { arn policies { key name document } canAssume { from { key } to { key } conditions { key } } } } }`,
      );
      expect(c.body.errors![0]!.message).toMatch(/cost/i);
    } finally {
      await cheap.close();
    }
    for (const r of [d, a, t]) expect(JSON.stringify(r.body)).not.toMatch(/\bat \w+ \(|node_modules/);
  });

  it('stops a statement at the transaction timeout and says so', async () => {
    const created = await gql(api.url, CREATE, { i: { name: 'timeout', snapshot: snap } }, REVIEWER);
    const id = created.body.data!.createReviewSession.id as string;
    sessions.push(id);
    const f = await gql(api.url, `query($s: ID) { findings(snapshot: $s, first: 1) { nodes { id } } }`, {
      s: snap,
    });
    const item = await gql(
      api.url,
      ADD,
      { i: { sessionId: id, finding: f.body.data!.findings.nodes[0].id } },
      REVIEWER,
    );
    const itemId = item.body.data!.addReviewItem.id as string;
    const fast = await startApi(db.driver, { limits: { queryTimeoutMs: 1000 } });
    // Another transaction holds the item's write lock, so the API's update must wait past its timeout.
    const session = db.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const tx = session.beginTransaction();
    try {
      await tx.run('MATCH (i:ReviewItem {id: $id}) SET i.lockedByTest = true', { id: itemId });
      const started = Date.now();
      const r = await gql(fast.url, SET, { i: { itemId, status: 'FIXED', reviewer: 'x' } }, REVIEWER);
      expect(r.body.errors![0]!.extensions!.code).toBe('QUERY_TIMEOUT');
      expect(r.body.errors![0]!.message).toMatch(/took longer than the server allows/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await tx.rollback();
      await session.close();
      await fast.close();
    }
  });

  it('answers bad arguments with GraphQL errors naming them, without stack traces', async () => {
    const cases: [string, RegExp, string][] = [
      ['{ whoCanAssume(role: "not-an-arn") { totalCount } }', /not a role ARN/, 'BAD_USER_INPUT'],
      ['{ whoCanAssume(role: "arn:aws:iam::111111111111:role/nope") { totalCount } }', /./, 'NOT_FOUND'],
      [`{ reachableFrom(principal: "${DEV_BOB}", maxHops: 99) { totalCount } }`, /maxHops/, 'BAD_USER_INPUT'],
      ['{ accounts(first: 600) { totalCount } }', /first must be between/, 'BAD_USER_INPUT'],
      ['{ accounts(after: "garbage") { totalCount } }', /cursor/, 'BAD_USER_INPUT'],
      ['{ snapshot(snapshot: "no-such-snapshot") { id } }', /No snapshot/, 'NOT_FOUND'],
      ['{ simulate(principal: "x", action: "bad", resource: "*") { allowed } }', /action/, 'BAD_USER_INPUT'],
      ['{ account(id: "12") { id } }', /12 digits/, 'BAD_USER_INPUT'],
      ['{ viewr { role } }', /Cannot query field/, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [q, msg, code] of cases) {
      const r = await gql(api.url, q);
      const e = r.body.errors?.[0];
      expect(e, q).toBeDefined();
      expect(e!.message, q).toMatch(msg);
      expect(e!.extensions?.code, q).toBe(code);
      expect(JSON.stringify(r.body), q).not.toMatch(/\bat \w+ \(|node_modules|Did you mean/);
    }
  });
});

describe('request bodies', () => {
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: { errors?: { message: string; extensions?: { code?: string } }[] } }>(
      (resolve, reject) => {
        const url = new URL('/graphql', api.url);
        const req = http.request(
          url,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${READER}`, ...headers },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        // Without a Content-Length header the body goes chunked, so only reading it can find its size.
        req.end(body);
      },
    );
  const big = JSON.stringify({ query: `{ viewer { role } }`, variables: { pad: 'x'.repeat(120_000) } });

  it('refuses bodies over the limit, with or without a Content-Length, and bad JSON', async () => {
    const withLength = await post(big, { 'content-length': String(Buffer.byteLength(big)) });
    expect(withLength.status).toBe(413);
    expect(withLength.body.errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
    const chunked = await post(big, { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(chunked.body.errors![0]!.message).toMatch(/larger than 100000 bytes/);
    const bad = await post('{"query": "{ viewer { role } }"');
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(bad.body.errors![0]!.message).toMatch(/not valid JSON/);
    for (const notAnObject of ['{}', '[]'])
      expect((await post(notAnObject)).body.errors![0]!.message).toMatch(
        /must be a JSON object with a "query"/,
      );
    const fine = await post(JSON.stringify({ query: '{ viewer { role } }' }), {
      'transfer-encoding': 'chunked',
    });
    expect(fine.status).toBe(200);
    expect(fine.body).toEqual({ data: { viewer: { role: 'READER' } } });
  });
});

describe('operations and headers', () => {
  it('answers /healthz and /readyz, sends security headers, and has CORS off', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    const page = await fetch(`${api.url}/`, { headers: { origin: 'http://evil.example' } });
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(await page.text()).not.toMatch(/<script>/);
  });

  it('logs one structured line per request with a request id and no secrets', async () => {
    const r = await gql(api.url, '{ viewer { role } }', {}, REVIEWER);
    const id = r.headers.get('x-request-id');
    const line = api.logs.find((l) => l.requestId === id && l.msg === 'request');
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, role: 'reviewer' });
    const all = JSON.stringify(api.logs);
    expect(all).not.toContain(REVIEWER);
    expect(all).not.toContain(READER);
  });
});
