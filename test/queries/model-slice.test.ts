/**
 * What the engine is given at query time (a model rebuilt from the graph) is
 * what the readers produced at ingest time, for the parts that matter.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelSlice } from '../../query/model-slice.ts';
import { projectRoot } from '../../db/paths.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { readSnapshot } from '../../ingest/read/index.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
let db: TestDb;
let snapshotId: string;
let source: SnapshotModel;

beforeAll(async () => {
  db = await openTestDb();
  source = (await readSnapshot([DEMO])).model;
  const res = await ingestPaths(db.driver, [DEMO], { name: 'model-slice-test' });
  snapshotId = res.snapshotId;
  db.track(snapshotId);
});
afterAll(async () => {
  await db.close();
});

const sorted = (xs: string[]) => [...xs].sort();

describe('model slice read back from the graph', () => {
  it('gives every user and role the same policies, groups, boundary and trust policy', async () => {
    const arns = [...source.users.map((u) => u.arn), ...source.roles.map((r) => r.arn)];
    const slice = await loadModelSlice(db.driver, snapshotId, arns);
    expect(slice.users).toHaveLength(source.users.length);
    expect(slice.roles).toHaveLength(source.roles.length);
    for (const u of source.users) {
      const s = slice.users.find((x) => x.arn === u.arn)!;
      expect(sorted(s.managedPolicyArns), u.arn).toEqual(sorted(u.managedPolicyArns));
      expect(sorted(s.groupNames), u.arn).toEqual(sorted(u.groupNames));
      expect(
        s.inlinePolicies.map((p) => p.document),
        u.arn,
      ).toEqual(expect.arrayContaining(u.inlinePolicies.map((p) => p.document)));
      expect(s.permissionsBoundaryArn).toBe(u.permissionsBoundaryArn);
      expect(s.tags).toEqual(expect.arrayContaining(u.tags));
    }
    for (const r of source.roles) {
      const s = slice.roles.find((x) => x.arn === r.arn)!;
      expect(s.trustPolicy, r.arn).toEqual(r.trustPolicy);
      expect(sorted(s.managedPolicyArns), r.arn).toEqual(sorted(r.managedPolicyArns));
      expect(s.inlinePolicies).toHaveLength(r.inlinePolicies.length);
      expect(s.serviceLinked).toBe(r.serviceLinked);
    }
    // Every managed policy the slice names carries the default version's document.
    for (const p of slice.policies) {
      const original = source.policies.find((x) => x.arn === p.arn)!;
      const def = original.versions.find((v) => v.versionId === original.defaultVersionId)!;
      expect(p.versions[0]!.document, p.arn).toEqual(def.document);
    }
  });

  it('rebuilds the organization tree with every SCP and RCP and its targets', async () => {
    const slice = await loadModelSlice(db.driver, snapshotId, []);
    const org = source.organization!;
    expect(slice.organization?.id).toBe(org.id);
    expect(slice.organization?.managementAccountId).toBe(org.managementAccountId);
    expect(sorted(slice.organization!.organizationalUnits.map((u) => `${u.id}<${u.parentId}`))).toEqual(
      sorted(org.organizationalUnits.map((u) => `${u.id}<${u.parentId}`)),
    );
    for (const p of org.policies) {
      const s = slice.organization!.policies.find((x) => x.id === p.id)!;
      expect(s.type).toBe(p.type);
      expect(s.document).toEqual(p.document);
      expect(sorted(s.targets)).toEqual(sorted(p.targets));
    }
    for (const a of source.accounts) {
      expect(slice.accounts.find((x) => x.id === a.id)?.parentId, a.id).toBe(a.parentId);
    }
  });
});
