/**
 * `whoCan` is `simulate` run in reverse: on the demo organization, for each
 * request below, the principals it lists are exactly those `simulate` allows,
 * each reported the same way. Near misses: a principal whose identity policy
 * allows the action but an SCP or its permissions boundary does not is absent.
 *
 * AWS evaluation logic these rest on:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * SCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * Permissions boundaries: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryInputError, simulate, whoCan, type WhoCanArgs } from '../../query/index.ts';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { readSnapshot } from '../../ingest/read/index.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
const PROD_ADMIN_ROLE = 'arn:aws:iam::444444444444:role/OrganizationAccountAccessRole';
const PROD_PIPELINE = 'arn:aws:iam::444444444444:role/platform/pipeline-deploy';
const PROD_BREAK_GLASS = 'arn:aws:iam::444444444444:role/break-glass-admin';
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
const GITHUB_OIDC = 'arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com';
const DEV_ADMIN_ROLE = 'arn:aws:iam::666666666666:role/OrganizationAccountAccessRole';
const DEV_DEVELOPER =
  'arn:aws:iam::666666666666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developer_00c8ae5cbc71c0d6';

let db: TestDb;
let snap: string;
let principals: string[];

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestPaths(db.driver, [DEMO], { name: 'who-can-test' });
  snap = res.snapshotId;
  db.track(snap);
  const { model } = await readSnapshot([DEMO]);
  // Users, roles, and the root user of every account in the snapshot.
  principals = [
    ...model.users.map((p) => p.arn),
    ...model.roles.map((p) => p.arn),
    ...model.accounts.map((a) => `arn:aws:iam::${a.id}:root`),
  ].sort();
});
afterAll(async () => {
  await db.close();
});

const REQUESTS: WhoCanArgs[] = [
  { action: 'iam:CreateUser', resource: 'arn:aws:iam::444444444444:user/new-user' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-data/report.csv' },
  { action: 'sts:AssumeRole', resource: PROD_BREAK_GLASS },
  {
    action: 'ec2:RunInstances',
    resource: 'arn:aws:ec2:eu-west-1:666666666666:instance/*',
    context: { 'aws:RequestedRegion': 'eu-west-1' },
  },
];

describe('whoCan agrees with simulate', () => {
  it.each(REQUESTS)(
    '$action on $resource: the same principals, reported the same way',
    async (req) => {
      const reverse = await whoCan(db.driver, snap, req);
      const forward = [];
      for (const principal of principals) {
        const r = await simulate(db.driver, snap, { principal, ...req });
        if (r.allowed) forward.push(r);
      }
      expect(forward.length).toBeGreaterThan(0);
      expect(reverse.principals.map((r) => r.principal.arn)).toEqual(forward.map((r) => r.principal.arn));
      expect(reverse.total).toBe(forward.length);
      expect(reverse.principals).toEqual(forward);
      // The action index read fewer principals than the snapshot holds.
      expect(reverse.candidates).toBeLessThan(principals.length);
    },
    120_000,
  );
});

describe('near misses', () => {
  it('an SCP deny leaves out an administrator the identity policy allows', async () => {
    const r = await whoCan(db.driver, snap, REQUESTS[0]!);
    const listed = r.principals.map((p) => p.principal.arn);
    expect(listed).toContain(PROD_PIPELINE);
    expect(listed).not.toContain(PROD_ADMIN_ROLE);
    const forward = await simulate(db.driver, snap, { principal: PROD_ADMIN_ROLE, ...REQUESTS[0]! });
    expect(forward.decision).toBe('explicitDeny');
    expect(forward.evidence.some((e) => e.policyKind === 'scp')).toBe(true);
  });

  it('a permissions boundary leaves out a role whose policy allows the action', async () => {
    const r = await whoCan(db.driver, snap, REQUESTS[3]!);
    const listed = r.principals.map((p) => p.principal.arn);
    expect(listed).toContain(DEV_ADMIN_ROLE);
    expect(listed).not.toContain(DEV_DEVELOPER);
    const forward = await simulate(db.driver, snap, { principal: DEV_DEVELOPER, ...REQUESTS[3]! });
    expect(forward.decision).toBe('implicitDeny');
  });
});

describe('root users', () => {
  // The root user needs no identity policy in its own account; SCPs still limit it, and another
  // account's resource must allow it in a resource-based policy:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
  it("lists the resource account's root user, unless an SCP denies it, and no other account's", async () => {
    const dev = await whoCan(db.driver, snap, {
      action: 'iam:CreateUser',
      resource: 'arn:aws:iam::666666666666:user/new-user',
    });
    const roots = dev.principals.filter((p) => p.principal.type === 'Root');
    expect(roots.map((p) => [p.principal.arn, p.principal.rootReading])).toEqual([
      ['arn:aws:iam::666666666666:root', 'root-user'],
    ]);
    const prod = await whoCan(db.driver, snap, REQUESTS[0]!);
    expect(prod.principals.filter((p) => p.principal.type === 'Root')).toEqual([]);
  });
});

describe('viaRoles', () => {
  it('adds who reaches an allowed role over CAN_ASSUME, with the path', async () => {
    const r = await whoCan(db.driver, snap, { ...REQUESTS[0]!, viaRoles: true });
    expect(r.principals.map((p) => p.principal.arn)).not.toContain(BREAK_GLASS_USER);
    const via = r.viaRoles!.principals;
    const user = via.find((e) => e.node.key === BREAK_GLASS_USER);
    expect(user).toMatchObject({
      length: 1,
      conditional: true,
      conditionKeys: ['aws:MultiFactorAuthPresent'],
    });
    expect(user!.hops.map((h) => [h.from, h.to])).toEqual([[BREAK_GLASS_USER, PROD_BREAK_GLASS]]);
    const oidc = via.find((e) => e.node.key === GITHUB_OIDC);
    expect(oidc?.hops.at(-1)?.to).toBe(PROD_PIPELINE);
    expect(oidc?.length).toBe(2);
    // Nobody allowed directly is listed again.
    const direct = new Set(r.principals.map((p) => p.principal.arn));
    expect(via.filter((e) => direct.has(e.node.key))).toEqual([]);
  });
});

describe('contextComplete', () => {
  // A key the request does not carry is absent, as in AWS's policy simulator:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
  it('drops a principal whose trust needs MFA when the request does not carry it, keeps it when it does', async () => {
    const open = await whoCan(db.driver, snap, REQUESTS[2]!);
    expect(open.principals.find((p) => p.principal.arn === BREAK_GLASS_USER)?.conditional).toBe(true);
    const without = await whoCan(db.driver, snap, { ...REQUESTS[2]!, contextComplete: true });
    expect(without.principals.map((p) => p.principal.arn)).not.toContain(BREAK_GLASS_USER);
    const withMfa = await whoCan(db.driver, snap, {
      ...REQUESTS[2]!,
      context: { 'aws:MultiFactorAuthPresent': true },
      contextComplete: true,
    });
    const entry = withMfa.principals.find((p) => p.principal.arn === BREAK_GLASS_USER);
    expect(entry).toMatchObject({ allowed: true, conditional: false });
    expect(withMfa.contextComplete).toBe(true);
  });
});

describe('iamatlas query who-can', () => {
  const q = (...args: string[]) => runCli(['query', 'who-can', ...args, '--snapshot', snap], cliEnv());

  it('prints each allowed principal with what allowed it, then who reaches them; --json is the query result', async () => {
    const req = REQUESTS[0]!;
    const human = await q('--action', req.action, '--resource', req.resource, '--via-roles');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^2 principal\(s\) allowed iam:CreateUser on /);
    expect(human.stdout).toContain(
      `${PROD_PIPELINE} (Role)\n    allowed by: identity arn:aws:iam::aws:policy/AdministratorAccess #0`,
    );
    expect(human.stdout).toContain(`${BREAK_GLASS_USER} (User)  1 hop, conditional`);

    const json = await q('--action', req.action, '--resource', req.resource, '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(await whoCan(db.driver, snap, req));

    const complete = await q(
      '--action',
      'sts:AssumeRole',
      '--resource',
      PROD_BREAK_GLASS,
      '--complete-context',
      '--json',
    );
    expect(JSON.parse(complete.stdout)).toMatchObject({ contextComplete: true, total: 0 });
  }, 120_000);

  it('names the bad option and exits 2', async () => {
    const bad = await q('--action', 's3:Get*', '--resource', '*');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/action: a request names one action/);
  });
});

describe('input', () => {
  it('refuses a wildcard action and names the field', async () => {
    await expect(whoCan(db.driver, snap, { action: 's3:Get*', resource: '*' })).rejects.toThrow(
      QueryInputError,
    );
    await expect(whoCan(db.driver, snap, { action: 's3:Get*', resource: '*' })).rejects.toThrow(/action: /);
  });
});
