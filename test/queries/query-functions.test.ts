/**
 * Behaviour of each query function on the demo organization: live evaluation
 * with context and session policies, every principal form, reachability
 * bounds and limits, analyst assumptions, findings filters, and the errors a
 * caller maps to its own terms.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assumptionOf,
  canAssume,
  findings,
  NotInSnapshotError,
  paths,
  QueryInputError,
  reachableFrom,
  simulate,
  whoCanAssume,
} from '../../query/index.ts';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
const PROD_BREAK_GLASS = 'arn:aws:iam::444444444444:role/break-glass-admin';
const GITHUB_OIDC = 'arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com';
const DEPLOY = 'arn:aws:iam::333333333333:role/platform/github-actions-deploy';
const PROD_PIPELINE = 'arn:aws:iam::444444444444:role/platform/pipeline-deploy';
const CLOUDWATCHER = 'arn:aws:iam::444444444444:role/vendor/cloudwatcher-integration';
const SECURITY_SAML = 'arn:aws:iam::222222222222:saml-provider/AWSSSO_422923191b1f4451_DO_NOT_DELETE';
const PROD_AUDIT = 'arn:aws:iam::444444444444:role/security/security-audit';
const DEV_DEVELOPER =
  'arn:aws:iam::666666666666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developer_00c8ae5cbc71c0d6';

const TRUST_KINDS = new Set([
  'trust-open-to-anyone',
  'external-trust-without-external-id',
  'external-trust-with-external-id',
  'trust-to-account-root',
  'federated-trust-without-subject-condition',
  'unused-cross-account-role',
  'not-principal-with-allow',
]);

let db: TestDb;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestPaths(db.driver, [DEMO], { name: 'queries-functions-test' });
  snap = res.snapshotId;
  db.track(snap);
});
afterAll(async () => {
  await db.close();
});

describe('canAssume', () => {
  it('returns request-time conditions when the context does not give them, and decides when it does', async () => {
    const open = await canAssume(db.driver, snap, { principal: BREAK_GLASS_USER, role: PROD_BREAK_GLASS });
    expect(open).toMatchObject({
      allowed: true,
      decision: 'allowed',
      conditional: true,
      action: 'sts:AssumeRole',
    });
    expect(open.conditions).toEqual([
      expect.objectContaining({
        key: 'aws:MultiFactorAuthPresent',
        operator: 'Bool',
        values: ['true'],
        mustHold: true,
        assumption: 'mfa',
      }),
    ]);
    expect(open.evidence.map((e) => e.policyKind)).toEqual(expect.arrayContaining(['trust', 'identity']));
    expect(open.reasons.join(' ')).toMatch(/Cross-account/);

    const withMfa = await canAssume(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      role: PROD_BREAK_GLASS,
      context: { 'aws:MultiFactorAuthPresent': true },
    });
    expect(withMfa).toMatchObject({ allowed: true, conditional: false, conditions: [] });

    const withoutMfa = await canAssume(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      role: PROD_BREAK_GLASS,
      context: { 'aws:MultiFactorAuthPresent': false },
    });
    expect(withoutMfa).toMatchObject({ allowed: false, decision: 'implicitDeny' });
  });

  it('explains an explicit deny', async () => {
    const r = await canAssume(db.driver, snap, {
      principal: 'arn:aws:iam::666666666666:user/contractors/ext-contractor-1',
      role: 'arn:aws:iam::444444444444:role/support/vendor-l2-support',
    });
    expect(r).toMatchObject({ allowed: false, decision: 'explicitDeny' });
    expect(
      r.evidence.some((e) => e.effect === 'Deny' && e.policyId.endsWith('policy/deny-prod-access')),
    ).toBe(true);
  });

  it('evaluates a role session ARN as its role, with the session name', async () => {
    const r = await canAssume(db.driver, snap, {
      principal: 'arn:aws:sts::333333333333:assumed-role/github-actions-deploy/run-42',
      role: PROD_PIPELINE,
    });
    expect(r.allowed).toBe(true);
    expect(r.principal).toMatchObject({
      arn: DEPLOY,
      type: 'Role',
      sessionName: 'run-42',
      assumedIdentity: false,
    });
  });

  it('evaluates an external account root with its own policies assumed, and sts:ExternalId from the context', async () => {
    const open = await canAssume(db.driver, snap, {
      principal: 'arn:aws:iam::999988887777:root',
      role: CLOUDWATCHER,
    });
    expect(open.allowed).toBe(true);
    expect(open.principal.assumedIdentity).toBe(true);
    expect(open.conditions.map((c) => [c.key, c.assumption])).toEqual([['sts:ExternalId', 'externalId']]);
    const externalId = open.conditions[0]!.values[0]!;
    const right = await canAssume(db.driver, snap, {
      principal: '999988887777',
      role: CLOUDWATCHER,
      context: { 'sts:ExternalId': externalId },
    });
    expect(right).toMatchObject({ allowed: true, conditions: [] });
    const wrong = await canAssume(db.driver, snap, {
      principal: '999988887777',
      role: CLOUDWATCHER,
      context: { 'sts:ExternalId': 'guessed' },
    });
    expect(wrong.allowed).toBe(false);
  });

  it('chooses the federation action from the identity provider type, and takes services', async () => {
    const oidc = await canAssume(db.driver, snap, {
      principal: GITHUB_OIDC,
      role: 'arn:aws:iam::333333333333:role/ci/github-actions-terraform-plan',
    });
    expect(oidc).toMatchObject({ allowed: true, action: 'sts:AssumeRoleWithWebIdentity' });
    expect(oidc.principal.type).toBe('WebIdentity');
    expect(oidc.conditions.map((c) => c.key)).toEqual(['token.actions.githubusercontent.com:aud']);
    expect(oidc.conditions[0]!.assumption).toBe('federation');

    const ec2 = await canAssume(db.driver, snap, {
      principal: 'ec2.amazonaws.com',
      role: 'arn:aws:iam::333333333333:role/ci/jenkins-agent',
    });
    expect(ec2).toMatchObject({ allowed: true, conditional: false });
    const notEc2 = await canAssume(db.driver, snap, { principal: 'ec2.amazonaws.com', role: CLOUDWATCHER });
    expect(notEc2.allowed).toBe(false);
  });

  it('rejects malformed input and names what is not in the snapshot', async () => {
    await expect(canAssume(db.driver, snap, { principal: 'alice', role: PROD_BREAK_GLASS })).rejects.toThrow(
      QueryInputError,
    );
    await expect(
      canAssume(db.driver, snap, { principal: BREAK_GLASS_USER, role: 'arn:aws:iam::444444444444:user/x' }),
    ).rejects.toThrow(/not a role ARN/);
    await expect(
      canAssume(db.driver, snap, {
        principal: BREAK_GLASS_USER,
        role: 'arn:aws:iam::444444444444:role/nope',
      }),
    ).rejects.toThrow(NotInSnapshotError);
    await expect(
      canAssume(db.driver, snap, {
        principal: 'arn:aws:iam::111111111111:user/ghost',
        role: PROD_BREAK_GLASS,
      }),
    ).rejects.toThrow(NotInSnapshotError);
    await expect(
      canAssume(db.driver, snap, {
        principal: 'arn:aws:iam::111111111111:saml-provider/Unknown',
        role: PROD_BREAK_GLASS,
      }),
    ).rejects.toThrow(NotInSnapshotError);
    await expect(
      canAssume(db.driver, snap, {
        principal: BREAK_GLASS_USER,
        role: PROD_BREAK_GLASS,
        action: 's3:GetObject',
      }),
    ).rejects.toThrow(QueryInputError);
  });
});

describe('simulate', () => {
  const session = 'arn:aws:sts::666666666666:assumed-role/AWSReservedSSO_Developer_00c8ae5cbc71c0d6/alice';

  it('evaluates any action on a resource without a resource policy, and applies a session policy', async () => {
    const r = await simulate(db.driver, snap, {
      principal: session,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::orders-bucket/report.csv',
    });
    expect(r.allowed).toBe(true);
    expect(r.principal.arn).toBe(DEV_DEVELOPER);
    // The Workloads region-guard SCP leaves a request-time requirement.
    expect(r.conditions.map((c) => [c.key, c.mustHold, c.assumption])).toEqual([
      ['aws:RequestedRegion', false, 'region'],
    ]);
    const inRegion = await simulate(db.driver, snap, {
      principal: session,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::orders-bucket/report.csv',
      context: { 'aws:RequestedRegion': 'eu-west-1' },
    });
    expect(inRegion).toMatchObject({ allowed: true, conditions: [] });
    const narrowed = await simulate(db.driver, snap, {
      principal: session,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::orders-bucket/report.csv',
      context: { 'aws:RequestedRegion': 'eu-west-1' },
      sessionPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }],
      },
    });
    expect(narrowed).toMatchObject({ allowed: false, decision: 'implicitDeny' });
    await expect(
      simulate(db.driver, snap, {
        principal: session,
        action: 's3:GetObject',
        resource: '*',
        sessionPolicy: '{',
      }),
    ).rejects.toThrow(QueryInputError);
  });

  it("uses a role's trust policy for sts:AssumeRole and SCPs for other actions on it", async () => {
    const assume = await simulate(db.driver, snap, {
      principal: BREAK_GLASS_USER,
      action: 'sts:AssumeRole',
      resource: PROD_BREAK_GLASS,
    });
    expect(assume.conditions.map((c) => c.key)).toEqual(['aws:MultiFactorAuthPresent']);
    expect(assume.evidence.some((e) => e.policyKind === 'trust')).toBe(true);
    // Prod's deny-iam-changes-except-pipeline SCP beats ProdSupport's inline Allow.
    const update = await simulate(db.driver, snap, {
      principal:
        'arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_ProdSupport_4a4de06a40ddef62',
      action: 'iam:UpdateAssumeRolePolicy',
      resource: 'arn:aws:iam::444444444444:role/OrganizationAccountAccessRole',
    });
    expect(update.decision).toBe('explicitDeny');
    expect(update.evidence.some((e) => e.policyKind === 'scp' && e.effect === 'Deny')).toBe(true);
  });

  it('rejects a malformed action or resource', async () => {
    await expect(
      simulate(db.driver, snap, { principal: BREAK_GLASS_USER, action: 'GetObject', resource: '*' }),
    ).rejects.toThrow(/service:Action/);
    await expect(
      simulate(db.driver, snap, { principal: BREAK_GLASS_USER, action: 's3:GetObject', resource: 'bucket' }),
    ).rejects.toThrow(QueryInputError);
  });
});

describe('whoCanAssume and reachableFrom', () => {
  it('bounds the search by maxHops and gives each principal one shortest path, in walking order', async () => {
    const one = await whoCanAssume(db.driver, snap, { role: PROD_PIPELINE, maxHops: 1 });
    expect(one.principals.map((p) => p.node.key)).toEqual([DEPLOY]);
    const two = await whoCanAssume(db.driver, snap, { role: PROD_PIPELINE, maxHops: 2 });
    expect(two.principals.map((p) => [p.node.key, p.length])).toEqual([
      [DEPLOY, 1],
      [GITHUB_OIDC, 2],
    ]);
    const oidc = two.principals[1]!;
    expect(oidc.hops.map((h) => [h.from, h.to])).toEqual([
      [GITHUB_OIDC, DEPLOY],
      [DEPLOY, PROD_PIPELINE],
    ]);
    expect(oidc).toMatchObject({ conditional: true, crossAccount: true });
    expect(oidc.hops[0]).toMatchObject({ mechanism: 'AssumeRoleWithWebIdentity', crossAccount: false });
    expect(oidc.hops[1]).toMatchObject({ crossAccount: true, roleChaining: true });
    expect(oidc.hops[1]!.evidence.some((e) => e.policyKind === 'identity')).toBe(true);

    const reach = await reachableFrom(db.driver, snap, { principal: GITHUB_OIDC, maxHops: 2 });
    for (const r of reach.roles) expect(r.length).toBeLessThanOrEqual(2);
    expect(reach.roles.filter((r) => r.length === 1).map((r) => r.node.key)).toEqual([
      'arn:aws:iam::333333333333:role/ci/github-actions-terraform-plan',
      DEPLOY,
    ]);
    expect(reach.roles.map((r) => r.node.key)).toContain(PROD_PIPELINE);
    expect((await reachableFrom(db.driver, snap, { principal: GITHUB_OIDC, maxHops: 1 })).roles).toHaveLength(
      2,
    );
  });

  it('drops edges whose conditions need an assumption set to false, and only those', async () => {
    const all = await whoCanAssume(db.driver, snap, { role: PROD_BREAK_GLASS });
    expect(all.principals.map((p) => p.node.key).sort()).toEqual([
      BREAK_GLASS_USER,
      'arn:aws:iam::111111111111:user/breakglass/break-glass-2',
    ]);
    expect(
      all.principals.every((p) => p.conditional && p.conditionKeys[0] === 'aws:MultiFactorAuthPresent'),
    ).toBe(true);
    expect(
      (await whoCanAssume(db.driver, snap, { role: PROD_BREAK_GLASS, assumptions: { mfa: false } }))
        .principals,
    ).toEqual([]);
    // Other assumptions leave MFA-conditioned edges alone.
    expect(
      (
        await whoCanAssume(db.driver, snap, {
          role: PROD_BREAK_GLASS,
          assumptions: { externalId: false, network: false },
        })
      ).principals,
    ).toHaveLength(2);

    const vendor = await reachableFrom(db.driver, snap, { principal: '999988887777' });
    expect(vendor.roles.map((r) => r.node.key)).toEqual([CLOUDWATCHER]);
    expect(
      (
        await reachableFrom(db.driver, snap, {
          principal: '999988887777',
          assumptions: { externalId: false },
        })
      ).roles,
    ).toEqual([]);

    const federated = await whoCanAssume(db.driver, snap, {
      role: PROD_PIPELINE,
      maxHops: 2,
      assumptions: { federation: false },
    });
    expect(federated.principals.map((p) => p.node.key)).toEqual([DEPLOY]);
  });

  it('stops at the result limit and says so', async () => {
    const role = 'arn:aws:iam::777777777777:role/legacy-app-cross-read';
    const full = await whoCanAssume(db.driver, snap, { role, maxHops: 1 });
    expect(full.truncated).toBe(false);
    expect(full.principals.length).toBeGreaterThan(30);
    expect(full.principals.map((p) => p.node.key)).toContain('*');
    const cut = await whoCanAssume(db.driver, snap, { role, maxHops: 1, limit: 5 });
    expect(cut.principals).toHaveLength(5);
    expect(cut.truncated).toBe(true);
  });

  it('rejects out-of-range bounds and unknown nodes', async () => {
    await expect(whoCanAssume(db.driver, snap, { role: PROD_PIPELINE, maxHops: 9 })).rejects.toThrow(
      /at most 8/,
    );
    await expect(whoCanAssume(db.driver, snap, { role: PROD_PIPELINE, maxHops: 0 })).rejects.toThrow(
      QueryInputError,
    );
    await expect(whoCanAssume(db.driver, snap, { role: GITHUB_OIDC })).rejects.toThrow(/not a role ARN/);
    await expect(
      whoCanAssume(db.driver, snap, { role: 'arn:aws:iam::444444444444:role/missing' }),
    ).rejects.toThrow(NotInSnapshotError);
    await expect(reachableFrom(db.driver, snap, { principal: 'nobody' })).rejects.toThrow(QueryInputError);
    await expect(
      reachableFrom(db.driver, snap, { principal: 'arn:aws:iam::111111111111:user/ghost' }),
    ).rejects.toThrow(NotInSnapshotError);
  });
});

describe('paths', () => {
  it('lists paths shortest first within maxHops, filtered by assumptions', async () => {
    expect((await paths(db.driver, snap, { from: SECURITY_SAML, to: PROD_AUDIT, maxHops: 2 })).paths).toEqual(
      [],
    );
    const r = await paths(db.driver, snap, { from: SECURITY_SAML, to: PROD_AUDIT, maxHops: 4 });
    expect(r.paths.length).toBeGreaterThan(0);
    expect(r.paths[0]!.nodes.map((n) => n.kind)).toEqual(['IdentityProvider', 'Role', 'Role', 'Role']);
    expect(r.paths[0]!.conditionKeys).toEqual(['SAML:aud']);
    for (let i = 1; i < r.paths.length; i++)
      expect(r.paths[i]!.length).toBeGreaterThanOrEqual(r.paths[i - 1]!.length);
    for (const p of r.paths) expect(new Set(p.nodes.map((n) => n.key)).size).toBe(p.nodes.length);
    expect(
      (
        await paths(db.driver, snap, {
          from: SECURITY_SAML,
          to: PROD_AUDIT,
          maxHops: 4,
          assumptions: { federation: false },
        })
      ).paths,
    ).toEqual([]);
  });

  it('honours the limit and rejects bad bounds', async () => {
    const r = await paths(db.driver, snap, {
      from: 'arn:aws:iam::111111111111:user/breakglass/break-glass-1',
      to: 'arn:aws:iam::777777777777:role/legacy-app-cross-read',
      maxHops: 3,
      limit: 2,
    });
    expect(r.paths).toHaveLength(2);
    await expect(paths(db.driver, snap, { from: DEPLOY, to: PROD_PIPELINE, limit: 65 })).rejects.toThrow(
      QueryInputError,
    );
    await expect(paths(db.driver, snap, { from: DEPLOY, to: DEPLOY })).rejects.toThrow(QueryInputError);
  });
});

describe('findings', () => {
  it('filters by severity, kind and account, with subjects', async () => {
    const all = await findings(db.driver, snap);
    // 19 trust findings (demo-org-expected.json); other analyses may add findings of other kinds.
    expect(all.findings.filter((f) => TRUST_KINDS.has(f.kind))).toHaveLength(19);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const ranks = all.findings.map((f) => order.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const critical = await findings(db.driver, snap, { severity: 'critical' });
    expect(critical.findings.every((f) => f.severity === 'critical')).toBe(true);
    expect(critical.bySeverity).toMatchObject({ critical: critical.findings.length, high: 0, low: 0 });
    const open = critical.findings.filter((f) => f.kind === 'trust-open-to-anyone');
    expect(open).toHaveLength(1);
    expect(open[0]!.subjects[0]).toMatchObject({
      key: 'arn:aws:iam::777777777777:role/legacy-app-cross-read',
      kind: 'Role',
      primary: true,
    });

    const roots = await findings(db.driver, snap, { kind: 'trust-to-account-root' });
    expect(roots.findings.length).toBe(9);
    expect(roots.findings.every((f) => f.kind === 'trust-to-account-root')).toBe(true);

    const prod = await findings(db.driver, snap, { account: '444444444444' });
    expect(prod.findings.length).toBeGreaterThan(0);
    for (const f of prod.findings)
      expect(f.subjects.some((s) => s.accountId === '444444444444' || s.key === '444444444444')).toBe(true);

    await expect(findings(db.driver, snap, { severity: 'urgent' as 'low' })).rejects.toThrow(QueryInputError);
    await expect(findings(db.driver, snap, { account: '4444' })).rejects.toThrow(/12-digit/);
  });
});

describe('assumption table', () => {
  it('puts each condition key in one category', () => {
    expect(assumptionOf('aws:MultiFactorAuthPresent')).toBe('mfa');
    expect(assumptionOf('aws:multifactorauthage')).toBe('mfa');
    expect(assumptionOf('sts:ExternalId')).toBe('externalId');
    expect(assumptionOf('aws:SourceIp')).toBe('network');
    expect(assumptionOf('aws:SourceVpce')).toBe('network');
    expect(assumptionOf('SAML:aud')).toBe('federation');
    expect(assumptionOf('token.actions.githubusercontent.com:sub')).toBe('federation');
    expect(assumptionOf('oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud')).toBe('federation');
    expect(assumptionOf('aws:RequestedRegion')).toBe('region');
    expect(assumptionOf('aws:PrincipalArn')).toBe('other');
    expect(assumptionOf('sts:RoleSessionName')).toBe('other');
  });
});
