/**
 * Escalation path search is written twice: in the engine (EscalationGraph,
 * engine/escalation/paths.ts, run at ingest for the escalation findings) and in
 * the query layer (query/escalation.ts: one Cypher statement per hop over the
 * loaded CAN_ASSUME and CAN_ESCALATE_TO edges, then a depth-first listing),
 * which the API and the CLI answer with. The engine's is the reference: on the
 * demo organization, and on a generated one (bench/generate.ts), each loaded as
 * ingest loads it, the query layer finds a path to an administrator from
 * exactly the users and roles the engine does, and none shorter than the
 * engine's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeOrganization } from '../../bench/generate.ts';
import { projectRoot } from '../../db/paths.ts';
import { analyseEscalation } from '../../engine/escalation/escalate.ts';
import { EscalationGraph } from '../../engine/escalation/paths.ts';
import { analyseTrust } from '../../engine/trust/index.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { readSnapshot } from '../../ingest/read/index.ts';
import { escalationPaths } from '../../query/escalation.ts';
import { MAX_HOPS } from '../../query/args.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
let db: TestDb;
let snapshotId: string;
let generatedDir: string;
let generated: string;

beforeAll(async () => {
  db = await openTestDb();
  snapshotId = (await ingestPaths(db.driver, [DEMO], { name: 'escalation-reference' })).snapshotId;
  db.track(snapshotId);
  generatedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-escalation-reference-'));
  await writeOrganization(generatedDir, { roles: 300, seed: 11 });
  generated = (await ingestPaths(db.driver, [generatedDir], { name: 'escalation-reference-generated' }))
    .snapshotId;
  db.track(generated);
}, 180_000);
afterAll(async () => {
  fs.rmSync(generatedDir, { recursive: true, force: true });
  await db.close();
});

/** Each organization's folder and loaded snapshot, once beforeAll has run. */
const orgs = {
  'the demo organization': () => ({ dir: DEMO, snapshotId }),
  'a generated organization': () => ({ dir: generatedDir, snapshotId: generated }),
};

it.each(Object.keys(orgs) as (keyof typeof orgs)[])(
  'finds a path to admin from the same principals as the engine, none shorter: %s',
  async (org) => {
    const { dir, snapshotId } = orgs[org]();
    const { model } = await readSnapshot([dir]);
    const trust = analyseTrust(model);
    // As ingest analyses it (ingest/transform/derived.ts); every loaded edge may be walked.
    const analysis = analyseEscalation(model, { canAssume: trust.edges, snapshotContext: trust.context });
    const graph = new EscalationGraph(analysis, { includeRuntime: true });
    const principals = [...model.users.map((u) => u.arn), ...model.roles.map((r) => r.arn)].filter(
      (arn) => analysis.admins.get(arn)?.admin !== true,
    );
    expect(principals.length).toBeGreaterThan(20);
    const byEngine: string[] = [];
    const byQuery: string[] = [];
    for (const from of principals) {
      const reference = graph.shortestPath(from, 'admin');
      const edges = reference?.hops.filter((h) => h.kind === 'CAN_ASSUME' || h.kind === 'CAN_ESCALATE_TO');
      if (reference && edges!.length <= MAX_HOPS) byEngine.push(from);
      const { paths } = await escalationPaths(db.driver, snapshotId, {
        from,
        maxHops: MAX_HOPS,
        limit: 1,
        includeAssumeOnly: true,
      });
      if (paths.length) {
        byQuery.push(from);
        if (edges) expect(paths[0]!.length, from).toBeLessThanOrEqual(edges.length);
      }
    }
    expect(byEngine.length).toBeGreaterThan(0);
    expect(byQuery.sort()).toEqual(byEngine.sort());
  },
  120_000,
);
