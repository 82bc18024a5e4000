/**
 * A driver for one test file. Test files share the server; each works in
 * snapshots it creates itself and deletes them when done.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { applySchema, deleteSnapshotData } from '../../ingest/load/snapshots.ts';

export interface TestDb {
  driver: Driver;
  /** Remember a snapshot for deletion at `close()`. */
  track(snapshotId: string): void;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const target = inject('neo4j');
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    disableLosslessIntegers: true,
  });
  await driver.verifyConnectivity();
  await applySchema(driver);
  const tracked = new Set<string>();
  return {
    driver,
    track: (id) => tracked.add(id),
    async close() {
      for (const id of tracked) await deleteSnapshotData(driver, id);
      await driver.close();
    },
  };
}

/** Environment for running bin/iamatlas against the test server from a test. */
export function cliEnv(): NodeJS.ProcessEnv {
  const target = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    FORCE_COLOR: '0',
  };
}

/** How many snapshots carry `name` (a refused ingest must leave none). */
export async function snapshotsNamed(db: TestDb, name: string): Promise<number> {
  const res = await db.driver.executeQuery('MATCH (s:Snapshot {name: $name}) RETURN count(s) AS n', { name });
  return Number(res.records[0]?.get('n'));
}
