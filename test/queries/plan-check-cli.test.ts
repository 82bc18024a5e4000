/**
 * `iamatlas plan-check` against the demo organization loaded in a real Neo4j:
 * the snapshot's model is rebuilt from the graph, the plan laid over it, and
 * the gate answers with exit 10 and a valid SARIF 2.1.0 log.
 */
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';
import { sarifProblems } from '../harness/sarif.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
const PLAN = path.join('test', 'fixtures', 'plans', 'demo-ci-passrole-lambda.json');
const CI_ROLE = 'arn:aws:iam::333333333333:role/ci/github-actions-terraform-plan';
let db: TestDb;
let snapshotId: string;

beforeAll(async () => {
  db = await openTestDb();
  snapshotId = (await ingestPaths(db.driver, [DEMO], { name: 'plan-check-cli' })).snapshotId;
  db.track(snapshotId);
});
afterAll(async () => {
  await db.close();
});

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { logicalLocations?: { fullyQualifiedName: string }[] }[];
    }[];
  }[];
}

describe('iamatlas plan-check on the demo organization', () => {
  it('giving the CI role iam:PassRole on * plus Lambda is a new path to admin: exit 10 and valid SARIF', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plan-check-'));
    const out = path.join(dir, 'report.sarif');
    const r = await runCli(
      ['plan-check', PLAN, '--snapshot', snapshotId, '--format', 'sarif', '--out', out],
      cliEnv(),
    );
    expect(r.code, r.stderr).toBe(10);
    const sarif = JSON.parse(await readFile(out, 'utf8')) as Sarif;
    expect(sarifProblems(sarif)).toEqual([]);
    const paths = sarif.runs[0]!.results.filter((x) => x.ruleId === 'new-admin-path');
    const ci = paths.find((x) =>
      x.message.text.startsWith(`${CI_ROLE} can become administrator of 333333333333`),
    );
    expect(ci?.level).toBe('error');
    expect(ci?.message.text).toContain('[new] CAN_ESCALATE_TO (passrole-lambda-create-invoke)');
    expect(
      ci?.locations.flatMap((l) => l.logicalLocations?.map((x) => x.fullyQualifiedName) ?? []),
    ).toContain('module.ci.aws_iam_role_policy.lambda_deploy');
  });

  it('the same plan with no rule to fail on exits 0, and JSON says what the snapshot and account were', async () => {
    const r = await runCli(
      ['plan-check', PLAN, '--snapshot', snapshotId, '--format', 'json', '--fail-on', 'none'],
      cliEnv(),
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as {
      snapshot: { id: string };
      accountId: string;
      accountSource: string;
      diff: { adminPaths: { added: { from: string }[] } };
    };
    expect(result.snapshot.id).toBe(snapshotId);
    expect(result).toMatchObject({
      accountId: '333333333333',
      accountSource: 'provider "aws" assume_role.role_arn',
    });
    expect(result.diff.adminPaths.added.map((p) => p.from)).toContain(CI_ROLE);
  });

  it('a plan that is not JSON is refused with the file and the place (exit 3)', async () => {
    const r = await runCli(['plan-check', path.join('test', 'fixtures', 'plans', 'README.md')], cliEnv());
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/README\.md:1:1: the file is not valid JSON/);
  });
});
