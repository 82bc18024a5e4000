/**
 * What a command checks before it runs (prepareDatabase, used by every command that
 * connects): the schema of cypher/schema.cypher is there, and a missing index or
 * constraint is created again before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, schemaNames } from '../../ingest/load/snapshots.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

async function presentNames(): Promise<Set<string>> {
  const idx = await db.driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names');
  const con = await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
  return new Set([
    ...(idx.records[0]!.get('names') as string[]),
    ...(con.records[0]!.get('names') as string[]),
  ]);
}

describe('preparing the database before a command', () => {
  it('names every index and constraint of the schema', () => {
    expect(schemaNames()).toEqual(
      expect.arrayContaining(['atlas_node_key', 'snapshot_id', 'snapshot_status', 'atlas_node_name']),
    );
    expect(new Set(schemaNames()).size).toBe(schemaNames().length);
  });

  it('creates a schema index that is missing again (as on a new database)', async () => {
    // The index on the few Snapshot nodes' status: cheap to build again on a shared server.
    await db.driver.executeQuery('DROP INDEX snapshot_status IF EXISTS');
    expect((await presentNames()).has('snapshot_status')).toBe(false);
    await prepareDatabase(db.driver);
    const present = await presentNames();
    for (const name of schemaNames()) expect(present, name).toContain(name);
  });
});
