/**
 * The same input loaded twice lists the same escalation paths in the same order: Neo4j returns a
 * node's relationships in the order they were stored, which two loads (their batches sent on two
 * sessions at once) need not share, so the walk orders each node's edges itself. An account dense
 * with escalation grants (bench/escalation-account.ts) has many equally short paths to choose from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeEscalationAccount } from '../../bench/escalation-account.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { escalationPaths, escalations } from '../../query/escalation.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let tmp: string;
const loads: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-listing-stable-'));
  await writeEscalationAccount(tmp, { users: 250, roles: 250, seed: 8 });
  for (const n of [1, 2]) {
    const { snapshotId } = await ingestPaths(db.driver, [tmp], { name: `listing-stable-${n}` });
    db.track(snapshotId);
    loads.push(snapshotId);
  }
}, 240_000);
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
});

it('lists every path to admin the same way from two loads of one input', async () => {
  const [a, b] = await Promise.all(loads.map((id) => escalations(db.driver, id, {}, { evidence: true })));
  expect(a!.length).toBeGreaterThan(100);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
}, 120_000);

it("lists one principal's paths the same way from two loads", async () => {
  const from = (await escalations(db.driver, loads[0]!, { limit: 1 }))[0]!.from;
  const [a, b] = await Promise.all(
    loads.map((id) => escalationPaths(db.driver, id, { from, to: 'admin', maxHops: 4, limit: 50 })),
  );
  expect(a!.paths.length).toBeGreaterThan(1);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
}, 120_000);
