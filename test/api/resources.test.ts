/**
 * The resource fields of the GraphQL API on the demo organization with
 * hand-written resources (test/harness/resource-snapshot.ts): the same answers
 * as the query layer, with paths the page can draw (CAN_ACCESS is their last
 * edge), the public and external access findings paged, and a review session
 * keeping an external-access finding archived, as IAM Access Analyzer archives
 * intended access (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-work-with-findings.html).
 * Real Neo4j, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSession } from '../../api/reviews.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import * as F from '../harness/resource-snapshot.ts';
import { REVIEWER, gql, startApi } from './helpers.ts';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;
const sessions: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  snap = (await F.loadResourceSnapshot(db.driver, 'api-resources')).snapshotId;
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);
afterAll(async () => {
  await api?.close();
  for (const id of sessions) await deleteSession(db.driver, id);
  await db?.close();
});

const PATH = `path { length nodes { key kind } edges { type level public from { key } to { key kind } evidence { policyKind sid statementIndex } conditions { key } } }`;

describe('resources in the API', () => {
  it('resource: policy, cited statements, tags, account, runsAs and findings; null when absent', async () => {
    const r = await gql(
      api.url,
      `query($s: ID, $a: String!, $f: String!, $k: String!, $none: String!) {
        secret: resource(snapshot: $s, arn: $a) { key type name accountId region policy citedStatements sensitive public
          tags { key value } account { key kind } node { kind key } findings { kind } }
        fn: resource(snapshot: $s, arn: $f) { runsAs { role { key kind } instanceProfileArn } settings }
        key: resource(snapshot: $s, arn: $k) { externalAccess findings { kind subjects { key kind } } }
        none: resource(snapshot: $s, arn: $none) { key }
      }`,
      { s: snap, a: F.SECRET, f: F.FUNCTION, k: F.KEY, none: 'arn:aws:s3:::no-such-bucket' },
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    expect(d.secret).toMatchObject({
      key: F.SECRET,
      type: 'secretsmanager-secret',
      accountId: '444444444444',
      region: 'eu-west-1',
      citedStatements: [1],
      sensitive: true,
      public: false,
      account: { key: '444444444444', kind: 'Account' },
      node: { kind: 'Resource', key: F.SECRET },
      findings: [],
    });
    expect(d.secret.tags).toContainEqual({ key: 'iamatlas:sensitive', value: 'true' });
    expect(JSON.parse(d.secret.policy).Statement[1].Sid).toBe('AnalyticsRead');
    expect(d.fn.runsAs).toEqual([{ role: { key: F.LAMBDA_BASIC, kind: 'Role' }, instanceProfileArn: null }]);
    expect(JSON.parse(d.fn.settings)).toEqual({ roleArn: F.LAMBDA_BASIC });
    expect(d.key.externalAccess).toBe(true);
    expect(d.key.findings[0].subjects).toEqual([
      { key: F.KEY, kind: 'Resource' },
      { key: F.VENDOR_ACCOUNT, kind: 'Account' },
    ]);
    expect(d.none).toBeNull();
  });

  it('whoCanAccess: direct callers, paths ending in CAN_ACCESS, and people', async () => {
    const r = await gql(
      api.url,
      `query($s: ID, $a: String!) { whoCanAccess(snapshot: $s, resource: $a, level: "read") {
        resource { key kind } resourceType level truncated
        direct { node { key } level hops ${PATH} }
        viaPaths { node { key kind } level hops conditional ${PATH} }
        people { person { name } signIn { role { key } } level hops path { edges { type } } }
      } }`,
      { s: snap, a: F.SECRET },
    );
    expect(r.body.errors).toBeUndefined();
    const w = r.body.data!.whoCanAccess;
    expect(w).toMatchObject({
      resource: { key: F.SECRET, kind: 'Resource' },
      resourceType: 'secretsmanager-secret',
      level: 'read',
    });
    expect(w.direct[0].path.edges[0]).toMatchObject({
      type: 'CAN_ACCESS',
      level: 'read',
      public: false,
      from: { key: F.ANALYTICS_READER },
      to: { key: F.SECRET, kind: 'Resource' },
      evidence: [{ policyKind: 'resource', sid: 'AnalyticsRead', statementIndex: 1 }],
    });
    const etl = w.viaPaths.find((v: { node: { key: string } }) => v.node.key === F.ETL_EXPORTER);
    expect(etl.path.nodes).toEqual([
      { key: F.ETL_EXPORTER, kind: 'Role' },
      { key: F.ANALYTICS_READER, kind: 'Role' },
      { key: F.SECRET, kind: 'Resource' },
    ]);
    expect(etl.path.edges.map((e: { type: string }) => e.type)).toEqual(['CAN_ASSUME', 'CAN_ACCESS']);
    const amara = w.people.find(
      (p: { person: { name: string } }) => p.person.name === 'amara.okafor@example.com',
    );
    expect(amara.path.edges.map((e: { type: string }) => e.type)).toEqual(['CAN_ASSUME', 'CAN_ACCESS']);
  });

  it('whoCanAccess: a bad level or an absent resource is an error naming the input', async () => {
    const bad = await gql(
      api.url,
      `query($s: ID, $a: String!) { whoCanAccess(snapshot: $s, resource: $a, level: "admin") { truncated } }`,
      {
        s: snap,
        a: F.SECRET,
      },
    );
    expect(bad.body.errors?.[0]?.message).toContain('level: a level is one of read, write');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await gql(
      api.url,
      `query($s: ID) { whoCanAccess(snapshot: $s, resource: "arn:aws:s3:::no-such-bucket") { truncated } }`,
      {
        s: snap,
      },
    );
    expect(none.body.errors?.[0]?.message).toContain('No resource arn:aws:s3:::no-such-bucket');
  });

  it('resources: the listing by name, searched and paged', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) { resources(snapshot: $s, filter: { search: "demo", type: "s3-bucket" }, first: 2) {
        totalCount pageInfo { hasNextPage } nodes { node { key kind } type public sensitive externalAccess } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data!.resources;
    expect(c.totalCount).toBe(3);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(c.nodes).toEqual([
      {
        node: { key: F.BLOCKED_BUCKET, kind: 'Resource' },
        type: 's3-bucket',
        public: false,
        sensitive: false,
        externalAccess: false,
      },
      {
        node: { key: F.DEV_BUCKET, kind: 'Resource' },
        type: 's3-bucket',
        public: false,
        sensitive: false,
        externalAccess: false,
      },
    ]);
  });

  it('canAccess: the resources a principal reaches, with the path', async () => {
    const r = await gql(
      api.url,
      `query($s: ID, $p: ID!) { canAccess(snapshot: $s, principal: $p) { principal { key } resources { resource { key } resourceType level hops path { edges { type } } } } }`,
      { s: snap, p: F.ETL_EXPORTER },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.canAccess.resources).toEqual([
      {
        resource: { key: F.SECRET },
        resourceType: 'secretsmanager-secret',
        level: 'read',
        hops: 2,
        path: { edges: [{ type: 'CAN_ASSUME' }, { type: 'CAN_ACCESS' }] },
      },
    ]);
  });

  it('externalAccess: filtered and paged, with statement and conditions', async () => {
    const Q = `query($s: ID, $p: Boolean, $t: String, $first: Int, $after: String) {
      externalAccess(snapshot: $s, publicOnly: $p, type: $t, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { finding { id kind } resource { key } resourceType caller { key kind } level actions public
          statement { sid statementIndex } conditions { key values } zoneOfTrust }
      } }`;
    const all = await gql(api.url, Q, { s: snap });
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data!.externalAccess.totalCount).toBe(2);
    const kms = await gql(api.url, Q, { s: snap, t: 'kms-key' });
    expect(kms.body.data!.externalAccess.nodes).toEqual([
      expect.objectContaining({
        resource: { key: F.KEY },
        resourceType: 'kms-key',
        caller: { key: F.VENDOR_ACCOUNT, kind: 'Account' },
        level: 'write',
        public: false,
        statement: { sid: 'VendorDecrypt', statementIndex: 1 },
        conditions: [{ key: 'kms:ViaService', values: ['s3.eu-west-1.amazonaws.com'] }],
        zoneOfTrust: 'organization',
      }),
    ]);
    const pub = await gql(api.url, Q, { s: snap, p: true });
    expect(
      pub.body.data!.externalAccess.nodes.map((n: { resource: { key: string } }) => n.resource.key),
    ).toEqual([F.PUBLIC_BUCKET]);
    const first = await gql(api.url, Q, { s: snap, first: 1 });
    const page1 = first.body.data!.externalAccess;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(api.url, Q, { s: snap, first: 1, after: page1.pageInfo.endCursor });
    const page2 = second.body.data!.externalAccess;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.nodes[0].finding.id).not.toBe(page1.nodes[0].finding.id);
  });

  it('a review session keeps an external-access finding archived', async () => {
    const list = await gql(
      api.url,
      `query($s: ID) { externalAccess(snapshot: $s, type: "kms-key") { nodes { finding { id } } } }`,
      {
        s: snap,
      },
    );
    const findingId = list.body.data!.externalAccess.nodes[0].finding.id as string;
    const created = await gql(
      api.url,
      `mutation($i: CreateReviewSessionInput!) { createReviewSession(input: $i) { id } }`,
      { i: { name: 'vendor access', snapshot: snap } },
      REVIEWER,
    );
    const sessionId = created.body.data!.createReviewSession.id as string;
    sessions.push(sessionId);
    const added = await gql(
      api.url,
      `mutation($i: AddReviewItemInput!) { addReviewItem(input: $i) { id status } }`,
      { i: { sessionId, finding: findingId } },
      REVIEWER,
    );
    expect(added.body.errors).toBeUndefined();
    const set = await gql(
      api.url,
      `mutation($i: SetReviewItemStatusInput!) { setReviewItemStatus(input: $i) { status finding { kind } } }`,
      {
        i: {
          itemId: added.body.data!.addReviewItem.id,
          status: 'ARCHIVED',
          note: 'intended: the vendor decrypts exports',
        },
      },
      REVIEWER,
    );
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data!.setReviewItemStatus).toEqual({
      status: 'ARCHIVED',
      finding: { kind: 'external-access' },
    });
    const s = await gql(
      api.url,
      `query($id: ID!) { reviewSession(id: $id) { statusCounts { name count } report } }`,
      { id: sessionId },
    );
    expect(s.body.data!.reviewSession.statusCounts).toContainEqual({ name: 'ARCHIVED', count: 1 });
    expect(s.body.data!.reviewSession.report).toContain('archived');
  });
});
