/**
 * `escalations` without `from` (every path to admin, as `iamatlas query escalations` lists
 * them) answers from what ingest stores: each principal's fewest hops to an administrator
 * (`hopsToAdmin`), so one walk from all the sources together, cut where no administrator
 * is near enough, replaces a walk per source; the sources and the walk's first hop come in
 * one statement (`escalation-listing-start`). The answer must be the one a walk per
 * source gives (a full walk from each in turn, bench/escalations.ts): the same paths
 * in the same order with the same hops, on the demo organization, on a generated organization
 * (bench/generate.ts) and on an account dense with escalation grants
 * (bench/escalation-account.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEscalationAccount } from '../../bench/escalation-account.ts';
import { perSourceEscalations } from '../../bench/escalations.ts';
import { jsonPieces } from '../../cli/commands/escalations.ts';
import { writeOrganization } from '../../bench/generate.ts';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { MAX_HOPS } from '../../query/args.ts';
import type { EscalationsInput } from '../../query/arg-schemas.ts';
import { escalationPaths, escalationPathsByFullWalk, escalations } from '../../query/escalation.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
let db: TestDb;
let tmp: string;
const snapshots: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-escalation-listing-'));
  const generated = path.join(tmp, 'generated');
  await writeOrganization(generated, { roles: 300, seed: 11 });
  const dense = path.join(tmp, 'dense');
  await writeEscalationAccount(dense, { users: 60, roles: 60, seed: 5 });
  for (const [name, dir] of [
    ['demo', DEMO],
    ['generated', generated],
    ['dense', dense],
  ] as const) {
    snapshots[name] = (
      await ingestPaths(db.driver, [dir], { name: `escalation-listing-${name}` })
    ).snapshotId;
    db.track(snapshots[name]);
  }
}, 240_000);
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
});

const cases: [string, EscalationsInput][] = [
  ['every path to admin (the defaults)', {}],
  ['with plain role-assumption chains too', { includeAssumeOnly: true }],
  ['within two hops, one path per source', { maxHops: 2, limit: 1 }],
  ['within the longest walk', { maxHops: MAX_HOPS, limit: 20 }],
  ['without conditional edges of any kind', { assumptions: { mfa: false, other: false, region: false } }],
];

describe.each(['demo', 'generated', 'dense'])('escalations listing: %s', (org) => {
  it.each(cases)(
    'is the per-source answer: %s',
    async (_, input) => {
      const snapshotId = snapshots[org]!;
      const expected = await perSourceEscalations(db.driver, snapshotId, input);
      const listed = await escalations(db.driver, snapshotId, input);
      expect(listed.length).toBe(expected.length);
      expect(listed).toEqual(expected);
      // What `query escalations --json` prints (hops that paths share written once) is the
      // per-source answer as JSON.
      expect([...jsonPieces(listed)].join('')).toBe(JSON.stringify(expected, null, 2) + '\n');
    },
    120_000,
  );

  it("from one principal (as --from and the API ask), is the full walk's answer", async () => {
    const snapshotId = snapshots[org]!;
    const res = await db.driver.executeQuery(
      `MATCH (n:AtlasNode {snapshotId: $snapshotId}) WHERE (n:User OR n:Role) AND n.admin IS NULL
       RETURN n.key AS key ORDER BY key LIMIT 80`,
      { snapshotId },
    );
    let found = 0;
    for (const r of res.records) {
      for (const input of [
        { from: String(r.get('key')), includeAssumeOnly: true, maxHops: 4 },
        { from: String(r.get('key')), maxHops: 3, limit: 3 },
      ]) {
        const expected = await escalationPathsByFullWalk(db.driver, snapshotId, input);
        const got = await escalationPaths(db.driver, snapshotId, input);
        expect(got, input.from).toEqual(expected);
        found += got.paths.length;
      }
    }
    if (org !== 'generated') expect(found).toBeGreaterThan(0);
  }, 180_000);

  it('stores, per principal, the fewest hops to an administrator that a walk finds', async () => {
    const snapshotId = snapshots[org]!;
    const res = await db.driver.executeQuery(
      `MATCH (n:AtlasNode {snapshotId: $snapshotId}) WHERE n:User OR n:Role
       RETURN n.key AS key, n.hopsToAdmin AS hops, coalesce(n.admin, false) AS admin ORDER BY key`,
      { snapshotId },
    );
    let stored = 0;
    for (const r of res.records) {
      if (r.get('admin') === true) continue;
      const hops = r.get('hops') as { toNumber(): number } | null;
      const { paths } = await escalationPathsByFullWalk(db.driver, snapshotId, {
        from: String(r.get('key')),
        maxHops: MAX_HOPS,
        limit: 1,
        includeAssumeOnly: true,
      });
      const expected = paths[0]?.length;
      const got = hops === null ? undefined : Number(hops);
      if (got !== undefined) stored++;
      expect(got !== undefined && got > MAX_HOPS ? undefined : got, String(r.get('key'))).toBe(expected);
    }
    expect(stored).toBeGreaterThan(0);
  }, 120_000);
});
