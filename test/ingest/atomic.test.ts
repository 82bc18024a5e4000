/**
 * An ingest that dies halfway leaves no trace; earlier snapshots stay intact.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSnapshotNodes, snapshotGraphCounts } from '../../ingest/load/snapshots.ts';
import { iamatlasBin, runCli } from '../harness/cli.ts';
import { miniAuthorizationDetails, writeInputDir, MINI_ACCOUNT } from '../harness/mini-org.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';
import { projectRoot } from '../../db/paths.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

const bigInput = () =>
  writeInputDir({ [`${MINI_ACCOUNT}.json`]: miniAuthorizationDetails(MINI_ACCOUNT, 12_000) });

async function snapshotIdsNamed(name: string): Promise<{ id: string; status: string }[]> {
  const res = await db.driver.executeQuery(
    'MATCH (s:Snapshot {name: $name}) RETURN s.id AS id, s.status AS status',
    {
      name,
    },
  );
  return res.records.map((r) => ({ id: String(r.get('id')), status: String(r.get('status')) }));
}

/** Starts an ingest and sends `signal` once it has written some nodes. */
function ingestAndKill(dir: string, name: string, signal: NodeJS.Signals) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [iamatlasBin, 'ingest', dir, '--name', name], {
        env: cliEnv(),
        cwd: projectRoot,
      });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // Plain progress lines look like "  nodes: Role: 4000/12000".
        if (!sent && /nodes: Role: [1-9]\d*\/12000/.test(stderr)) {
          sent = true;
          child.kill(signal);
        }
      });
      child.on('error', reject);
      child.on('close', (code, sig) => resolve({ code, signal: sig, stderr }));
    },
  );
}

describe('atomic ingest', () => {
  it('a killed ingest (SIGKILL) leaves nothing once the next command runs; the earlier snapshot is unchanged', async () => {
    const earlierName = `earlier-${randomBytes(4).toString('hex')}`;
    const first = await runCli(
      ['ingest', writeInputDir({ 'a.json': miniAuthorizationDetails() }), '--name', earlierName, '--json'],
      cliEnv(),
    );
    expect(first.code, first.stderr).toBe(0);
    const earlier = JSON.parse(first.stdout) as { snapshotId: string };
    db.track(earlier.snapshotId);
    const earlierCounts = await snapshotGraphCounts(db.driver, earlier.snapshotId);

    const name = `killed-${randomBytes(4).toString('hex')}`;
    const killed = await ingestAndKill(bigInput(), name, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const killedId = /as snapshot (snap-\S+)/.exec(killed.stderr)?.[1];
    expect(killedId, killed.stderr).toBeDefined();
    // Until a command cleans up, the half-written snapshot is there but not listed as complete.
    // (Another test process may already have cleaned it up; the end state is what counts.)
    const half = await snapshotIdsNamed(name);
    for (const s of half) expect(s.status).toBe('loading');

    // Any command that connects clears loads whose process is gone.
    const list = await runCli(['snapshots', 'list', '--json'], cliEnv());
    expect(list.code, list.stderr).toBe(0);
    const listed = JSON.parse(list.stdout) as { id: string }[];
    expect(listed.map((s) => s.id)).toContain(earlier.snapshotId);
    expect(listed.map((s) => s.id)).not.toContain(killedId);
    expect(await snapshotIdsNamed(name)).toHaveLength(0);
    expect(await countSnapshotNodes(db.driver, killedId!)).toBe(0);
    expect(await snapshotGraphCounts(db.driver, earlier.snapshotId)).toEqual(earlierCounts);
  });

  it('an interrupted ingest (Ctrl-C) removes what it wrote and says so', async () => {
    const name = `interrupted-${randomBytes(4).toString('hex')}`;
    const run = await ingestAndKill(bigInput(), name, 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/nothing of it was kept/);
    expect(await snapshotIdsNamed(name)).toHaveLength(0);
  });

  it('loading the same input twice gives two snapshots with equal graphs', async () => {
    const dir = writeInputDir({ 'a.json': miniAuthorizationDetails(MINI_ACCOUNT, 5) });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['ingest', dir, '--json'], cliEnv());
      expect(r.code, r.stderr).toBe(0);
      ids.push((JSON.parse(r.stdout) as { snapshotId: string }).snapshotId);
      db.track(ids[i]!);
    }
    expect(ids[0]).not.toBe(ids[1]);
    expect(await snapshotGraphCounts(db.driver, ids[0]!)).toEqual(
      await snapshotGraphCounts(db.driver, ids[1]!),
    );
  });
});
