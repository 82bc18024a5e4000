/**
 * The database session of the commands (cli/driver.ts): a command that writes waits for the
 * schema check, a load reads its input while the check runs, writing only after it, and a
 * read-only command runs without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_DIR } from '../../cli/commands/demo.ts';
import { withDriver } from '../../cli/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { cliEnv, openTestDb, snapshotsNamed, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
beforeAll(async () => {
  // withDriver connects as the command line does: from the environment.
  const env = cliEnv();
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD'] as const) process.env[k] = env[k];
  db = await openTestDb();
});
afterAll(() => db.close());

/** Whether `checked` had settled when `fn` started, and whether it had by the time `fn` awaited it. */
async function observe(opts: Parameters<typeof withDriver>[1]) {
  return withDriver(async (driver, checked) => {
    let settled = false;
    void checked.then(() => (settled = true));
    // One turn of the event loop: a settled check is seen as settled.
    await Promise.resolve();
    const atStart = settled;
    await checked;
    const rows = await driver.executeQuery('RETURN 1 AS one');
    return { atStart, afterAwait: settled, one: rows.records[0]?.get('one') as unknown };
  }, opts);
}

describe('withDriver', () => {
  it('runs a writing command after the schema check', async () => {
    const seen = await observe({});
    expect(seen.atStart).toBe(true);
    expect(Number(seen.one)).toBe(1);
  });

  it('runs a load while the check does, and the load can wait for the check before writing', async () => {
    const seen = await observe({ writesAfterCheck: true });
    expect(seen.atStart).toBe(false);
    expect(seen.afterAwait).toBe(true);
    expect(Number(seen.one)).toBe(1);
  });
});

describe('a read-only command (the query commands)', () => {
  it('runs without the check: a dead load is left to the next command that writes or lists snapshots', async () => {
    // A load on another machine whose heartbeat stopped an hour ago: any check deletes it.
    const id = `with-driver-dead-load-${process.pid}-${Date.now()}`;
    await db.driver.executeQuery(
      `CREATE (:Snapshot {id: $id, name: $id, status: 'loading', createdAt: $at, heartbeatAt: $at,
                          loaderHost: 'a-host-that-is-gone', loaderPid: 1})`,
      { id, at: new Date(Date.now() - 3600_000).toISOString() },
    );
    db.track(id);
    const count = async () =>
      Number(
        (
          await db.driver.executeQuery('MATCH (s:Snapshot {id: $id}) RETURN count(s) AS n', { id })
        ).records[0]?.get('n'),
      );
    const seen = await observe({ readOnly: true });
    expect(seen.atStart).toBe(true);
    expect(Number(seen.one)).toBe(1);
    expect(await count()).toBe(1);
    await observe({});
    expect(await count()).toBe(0);
  });
});

describe('a load', () => {
  it('reads and analyses its input before the database is ready, and writes only once it is', async () => {
    const name = 'with-driver-ready';
    let release!: () => void;
    const ready = new Promise<void>((done) => (release = done));
    const stages: string[] = [];
    const run = ingestPaths(db.driver, [DEMO_ORG_DIR], {
      name,
      databaseReady: ready,
      onStage: (l) => stages.push(l),
    });
    await expect.poll(() => stages.some((l) => l.startsWith('Transforming')), { timeout: 30_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(stages.some((l) => l.startsWith('Loading'))).toBe(false);
    expect(await snapshotsNamed(db, name)).toBe(0);
    release();
    const res = await run;
    db.track(res.snapshotId);
    expect(stages.some((l) => l.startsWith('Loading'))).toBe(true);
    expect(await snapshotsNamed(db, name)).toBe(1);
  });
});
