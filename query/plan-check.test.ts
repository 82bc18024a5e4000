/**
 * plan-check end to end without a database: each written plan fixture laid
 * over an empty account (or the demo organization read from its files), the
 * diff it produces and the gate's verdict.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotModel } from '../engine/model.ts';
import { DEFAULT_FAIL_ON, parseFailOn } from '../engine/plan/gate.ts';
import { readSnapshot } from '../ingest/read/index.ts';
import { loadPlanFile } from '../ingest/read/plan/index.ts';
import { emptyModel, planCheck, type PlanCheckResult } from './plan-check.ts';

const root = path.join(import.meta.dirname, '..');
const plans = path.join(root, 'test', 'fixtures', 'plans');
const rules = parseFailOn(DEFAULT_FAIL_ON);

async function check(
  name: string,
  base: SnapshotModel = emptyModel(),
  snapshot?: boolean,
): Promise<PlanCheckResult> {
  return planCheck(await loadPlanFile(path.join(plans, name)), base, {
    rules,
    ...(snapshot ? { snapshot: { id: 'demo', name: 'demo' } } : {}),
  });
}

describe('plan-check on a plan alone', () => {
  it('a new role trusting another account without ExternalId is new external trust, with the address that makes it', async () => {
    const r = await check('new-role-external-account-no-external-id.json');
    expect(r.accountId).toBe('210987654321');
    expect(r.diff.externalTrust).toEqual([
      expect.objectContaining({
        from: '999988887777',
        to: 'arn:aws:iam::210987654321:role/vendor/vendor-audit',
        // The attachment gives the role its permissions, not the trust: it is not named.
        addresses: ['aws_iam_role.vendor_audit'],
      }),
    ]);
    expect(r.diff.findings.added.map((f) => f.kind)).toContain('external-trust-without-external-id');
    expect(r.failures.map((f) => f.rule)).toContain('new-external-trust');
  });

  it('an attachment that opens a path to admin names the attachment on the hop it introduces', async () => {
    const r = await check('attachment-opens-admin-path.json');
    const user = 'arn:aws:iam::210987654321:user/service/deploy-bot';
    const path = r.diff.adminPaths.added.find((p) => p.from === user);
    expect(path?.adminAccount).toBe('210987654321');
    expect(path?.hops[0]).toMatchObject({ from: user, changed: true });
    expect(path?.addresses).toContain('aws_iam_user_policy_attachment.deploy_bot_iam');
    expect(r.failures.map((f) => f.rule)).toContain('new-admin-path');
  });

  it('a trust change that removes a path reports the removal and passes the gate', async () => {
    const r = await check('trust-change-removes-path.json');
    const oncall = 'arn:aws:iam::210987654321:user/ops/oncall';
    expect(r.diff.assume.removed.map((e) => `${e.from} ${e.addresses.join(',')}`)).toEqual([
      `${oncall} aws_iam_role.break_glass`,
    ]);
    expect(r.diff.adminPaths.removed.map((p) => p.from)).toEqual([oncall]);
    expect(r.diff.adminPaths.added).toEqual([]);
    expect(r.failures).toEqual([]);
  });

  it('a new OIDC provider trusted without a sub condition is a high finding on the role', async () => {
    const r = await check('oidc-provider-unrestricted-sub.json');
    const finding = r.diff.findings.added.find((f) => f.kind === 'federated-trust-without-subject-condition');
    expect(finding).toMatchObject({
      severity: 'high',
      subjects: expect.arrayContaining(['arn:aws:iam::210987654321:role/ci/github-deploy']),
    });
    expect(finding?.addresses).toContain('aws_iam_role.github_deploy');
    expect(r.failures.map((f) => f.rule)).toContain('severity>=high');
  });

  it('values known after apply are listed and grant nothing: iam:PassRole on an unknown ARN passes no role', async () => {
    const r = await check('known-after-apply.json');
    expect(r.unknowns.map((u) => u.address)).toEqual([
      'aws_iam_role.uploader',
      'aws_iam_role_policy.uploader_bucket',
    ]);
    expect(r.diff.escalate.added).toEqual([]);
    expect(r.failures).toEqual([]);
    // The same rule set plus unknown-values fails on them.
    const strict = await planCheck(
      await loadPlanFile(path.join(plans, 'known-after-apply.json')),
      emptyModel(),
      {
        rules: parseFailOn('unknown-values'),
      },
    );
    expect(strict.failures).toEqual([{ rule: 'unknown-values', count: 2 }]);
  });

  it("a role whose name is known only after apply is named whole in its finding's title (Checkov's test plan)", async () => {
    const r = await check('checkov-plan-with-iam-policies.json');
    const placeholder = 'role/(known after apply: aws_iam_role.example.name)';
    const finding = r.diff.findings.added.find((f) => f.subjects[0]?.endsWith(placeholder));
    expect(finding?.title).toBe(
      `${placeholder} can become an administrator of account 000000000000 in 1 step`,
    );
  });
});

describe('plan-check on the demo organization', () => {
  let demo: SnapshotModel;
  beforeAll(async () => {
    demo = (await readSnapshot([path.join(root, 'test', 'fixtures', 'demo-org')])).model;
  });

  it('the CI role given iam:PassRole on * plus Lambda gets a new path to admin through the Lambda method', async () => {
    const r = await check('demo-ci-passrole-lambda.json', demo, true);
    const ci = 'arn:aws:iam::333333333333:role/ci/github-actions-terraform-plan';
    const path = r.diff.adminPaths.added.find((p) => p.from === ci);
    expect(path?.hops.map((h) => [h.kind, h.method ?? '', h.changed])).toEqual([
      ['CAN_ESCALATE_TO', 'passrole-lambda-create-invoke', true],
      ['IS_ADMIN', '', true],
    ]);
    expect(path?.hops[0]?.addresses).toContain('module.ci.aws_iam_role_policy.lambda_deploy');
    expect(r.failures.map((f) => f.rule)).toEqual(['new-admin-path', 'severity>=high']);
    // The input model is untouched: the snapshot is overlaid on a copy.
    expect(demo.roles.some((role) => role.name === 'lambda-ops')).toBe(false);
  });
});
