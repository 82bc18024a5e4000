/**
 * plan-check against a stored snapshot analyses only the principals a change
 * can affect (query/plan-scope.ts); its answer must be the one the full
 * analysis gives. Every plan fixture is checked both ways against the demo
 * organization and against a generated organization, and so are two
 * generated changes: a widely attached managed policy that gains
 * iam:PassRole and Lambda, and a trust change that removes a path. Only
 * the principals that reach the change are analysed; what they reach beyond
 * is read from the stored edges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedPlans } from '../../bench/plan.ts';
import { planOrganization, writeOrganization, type GenerateOptions } from '../../bench/generate.ts';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { DEFAULT_FAIL_ON, parseFailOn } from '../../engine/plan/gate.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { loadPlanFile, parsePlanText, type LoadedPlan } from '../../ingest/read/plan/index.ts';
import { changeSetOf } from '../../ingest/read/plan/index.ts';
import { planCheckSnapshot, type PlanCheckResult } from '../../query/plan-check.ts';
import { planScope } from '../../query/plan-scope.ts';
import { loadModelSlice } from '../../query/model-slice.ts';
import { writeInputDir } from '../harness/mini-org.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const plans = path.join(import.meta.dirname, '..', 'fixtures', 'plans');
const fixtures = fs.readdirSync(plans).filter((f) => f.endsWith('.json'));
const rules = parseFailOn(DEFAULT_FAIL_ON);
const GENERATED: GenerateOptions = { roles: 400, accounts: 8, seed: 7 };

let db: TestDb;
let tmp: string;
const snapshots: Record<'demo' | 'generated', { id: string; name: string }> = {
  demo: { id: '', name: '' },
  generated: { id: '', name: '' },
};

beforeAll(async () => {
  db = await openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-plan-incremental-'));
  await writeOrganization(tmp, GENERATED);
  for (const [key, dir] of [
    ['demo', DEMO_ORG_DIR],
    ['generated', tmp],
  ] as const) {
    const name = `plan-incremental-${key}-${Date.now()}`;
    const r = await ingestPaths(db.driver, [dir], { name });
    db.track(r.snapshotId);
    snapshots[key] = { id: r.snapshotId, name };
  }
}, 600_000);

afterAll(async () => {
  await db?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

type Outcome = { error: string } | Omit<PlanCheckResult, 'seconds' | 'analysis'>;

async function both(
  loaded: LoadedPlan,
  on: 'demo' | 'generated' | { id: string; name: string },
  account?: string,
): Promise<{ full: Outcome; incremental: Outcome; mode?: PlanCheckResult['analysis'] }> {
  let mode: PlanCheckResult['analysis'];
  const run = async (full: boolean): Promise<Outcome> => {
    try {
      const {
        seconds: _s,
        analysis,
        ...rest
      } = await planCheckSnapshot(loaded, db.driver, {
        rules,
        snapshot: typeof on === 'string' ? snapshots[on] : on,
        full,
        // Incremental whatever share of the snapshot the change reaches, so that it is what is compared.
        shareLimit: 1,
        ...(account ? { account } : {}),
      });
      if (!full) mode = analysis;
      return rest;
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  return { full: await run(true), incremental: await run(false), mode };
}

const generatedAccount = (i: number) => planOrganization(GENERATED).accounts[i]!.id;

describe('incremental plan-check equals the full analysis', () => {
  for (const file of fixtures) {
    it(`${file} against the demo organization`, async () => {
      const r = await both(await loadPlanFile(path.join(plans, file)), 'demo');
      expect(r.incremental).toEqual(r.full);
    }, 300_000);

    it(`${file} against a generated organization`, async () => {
      const r = await both(await loadPlanFile(path.join(plans, file)), 'generated', generatedAccount(2));
      expect(r.incremental).toEqual(r.full);
      if (r.mode) expect(r.mode.mode).toBe('incremental');
    }, 300_000);
  }

  it('a widely attached managed policy gaining iam:PassRole and Lambda: same new edges and paths, fewer principals analysed', async () => {
    const g = generatedPlans(GENERATED, 3);
    expect(g.widePolicy.holders).toBeGreaterThan(1);
    const r = await both(parsePlanText(JSON.stringify(g.widePolicy.plan), 'wide-policy.json'), 'generated');
    expect(r.incremental).toEqual(r.full);
    const full = r.full as PlanCheckResult;
    expect(full.diff.escalate.added.length).toBeGreaterThan(0);
    expect(r.mode?.mode).toBe('incremental');
    expect(r.mode!.principals).toBeLessThan(r.mode!.total);
  }, 300_000);

  it('only the principals that reach the change are analysed; what they reach beyond comes from the stored edges', async () => {
    const g = generatedPlans(GENERATED, 3);
    const loaded = parsePlanText(JSON.stringify(g.widePolicy.plan), 'wide-policy.json');
    const frame = await loadModelSlice(db.driver, snapshots.generated.id, []);
    const scope = await planScope(
      db.driver,
      snapshots.generated.id,
      changeSetOf(loaded, g.accountId),
      frame.organization,
      1,
    );
    if (scope.mode !== 'incremental') throw new Error(scope.reason);
    const analysed = new Set(scope.arns);
    const beyond = scope.frame.filter((k) => k.includes(':user/') || k.includes(':role/'));
    // The generated organization has roles the changed account reaches that do not reach it back.
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.filter((k) => analysed.has(k))).toEqual([]);
    const r = await both(loaded, 'generated');
    expect(r.incremental).toEqual(r.full);
    expect(r.mode?.principals).toBe(scope.arns.length);
  }, 300_000);

  it('a trust change that removes a path: same removed edges', async () => {
    const g = generatedPlans(GENERATED, 3);
    const r = await both(parsePlanText(JSON.stringify(g.trustRemoved.plan), 'trust.json'), 'generated');
    expect(r.incremental).toEqual(r.full);
    const full = r.full as PlanCheckResult;
    expect(full.diff.assume.removed.map((e) => e.to)).toContain(g.trustRemoved.roleArn);
    expect(r.mode?.mode).toBe('incremental');
    expect(r.mode!.principals).toBeLessThan(r.mode!.total);
  }, 300_000);

  it('an SCP attached to the root is too broad: the full analysis runs and says why', async () => {
    const g = generatedPlans(GENERATED, 3);
    const root = planOrganization(GENERATED).rootId;
    const plan = {
      ...g.trustRemoved.plan,
      resource_changes: [
        {
          address: 'aws_organizations_policy_attachment.root',
          mode: 'managed',
          type: 'aws_organizations_policy_attachment',
          name: 'root',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: {
            actions: ['create'],
            before: null,
            after: { policy_id: 'p-examplescp1', target_id: root },
            after_unknown: {},
          },
        },
      ],
    };
    const r = await planCheckSnapshot(parsePlanText(JSON.stringify(plan), 'scp.json'), db.driver, {
      rules,
      snapshot: snapshots.generated,
    });
    expect(r.analysis?.mode).toBe('full');
    expect(r.analysis?.reason).toContain(root);
  }, 300_000);
});

/**
 * Three accounts where a principal's way to an administrator runs through a
 * role the change cannot reach: Upstream (B) already becomes an administrator
 * of C through SelfGrant (C), which may put a policy on itself; the change lets
 * Changed (A), which Upstream may assume, assume AdminC (C), an administrator
 * trusting A. Upstream's way to C's administrator is then not new, and its
 * escalation finding goes away. SelfGrant neither reaches A nor is trusted by
 * it, so its edges are read as stored.
 * Cross-account assume needs the trust policy and the caller's identity policy:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
describe('a way to an administrator through what the change cannot reach', () => {
  const [A, B, C] = ['111111111111', '222222222222', '333333333333'];
  const doc = (Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
  const trust = (aws: string) =>
    encodeURIComponent(
      JSON.stringify(doc([{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }])),
    );
  const role = (account: string, name: string, trustedBy: string, statements: unknown[]) => ({
    Path: '/',
    RoleName: name,
    RoleId: `AROA${name.toUpperCase().padEnd(17, 'X')}`,
    Arn: `arn:aws:iam::${account}:role/${name}`,
    CreateDate: '2024-01-02T03:04:05Z',
    AssumeRolePolicyDocument: trust(`arn:aws:iam::${trustedBy}:root`),
    InstanceProfileList: [],
    RolePolicyList: statements.length ? [{ PolicyName: 'inline', PolicyDocument: doc(statements) }] : [],
    AttachedManagedPolicies: [],
    Tags: [],
    RoleLastUsed: {},
  });
  const details = (roles: unknown[]) => ({
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: roles,
    Policies: [],
    IsTruncated: false,
  });
  const assumeAny = [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }];
  const adminC = `arn:aws:iam::${C}:role/AdminC`;
  const selfGrant = `arn:aws:iam::${C}:role/SelfGrant`;

  it('is read from the stored edges: the same answer as the full analysis', async () => {
    const dir = writeInputDir({
      [`${A}.json`]: details([role(A, 'Changed', B, [])]),
      [`${B}.json`]: details([role(B, 'Upstream', B, assumeAny)]),
      [`${C}.json`]: details([
        role(C, 'SelfGrant', B, [{ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: selfGrant }]),
        role(C, 'AdminC', A, [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      ]),
    });
    try {
      const name = `plan-incremental-frame-${Date.now()}`;
      const r = await ingestPaths(db.driver, [dir], { name });
      db.track(r.snapshotId);
      const policy = JSON.stringify(doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: adminC }]));
      const plan = {
        format_version: '1.2',
        terraform_version: '1.9.8',
        resource_changes: [
          {
            address: 'aws_iam_role_policy.changed',
            mode: 'managed',
            type: 'aws_iam_role_policy',
            name: 'changed',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            change: {
              actions: ['create'],
              before: null,
              after: { name: 'assume-admin-c', role: 'Changed', policy },
              after_unknown: {},
            },
          },
        ],
      };
      const loaded = parsePlanText(JSON.stringify(plan), 'frame.json');
      const r2 = await both(loaded, { id: r.snapshotId, name }, A);
      expect(r2.mode?.mode).toBe('incremental');
      // SelfGrant is not analysed: A, B and AdminC are.
      expect(r2.mode?.principals).toBe(3);
      const upstream = `arn:aws:iam::${B}:role/Upstream`;
      const full = r2.full as PlanCheckResult;
      expect(full.diff.adminPaths.added.map((p) => p.from)).not.toContain(upstream);
      expect(full.diff.findings.removed.map((f) => f.subjects[0])).toContain(upstream);
      expect(r2.incremental).toEqual(r2.full);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
