/**
 * Live evaluation, exactly: the account root user as a caller, a context that
 * is the whole request, actions on resources that do not exist yet, and the
 * snapshot's reference date; through the query functions and the command a
 * user runs, on the demo organization. Each case cites the AWS page it rests on.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canAssume, NotInSnapshotError, QueryInputError, simulate } from '../../query/index.ts';
import { projectRoot } from '../../db/paths.ts';
import { snapshotReferenceDate } from '../../engine/reference-date.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { readSnapshot } from '../../ingest/read/index.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const ROOT_USER_PAGE = `${IAM}/id_root-user.html`;
const ASSUME_ROLE_API = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
const SCP_PAGE = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html';
const CROSS_ACCOUNT_PAGE = `${IAM}/reference_policies_evaluation-logic-cross-account.html`;
const SIMULATOR_API = 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html';
const CREATE_ROLE_API = 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html';

const PROD_ROOT = 'arn:aws:iam::444444444444:root';
const MGMT_ROOT = 'arn:aws:iam::111111111111:root';
const VENDOR_ROOT = 'arn:aws:iam::999988887777:root';
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
const PROD_BREAK_GLASS = 'arn:aws:iam::444444444444:role/break-glass-admin';
const PROD_AUDIT = 'arn:aws:iam::444444444444:role/security/security-audit';

let db: TestDb;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestPaths(db.driver, [DEMO], { name: 'exact-simulation-test' });
  snap = res.snapshotId;
  db.track(snap);
});
afterAll(async () => {
  await db.close();
});

describe(`the account root user as a caller (${ROOT_USER_PAGE})`, () => {
  it('in its own member account it needs no identity policy: s3:GetObject is allowed, read as the root user', async () => {
    const r = await simulate(db.driver, snap, {
      principal: PROD_ROOT,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::prod-data/report.csv',
    });
    expect(r).toMatchObject({ decision: 'allowed', principal: { type: 'Root', rootReading: 'root-user' } });
    expect(r.reasons.join(' ')).toMatch(/read as the root user of account 444444444444/);
    expect(r.reasons.join(' ')).not.toMatch(/assumed to allow/);
  });

  it(`near miss: an SCP still limits it in a member account (${SCP_PAGE})`, async () => {
    const r = await simulate(db.driver, snap, {
      principal: PROD_ROOT,
      action: 'iam:CreateRole',
      resource: 'arn:aws:iam::444444444444:role/new-role',
    });
    expect(r).toMatchObject({ decision: 'explicitDeny', principal: { rootReading: 'root-user' } });
    expect(r.evidence[0]).toMatchObject({ policyKind: 'scp', sid: 'OnlyThePipelineChangesIam' });
  });

  it('in the management account nothing restricts it: the same SCP-denied kind of call is allowed', async () => {
    const r = await simulate(db.driver, snap, {
      principal: MGMT_ROOT,
      action: 'organizations:LeaveOrganization',
      resource: '*',
    });
    expect(r).toMatchObject({
      decision: 'allowed',
      conditional: false,
      principal: { rootReading: 'root-user' },
    });
  });

  it(`cannot assume a role, whatever the trust policy says (${ASSUME_ROLE_API})`, async () => {
    const r = await canAssume(db.driver, snap, { principal: PROD_ROOT, role: PROD_AUDIT });
    expect(r).toMatchObject({ allowed: false, principal: { type: 'Root', rootReading: 'root-user' } });
    expect(r.reasons[0]).toBe('The account root user cannot assume roles.');
  });

  it(`across accounts a resource-based policy must allow it, and none is known (${CROSS_ACCOUNT_PAGE})`, async () => {
    const r = await simulate(db.driver, snap, {
      principal: PROD_ROOT,
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:eu-west-1:555555555555:orders',
    });
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons.join(' ')).toMatch(/no resource-based policy of .* is known/);
    expect(r.reasons.join(' ')).not.toMatch(/has none/);
  });

  it('near miss: the root ARN of an account outside the snapshot keeps meaning any principal of it', async () => {
    const r = await simulate(db.driver, snap, {
      principal: VENDOR_ROOT,
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::444444444444:role/vendor/cloudwatcher-integration',
      context: { 'sts:ExternalId': 'cw-7f3a9b21' },
    });
    expect(r.principal).toMatchObject({ rootReading: 'any-principal', assumedIdentity: true });
    expect(r.reasons.join(' ')).toMatch(/read as any principal of account 999988887777/);
  });
});

describe(`a complete context (${SIMULATOR_API})`, () => {
  it('denies a trust requiring MFA when aws:MultiFactorAuthPresent is not given', async () => {
    const r = await canAssume(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      role: PROD_BREAK_GLASS,
      contextComplete: true,
    });
    expect(r).toMatchObject({ allowed: false, decision: 'implicitDeny', contextComplete: true });
  });

  it('near miss: allows it, without conditions, when MFA is given', async () => {
    const r = await canAssume(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      role: PROD_BREAK_GLASS,
      context: { 'aws:MultiFactorAuthPresent': true },
      contextComplete: true,
    });
    expect(r).toMatchObject({ allowed: true, conditional: false, contextComplete: true });
  });

  it('near miss: without the option the missing key stays a condition', async () => {
    const r = await canAssume(db.driver, snap, { principal: BREAK_GLASS_USER, role: PROD_BREAK_GLASS });
    expect(r).toMatchObject({ allowed: true, conditional: true, contextComplete: false });
  });
});

describe(`resources that do not exist yet (${CREATE_ROLE_API})`, () => {
  it('simulates iam:CreateRole on a role that is not in the snapshot', async () => {
    const r = await simulate(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      action: 'iam:CreateRole',
      resource: 'arn:aws:iam::111111111111:role/new',
    });
    expect(r.resource).toBe('arn:aws:iam::111111111111:role/new');
    expect(['allowed', 'implicitDeny', 'explicitDeny']).toContain(r.decision);
  });

  it(`near miss: sts:AssumeRole still needs the role, whose trust policy decides (${ASSUME_ROLE_API})`, async () => {
    await expect(
      simulate(db.driver, snap, {
        principal: BREAK_GLASS_USER,
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111111111111:role/new',
      }),
    ).rejects.toThrow(NotInSnapshotError);
  });

  it('rejects a malformed ARN saying which part is wrong', async () => {
    await expect(
      simulate(db.driver, snap, {
        principal: BREAK_GLASS_USER,
        action: 'iam:CreateRole',
        resource: 'arn:aws:iam::1111:role/new',
      }),
    ).rejects.toThrow(/account "1111" is not a 12-digit account id/);
    await expect(
      simulate(db.driver, snap, { principal: BREAK_GLASS_USER, action: 's3:GetObject', resource: 'bucket' }),
    ).rejects.toThrow(QueryInputError);
  });
});

describe('the reference date', () => {
  it("evaluates as of the snapshot's reference date: the newest date in the export", async () => {
    const read = await readSnapshot([DEMO]);
    const r = await simulate(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/key',
    });
    expect(r.referenceDate).toBe(snapshotReferenceDate(read.model));
  });
});

describe('iamatlas query simulate / can-assume, as a user runs them', () => {
  const q = (...args: string[]) => runCli(['query', ...args, '--snapshot', snap], cliEnv());

  it('says which reading of an account root it used', async () => {
    const own = await q('simulate', '--principal', PROD_ROOT, '--action', 's3:GetObject', '--resource', '*');
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toContain('evaluated as the root user of account 444444444444');
    const vendor = await q('can-assume', '--principal', VENDOR_ROOT, '--role', PROD_AUDIT);
    expect(vendor.stdout).toContain('evaluated as any principal of account 999988887777');
  });

  it('--complete-context denies what a missing key would only make conditional', async () => {
    const exact = await q(
      'can-assume',
      '--principal',
      BREAK_GLASS_USER,
      '--role',
      PROD_BREAK_GLASS,
      '--complete-context',
    );
    expect(exact.code, exact.stderr).toBe(0);
    expect(exact.stdout).toMatch(/^DENIED/);
    expect(exact.stdout).toContain('keys not given are absent');
  });
});
