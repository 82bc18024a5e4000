/**
 * `iamatlas demo` replaces the demo snapshot it loaded before, and nothing
 * else: a user's own snapshot that happens to be named "demo" stays. Snapshot
 * names that look like ids are refused, so a name never stands in for an id.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { listSnapshots } from '../../ingest/load/snapshots.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db?.close();
});

it('demo replaces only the demo it loaded before, never a user snapshot named "demo"', async () => {
  const mine = (await ingestPaths(db.driver, [DEMO_ORG_DIR], { name: 'demo' })).snapshotId;
  db.track(mine);
  const first = await runCli(['demo', '--json'], cliEnv());
  expect(first.code, first.stderr).toBe(0);
  const loaded = JSON.parse(first.stdout) as {
    snapshotId: string;
    counts: { nodes: Record<string, number> };
  };
  const d1 = loaded.snapshotId;
  db.track(d1);
  // The demo comes with its people (test/fixtures/demo-people/README.md), so a new user sees
  // Identity Center: 36 people in 8 groups, 7 permission sets.
  expect(loaded.counts.nodes).toMatchObject({ Person: 36, PeopleGroup: 8, PermissionSet: 7 });
  const second = await runCli(['demo', '--json'], cliEnv());
  expect(second.code, second.stderr).toBe(0);
  const d2 = (JSON.parse(second.stdout) as { snapshotId: string }).snapshotId;
  db.track(d2);
  const ids = (await listSnapshots(db.driver)).map((s) => s.id);
  expect(ids).toContain(mine);
  expect(ids).toContain(d2);
  expect(ids).not.toContain(d1);
}, 600_000);

it('refuses a snapshot name that looks like an id, before reading anything', async () => {
  const r = await runCli(['ingest', DEMO_ORG_DIR, '--name', 'snap-20260101T000000Z-abcdef'], cliEnv());
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--name: the snapshot name "snap-20260101T000000Z-abcdef" starts with "snap-"/);
});
