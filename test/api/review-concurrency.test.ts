/**
 * Review writes under concurrency: items added at the same time get unique,
 * consecutive numbers, and status changes made against a stale version of an
 * item are refused with a CONFLICT instead of silently overwriting. Real
 * Neo4j, real HTTP, demo organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSession } from '../../api/reviews.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { REVIEWER, gql, ingestDemo, startApi } from './helpers.ts';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;
let findingIds: string[];
const sessions: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  snap = await ingestDemo(db.driver, 'api-review-concurrency');
  db.track(snap);
  api = await startApi(db.driver);
  const f = await gql(api.url, `query($s: ID) { findings(snapshot: $s, first: 3) { nodes { id } } }`, {
    s: snap,
  });
  findingIds = f.body.data!.findings.nodes.map((n: { id: string }) => n.id) as string[];
}, 300_000);

afterAll(async () => {
  await api?.close();
  for (const id of sessions) await deleteSession(db.driver, id);
  await db?.close();
});

const CREATE = `mutation($i: CreateReviewSessionInput!) { createReviewSession(input: $i) { id } }`;
const ADD_MANY = `mutation($id: ID!, $items: [ReviewItemInput!]!) { addReviewItems(sessionId: $id, items: $items) { id version } }`;
const SET = `mutation($i: SetReviewItemStatusInput!) { setReviewItemStatus(input: $i) {
  id status version history { fromStatus toStatus reviewer } } }`;

async function newSession(name: string): Promise<string> {
  const r = await gql(api.url, CREATE, { i: { name, snapshot: snap } }, REVIEWER);
  expect(r.body.errors).toBeUndefined();
  const id = r.body.data!.createReviewSession.id as string;
  sessions.push(id);
  return id;
}

/** The stored (id, seq) of a session's items, by seq. */
async function numbers(sessionId: string): Promise<{ id: string; seq: number }[]> {
  const res = await db.driver.executeQuery(
    'MATCH (:ReviewSession {id: $id})-[:HAS_ITEM]->(i:ReviewItem) RETURN i.id AS id, i.seq AS seq ORDER BY seq',
    { id: sessionId },
  );
  return res.records.map((r) => ({ id: String(r.get('id')), seq: Number(r.get('seq')) }));
}

describe('concurrent review writes', () => {
  it('concurrent addReviewItems calls number their items uniquely and consecutively', async () => {
    const session = await newSession('concurrent adds');
    const calls = 24;
    const results = await Promise.all(
      Array.from({ length: calls }, () =>
        gql(api.url, ADD_MANY, { id: session, items: findingIds.map((finding) => ({ finding })) }, REVIEWER),
      ),
    );
    // An error here names the request; api.logs has the server's side of it.
    for (const r of results) expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    const stored = await numbers(session);
    expect(stored).toHaveLength(calls * findingIds.length);
    // 1..N, each once.
    expect(stored.map((s) => s.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    // Each call's items form one block, in the order given.
    const seqOf = new Map(stored.map((s) => [s.id, s.seq]));
    for (const r of results) {
      const seqs = (r.body.data!.addReviewItems as { id: string }[]).map((i) => seqOf.get(i.id)!);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
    // The counter agrees, so the next add continues after the last one.
    const next = await gql(api.url, ADD_MANY, { id: session, items: [{ finding: findingIds[0] }] }, REVIEWER);
    expect(next.body.errors).toBeUndefined();
    expect((await numbers(session)).at(-1)).toEqual({
      id: next.body.data!.addReviewItems[0].id,
      seq: stored.length + 1,
    });
  }, 120_000);

  it('of two status changes made against the same version, one wins and the other gets CONFLICT', async () => {
    const session = await newSession('concurrent status changes');
    const added = await gql(
      api.url,
      ADD_MANY,
      { id: session, items: [{ finding: findingIds[0] }] },
      REVIEWER,
    );
    const item = added.body.data!.addReviewItems[0] as { id: string; version: number };
    expect(item.version).toBe(1);

    const [a, b] = await Promise.all(
      (['NEEDS_FIX', 'ACCEPTED_RISK'] as const).map((status, n) =>
        gql(
          api.url,
          SET,
          { i: { itemId: item.id, status, expectedVersion: 1, reviewer: n ? 'bo' : 'ana' } },
          REVIEWER,
        ),
      ),
    );
    const outcomes = [a!, b!];
    const won = outcomes.filter((r) => !r.body.errors);
    const lost = outcomes.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.body.data!.setReviewItemStatus;
    expect(winner.version).toBe(2);
    const err = lost[0]!.body.errors![0]!;
    expect(err.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
      currentStatus: winner.status,
    });
    expect(err.message).toMatch(
      new RegExp(
        `Review item "${item.id}" changed since you read it: you sent expectedVersion 1, it is now at version 2`,
      ),
    );
    expect(err.message).toMatch(/Read the item again/);
    // Nothing of the losing change was written.
    expect(winner.history).toHaveLength(2);
    expect(winner.history[1]).toMatchObject({ fromStatus: 'OPEN', toStatus: winner.status });

    // Read again, change again against the version read: accepted.
    const retry = await gql(
      api.url,
      SET,
      { i: { itemId: item.id, status: 'FIXED', expectedVersion: 2, reviewer: 'bo' } },
      REVIEWER,
    );
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.setReviewItemStatus).toMatchObject({ status: 'FIXED', version: 3 });
  }, 120_000);

  it('concurrent status changes without a version each record the status they really replaced', async () => {
    const session = await newSession('unversioned status changes');
    const added = await gql(
      api.url,
      ADD_MANY,
      { id: session, items: [{ finding: findingIds[0] }] },
      REVIEWER,
    );
    const itemId = added.body.data!.addReviewItems[0].id as string;
    const statuses = ['NEEDS_FIX', 'ACCEPTED_RISK', 'FIXED', 'FALSE_POSITIVE', 'OPEN'] as const;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        gql(
          api.url,
          SET,
          { i: { itemId, status: statuses[n % statuses.length], reviewer: `r${n}` } },
          REVIEWER,
        ),
      ),
    );
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const last = await gql(
      api.url,
      `query($id: ID!) { reviewSession(id: $id) { items { version status history { fromStatus toStatus } } } }`,
      { id: session },
    );
    const it0 = last.body.data!.reviewSession.items[0];
    expect(it0.version).toBe(13);
    const h = it0.history as { fromStatus: string | null; toStatus: string }[];
    expect(h).toHaveLength(13);
    // A chain: each change starts from where the one before it ended.
    for (let i = 1; i < h.length; i++) expect(h[i]!.fromStatus).toBe(h[i - 1]!.toStatus);
    expect(it0.status).toBe(h.at(-1)!.toStatus);
  }, 120_000);
});
