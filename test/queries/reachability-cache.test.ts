/**
 * The one-statement reachability search answers exactly as the hop-by-hop
 * search it replaced (kept as reach-in/reach-out in reachability.cypher, run
 * here as the reference), so does the API's in-memory reachability index
 * (query/reach-index.ts), and the API's query cache serves an answer again only
 * while its snapshot exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrganization } from '../../bench/generate.ts';
import { statement } from '../../cypher/index.ts';
import { QueryCache, reachIndexFor, resolveSnapshotCached } from '../../query/cache.ts';
import { scopedDriver } from '../../api/neo4j.ts';
import {
  assumptionParams,
  NotInSnapshotError,
  pathSummary,
  paths,
  reachableFrom,
  reachPage,
  type FoundEntry,
  toHop,
  toNodeRef,
  whoCanAssume,
  type Assumptions,
  type Hop,
  type NodeRef,
  type ReachEntry,
} from '../../query/index.ts';
import { resolveNode, parsePrincipal } from '../../query/principal.ts';
import { projectRoot } from '../../db/paths.ts';
import { deleteSnapshotData } from '../../ingest/load/snapshots.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { resolveSharedEvidence } from '../../query/shared-evidence.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
const PROD_BREAK_GLASS = 'arn:aws:iam::444444444444:role/break-glass-admin';
const VENDOR_ROLE = 'arn:aws:iam::444444444444:role/vendor/cloudwatcher-integration';
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';

let db: TestDb;
let demo: string;
let generated: string;

beforeAll(async () => {
  db = await openTestDb();
  demo = (await ingestPaths(db.driver, [DEMO], { name: 'reachability-cache-test' })).snapshotId;
  db.track(demo);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-reach-test-'));
  await writeOrganization(dir, { roles: 400, seed: 7 });
  generated = (await ingestPaths(db.driver, [dir], { name: 'reachability-cache-test-generated' })).snapshotId;
  db.track(generated);
  fs.rmSync(dir, { recursive: true, force: true });
}, 180_000);
afterAll(async () => {
  await db.close();
});

/** The hop-by-hop search (one statement per hop) the query layer used before; the reference. */
async function reference(
  driver: Driver,
  snapshotId: string,
  start: NodeRef,
  direction: 'in' | 'out',
  maxHops: number,
  limit: number,
  assumptions?: Assumptions,
): Promise<{ entries: ReachEntry[]; truncated: boolean }> {
  const visited = new Set([start.key]);
  const pathTo = new Map<string, Hop[]>([[start.key, []]]);
  const entries: ReachEntry[] = [];
  let frontier = [start.key];
  let truncated = false;
  let selfLoop = false;
  for (let hop = 1; hop <= maxHops && frontier.length > 0 && !truncated; hop++) {
    const res = await driver.executeQuery(
      statement('queries/reachability', direction === 'out' ? 'reach-out' : 'reach-in'),
      {
        snapshotId,
        keys: frontier,
        visited: hop === 1 ? [] : [...visited],
        rowLimit: neo4j.int(20_000),
        ...assumptionParams(assumptions),
      },
    );
    // Edges keep shared evidence by number (docs/graph-model.md): read back as every read does.
    await resolveSharedEvidence(
      driver,
      snapshotId,
      res.records.map((r) => r.get('edge') as Record<string, unknown>),
    );
    const next: string[] = [];
    for (const r of res.records) {
      const from = String(r.get('from'));
      const to = String(r.get('to'));
      const reached = direction === 'out' ? to : from;
      if (reached === start.key && from === to && !selfLoop) {
        selfLoop = true;
        const hops = [toHop(from, to, r.get('edge') as Record<string, unknown>)];
        entries.push({ node: start, ...pathSummary(hops), hops });
        continue;
      }
      if (visited.has(reached)) continue;
      if (entries.length >= limit) {
        truncated = true;
        break;
      }
      visited.add(reached);
      const edge = toHop(from, to, r.get('edge') as Record<string, unknown>);
      const via = pathTo.get(direction === 'out' ? from : to) ?? [];
      const hops = direction === 'out' ? [...via, edge] : [edge, ...via];
      pathTo.set(reached, hops);
      next.push(reached);
      entries.push({
        node: toNodeRef(r.get('node') as Record<string, unknown>, r.get('kind')),
        ...pathSummary(hops),
        hops,
      });
    }
    frontier = next;
  }
  entries.sort(
    (a, b) => a.length - b.length || (a.node.key < b.node.key ? -1 : a.node.key > b.node.key ? 1 : 0),
  );
  return { entries, truncated };
}

async function keysOf(label: 'Role' | 'User' | 'Anyone', snapshotId: string): Promise<string[]> {
  const list = await db.driver.executeQuery(
    `MATCH (n:AtlasNode {snapshotId: $snapshotId}) WHERE $label IN labels(n) RETURN n.key AS key ORDER BY key`,
    { snapshotId, label },
  );
  return list.records.map((r) => String(r.get('key')));
}

const CASES: { maxHops: number; limit?: number; assumptions?: Assumptions }[] = [
  { maxHops: 4 },
  { maxHops: 1 },
  { maxHops: 8, limit: 3 },
  { maxHops: 3, assumptions: { mfa: false, other: false } },
  { maxHops: 5, assumptions: { externalId: false, federation: false } },
];

describe('one-statement search', () => {
  it('answers whoCanAssume and reachableFrom exactly as the hop-by-hop search, and so does the index', async () => {
    // The API's way: no answers kept (each one computed), searches on the in-memory index.
    const cache = new QueryCache(db.driver, { maxEntries: 0, index: { driver: db.driver } });
    const indexed = () => cache.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    for (const snapshotId of [demo, generated]) {
      expect(await reachIndexFor(indexed(), snapshotId)).toBeUndefined(); // starts the build
      await cache.indexes!.settled();
      expect(await reachIndexFor(indexed(), snapshotId)).toBeDefined();
    }
    expect(cache.stats().indexes.map((x) => x.state)).toEqual(['ready', 'ready']);
    let compared = 0;
    for (const snapshotId of [demo, generated]) {
      const roles = await keysOf('Role', snapshotId);
      const users = await keysOf('User', snapshotId);
      const sample = roles.filter((_, i) => i % Math.max(1, Math.floor(roles.length / 60)) === 0);
      for (const role of sample) {
        const start = await resolveNode(db.driver, snapshotId, parsePrincipal(role));
        for (const c of CASES) {
          const got = await whoCanAssume(db.driver, snapshotId, { role, ...c });
          const want = await reference(
            db.driver,
            snapshotId,
            start,
            'in',
            c.maxHops,
            c.limit ?? 200,
            c.assumptions,
          );
          expect(got.principals, `${role} ${JSON.stringify(c)}`).toEqual(want.entries);
          expect(got.truncated).toBe(want.truncated);
          expect(await whoCanAssume(indexed(), snapshotId, { role, ...c }), `index: ${role}`).toEqual(got);
          compared++;
        }
      }
      const anyone = (await keysOf('Anyone', snapshotId)).slice(0, 1);
      for (const principal of [...users.slice(0, 20), ...sample.slice(0, 20), ...anyone]) {
        const start = await resolveNode(db.driver, snapshotId, parsePrincipal(principal, true));
        for (const c of CASES) {
          const got = await reachableFrom(db.driver, snapshotId, { principal, ...c });
          const want = await reference(
            db.driver,
            snapshotId,
            start,
            'out',
            c.maxHops,
            c.limit ?? 200,
            c.assumptions,
          );
          expect(got.roles, `${principal} ${JSON.stringify(c)}`).toEqual(want.entries);
          expect(got.truncated).toBe(want.truncated);
          expect(
            await reachableFrom(indexed(), snapshotId, { principal, ...c }),
            `index: ${principal}`,
          ).toEqual(got);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(cache.stats().indexSearches).toBeGreaterThanOrEqual(compared);
  }, 300_000);
});

describe('index search', () => {
  it('keeps per node the first row of the sorted candidates, without sorting them all', async () => {
    const cache = new QueryCache(db.driver, { index: { driver: db.driver } });
    const request = () => cache.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    await reachIndexFor(request(), generated);
    await cache.indexes!.settled();
    const index = (await reachIndexFor(request(), generated))!;
    const keys = [...(await keysOf('Role', generated)), ...(await keysOf('User', generated))];
    let levels = 0;
    for (const key of keys.filter((_, i) => i % 3 === 0))
      for (const direction of ['in', 'out'] as const)
        for (const [limit, rowLimit, assumptions] of [
          [200, 20_000, {}],
          [1000, 20_000, { mfa: false }],
          [50, 4, {}],
        ] as const) {
          const filter = assumptionParams(assumptions);
          const fast = index.search(key, direction, 6, limit, rowLimit, filter);
          const sorted = index.search(key, direction, 6, limit, rowLimit, filter, true);
          expect(fast, `${key} ${direction} ${limit} ${rowLimit}`).toEqual(sorted);
          levels += fast!.levels.filter((l) => l.reached.length > 1).length;
        }
    expect(levels).toBeGreaterThan(50);
  }, 120_000);
});

describe('paths on the index', () => {
  it('equal the database paths when those are all there are, and are never longer otherwise', async () => {
    const cache = new QueryCache(db.driver, { maxEntries: 0, index: { driver: db.driver } });
    const indexed = () => cache.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    let exact = 0;
    let capped = 0;
    for (const snapshotId of [demo, generated]) {
      await reachIndexFor(indexed(), snapshotId);
      await cache.indexes!.settled();
      const pairs = new Set<string>();
      for (const role of (await keysOf('Role', snapshotId)).filter((_, i) => i % 4 === 0)) {
        const who = await whoCanAssume(db.driver, snapshotId, { role, maxHops: 4 });
        for (const e of who.principals.filter((x) => x.length > 1).slice(-3))
          pairs.add(JSON.stringify([e.node.key, role]));
      }
      for (const pair of [...pairs].slice(0, 60)) {
        const [from, to] = JSON.parse(pair) as [string, string];
        for (const c of [
          { maxHops: 4, limit: 10 },
          { maxHops: 3, limit: 2, assumptions: { mfa: false } },
        ]) {
          const want = await paths(db.driver, snapshotId, { from, to, ...c });
          const searches = cache.stats().indexSearches;
          const got = await paths(indexed(), snapshotId, { from, to, ...c });
          expect(cache.stats().indexSearches).toBe(searches + 1);
          if (want.paths.length < c.limit) {
            expect(got, `${from} -> ${to} ${JSON.stringify(c)}`).toEqual(want);
            exact++;
          } else {
            expect(got.paths.length).toBe(c.limit);
            got.paths.forEach((p, i) => expect(p.length).toBeLessThanOrEqual(want.paths[i]!.length));
            for (const p of got.paths) {
              expect(new Set(p.nodes.map((n) => n.key)).size).toBe(p.nodes.length); // simple
              expect(p.nodes[0]!.key).toBe(from);
              expect(p.nodes.at(-1)!.key).toBe(to);
              p.hops.forEach((h, i) =>
                expect([h.from, h.to]).toEqual([p.nodes[i]!.key, p.nodes[i + 1]!.key]),
              );
            }
            capped++;
          }
        }
      }
    }
    expect(exact).toBeGreaterThan(40);
    expect(capped).toBeGreaterThan(0);
  }, 300_000);
});

describe('pages', () => {
  it('give the entries a page picks, with the same hops as the whole answer', async () => {
    const cache = new QueryCache(db.driver, { index: { driver: db.driver } });
    const indexed = () => cache.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    await reachIndexFor(indexed(), generated);
    await cache.indexes!.settled();
    const byKeyDesc = (found: readonly FoundEntry[]) =>
      [...found].sort((a, b) => (a.node.key < b.node.key ? 1 : -1)).slice(2, 7);
    let pages = 0;
    for (const role of await keysOf('Role', generated)) {
      if (pages >= 15) break;
      const whole = await whoCanAssume(db.driver, generated, { role, maxHops: 4 });
      if (whole.principals.length < 4) continue;
      const want = [...whole.principals].sort((a, b) => (a.node.key < b.node.key ? 1 : -1)).slice(2, 7);
      for (const driver of [db.driver, indexed()]) {
        const page = await reachPage(driver, generated, 'whoCanAssume', { role, maxHops: 4 }, byKeyDesc, {
          byKeyDesc: [2, 7],
        });
        expect(page.total).toBe(whole.principals.length);
        expect(page.truncated).toBe(whole.truncated);
        expect(page.entries, role).toEqual(want);
      }
      if (want.length) pages++;
    }
    expect(pages).toBeGreaterThan(3);
    expect(cache.stats().indexSearches).toBeGreaterThan(0);
  }, 120_000);
});

describe('query cache', () => {
  it('serves the same answer again, and nothing of a snapshot once it is deleted', async () => {
    const own = (await ingestPaths(db.driver, [DEMO], { name: 'reachability-cache-test-deleted' }))
      .snapshotId;
    db.track(own);
    // Every request reads the snapshot list anew (0), so a deletion counts from the next request on.
    const cache = new QueryCache(db.driver, { snapshotListMaxAgeMs: 0 });
    // Each request binds its own driver object, as the API does.
    const request = () => cache.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    // As the API has it: a list may be reused for a while (here 300 ms) after its read started.
    const lagging = new QueryCache(db.driver, { snapshotListMaxAgeMs: 300 });
    const laggingRequest = () => lagging.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    const args = { role: PROD_BREAK_GLASS, maxHops: 4, assumptions: { mfa: true } };
    // A list kept for a minute and an index of the snapshot: the deletion shows as edges gone.
    const stale = new QueryCache(db.driver, { snapshotListMaxAgeMs: 60_000, index: { driver: db.driver } });
    const staleRequest = () => stale.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    await reachIndexFor(staleRequest(), own);
    await stale.indexes!.settled();
    expect(await whoCanAssume(staleRequest(), own, { ...args, maxHops: 2 })).toEqual(
      await whoCanAssume(db.driver, own, { ...args, maxHops: 2 }),
    );
    expect(stale.stats().indexSearches).toBe(1);

    const first = await whoCanAssume(request(), own, args);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1, entries: 1 });
    const again = await whoCanAssume(request(), own, {
      maxHops: 4,
      assumptions: { mfa: true },
      role: PROD_BREAK_GLASS,
    });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
    expect(again).toEqual(first);
    expect(again).toEqual(await whoCanAssume(db.driver, own, args)); // uncached, computed anew
    expect(Object.isFrozen(again.principals[0]!.hops)).toBe(true);

    // Other arguments (assumptions included) are other entries.
    const noMfa = await whoCanAssume(request(), own, { ...args, assumptions: { mfa: false } });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 2 });
    expect(noMfa.principals.length).toBeLessThan(first.principals.length);
    const p = await paths(request(), own, { from: BREAK_GLASS_USER, to: PROD_BREAK_GLASS, maxHops: 3 });
    expect(await paths(request(), own, { from: BREAK_GLASS_USER, to: PROD_BREAK_GLASS, maxHops: 3 })).toEqual(
      p,
    );
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 3, entries: 3 });

    // Snapshot references resolve from the request's list, as resolveSnapshot would.
    expect((await resolveSnapshotCached(request(), own)).id).toBe(own);
    expect((await resolveSnapshotCached(request(), 'reachability-cache-test-deleted')).id).toBe(own);

    expect(await whoCanAssume(laggingRequest(), own, args)).toEqual(first);
    const readsBefore = lagging.stats().snapshotReads;
    expect(await whoCanAssume(laggingRequest(), own, args)).toEqual(first);
    expect(lagging.stats()).toMatchObject({ hits: 1, snapshotReads: readsBefore }); // the list was reused

    // An index whose cache reads the list at every request.
    const renewed = new QueryCache(db.driver, { snapshotListMaxAgeMs: 0, index: { driver: db.driver } });
    const renewedRequest = () => renewed.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    await reachIndexFor(renewedRequest(), own);
    await renewed.indexes!.settled();
    expect(renewed.stats().indexes.map((x) => x.state)).toEqual(['ready']);
    const vendor = await whoCanAssume(db.driver, own, { role: VENDOR_ROLE, maxHops: 3 });

    // Deleted (by another process, say): not served, and its entries go.
    await deleteSnapshotData(db.driver, own);
    await expect(whoCanAssume(request(), own, args)).rejects.toBeInstanceOf(NotInSnapshotError);
    expect(cache.stats()).toMatchObject({ hits: 2, entries: 0, dropped: 3 });
    await expect(resolveSnapshotCached(request(), own)).rejects.toThrow(/No snapshot with id or name/);
    // The index holds its own copy of the edges: until the list is renewed it answers as before the
    // deletion (as cached answers are served); once the list no longer has the snapshot, its index
    // is dropped and the database answers that the snapshot is not there.
    expect(await whoCanAssume(staleRequest(), own, { role: VENDOR_ROLE, maxHops: 3 })).toEqual(vendor);
    expect(stale.stats().indexes.map((x) => x.snapshotId)).toEqual([own]);
    await expect(
      whoCanAssume(renewedRequest(), own, { role: VENDOR_ROLE, maxHops: 3 }),
    ).rejects.toBeInstanceOf(NotInSnapshotError);
    expect(renewed.stats().indexes).toEqual([]);
    // The lagging cache stops serving it once its list is older than 300 ms.
    await new Promise((r) => setTimeout(r, 350));
    await expect(whoCanAssume(laggingRequest(), own, args)).rejects.toBeInstanceOf(NotInSnapshotError);
    expect(lagging.stats()).toMatchObject({ entries: 0, dropped: 1 });
  }, 120_000);

  it("builds the latest snapshot's index when asked to prepare, before any question", async () => {
    const cache = new QueryCache(db.driver, { index: { driver: db.driver } });
    expect(cache.stats().indexes).toEqual([]);
    await cache.prepareLatest();
    expect(cache.stats().indexes).toHaveLength(1);
    await cache.indexes!.settled();
    expect(cache.stats().indexes.map((x) => x.state)).toEqual(['ready']);
    // Without indexes it does nothing.
    const plain = new QueryCache(db.driver);
    await plain.prepareLatest();
    expect(plain.stats().indexes).toEqual([]);
  }, 120_000);

  it('computes concurrent misses of one question once', async () => {
    const cache = new QueryCache(db.driver, { snapshotListMaxAgeMs: 0 });
    const request = () => cache.bind(scopedDriver(db.driver, { timeoutMs: 30_000 }));
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        reachableFrom(request(), demo, { principal: BREAK_GLASS_USER, maxHops: 4 }),
      ),
    );
    for (const a of answers) expect(a).toBe(answers[0]);
    expect(cache.stats().entries).toBe(1);
    expect(cache.stats().snapshotReads).toBeLessThanOrEqual(3);
  });
});
