/**
 * `iamatlas query ...` as a user runs it: human output by default, the query
 * function's result with --json, and exit codes scripts can rely on (2 bad
 * input, 5 not in the snapshot). Every run names its own snapshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
const PROD_BREAK_GLASS = 'arn:aws:iam::444444444444:role/break-glass-admin';
const PROD_PIPELINE = 'arn:aws:iam::444444444444:role/platform/pipeline-deploy';
const GITHUB_OIDC = 'arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com';

let db: TestDb;
let snap: string;
const q = (...args: string[]) => runCli(['query', ...args, '--snapshot', snap], cliEnv());

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestPaths(db.driver, [DEMO], { name: 'queries-cli-test' });
  snap = res.snapshotId;
  db.track(snap);
});
afterAll(async () => {
  await db.close();
});

describe('iamatlas query can-assume', () => {
  it('prints the verdict, the conditions to hold and why; --json gives the result', async () => {
    const human = await q('can-assume', '--principal', BREAK_GLASS_USER, '--role', PROD_BREAK_GLASS);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^ALLOWED, if the conditions below hold/);
    expect(human.stdout).toContain('[needs aws:MultiFactorAuthPresent = true]');
    expect(human.stdout).toMatch(/Why:\n {2}- Cross-account/);

    const json = await q(
      'can-assume',
      '--principal',
      BREAK_GLASS_USER,
      '--role',
      PROD_BREAK_GLASS,
      '--context',
      'aws:MultiFactorAuthPresent=true',
      '--json',
    );
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout) as { allowed: boolean; conditions: unknown[]; context: unknown };
    expect(r).toMatchObject({
      allowed: true,
      conditions: [],
      context: { 'aws:MultiFactorAuthPresent': true },
    });
  });

  it('exits 2 with the valid forms for a bad principal, and 5 for one not in the snapshot', async () => {
    const bad = await q('can-assume', '--principal', 'alice', '--role', PROD_BREAK_GLASS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('arn:aws:iam::123456789012:role/NAME');
    expect(bad.stdout).toBe('');
    const missing = await q(
      'can-assume',
      '--principal',
      'arn:aws:iam::111111111111:user/ghost',
      '--role',
      PROD_BREAK_GLASS,
    );
    expect(missing.code).toBe(5);
    expect(missing.stderr).toMatch(/not in snapshot .*\n.*--snapshot/);
    const badContext = await q(
      'can-assume',
      '--principal',
      BREAK_GLASS_USER,
      '--role',
      PROD_BREAK_GLASS,
      '--context',
      'mfa',
    );
    expect(badContext.code).toBe(2);
    expect(badContext.stderr).toContain('KEY=VALUE');
  });
});

describe('iamatlas query simulate', () => {
  it('applies a session policy file and explains the decision', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-session-'));
    const file = path.join(dir, 'session.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }],
      }),
    );
    const args = [
      'simulate',
      '--principal',
      'arn:aws:sts::666666666666:assumed-role/AWSReservedSSO_Developer_00c8ae5cbc71c0d6/alice',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::orders-bucket/x',
      '--context',
      'aws:RequestedRegion=eu-west-1',
    ];
    const allowed = await q(...args);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/^ALLOWED: /);
    expect(allowed.stdout).toContain('evaluated as arn:aws:iam::666666666666:role/');
    const narrowed = await q(...args, '--session-policy', file, '--json');
    expect(narrowed.code, narrowed.stderr).toBe(0);
    expect(JSON.parse(narrowed.stdout)).toMatchObject({ allowed: false, decision: 'implicitDeny' });
    const noFile = await q(...args, '--session-policy', path.join(dir, 'missing.json'));
    expect(noFile.code).toBe(3);
    expect(noFile.stderr).toContain('Cannot read the session policy file');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('iamatlas query who-can-assume / reachable / paths', () => {
  it('lists each principal with its hops and conditions', async () => {
    const human = await q('who-can-assume', '--role', PROD_PIPELINE, '--max-hops', '2');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`2 principal(s) can assume ${PROD_PIPELINE} within 2 hops`);
    expect(human.stdout).toContain(`${GITHUB_OIDC} (IdentityProvider)  2 hops, conditional`);
    expect(human.stdout).toMatch(
      /→ arn:aws:iam::444444444444:role\/platform\/pipeline-deploy {2}\(AssumeRole, cross-account, role chaining\)/,
    );
    expect(human.stdout).toContain('[needs token.actions.githubusercontent.com:aud = sts.amazonaws.com]');

    const json = await q('who-can-assume', '--role', PROD_BREAK_GLASS, '--without', 'mfa', '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ maxHops: 3, principals: [] });
  });

  it('bounds hops, rejects out-of-range values and unknown assumptions', async () => {
    const one = await q('reachable', '--from', GITHUB_OIDC, '--max-hops', '1', '--json');
    expect(one.code, one.stderr).toBe(0);
    const r = JSON.parse(one.stdout) as { roles: { length: number }[] };
    expect(r.roles).toHaveLength(2);
    const human = await q('reachable', '--from', GITHUB_OIDC, '--max-hops', '1');
    expect(human.stdout).toContain(`${GITHUB_OIDC} can reach 2 role(s) within 1 hop`);
    expect((await q('reachable', '--from', GITHUB_OIDC, '--max-hops', '9')).code).toBe(2);
    expect((await q('reachable', '--from', GITHUB_OIDC, '--max-hops', 'x')).code).toBe(2);
    const bad = await q('reachable', '--from', GITHUB_OIDC, '--without', 'luck');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('mfa, externalId');
    expect((await q('who-can-assume', '--role', 'arn:aws:iam::444444444444:role/missing')).code).toBe(5);
  });

  it('prints paths shortest first', async () => {
    const human = await q(
      'paths',
      '--from',
      'arn:aws:iam::222222222222:saml-provider/AWSSSO_422923191b1f4451_DO_NOT_DELETE',
      '--to',
      'arn:aws:iam::444444444444:role/security/security-audit',
      '--max-hops',
      '3',
    );
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Path 1: 3 hops, conditional, crosses accounts/);
    expect(human.stdout).toContain('[needs SAML:aud = https://signin.aws.amazon.com/saml]');
    const none = await q('paths', '--from', BREAK_GLASS_USER, '--to', PROD_PIPELINE, '--json');
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ paths: [] });
  });
});

describe('iamatlas query findings', () => {
  it('filters and prints findings; a bad severity exits 2', async () => {
    const human = await q('findings', '--severity', 'critical');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(
      '[critical] trust-open-to-anyone  arn:aws:iam::777777777777:role/legacy-app-cross-read',
    );
    const json = await q('findings', '--account', '444444444444', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as { findings: { kind: string }[] };
    expect(r.findings.length).toBeGreaterThan(0);
    expect((await q('findings', '--severity', 'urgent')).code).toBe(2);
  });

  it('exits 5 when the snapshot does not exist', async () => {
    const r = await runCli(['query', 'findings', '--snapshot', 'snap-does-not-exist'], cliEnv());
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('iamatlas snapshots list');
  });
});
