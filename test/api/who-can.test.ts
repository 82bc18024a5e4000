/**
 * GraphQL `whoCan` over real HTTP answers as the query layer does (the CLI's
 * `query who-can` runs the same function): the same principals with their
 * evidence, who reaches them with viaRoles, and input errors named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoCan } from '../../query/index.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, ingestDemo, startApi } from './helpers.ts';

const PROD_PIPELINE = 'arn:aws:iam::444444444444:role/platform/pipeline-deploy';
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  snap = await ingestDemo(db.driver, 'api-who-can');
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);

afterAll(async () => {
  await api?.close();
  await db?.close();
});

const WHO_CAN = `query($s: ID, $a: String!, $r: String!, $via: Boolean, $first: Int) {
  whoCan(action: $a, resource: $r, viaRoles: $via, first: $first, snapshot: $s) {
    action resource contextComplete candidates totalCount
    principals { node { key kind accountId } conditional conditions { key } evidence { policyId policyKind statementIndex effect } reasons }
    viaRoles { node { key kind } hops conditional path { edges { from { key } to { key } } } }
    viaRolesCount viaRolesTruncated } }`;

describe('whoCan', () => {
  it('lists the principals the query layer allows, with their evidence, and who reaches them', async () => {
    const req = { action: 'iam:CreateUser', resource: 'arn:aws:iam::444444444444:user/new-user' };
    const r = await gql(api.url, WHO_CAN, { s: snap, a: req.action, r: req.resource, via: true });
    expect(r.body.errors).toBeUndefined();
    const w = r.body.data!.whoCan;
    const direct = await whoCan(db.driver, snap, req);
    expect(w.totalCount).toBe(direct.total);
    expect(w.principals.map((p: { node: { key: string } }) => p.node.key)).toEqual(
      direct.principals.map((p) => p.principal.arn),
    );
    const pipeline = w.principals.find((p: { node: { key: string } }) => p.node.key === PROD_PIPELINE);
    expect(pipeline.node).toEqual({ key: PROD_PIPELINE, kind: 'Role', accountId: '444444444444' });
    expect(pipeline.evidence).toContainEqual({
      policyId: 'arn:aws:iam::aws:policy/AdministratorAccess',
      policyKind: 'identity',
      statementIndex: 0,
      effect: 'Allow',
    });
    const user = w.viaRoles.find((e: { node: { key: string } }) => e.node.key === BREAK_GLASS_USER);
    expect(user).toMatchObject({ hops: 1, conditional: true, node: { kind: 'User' } });
    expect(user.path.edges.at(-1).to.key).toBe('arn:aws:iam::444444444444:role/break-glass-admin');
    expect(w.viaRolesCount).toBe(w.viaRoles.length);
  });

  it('returns at most first principals and counts them all', async () => {
    const r = await gql(api.url, WHO_CAN, {
      s: snap,
      a: 's3:GetObject',
      r: 'arn:aws:s3:::orders-data/report.csv',
      first: 3,
    });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.whoCan.principals).toHaveLength(3);
    expect(r.body.data!.whoCan.totalCount).toBeGreaterThan(3);
    expect(r.body.data!.whoCan.viaRoles).toBeNull();
  });

  it('names a bad argument', async () => {
    const r = await gql(api.url, WHO_CAN, { s: snap, a: 's3:*', r: '*' });
    expect(r.body.errors?.[0]?.message).toMatch(/action: a request names one action/);
  });
});
