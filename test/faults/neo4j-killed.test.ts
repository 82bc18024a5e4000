/**
 * Neo4j killed (SIGKILL) in the middle of an ingest, a snapshot delete, a
 * review write and a long query: the command in flight fails with a clear
 * message, and once the server is back the next command recovers, with nothing
 * half-visible. A separate local Neo4j (own IAMATLAS_HOME and port), never the
 * server the other tests share.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedDriver } from '../../api/neo4j.ts';
import { addItems, applyReviewSchema, createSession } from '../../api/reviews.ts';
import { projectRoot } from '../../db/paths.ts';
import { countSnapshotNodes, listSnapshots, snapshotGraphCounts } from '../../ingest/load/snapshots.ts';
import { freePort, iamatlasBin, runCli } from '../harness/cli.ts';
import { MINI_ACCOUNT, miniAuthorizationDetails, writeInputDir } from '../harness/mini-org.ts';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-faults-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  IAMATLAS_HOME: home,
  IAMATLAS_NEO4J_PORT: String(await freePort()),
  IAMATLAS_NEO4J_HEAP: '512m',
  IAMATLAS_NEO4J_PAGECACHE_MB: '128',
  FORCE_COLOR: '0',
};
delete env.NEO4J_URI;
delete env.NEO4J_USER;
delete env.NEO4J_PASSWORD;

let driver: Driver;

async function serverPid(): Promise<number> {
  const r = await runCli(['db', 'status', '--json'], env);
  const pid = (JSON.parse(r.stdout) as { pid?: number }).pid;
  if (!pid) throw new Error(`the fault-test Neo4j is not running: ${r.stdout} ${r.stderr}`);
  return pid;
}

async function startServer(): Promise<void> {
  const r = await runCli(['db', 'start', '--json'], env);
  expect(r.code, r.stderr).toBe(0);
}

/** SIGKILL to this test's own Neo4j, then wait until it is gone. */
async function killServer(): Promise<void> {
  const pid = await serverPid();
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Neo4j (pid ${pid}) did not die`);
}

async function ingest(name: string, roles: number): Promise<string> {
  const dir = writeInputDir({ [`${MINI_ACCOUNT}.json`]: miniAuthorizationDetails(MINI_ACCOUNT, roles) });
  const r = await runCli(['ingest', dir, '--name', name, '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { snapshotId: string }).snapshotId;
}

/** Runs bin/iamatlas and calls `onOutput` with its stderr so far, until it exits. */
function runWatching(args: string[], onOutput: (stderr: string) => void) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [iamatlasBin, ...args], { env, cwd: projectRoot });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onOutput(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

async function statusOf(id: string): Promise<string | undefined> {
  const res = await driver.executeQuery('MATCH (s:Snapshot {id: $id}) RETURN s.status AS status', { id });
  return res.records[0]?.get('status') as string | undefined;
}

beforeAll(async () => {
  await startServer();
  const password = fs.readFileSync(path.join(home, 'neo4j', 'password'), 'utf8').trim();
  driver = neo4j.driver(`bolt://127.0.0.1:${env.IAMATLAS_NEO4J_PORT}`, neo4j.auth.basic('neo4j', password), {
    disableLosslessIntegers: true,
    maxConnectionLifetime: 10_000,
  });
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await runCli(['db', 'stop'], env);
  fs.rmSync(home, { recursive: true, force: true });
}, 120_000);

describe('Neo4j killed mid-operation', () => {
  it('during an ingest: the ingest fails clearly; after a restart the half-loaded snapshot is gone, the earlier one intact', async () => {
    const earlier = await ingest('earlier', 3);
    const earlierCounts = await snapshotGraphCounts(driver, earlier);
    let killed: Promise<void> | undefined;
    const run = await runWatching(
      [
        'ingest',
        writeInputDir({ [`${MINI_ACCOUNT}.json`]: miniAuthorizationDetails(MINI_ACCOUNT, 4_000) }),
        '--name',
        'killed',
      ],
      (err) => {
        if (!killed && /nodes: Role: [1-9]\d*\/4000/.test(err)) killed = killServer();
      },
    );
    await killed;
    expect(killed, 'Neo4j was killed while the ingest wrote').toBeDefined();
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^Error: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);

    await startServer();
    const list = await runCli(['snapshots', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toMatch(/its ingest did not finish/);
    const listed = JSON.parse(list.stdout) as { id: string; name: string }[];
    expect(listed.map((s) => s.name)).toEqual(['earlier']);
    const left = await driver.executeQuery("MATCH (s:Snapshot {name: 'killed'}) RETURN count(s) AS n");
    expect(left.records[0]!.get('n')).toBe(0);
    const orphans = await driver.executeQuery(
      'MATCH (n:AtlasNode) WHERE n.snapshotId <> $id RETURN count(n) AS n',
      { id: earlier },
    );
    expect(orphans.records[0]!.get('n')).toBe(0);
    expect(await snapshotGraphCounts(driver, earlier)).toEqual(earlierCounts);
  }, 600_000);

  it('during a snapshot delete: after a restart the snapshot is either whole or invisible, and the next command finishes the delete', async () => {
    const id = await ingest('doomed', 5_000);
    const nodes = await countSnapshotNodes(driver, id);
    let killed: Promise<void> | undefined;
    const poll = setInterval(() => {
      if (killed) return;
      void statusOf(id)
        .then((s) => {
          if (s === 'deleting' && !killed) killed = killServer();
        })
        .catch(() => {});
    }, 20);
    const run = await runWatching(['snapshots', 'delete', id], () => {});
    clearInterval(poll);
    await killed;
    expect(killed, 'Neo4j was killed while the delete ran').toBeDefined();
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);

    await startServer();
    // Before any command cleans up: whatever survived the crash is not visible as complete.
    const status = await statusOf(id);
    if (status === 'complete') expect(await countSnapshotNodes(driver, id)).toBe(nodes);
    else expect((await listSnapshots(driver)).map((s) => s.id)).not.toContain(id);
    // The next command finishes an interrupted delete; a snapshot the kill left whole stays whole.
    const list = await runCli(['snapshots', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    if (status === 'complete') {
      expect(await countSnapshotNodes(driver, id)).toBe(nodes);
      await runCli(['snapshots', 'delete', id], env);
    } else {
      expect(list.stderr).toMatch(new RegExp(`Finished deleting snapshot ${id}`));
    }
    expect(await statusOf(id)).toBeUndefined();
    expect(await countSnapshotNodes(driver, id)).toBe(0);
  }, 600_000);

  it('during review writes: every batch of items is in whole or not at all, numbered without gaps', async () => {
    const snap = (await listSnapshots(driver))[0]!.id;
    await applyReviewSchema(driver);
    const session = await createSession(driver, { name: 'faults', snapshotId: snap });
    const findings = await driver.executeQuery(
      'MATCH (f:Finding {snapshotId: $s}) RETURN f.key AS id LIMIT 5',
      { s: snap },
    );
    const ids = findings.records.map((r) => String(r.get('id')));
    expect(ids.length).toBeGreaterThan(0);
    const batch = Array.from({ length: 400 }, (_, i) => ({ finding: ids[i % ids.length]! }));
    const api = scopedDriver(driver, { timeoutMs: 30_000 });
    let ok = 0;
    let failed = 0;
    const writers = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 6; i++) {
        try {
          await addItems(api, { sessionId: session.id, items: batch }, 'fault test');
          ok++;
        } catch {
          failed++;
        }
      }
    });
    while (ok === 0) await new Promise((r) => setTimeout(r, 20));
    await killServer();
    await Promise.all(writers);
    expect(failed).toBeGreaterThan(0);

    await startServer();
    const res = await driver.executeQuery(
      `MATCH (s:ReviewSession {id: $id}) OPTIONAL MATCH (s)-[:HAS_ITEM]->(i:ReviewItem)
       RETURN s.itemCount AS count, collect(i.seq) AS seqs`,
      { id: session.id },
    );
    const count = res.records[0]!.get('count') as number;
    const seqs = (res.records[0]!.get('seqs') as number[]).sort((a, b) => a - b);
    expect(count % batch.length).toBe(0);
    expect(count).toBeGreaterThanOrEqual(ok * batch.length);
    expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  }, 600_000);

  it('during a long query: the query fails as "database unavailable", and answers again once Neo4j is back', async () => {
    const api = scopedDriver(driver, { timeoutMs: 120_000 });
    const long = api.executeQuery(
      'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n',
    );
    const failed = long.then(
      () => undefined,
      (err: Error) => err,
    );
    await new Promise((r) => setTimeout(r, 1500));
    await killServer();
    const err = await failed;
    expect(err?.name).toBe('DatabaseUnavailable');
    expect(err?.message).toMatch(/Neo4j is not reachable right now/);

    await startServer();
    const q = await runCli(['snapshots', 'list', '--json'], env);
    expect(q.code, q.stderr).toBe(0);
    expect((JSON.parse(q.stdout) as { name: string }[]).map((s) => s.name)).toEqual(['earlier']);
  }, 600_000);
});
