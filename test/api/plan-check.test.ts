/**
 * The checkPlan mutation over real HTTP against the demo organization in a
 * real Neo4j: a reviewer uploads a plan and gets the diff; a reader may not;
 * a plan that is not JSON is refused with its place.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, ingestDemo, READER, REVIEWER, startApi } from './helpers.ts';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;
let plan: string;

const CHECK = `mutation($input: CheckPlanInput!) { checkPlan(input: $input) {
  snapshot { id } accountId passed failures { rule count } newAdminPathCount
  newAdminPaths { from adminAccount addresses hops { type method changed addresses } }
  newFindings { kind severity addresses } unknowns { address attribute }
} }`;

beforeAll(async () => {
  db = await openTestDb();
  snap = await ingestDemo(db.driver, 'api-plan-check');
  db.track(snap);
  api = await startApi(db.driver);
  plan = await readFile(
    path.join(projectRoot, 'test', 'fixtures', 'plans', 'demo-ci-passrole-lambda.json'),
    'utf8',
  );
}, 300_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('checkPlan', () => {
  it('a reviewer uploads the CI-role plan and gets the new path to admin with the hop and address behind it', async () => {
    const r = await gql(api.url, CHECK, { input: { plan, snapshot: snap, fileName: 'plan.json' } }, REVIEWER);
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data!.checkPlan;
    expect(c).toMatchObject({ snapshot: { id: snap }, accountId: '333333333333', passed: false });
    expect(c.failures.map((f: { rule: string }) => f.rule)).toEqual(['new-admin-path', 'severity>=high']);
    const ci = c.newAdminPaths.find((p: { from: string }) =>
      p.from.endsWith(':role/ci/github-actions-terraform-plan'),
    );
    expect(ci.hops[0]).toMatchObject({
      type: 'CAN_ESCALATE_TO',
      method: 'passrole-lambda-create-invoke',
      changed: true,
    });
    expect(ci.addresses).toContain('module.ci.aws_iam_role_policy.lambda_deploy');
    expect(c.newFindings).toContainEqual(
      expect.objectContaining({ kind: 'escalation-to-admin', severity: 'critical' }),
    );
  });

  it('a reader token is refused, and a plan that is not JSON is a user error naming the place', async () => {
    const reader = await gql(api.url, CHECK, { input: { plan, snapshot: snap } }, READER);
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(
      api.url,
      CHECK,
      { input: { plan: '{"format_version": "1.2", ', snapshot: snap } },
      REVIEWER,
    );
    expect(bad.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^uploaded-plan\.json:1:\d+: the file is not valid JSON/),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'plan' }),
    });
  });
});

const ADD = `mutation($input: AddPlanCheckToReviewInput!) { addPlanCheckToReview(input: $input) {
  report { passed snapshot { id } }
  items { id kind title status note subjectKeys planChange {
    what plan snapshotId accountId passed failures { rule count } counts { name count } adminAccount
    hops { from to type method changed addresses } addresses finding { kind severity }
  } }
} }`;

describe('addPlanCheckToReview', () => {
  it('adds the check and its new path to admin to a session, with the hops and addresses, and the report shows them', async () => {
    const created = await gql(
      api.url,
      `mutation($s: ID) { createReviewSession(input: { name: "plan review", snapshot: $s }) { id } }`,
      { s: snap },
      REVIEWER,
    );
    const sessionId = created.body.data!.createReviewSession.id as string;
    const r = await gql(
      api.url,
      ADD,
      { input: { sessionId, plan, fileName: 'ci-plan.json', note: 'from PR 42' } },
      REVIEWER,
    );
    expect(r.body.errors).toBeUndefined();
    const { report, items } = r.body.data!.addPlanCheckToReview;
    expect(report).toMatchObject({ passed: false, snapshot: { id: snap } });
    expect(items[0]).toMatchObject({
      kind: 'PLAN_CHANGE',
      status: 'OPEN',
      note: 'from PR 42',
      title: expect.stringMatching(
        /^Plan ci-plan\.json in account 333333333333: the gate fails new-admin-path/,
      ),
      planChange: { what: 'RESULT', plan: 'ci-plan.json', snapshotId: snap, passed: false },
    });
    const ci = items.find(
      (i: { planChange: { what: string }; subjectKeys: string[] }) =>
        i.planChange.what === 'NEW_ADMIN_PATH' &&
        i.subjectKeys[0]!.endsWith(':role/ci/github-actions-terraform-plan'),
    );
    expect(ci.title).toMatch(/^New path to admin of 333333333333: ci\/github-actions-terraform-plan → /);
    expect(ci.planChange.hops[0]).toMatchObject({
      type: 'CAN_ESCALATE_TO',
      method: 'passrole-lambda-create-invoke',
      changed: true,
      addresses: expect.arrayContaining(['module.ci.aws_iam_role_policy.lambda_deploy']),
    });
    expect(items.some((i: { planChange: { what: string } }) => i.planChange.what === 'NEW_FINDING')).toBe(
      true,
    );

    const again = await gql(
      api.url,
      `query($id: ID!) { reviewSession(id: $id) { items { kind planChange { what } } report } }`,
      { id: sessionId },
      READER,
    );
    const s = again.body.data!.reviewSession;
    expect(s.items).toHaveLength(items.length);
    expect(s.report).toContain('- Kind: proposed change');
    expect(s.report).toContain('module.ci.aws\\_iam\\_role\\_policy.lambda\\_deploy');
  });

  it('a reader may not add, and an unknown session is NOT_FOUND', async () => {
    const reader = await gql(api.url, ADD, { input: { sessionId: 'rs-none', plan } }, READER);
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const none = await gql(api.url, ADD, { input: { sessionId: 'rs-none', plan } }, REVIEWER);
    expect(none.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
