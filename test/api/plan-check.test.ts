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
