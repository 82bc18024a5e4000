/**
 * Deleting a snapshot is atomic as far as readers go: the snapshot disappears
 * from every query at once, even when the process deleting it dies halfway
 * through its chunks, and the next command finishes the delete.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countSnapshotNodes,
  listSnapshots,
  resolveSnapshot,
  snapshotGraphCounts,
} from '../../ingest/load/snapshots.ts';
import { projectRoot } from '../../db/paths.ts';
import { runCli } from '../harness/cli.ts';
import { MINI_ACCOUNT, miniAuthorizationDetails, writeInputDir } from '../harness/mini-org.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

async function ingest(name: string, roles: number): Promise<string> {
  const dir = writeInputDir({ [`${MINI_ACCOUNT}.json`]: miniAuthorizationDetails(MINI_ACCOUNT, roles) });
  const r = await runCli(['ingest', dir, '--name', name, '--json'], cliEnv());
  expect(r.code, r.stderr).toBe(0);
  const id = (JSON.parse(r.stdout) as { snapshotId: string }).snapshotId;
  db.track(id);
  return id;
}

/**
 * A separate process deletes `id` in chunks of 50 and kills itself (SIGKILL)
 * after `chunks` chunks: a delete that dies midway, as a crash or `kill -9` would leave it.
 */
function deleteAndDie(id: string, chunks: number) {
  const script = `
    import neo4j from 'neo4j-driver';
    import { deleteSnapshotData } from './ingest/load/snapshots.ts';
    const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD));
    let n = 0;
    await deleteSnapshotData(driver, ${JSON.stringify(id)}, 50, () => {
      if (++n === ${chunks}) process.kill(process.pid, 'SIGKILL');
    });
    await driver.close();
  `;
  return new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: cliEnv(),
      cwd: projectRoot,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, stderr }));
  });
}

describe('atomic snapshot delete', () => {
  it('a delete killed midway hides the snapshot from every query at once; the next command finishes it', async () => {
    const keptName = `kept-${randomBytes(4).toString('hex')}`;
    const kept = await ingest(keptName, 3);
    const keptCounts = await snapshotGraphCounts(db.driver, kept);
    const name = `half-deleted-${randomBytes(4).toString('hex')}`;
    const doomed = await ingest(name, 200);
    const before = await countSnapshotNodes(db.driver, doomed);
    expect(before).toBeGreaterThan(200);

    const died = await deleteAndDie(doomed, 2);
    expect(died.signal, died.stderr).toBe('SIGKILL');
    // Its graph is still there (relationships go first, so its nodes are)...
    const left = await countSnapshotNodes(db.driver, doomed);
    expect(left).toBeGreaterThan(0);
    // ...but no reader sees the snapshot: not listed, not found by id or by name.
    expect((await listSnapshots(db.driver)).map((s) => s.id)).not.toContain(doomed);
    await expect(resolveSnapshot(db.driver, doomed)).rejects.toThrow(/No snapshot with id or name/);
    await expect(resolveSnapshot(db.driver, name)).rejects.toThrow(/No snapshot with id or name/);
    const query = await runCli(
      ['query', 'who-can-assume', '--role', `arn:aws:iam::${MINI_ACCOUNT}:role/role-0`, '--snapshot', doomed],
      cliEnv(),
    );
    expect(query.code).not.toBe(0);
    expect(query.stderr).toMatch(/No snapshot with id or name/);

    // The next command finishes the delete (the query above may have done so already:
    // it is a command too). Whichever did, the snapshot is gone entirely. When other
    // commands run at the same time (test files run in parallel), one of them can be that
    // next command and print the notice instead; the graph is gone all the same (below).
    const list = await runCli(['snapshots', 'list', '--json'], cliEnv());
    expect(list.code, list.stderr).toBe(0);
    const notice = `Finished deleting snapshot ${doomed}: an earlier delete was interrupted`;
    if (!(query.stderr + list.stderr).includes(notice))
      console.warn(`Another command finished deleting ${doomed}.`);
    const listed = (JSON.parse(list.stdout) as { id: string }[]).map((s) => s.id);
    expect(listed).toContain(kept);
    expect(listed).not.toContain(doomed);
    expect(await countSnapshotNodes(db.driver, doomed)).toBe(0);
    const node = await db.driver.executeQuery('MATCH (s:Snapshot {id: $id}) RETURN count(s) AS n', {
      id: doomed,
    });
    expect(Number(node.records[0]!.get('n'))).toBe(0);
    expect(await snapshotGraphCounts(db.driver, kept)).toEqual(keptCounts);
  }, 240_000);

  it('`snapshots delete` removes the snapshot and its whole graph', async () => {
    const name = `deleted-${randomBytes(4).toString('hex')}`;
    const id = await ingest(name, 5);
    const r = await runCli(['snapshots', 'delete', name], cliEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Deleted ${id}`);
    expect(await countSnapshotNodes(db.driver, id)).toBe(0);
    expect((await listSnapshots(db.driver, true)).map((s) => s.id)).not.toContain(id);
  }, 120_000);

  it('`snapshots delete` removes the shared evidence texts too, which are not AtlasNodes', async () => {
    const name = `deleted-${randomBytes(4).toString('hex')}`;
    const load = await runCli(
      ['ingest', path.join(projectRoot, 'test', 'fixtures', 'demo-org'), '--name', name, '--json'],
      cliEnv(),
    );
    expect(load.code, load.stderr).toBe(0);
    const id = (JSON.parse(load.stdout) as { snapshotId: string }).snapshotId;
    db.track(id);
    const texts = async () =>
      Number(
        (
          await db.driver.executeQuery('MATCH (t:EvidenceText {snapshotId: $id}) RETURN count(t) AS n', {
            id,
          })
        ).records[0]!.get('n'),
      );
    expect(await texts()).toBeGreaterThan(0);
    const r = await runCli(['snapshots', 'delete', name], cliEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(await texts()).toBe(0);
  }, 120_000);
});
