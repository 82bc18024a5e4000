/**
 * What a command checks before it runs (prepareDatabase, used by every command that
 * connects): the schema of cypher/schema.cypher is there, and a missing index or
 * constraint is created again before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, prepareDatabase, retiredNames, schemaNames } from '../../ingest/load/snapshots.ts';
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
      expect.arrayContaining(['atlas_node_key', 'snapshot_id', 'snapshot_status', 'role_name']),
    );
    expect(new Set(schemaNames()).size).toBe(schemaNames().length);
  });

  it('creates none of the indexes it retires', () => {
    expect(retiredNames()).toEqual(
      expect.arrayContaining(['principal_arn', 'resource_arn', 'account_id', 'atlas_node_name']),
    );
    for (const name of retiredNames()) expect(schemaNames()).not.toContain(name);
  });

  it('drops a retired index an earlier version created, and keeps the schema', async () => {
    // As earlier versions created them (cypher/schema-retired.cypher names each).
    await db.driver.executeQuery(
      'CREATE INDEX principal_arn IF NOT EXISTS FOR (n:Principal) ON (n.snapshotId, n.arn)',
    );
    await db.driver.executeQuery(
      'CREATE TEXT INDEX atlas_node_name IF NOT EXISTS FOR (n:AtlasNode) ON (n.name)',
    );
    expect(await presentNames()).toContain('principal_arn');
    await prepareDatabase(db.driver);
    let present = await presentNames();
    for (const name of retiredNames()) expect(present, name).not.toContain(name);
    for (const name of schemaNames()) expect(present, name).toContain(name);
    // applySchema (the benchmarks and the test harness) drops them as well.
    await db.driver.executeQuery(
      'CREATE INDEX account_id IF NOT EXISTS FOR (n:Account) ON (n.snapshotId, n.id)',
    );
    await applySchema(db.driver);
    present = await presentNames();
    expect(present).not.toContain('account_id');
  });

  it('creates a schema index that is missing again (as on a new database)', async () => {
    // The index on the few Snapshot nodes' status: cheap to build again on a shared server.
    await db.driver.executeQuery('DROP INDEX snapshot_status IF EXISTS');
    expect((await presentNames()).has('snapshot_status')).toBe(false);
    await prepareDatabase(db.driver);
    const present = await presentNames();
    for (const name of schemaNames()) expect(present, name).toContain(name);
  });

  it('finds every index and constraint of the schema with SHOW INDEXES alone (its check reads nothing else)', async () => {
    await prepareDatabase(db.driver);
    const idx = await db.driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names');
    const names = new Set(idx.records[0]!.get('names') as string[]);
    for (const name of schemaNames()) expect(names, name).toContain(name);
  });

  it('removes a dead load before it lists the complete snapshots, in the same check', async () => {
    // A load on another machine whose heartbeat stopped an hour ago, and a complete snapshot.
    const dead = `prepare-dead-${process.pid}-${Date.now()}`;
    const done = `prepare-done-${process.pid}-${Date.now()}`;
    const at = new Date(Date.now() - 3600_000).toISOString();
    await db.driver.executeQuery(
      `CREATE (:Snapshot {id: $dead, name: $dead, status: 'loading', createdAt: $at, heartbeatAt: $at,
                          loaderHost: 'a-host-that-is-gone', loaderPid: 1}),
              (:Snapshot {id: $done, name: $done, status: 'complete', createdAt: $at, completedAt: $at,
                          sources: ['a.json'], counts: '{"nodes":{},"relationships":{}}'})`,
      { dead, done, at },
    );
    db.track(dead);
    db.track(done);
    const check = await prepareDatabase(db.driver, { list: { sources: false } });
    expect(check.removed).toContainEqual({ id: dead, was: 'loading' });
    const ids = check.snapshots!.map((s) => s.id);
    expect(ids).toContain(done);
    expect(ids).not.toContain(dead);
    expect(check.snapshots!.find((s) => s.id === done)!.sources).toBeUndefined();
    const left = await db.driver.executeQuery('MATCH (s:Snapshot {id: $dead}) RETURN count(s) AS n', {
      dead,
    });
    expect(Number(left.records[0]!.get('n'))).toBe(0);
    const withSources = await prepareDatabase(db.driver, { list: { sources: true } });
    expect(withSources.snapshots!.find((s) => s.id === done)!.sources).toEqual(['a.json']);
  });
});
