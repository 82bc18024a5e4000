/**
 * The loader writes the same graph however it writes it: the digest of every
 * node, relationship and property (query/snapshot-digest.ts) of the demo
 * organization with its people, and of a seeded generated organization (tier S:
 * 1,000 roles in 10 accounts), must equal the digests recorded in
 * test/fixtures/graph-digests/. A change that is meant to change the graph
 * records new digests with `npx vitest run test/ingest/graph-digest.test.ts -u`,
 * and the diff of the recorded file shows which node labels and relationship
 * types changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrganization } from '../../bench/generate.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { snapshotDigest } from '../../query/snapshot-digest.ts';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let generatedDir: string;
const recorded = (name: string) => path.join(__dirname, '..', 'fixtures', 'graph-digests', `${name}.json`);

beforeAll(async () => {
  db = await openTestDb();
  generatedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-digest-'));
  await writeOrganization(generatedDir, { roles: 1000, accounts: 10, seed: 42 });
}, 120_000);
afterAll(async () => {
  fs.rmSync(generatedDir, { recursive: true, force: true });
  await db?.close();
});

describe('the graph a load writes', () => {
  it('is the recorded one for the demo organization with its people', async () => {
    const res = await ingestDemoWithPeople(db.driver, 'digest-demo');
    db.track(res.snapshotId);
    const digest = await snapshotDigest(db.driver, res.snapshotId);
    await expect(JSON.stringify(digest, null, 2) + '\n').toMatchFileSnapshot(recorded('demo-people'));
  }, 300_000);

  it('is the recorded one for a generated organization (seed 42, 1,000 roles, 10 accounts)', async () => {
    const res = await ingestPaths(db.driver, [generatedDir], { name: 'digest-generated-s' });
    db.track(res.snapshotId);
    const digest = await snapshotDigest(db.driver, res.snapshotId);
    await expect(JSON.stringify(digest, null, 2) + '\n').toMatchFileSnapshot(recorded('generated-s'));
  }, 300_000);

  it('does not depend on the load: two loads of one input have one digest', async () => {
    const a = await ingestPaths(db.driver, [generatedDir], { name: 'digest-generated-a' });
    db.track(a.snapshotId);
    const b = await ingestPaths(db.driver, [generatedDir], { name: 'digest-generated-b' });
    db.track(b.snapshotId);
    const [da, dbb] = await Promise.all([
      snapshotDigest(db.driver, a.snapshotId),
      snapshotDigest(db.driver, b.snapshotId),
    ]);
    expect(dbb).toEqual(da);
    expect(Object.keys(da.parts).length).toBeGreaterThan(10);
  }, 300_000);
});
