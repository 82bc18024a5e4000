/**
 * adminWays walks from all the roles people sign in as at once; each role's
 * ways must be what a walk from that role alone finds. On the demo
 * organization with its people. Real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statement } from '../../cypher/index.ts';
import { adminWays, type AdminStart } from '../../query/admin-ways.ts';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let snap: string;
let starts: AdminStart[];

beforeAll(async () => {
  db = await openTestDb();
  snap = (await ingestDemoWithPeople(db.driver, 'admin-ways')).snapshotId;
  db.track(snap);
  const res = await db.driver.executeQuery(statement('queries/people', 'people-signing-in-to-any'), {
    snapshotId: snap,
  });
  starts = res.records.map((r) => {
    const role = r.get('role') as { key: string; admin: boolean | null; accountId: string };
    return { key: role.key, admin: role.admin === true, accountId: role.accountId };
  });
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe('adminWays', () => {
  it('finds for every role, walked together, the ways a walk from that role alone finds', async () => {
    expect(starts.length).toBeGreaterThan(10);
    for (const maxHops of [2, 4]) {
      const together = await adminWays(db.driver, snap, starts, maxHops);
      expect(together.truncated).toBe(false);
      for (const s of starts) {
        const alone = await adminWays(db.driver, snap, [s], maxHops);
        expect(together.ways.get(s.key)).toEqual(alone.ways.get(s.key));
      }
    }
    // Not vacuous: administrators of their own account, role assumptions and escalations are among them.
    const all = [...(await adminWays(db.driver, snap, starts, 4)).ways.values()].flat();
    expect(all.some((w) => w.edges.length === 0)).toBe(true);
    expect(all.some((w) => w.edges[0]?.type === 'CAN_ASSUME')).toBe(true);
    expect(all.some((w) => w.edges.some((e) => e.type === 'CAN_ESCALATE_TO'))).toBe(true);
  });
});
