/**
 * What one caller can make the API do, and what hostile requests get: nested
 * lists in pages, the cost refusal in plain words, one deadline per request,
 * a cap on concurrent expensive requests, findings read once for all their
 * pages, caches bounded by bytes, a database that stops answering, cookies,
 * origins, preflights, Host names, /readyz, the sign-in token, snapshot names,
 * batched review lookups. Real Neo4j, demo organization, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { parse } from 'graphql';
import { buildSchema } from '../../api/app.ts';
import { QueryCache } from '../../query/cache.ts';
import { operationCost } from '../../api/request-cost.ts';
import { apiConfig } from '../../api/config.ts';
import { addItems, createSession, deleteSession } from '../../api/reviews.ts';
import { startServer } from '../../api/server.ts';
import { tokenCheck } from '../../api/tokens.ts';
import { createDriver } from '../../db/connection.ts';
import { resolveSnapshot } from '../../ingest/load/snapshots.ts';
import * as UI_QUERIES from '../../ui/src/queries.ts';
import * as UI_PEOPLE_QUERIES from '../../ui/src/people/queries.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { READER, REVIEWER, gql, ingestDemo, startApi, type GqlResponse } from './helpers.ts';

const DEV_DEBUG = 'arn:aws:iam::666666666666:role/app/developer-debug';
const DEV_BOB = 'arn:aws:iam::666666666666:user/developers/dev-bob';
const DEV_ACCOUNT = '666666666666';
/** A role that can assume several others directly. */
const AUDIT_HUB = 'arn:aws:iam::222222222222:role/security/security-audit-hub';
const EDGE = 'type from { key } to { key } conditional';

/** An answer whose top-level fields hold one connection each (`principal.canAssume`, `account.edges`, `findings`). */
type Res = GqlResponse<Record<string, Record<string, Page> & Page>>;
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; from: { key: string }; to: { key: string } }[];
}

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;
const sessions: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  snap = await ingestDemo(db.driver, 'api-hardening');
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);

afterAll(async () => {
  await api?.close();
  for (const id of sessions) await deleteSession(db.driver, id);
  await db?.close();
});

/** A new review item, its write lock held by another transaction until `release()`. */
async function lockedItem(): Promise<{ itemId: string; release: () => Promise<void> }> {
  const s = await createSession(db.driver, { name: 'locks', snapshotId: snap });
  sessions.push(s.id);
  const [item] = await addItems(
    db.driver,
    { sessionId: s.id, items: [{ path: [DEV_BOB, DEV_DEBUG] }] },
    'test',
  );
  const session = db.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  const tx = session.beginTransaction();
  await tx.run('MATCH (i:ReviewItem {id: $id}) SET i.lockedByTest = true', { id: item!.id });
  return {
    itemId: item!.id,
    release: async () => {
      await tx.rollback();
      await session.close();
    },
  };
}

/** Runs `run` with a review item whose write lock another transaction holds meanwhile. */
async function withLockedItem(run: (itemId: string) => Promise<void>): Promise<void> {
  const { itemId, release } = await lockedItem();
  try {
    await run(itemId);
  } finally {
    await release();
  }
}

const SET = `mutation($i: SetReviewItemStatusInput!) { setReviewItemStatus(input: $i) { id status } }`;

/** A raw HTTP request (fetch will not send a Host header of our choosing). */
function raw(
  url: string,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(opts.path ?? '/graphql', url),
      { method: opts.method ?? 'POST', headers: opts.headers },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('nested lists come in pages', () => {
  it('pages canAssume, assumableBy and canEscalateTo with first/after, and filters by the other end', async () => {
    const all = await gql(
      api.url,
      `query($s: ID, $a: ID!) { principal(arn: $a, snapshot: $s) {
        canAssume(first: 500) { totalCount nodes { ${EDGE} } } } }`,
      { s: snap, a: AUDIT_HUB },
    );
    expect(all.body.errors).toBeUndefined();
    const every = all.body.data!.principal.canAssume;
    expect(every.totalCount).toBe(every.nodes.length);
    expect(every.totalCount).toBeGreaterThan(1);

    const pages: { to: { key: string } }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const r: Res = await gql(
        api.url,
        `query($s: ID, $a: ID!, $after: String) { principal(arn: $a, snapshot: $s) {
          canAssume(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${EDGE} } } } }`,
        { s: snap, a: AUDIT_HUB, after },
      );
      const c: Page = r.body.data!.principal!.canAssume!;
      expect(c.nodes.length).toBe(1);
      expect(c.totalCount).toBe(every.totalCount);
      pages.push(...c.nodes);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(pages).toEqual(every.nodes);

    const one = await gql(
      api.url,
      `query($s: ID, $a: ID!, $b: ID!) {
        from: principal(arn: $a, snapshot: $s) { canAssume(to: $b) { totalCount nodes { to { key } } } canEscalateTo { totalCount } }
        to: principal(arn: $b, snapshot: $s) { assumableBy(from: $a, first: 5) { totalCount nodes { from { key } } } } }`,
      { s: snap, a: DEV_BOB, b: DEV_DEBUG },
    );
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data!.from.canAssume).toEqual({ totalCount: 1, nodes: [{ to: { key: DEV_DEBUG } }] });
    expect(one.body.data!.to.assumableBy).toEqual({ totalCount: 1, nodes: [{ from: { key: DEV_BOB } }] });
    expect(typeof one.body.data!.from.canEscalateTo.totalCount).toBe('number');

    const tooMany = await gql(
      api.url,
      `query($a: ID!) { principal(arn: $a) { canAssume(first: 501) { totalCount } } }`,
      { a: DEV_BOB },
    );
    expect(tooMany.body.errors![0]!.message).toMatch(/first must be between 0 and 500/);
  });

  it("pages an account's edges, the same edges its principals list one by one", async () => {
    const pages: { from: { key: string }; to: { key: string } }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const r: Res = await gql(
        api.url,
        `query($s: ID, $after: String) { account(id: "${DEV_ACCOUNT}", snapshot: $s) {
          edges(direction: OUT, first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${EDGE} } } } }`,
        { s: snap, after },
      );
      expect(r.body.errors).toBeUndefined();
      const c: Page = r.body.data!.account!.edges!;
      total = c.totalCount;
      pages.push(...c.nodes);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(pages.length).toBe(total);
    expect(total).toBeGreaterThan(7);
    const list = await gql(
      api.url,
      `query($s: ID) { account(id: "${DEV_ACCOUNT}", snapshot: $s) { principals(first: 500) { nodes { arn } } } }`,
      { s: snap },
    );
    const fromPrincipals: { from: { key: string }; to: { key: string } }[] = [];
    for (const { arn } of list.body.data!.account.principals.nodes as { arn: string }[]) {
      const r = await gql(
        api.url,
        `query($s: ID, $a: ID!) { principal(arn: $a, snapshot: $s) { canAssume(first: 500) { nodes { from { key } to { key } } } } }`,
        { s: snap, a: arn },
      );
      fromPrincipals.push(...r.body.data!.principal.canAssume.nodes);
    }
    const key = (e: { from: { key: string }; to: { key: string } }) => `${e.from.key} ${e.to.key}`;
    expect(pages.map(key).sort()).toEqual(fromPrincipals.map(key).sort());
  });
});

describe('what one request may do', () => {
  it('refuses a too costly query in plain words: the cost, the limit, how to ask for less', async () => {
    const cheap = await startApi(db.driver, { limits: { maxCost: 50 } });
    try {
      const c = await gql(
        cheap.url,
        `{ principals(first: 5) { nodes { arn canAssume(first: 20) { nodes { from { key } } } } } }`,
      );
      const e = c.body.errors![0]!;
      expect(e.message).not.toMatch(/syntax/i);
      expect(e.message).toMatch(/its cost is [\d,]+, and the server allows at most 50\./);
      expect(e.message).toMatch(/smaller first values/);
      expect(e.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 50 });
      expect(e.extensions!.cost).toBeGreaterThan(50);
    } finally {
      await cheap.close();
    }
    // Page sizes given as variables count as well as written ones.
    const nested = `query($n: Int) { principals(first: $n) { nodes { arn canAssume(first: $n) { nodes { from { key } to { key } } } } } }`;
    const viaVariables = await gql(api.url, nested, { n: 500 });
    expect(viaVariables.body.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      maxCost: 100_000,
    });
    expect(viaVariables.body.errors![0]!.extensions!.cost).toBeGreaterThan(1_000_000);
    expect(viaVariables.body.data ?? null).toBeNull();
    const small = await gql(api.url, nested, { n: 3 });
    expect(small.body.errors).toBeUndefined();
  });

  it('keeps every query of the page within the cost limit and the schema', async () => {
    for (const [name, doc] of [...Object.entries(UI_QUERIES), ...Object.entries(UI_PEOPLE_QUERIES)]) {
      if (typeof doc !== 'string' || !/^\s*(query|mutation)\b/.test(doc)) continue;
      // No variables: validation (cost included) runs, then the missing variables stop it.
      const r = await gql(api.url, doc, {}, REVIEWER);
      const codes = (r.body.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, `${name}: ${JSON.stringify(r.body.errors)}`).not.toContain('QUERY_TOO_COSTLY');
      expect(codes, `${name}: ${JSON.stringify(r.body.errors)}`).not.toContain('GRAPHQL_VALIDATION_FAILED');
      // The count made before execution, with the largest page the page asks through a variable.
      const cost = operationCost(buildSchema(), parse(doc), { first: 500 });
      expect(cost, name).toBeLessThanOrEqual(apiConfig({ tokens: tokenCheck([]) }).limits.maxCost);
    }
  });

  it('stops every statement of a request at one deadline, with a clear error, and Neo4j stops them too', async () => {
    const slow = await startApi(db.driver, { limits: { queryTimeoutMs: 20_000, requestTimeoutMs: 1500 } });
    try {
      await withLockedItem(async (itemId) => {
        const started = Date.now();
        const r = await gql(slow.url, SET, { i: { itemId, status: 'FIXED' } }, REVIEWER);
        expect(r.body.errors![0]!.extensions!.code).toBe('REQUEST_TIMEOUT');
        expect(r.body.errors![0]!.message).toMatch(
          /ran longer than the server allows \(1500 ms for all its database statements together\)/,
        );
        expect(Date.now() - started).toBeLessThan(8000);
        // The waiting transaction was ended in Neo4j, not left behind.
        let left = 1;
        for (let i = 0; i < 20 && left > 0; i++) {
          const res = await db.driver.executeQuery(
            // (The pattern is split so that this statement does not find itself.)
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'SET i.' + 'status' RETURN count(*) AS n",
          );
          left = Number(res.records[0]!.get('n'));
          if (left) await new Promise((res2) => setTimeout(res2, 100));
        }
        expect(left).toBe(0);
      });
    } finally {
      await slow.close();
    }
    // The deadline counts from the request's arrival: time spent waiting for a place among the
    // expensive requests leaves less for its statements, which are cut to what is left.
    const queued = await startApi(db.driver, {
      limits: {
        queryTimeoutMs: 20_000,
        requestTimeoutMs: 4000,
        maxExpensive: 1,
        expensiveQueue: 1,
        expensiveCost: 0,
      },
    });
    try {
      await withLockedItem(async (second) => {
        // The first request holds the only place until its item's lock is let go, 2.5 s on.
        const held = await lockedItem();
        const first = gql(queued.url, SET, { i: { itemId: held.itemId, status: 'FIXED' } }, REVIEWER);
        await new Promise((r) => setTimeout(r, 200));
        const started = Date.now();
        const next = gql(queued.url, SET, { i: { itemId: second, status: 'FIXED' } }, REVIEWER);
        await new Promise((r) => setTimeout(r, 2300));
        await held.release();
        expect((await first).body.errors).toBeUndefined();
        // The second waited ~2.3 s for the place; its statement had the ~1.7 s left, not 20 s.
        const r = await next;
        expect(r.body.errors![0]!.extensions!.code).toBe('REQUEST_TIMEOUT');
        expect(Date.now() - started).toBeLessThan(9000);
      });
    } finally {
      await queued.close();
    }
  }, 60_000);

  it('refuses expensive requests beyond the cap with 429 and Retry-After, queues within it', async () => {
    const capped = await startApi(db.driver, {
      limits: { maxExpensive: 1, expensiveQueue: 0, expensiveCost: 0, queryTimeoutMs: 2000 },
    });
    const queued = await startApi(db.driver, {
      limits: { maxExpensive: 1, expensiveQueue: 1, expensiveCost: 0, queryTimeoutMs: 2000 },
    });
    try {
      await withLockedItem(async (itemId) => {
        const busy = gql(capped.url, SET, { i: { itemId, status: 'FIXED' } }, REVIEWER);
        await new Promise((r) => setTimeout(r, 300));
        const refused = await gql(capped.url, '{ viewer { role } }');
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('2');
        expect(refused.body.errors![0]!.extensions!.code).toBe('TOO_MANY_REQUESTS');
        expect(refused.body.errors![0]!.message).toMatch(/Try again in 2 s/);
        await busy;
        // The place is given back when the request ends.
        expect((await gql(capped.url, '{ viewer { role } }')).status).toBe(200);

        const first = gql(queued.url, SET, { i: { itemId, status: 'FIXED' } }, REVIEWER);
        await new Promise((r) => setTimeout(r, 300));
        const waited = await gql(queued.url, '{ viewer { role } }');
        expect(waited.status).toBe(200);
        expect(waited.body.data!.viewer.role).toBe('READER');
        await first;
      });
      // Cheap requests are not expensive under the default threshold.
      expect((await gql(api.url, '{ viewer { role } }')).status).toBe(200);
    } finally {
      await capped.close();
      await queued.close();
    }
  }, 60_000);

  it('reads the findings once for all their pages, and the pages add up', async () => {
    const fresh = await startApi(db.driver);
    try {
      const q = `query($s: ID, $after: String) { findings(snapshot: $s, first: 4, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
      const whole = await gql(
        fresh.url,
        `query($s: ID) { findings(snapshot: $s, first: 500) { nodes { id } } }`,
        {
          s: snap,
        },
      );
      const before = fresh.app.cache.stats();
      const ids: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const r: Res = await gql(fresh.url, q, { s: snap, after });
        const c: Page = r.body.data!.findings!;
        ids.push(...c.nodes.map((n: { id: string }) => n.id));
        after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 100);
      expect(pages).toBeGreaterThan(2);
      expect(ids).toEqual(whole.body.data!.findings.nodes.map((n: { id: string }) => n.id));
      const stats = fresh.app.cache.stats();
      expect(stats.hits - before.hits).toBeGreaterThanOrEqual(pages);
      expect(stats.misses - before.misses).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('bounded memory', () => {
  it('bounds the answer cache by bytes, not only by count', async () => {
    const cache = new QueryCache(db.driver, { maxEntries: 1000, maxBytes: 20_000 });
    for (let i = 0; i < 10; i++)
      await cache.memo(
        snap,
        `k${i}`,
        async () => ({ text: 'x'.repeat(4000) }),
        () => 1,
      );
    const s = cache.stats();
    expect(s.bytes).toBeLessThanOrEqual(20_000);
    expect(s.entries).toBeLessThanOrEqual(2);
    expect(s.evictions).toBeGreaterThan(0);
  });
});

describe('a database that stops answering', () => {
  it('times out on the client side: 503 in seconds, not a request that never ends', async () => {
    // Accepts connections and never says a word, as a hung Neo4j does.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const driver: Driver = createDriver({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: 'x',
      source: 'env',
    });
    const s = await startServer({
      driver,
      config: apiConfig({
        tokens: tokenCheck([]),
        log: () => {},
        indexSnapshots: 0,
        limits: { ...apiConfig({ tokens: tokenCheck([]) }).limits, queryTimeoutMs: 1000 },
      }),
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const token = s.app.auth.issueLoginToken('reader');
      const signIn = await fetch(`${s.url}/?token=${token}`, { redirect: 'manual' });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const started = Date.now();
      const r = await gql(s.url, '{ snapshots { totalCount } }', {}, null, { cookie });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r.body.errors![0]!.extensions!.code).toBe('DATABASE_UNAVAILABLE');
      expect(r.status).toBe(503);
      const ready = await fetch(`${s.url}/readyz`);
      expect(ready.status).toBe(503);
    } finally {
      await s.close(100);
      for (const x of sockets) x.destroy();
      silent.close();
      void driver.close().catch(() => {});
    }
  }, 30_000);
});

describe('hostile requests', () => {
  it('answers malformed cookies and Origin: null with 401, not 500', async () => {
    const bad = await gql(api.url, '{ viewer { role } }', {}, null, { cookie: 'iamatlas_session=%E0%A4%A' });
    expect(bad.status).toBe(401);
    expect(bad.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    const token = api.app.auth.issueLoginToken('reader');
    const signIn = await fetch(`${api.url}/?token=${token}`, { redirect: 'manual' });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const mixed = await gql(api.url, '{ viewer { role } }', {}, null, { cookie: `a=%zz; ${cookie}` });
    expect(mixed.status).toBe(200);
    const opaque = await gql(api.url, '{ viewer { role } }', {}, null, { cookie, origin: 'null' });
    expect(opaque.status).toBe(401);
    expect(opaque.body.errors![0]!.message).toMatch(/Bearer/);
    const logout = await fetch(`${api.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: 'iamatlas_session=%' },
    });
    expect(logout.status).toBe(204);
  });

  it('answers a CORS preflight from a configured origin before asking for credentials', async () => {
    const cors = await startApi(db.driver, { config: { corsOrigins: ['http://app.example'] } });
    try {
      const pre = await fetch(`${cors.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get('access-control-allow-origin')).toBe('http://app.example');
      const other = await fetch(`${cors.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
      // The request itself still needs a token.
      expect(
        (await gql(cors.url, '{ viewer { role } }', {}, null, { origin: 'http://app.example' })).status,
      ).toBe(401);
    } finally {
      await cors.close();
    }
  });

  it('answers only loopback names and configured hosts (DNS rebinding)', async () => {
    const body = JSON.stringify({ query: '{ viewer { role } }' });
    const headers = (host: string) => ({
      host,
      'content-type': 'application/json',
      authorization: `Bearer ${READER}`,
    });
    const port = new URL(api.url).port;
    const evil = await raw(api.url, { headers: headers(`evil.example:${port}`), body });
    expect(evil.status).toBe(421);
    expect(evil.text).toMatch(/IAMATLAS_API_ALLOWED_HOSTS/);
    expect((await raw(api.url, { headers: headers(`localhost:${port}`), body })).status).toBe(200);
    expect((await raw(api.url, { headers: headers(`127.0.0.1:${port}`), body })).status).toBe(200);
    expect((await raw(api.url, { method: 'GET', path: '/', headers: { host: 'evil.example' } })).status).toBe(
      421,
    );
    const named = await startApi(db.driver, { config: { allowedHosts: ['atlas.internal'] } });
    try {
      const p = new URL(named.url).port;
      expect((await raw(named.url, { headers: headers(`atlas.internal:${p}`), body })).status).toBe(200);
      expect((await raw(named.url, { headers: headers(`atlas.internal.evil:${p}`), body })).status).toBe(421);
    } finally {
      await named.close();
    }
  });

  it('tells anonymous callers of /readyz only whether it is ready, not which snapshots it holds', async () => {
    await gql(api.url, `query($s: ID) { whoCanAssume(role: "${DEV_DEBUG}", snapshot: $s) { totalCount } }`, {
      s: snap,
    });
    const anonymous = await fetch(`${api.url}/readyz`);
    const text = await anonymous.text();
    expect(JSON.parse(text)).toEqual({ status: 'ready', neo4j: 'reachable' });
    expect(text).not.toMatch(/snap-/);
    const signedIn = await fetch(`${api.url}/readyz`, { headers: { authorization: `Bearer ${READER}` } });
    expect(await signedIn.json()).toHaveProperty('cache');
  });

  it('the one-time sign-in token grants reader rights unless asked, and only for minutes', async () => {
    const token = api.app.auth.issueLoginToken();
    const signIn = await fetch(`${api.url}/?token=${token}`, { redirect: 'manual' });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const viewer = await gql(api.url, '{ viewer { role } }', {}, null, { cookie });
    expect(viewer.body.data!.viewer.role).toBe('READER');
    expect(apiConfig({ tokens: tokenCheck([]) }).signInTtlMs).toBeLessThanOrEqual(15 * 60_000);
    const short = await startApi(db.driver, { config: { signInTtlMs: 50 } });
    try {
      const t = short.app.auth.issueLoginToken();
      await new Promise((r) => setTimeout(r, 120));
      expect((await fetch(`${short.url}/?token=${t}`, { redirect: 'manual' })).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('snapshot names and review writes', () => {
  it('an id always means that snapshot, even when a newer one is named after it', async () => {
    const shadow = await ingestDemo(db.driver, snap);
    db.track(shadow);
    expect((await resolveSnapshot(db.driver, snap)).id).toBe(snap);
    const r = await gql(api.url, `query($s: ID) { snapshot(snapshot: $s) { id } }`, { s: snap });
    expect(r.body.data!.snapshot.id).toBe(snap);
  }, 120_000);

  it('adds path items with one lookup statement for all their steps', async () => {
    const s = await createSession(db.driver, { name: 'batch lookups', snapshotId: snap });
    sessions.push(s.id);
    let statements = 0;
    const counting = new Proxy(db.driver, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'executeQuery')
          return (...a: Parameters<Driver['executeQuery']>) => {
            statements++;
            return target.executeQuery(...a);
          };
        return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
      },
    });
    const items = Array.from({ length: 60 }, () => ({ path: [DEV_BOB, DEV_DEBUG] }));
    const added = await addItems(counting, { sessionId: s.id, items }, 'tester');
    expect(added).toHaveLength(60);
    expect(added[0]!.path!.edges[0]!.evidence.length).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(5);
    await expect(
      addItems(counting, { sessionId: s.id, items: [{ path: [DEV_BOB, DEV_DEBUG, DEV_BOB] }] }, 'tester'),
    ).rejects.toThrow(
      /items\[0\]\.path: no CAN_ASSUME or CAN_ESCALATE_TO edge from .*developer-debug to .*dev-bob/,
    );
  });
});
