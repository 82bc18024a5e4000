/**
 * The query layer finds every CAN_ASSUME path the demo organization was built
 * to have (test/fixtures/demo-org-expected.json), with its request-time
 * conditions and cross-account flag, none of the distractors, and every
 * expected finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings, paths, whoCanAssume, type Hop } from '../../query/index.ts';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
interface ExpectedEdge {
  from: string;
  to: string;
  conditions: string[];
  crossAccount: boolean;
}
const expected = JSON.parse(
  fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'demo-org-expected.json'), 'utf8'),
) as {
  canAssume: ExpectedEdge[];
  notCanAssume: { from: string; to: string; why: string }[];
  paths: { name: string; hops: string[]; conditions: string[]; firstHopIsEscalation?: string }[];
  findings: { kind: string; subject: string; severity: string }[];
  findingKinds: string[];
};

/** The expected file names external callers by their root ARN; the graph keys them by account id. */
const nodeKey = (from: string): string => /^arn:aws:iam::(\d{12}):root$/.exec(from)?.[1] ?? from;

let db: TestDb;
let snapshotId: string;
/** Every one-hop edge into every role named by the expected file, keyed `from|to`. */
const edges = new Map<string, Hop>();

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestPaths(db.driver, [DEMO], { name: 'queries-demo-trust-test' });
  snapshotId = res.snapshotId;
  db.track(snapshotId);
  const roles = new Set([...expected.canAssume, ...expected.notCanAssume].map((e) => e.to));
  for (const role of roles) {
    const r = await whoCanAssume(db.driver, snapshotId, { role, maxHops: 1, limit: 1000 });
    expect(r.truncated).toBe(false);
    for (const p of r.principals) edges.set(`${p.node.key}|${role}`, p.hops[0]!);
  }
});
afterAll(async () => {
  await db.close();
});

describe('demo organization: CAN_ASSUME through the query layer', () => {
  it('finds every intended edge with its conditions and cross-account flag', () => {
    const problems: string[] = [];
    for (const e of expected.canAssume) {
      const hop = edges.get(`${nodeKey(e.from)}|${e.to}`);
      if (!hop) {
        problems.push(`missing ${e.from} -> ${e.to}`);
        continue;
      }
      const keys = [...new Set(hop.conditions.map((c) => c.key))].sort();
      if (JSON.stringify(keys) !== JSON.stringify([...e.conditions].sort()))
        problems.push(
          `${e.from} -> ${e.to}: conditions ${keys.join(',')} instead of ${e.conditions.join(',')}`,
        );
      if (hop.crossAccount !== e.crossAccount)
        problems.push(`${e.from} -> ${e.to}: crossAccount ${hop.crossAccount} instead of ${e.crossAccount}`);
    }
    expect(problems).toEqual([]);
    expect(expected.canAssume.length).toBe(158);
  });

  it('finds nothing beyond the intended edges into those roles', () => {
    const intended = new Set(expected.canAssume.map((e) => `${nodeKey(e.from)}|${e.to}`));
    expect([...edges.keys()].filter((k) => !intended.has(k))).toEqual([]);
  });

  it.each(expected.notCanAssume.map((e) => [`${e.from} -> ${e.to}`, e] as const))(
    'does not find the distractor %s',
    async (_name, e) => {
      expect(edges.has(`${nodeKey(e.from)}|${e.to}`), e.why).toBe(false);
      // Nor through any chain of roles.
      const r = await paths(db.driver, snapshotId, { from: e.from, to: e.to, maxHops: 1 }).catch(
        (err: Error) => err,
      );
      if (!(r instanceof Error)) expect(r.paths).toEqual([]);
    },
  );

  it.each(expected.paths.filter((p) => !p.firstHopIsEscalation).map((p) => [p.name, p] as const))(
    'finds the multi-hop route "%s" with its conditions',
    async (_name, p) => {
      const r = await paths(db.driver, snapshotId, {
        from: p.hops[0]!,
        to: p.hops.at(-1)!,
        maxHops: p.hops.length - 1,
        limit: 64,
      });
      const found = r.paths.find((x) => JSON.stringify(x.nodes.map((n) => n.key)) === JSON.stringify(p.hops));
      expect(found, `no path ${p.hops.join(' -> ')}`).toBeDefined();
      expect(found!.conditionKeys).toEqual([...p.conditions].sort());
      // Shortest first: nothing shorter than the expected route is listed after it.
      expect(r.paths[0]!.length).toBeLessThanOrEqual(found!.length);
    },
  );
});

describe('demo organization: findings through the query layer', () => {
  it('returns every expected finding with its kind and main subject', async () => {
    const r = await findings(db.driver, snapshotId, {});
    const missing = expected.findings.filter(
      (e) => !r.findings.some((f) => f.kind === e.kind && f.subjects[0]?.key === e.subject),
    );
    expect(missing).toEqual([]);
    // The expected list is complete for its kinds; other analyses may add findings of other kinds.
    const trustKinds = new Set(expected.findingKinds);
    expect(r.findings.filter((f) => trustKinds.has(f.kind))).toHaveLength(expected.findings.length);
  });
});
