/**
 * plan-check compares two analyses of the snapshot's model rebuilt from the
 * graph (query/model-slice.ts loadSnapshotModel). On the demo organization,
 * the rebuilt model must analyse to the edges ingest loaded: otherwise a
 * plan's diff would describe a different organization than the graph shows.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { analyse } from '../../engine/plan/diff.ts';
import { resolveSnapshot } from '../../ingest/load/snapshots.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { loadSnapshotModel } from '../../query/plan-check.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
let db: TestDb;
let snapshotId: string;

beforeAll(async () => {
  db = await openTestDb();
  snapshotId = (await ingestPaths(db.driver, [DEMO], { name: 'snapshot-model' })).snapshotId;
  db.track(snapshotId);
});
afterAll(async () => {
  await db.close();
});

describe('the snapshot model rebuilt from the graph', () => {
  it('analyses to as many CAN_ASSUME and CAN_ESCALATE_TO edges as ingest loaded', async () => {
    const snapshot = await resolveSnapshot(db.driver, snapshotId);
    const model = await loadSnapshotModel(db.driver, snapshotId);
    const a = analyse(model);
    expect({ assume: a.canAssume.length, escalate: a.escalation.length }).toEqual({
      assume: snapshot.counts?.relationships.CAN_ASSUME,
      escalate: snapshot.counts?.relationships.CAN_ESCALATE_TO,
    });
  });
});
