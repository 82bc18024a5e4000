/** `iamatlas query escalations` on the demo organization: the planted paths to admin, and nothing else. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
let db: TestDb;
let snapshotId: string;

beforeAll(async () => {
  db = await openTestDb();
  snapshotId = (await ingestPaths(db.driver, [DEMO], { name: 'escalations-cli' })).snapshotId;
  db.track(snapshotId);
});
afterAll(async () => {
  await db.close();
});

interface Result {
  from: string;
  to: string;
  length: number;
  hops: {
    from: string;
    to: string;
    method: string;
    actions: string[];
    evidence: unknown[];
    conditions: unknown[];
  }[];
}

const escalations = async (...args: string[]) => {
  const r = await runCli(['query', 'escalations', '--snapshot', snapshotId, '--json', ...args], cliEnv());
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Result[];
};

describe('iamatlas query escalations', () => {
  it('finds the planted paths to admin and no other principal', async () => {
    const results = await escalations();
    expect([...new Set(results.map((r) => r.from))].sort()).toEqual([
      'arn:aws:iam::333333333333:user/ops/platform-operator',
      'arn:aws:iam::555555555555:user/release/rm-priya',
      'arn:aws:iam::555555555555:user/release/rm-tomas',
      'arn:aws:iam::666666666666:user/service/svc-lambda-deployer',
    ]);
    const priya = results.find((r) => r.from.endsWith('rm-priya'))!;
    expect(priya).toMatchObject({ to: 'admin:555555555555', length: 1 });
    expect(priya.hops[0]!.actions).toContain('iam:CreatePolicyVersion');
    expect(priya.hops[0]!.evidence.length).toBeGreaterThan(0);
    const lambda = results.find((r) => r.from.endsWith('svc-lambda-deployer'))!;
    expect(lambda.hops[0]!.actions).toEqual(
      expect.arrayContaining(['iam:PassRole', 'lambda:CreateFunction']),
    );
    expect(lambda.hops[0]!.conditions.length).toBeGreaterThan(0);
    // Shortest first for each source.
    const operator = results.filter((r) => r.from.endsWith('platform-operator')).map((r) => r.length);
    expect(operator).toEqual([...operator].sort((a, b) => a - b));
  });

  it('reports no path to admin for a near miss (PassRole scoped to a harmless role)', async () => {
    const results = await escalations('--from', 'arn:aws:iam::666666666666:user/dev/dev-alice');
    expect(results).toEqual([]);
  });

  it('paths to a chosen principal, and a bad --to is a usage error', async () => {
    const target = 'arn:aws:iam::333333333333:role/platform/terraform-admin';
    const results = await escalations(
      '--from',
      'arn:aws:iam::333333333333:user/ops/platform-operator',
      '--to',
      target,
    );
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.hops.at(-1)!.to).toBe(target);
    const bad = await runCli(['query', 'escalations', '--snapshot', snapshotId, '--to', 'root'], cliEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--to must be admin or a user\/role ARN/);
  });
});
