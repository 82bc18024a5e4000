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
    type: string;
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

  it('with --from, lists plain role-assumption chains to an administrator (as the page does)', async () => {
    const user = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
    const role = 'arn:aws:iam::111111111111:role/break-glass-admin';
    const results = await escalations('--from', user);
    const direct = results.find((r) => r.length === 1 && r.hops[0]!.to === role);
    expect(direct?.hops[0]).toMatchObject({ type: 'CAN_ASSUME', from: user });
    // The trust requires MFA: the chain says so.
    expect(direct!.hops[0]!.conditions.length).toBeGreaterThan(0);
  });

  it('the whole-snapshot listing leaves assume-only principals out unless --include-assume-only', async () => {
    const user = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
    const plain = await escalations();
    expect(plain.map((r) => r.from)).not.toContain(user);
    for (const r of plain) expect(r.hops.some((h) => h.type === 'CAN_ESCALATE_TO')).toBe(true);
    const wide = await escalations('--include-assume-only');
    expect(wide.map((r) => r.from)).toContain(user);
    const chain = wide.find((r) => r.from === user)!;
    expect(chain.hops.every((h) => h.type === 'CAN_ASSUME')).toBe(true);
    // Every source of the plain listing is still there.
    for (const from of new Set(plain.map((r) => r.from))) expect(wide.map((r) => r.from)).toContain(from);
    const help = await runCli(['query', 'escalations', '--help'], cliEnv());
    expect(help.stdout).toMatch(/--include-assume-only/);
    expect(help.stdout).toMatch(/by design/);
  });
});
