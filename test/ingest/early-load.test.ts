/**
 * A load begun before the analysis ends (`loadSnapshot` with `derived`, what `iamatlas ingest`
 * does for a small input): it writes the graph a load begun after the analysis writes, falls back
 * to a large load when the analysis's sets make it too large for one transaction, and leaves
 * nothing when the analysis fails.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../ingest/read/index.ts';
import { loadSnapshot, ONE_TRANSACTION_MAX_ROWS, type DerivedSets } from '../../ingest/load/loader.ts';
import { deriveForLoad } from '../../ingest/transform/derived.ts';
import { toGraphRows } from '../../ingest/transform/graph-rows.ts';
import { snapshotDigest } from '../../query/snapshot-digest.ts';
import { MINI_ACCOUNT, miniAuthorizationDetails, writeInputDir } from '../harness/mini-org.ts';
import { openTestDb, snapshotsNamed, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let dir: string;
beforeAll(async () => {
  db = await openTestDb();
  dir = writeInputDir({ [`${MINI_ACCOUNT}.json`]: miniAuthorizationDetails(MINI_ACCOUNT, 20) });
});
afterAll(async () => {
  await db.close();
});

/** The input's own rows and the analysis's sets, made anew (a load empties the lists it writes). */
async function prepared() {
  const { model } = await readSnapshot([dir]);
  return { rows: toGraphRows(model), derived: deriveForLoad(model) };
}

/** Settles with `value` after the loader has had time to write the input's own nodes. */
const later = <T>(value: T, ms = 200) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

const name = (what: string) => `early-${what}-${randomBytes(4).toString('hex')}`;

describe('a load begun before the analysis ends', () => {
  it('writes the graph a load begun after it writes', async () => {
    const after = await prepared();
    const a = await loadSnapshot(db.driver, after.rows, { name: name('after'), ...after.derived });
    db.track(a.snapshotId);
    const early = await prepared();
    const b = await loadSnapshot(db.driver, early.rows, {
      name: name('early'),
      derived: later(early.derived),
    });
    db.track(b.snapshotId);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.relationships).toEqual(a.relationships);
    expect(Object.keys(b.nodes)).toEqual(Object.keys(a.nodes));
    expect(Object.keys(b.relationships)).toEqual(Object.keys(a.relationships));
    expect(a.nodes.Role).toBe(20);
    const [da, dbb] = await Promise.all([
      snapshotDigest(db.driver, a.snapshotId),
      snapshotDigest(db.driver, b.snapshotId),
    ]);
    expect(dbb).toEqual(da);
  }, 120_000);

  it('rolls back and loads as a large load when the analysis makes it too large for one transaction', async () => {
    const { rows, derived } = await prepared();
    // Relationships whose ends are not in the snapshot: counted as dangling, written nowhere.
    const many: DerivedSets = {
      ...derived,
      extraRels: [
        ...derived.extraRels,
        {
          file: 'load/derived',
          name: 'rel-ABOUT',
          type: 'ABOUT',
          rows: Array.from({ length: ONE_TRANSACTION_MAX_ROWS + 1 }, (_, i) => ({
            key: `ABOUT|none-${i}|none`,
            from: `none-${i}`,
            to: 'none',
            props: { primary: true },
          })),
        },
      ],
    };
    const n = name('large');
    const res = await loadSnapshot(db.driver, rows, { name: n, derived: later(many) });
    db.track(res.snapshotId);
    expect(res.danglingRelationships).toBe(ONE_TRANSACTION_MAX_ROWS + 1);
    expect(res.nodes.Role).toBe(20);
    expect(res.relationships.CAN_ASSUME).toBeGreaterThan(0);
    // One snapshot of that name, complete: the rolled-back transaction left nothing.
    const found = await db.driver.executeQuery(
      'MATCH (s:Snapshot {name: $n}) RETURN s.id AS id, s.status AS status',
      {
        n,
      },
    );
    expect(found.records.map((r) => [r.get('id'), r.get('status')])).toEqual([[res.snapshotId, 'complete']]);
  }, 180_000);

  it('leaves nothing when the analysis fails', async () => {
    const { rows } = await prepared();
    const n = name('failed');
    const failed = later(undefined).then((): DerivedSets => {
      throw new Error('analysis failed');
    });
    await expect(loadSnapshot(db.driver, rows, { name: n, derived: failed })).rejects.toThrow(
      'analysis failed',
    );
    expect(await snapshotsNamed(db, n)).toBe(0);
  }, 60_000);
});
