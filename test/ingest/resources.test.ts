/**
 * Resources in the graph, against a real Neo4j: a folder with an
 * ACCOUNT.resources.json ingests into Resource nodes (policy, settings, tags,
 * marks), CONTAINS from the account, RUNS_AS to the role a resource runs as
 * (an instance through its instance profile), and the callers its policy
 * names; a resource analysis's CAN_ACCESS edges, marks and findings load with
 * their properties (a hand-built analysis, so the load is tested on its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { loadSnapshot } from '../../ingest/load/loader.ts';
import {
  removeInputs,
  role,
  authorizationDetails,
  urlEncode,
  writeInputs,
} from '../../ingest/read/testing.ts';
import { findingProps } from '../../ingest/transform/derived.ts';
import { toGraphRows } from '../../ingest/transform/graph-rows.ts';
import {
  BUCKET,
  KEY,
  VENDOR,
  VENDOR_ROLE,
  handBuiltAnalysis,
  resourceModel,
} from '../../ingest/transform/resource-access.fixture.ts';
import { resourceAccessRows } from '../../ingest/transform/resource-access-rows.ts';
import { resolveSharedEvidence } from '../../query/shared-evidence.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const A = '222222222222';
const VENDOR_ACCOUNT = '999988887777';
let db: TestDb;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await removeInputs();
  await db?.close();
});

async function rows(cypher: string, params: Record<string, unknown>) {
  const res = await db.driver.executeQuery(cypher, params);
  return res.records.map((r) => r.toObject());
}

describe('a folder with resources, ingested', () => {
  let snap: string;
  let result: Awaited<ReturnType<typeof ingestPaths>>;
  const fn = `arn:aws:lambda:eu-west-1:${A}:function:orders`;
  const instance = `arn:aws:ec2:eu-west-1:${A}:instance/i-0abc`;
  const bucket = 'arn:aws:s3:::orders-site';

  beforeAll(async () => {
    const dir = await writeInputs({
      [`${A}.json`]: authorizationDetails({
        roles: [
          role(A, 'app'),
          role(A, 'web', {
            InstanceProfileList: [
              {
                InstanceProfileName: 'web',
                InstanceProfileId: 'AIPAWEB',
                Arn: `arn:aws:iam::${A}:instance-profile/web`,
                Path: '/',
                Roles: [role(A, 'web')],
              },
            ],
          }),
        ],
      }),
      [`${A}.resources.json`]: {
        accountSettings: { s3PublicAccessBlock: { BlockPublicPolicy: true } },
        resources: [
          {
            arn: bucket,
            policy: urlEncode({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket}/*` },
              ],
            }),
            tags: [{ Key: 'iamatlas:sensitive', Value: 'true' }],
          },
          {
            arn: `arn:aws:kms:eu-west-1:${A}:key/k1`,
            policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` },
                  Action: 'kms:Decrypt',
                  Resource: '*',
                },
                {
                  Effect: 'Allow',
                  Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
                  Action: 'kms:Encrypt',
                  Resource: '*',
                },
              ],
            },
          },
          { arn: fn, settings: { roleArn: `arn:aws:iam::${A}:role/app` } },
          { arn: instance, settings: { instanceProfileArn: `arn:aws:iam::${A}:instance-profile/web` } },
        ],
      },
    });
    result = await ingestPaths(db.driver, [dir], { name: 'resources-folder' });
    snap = result.snapshotId;
    db.track(snap);
  }, 120_000);

  it('loads a Resource per entry, contained by its account, with nothing dangling', async () => {
    expect(result.counts.nodes.Resource).toBe(4);
    expect(result.counts.relationships.RUNS_AS).toBe(2);
    expect(result.danglingRelationships).toBe(0);
    expect(result.files.find((f) => f.path.endsWith('.resources.json'))?.kind).toBe('resources');
    const contained = await rows(
      `MATCH (a:Account {snapshotId: $s, id: $a})-[:CONTAINS]->(r:Resource) RETURN r.type AS type ORDER BY type`,
      { s: snap, a: A },
    );
    expect(contained.map((r) => r.type)).toEqual(['ec2-instance', 'kms-key', 'lambda-function', 's3-bucket']);
  });

  it('keeps the policy, settings and tags as JSON, the sensitive flag, the source, and the public/externalAccess marks the analysis gives', async () => {
    const [r] = await rows(`MATCH (r:Resource {snapshotId: $s, key: $k}) RETURN properties(r) AS p`, {
      s: snap,
      k: bucket,
    });
    const p = r?.p as Record<string, unknown>;
    expect(p).toMatchObject({
      arn: bucket,
      type: 's3-bucket',
      accountId: A,
      name: 'orders-site',
      sensitive: true,
      // `Principal: "*"` with only BlockPublicPolicy on: that setting refuses new public policies
      // but leaves an existing one in force (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
      public: true,
      externalAccess: true,
      sourceJsonPath: 'resources[0]',
    });
    expect(JSON.parse(String(p.policy))).toMatchObject({ Statement: [{ Principal: '*' }] });
    expect(JSON.parse(String(p.settings))).toEqual({ accountPublicAccessBlock: { BlockPublicPolicy: true } });
    expect(JSON.parse(String(p.tags))).toEqual({ 'iamatlas:sensitive': 'true' });
    expect(String(p.sourceFile)).toMatch(/222222222222\.resources\.json$/);
  });

  it('RUNS_AS: the function to its role, the instance to its instance profile role', async () => {
    const runsAs = await rows(
      `MATCH (r:Resource {snapshotId: $s})-[e:RUNS_AS]->(role:Role) RETURN r.key AS from, role.name AS role, e.instanceProfileArn AS profile ORDER BY from`,
      { s: snap },
    );
    expect(runsAs).toEqual([
      { from: instance, role: 'web', profile: `arn:aws:iam::${A}:instance-profile/web` },
      { from: fn, role: 'app', profile: null },
    ]);
  });

  it('the callers the policies name are nodes: anyone, the vendor account, the service', async () => {
    const callers = await rows(
      `MATCH (n:AtlasNode {snapshotId: $s}) WHERE n.key IN $keys RETURN n.key AS key, labels(n) AS labels ORDER BY key`,
      { s: snap, keys: ['*', VENDOR_ACCOUNT, 'logs.eu-west-1.amazonaws.com'] },
    );
    expect(callers.map((c) => [c.key, (c.labels as string[]).filter((l) => l !== 'AtlasNode')])).toEqual([
      ['*', ['Anyone']],
      ['999988887777', ['Account']],
      ['logs.eu-west-1.amazonaws.com', ['ServicePrincipal']],
    ]);
  });
});

describe("a resource analysis's rows, loaded", () => {
  let snap: string;

  beforeAll(async () => {
    const { model, admin } = resourceModel();
    const access = resourceAccessRows(handBuiltAnalysis(admin));
    const res = await loadSnapshot(db.driver, toGraphRows(model), {
      name: 'resources-hand-built',
      extraNodes: [
        {
          file: 'load/derived',
          name: 'node-Finding',
          label: 'Finding',
          rows: access.findings.map((f) => ({ key: f.id, props: findingProps(f) })),
        },
        access.marks,
      ],
      extraRels: [
        access.canAccess,
        {
          file: 'load/derived',
          name: 'rel-ABOUT',
          type: 'ABOUT',
          rows: access.findings.flatMap((f) =>
            f.subjects.map((s, i) => ({
              key: `ABOUT|${f.id}|${s}`,
              from: f.id,
              to: s,
              props: { primary: i === 0 },
            })),
          ),
        },
      ],
    });
    snap = res.snapshotId;
    db.track(snap);
    expect(res.danglingRelationships).toBe(0);
    expect(res.relationships.CAN_ACCESS).toBe(4);
  }, 120_000);

  it('CAN_ACCESS edges from each kind of caller, one per (caller, resource) with its levels, with their props', async () => {
    const edges = await rows(
      `MATCH (a {snapshotId: $s})-[e:CAN_ACCESS]->(r:Resource) RETURN a.key AS from, r.key AS to, properties(e) AS p ORDER BY e.key`,
      { s: snap },
    );
    expect(edges.map((e) => [e.from, e.to, (e.p as Record<string, unknown>).levels])).toEqual([
      ['*', BUCKET, ['read']],
      [VENDOR, KEY, ['write']],
      [expect.stringContaining(':role/admin'), KEY, ['write', 'permissions-management']],
      [VENDOR_ROLE, KEY, ['write']],
    ]);
    // Stored: the levels and the rest as one shared text (ingest/transform/shared-evidence.ts); read back whole.
    expect(Object.keys(edges[1]?.p as object).sort()).toEqual(['access', 'key', 'levels']);
    await resolveSharedEvidence(
      db.driver,
      snap,
      edges.map((e) => e.p as Record<string, unknown>),
    );
    const vendor = edges[1]?.p as Record<string, unknown>;
    expect(vendor).toMatchObject({
      key: `CAN_ACCESS|${VENDOR}|${KEY}`,
      fromKind: 'Account',
      actions: ['kms:Decrypt'],
      via: 'both',
      crossAccount: true,
      crossOrganization: true,
      public: false,
      conditional: true,
      conditionKeys: ['aws:SourceIp', 'kms:ViaService'],
      resourcePolicyStatementIndex: 0,
      resourceSid: 'Vendor',
      orgPolicyIds: [],
      reasons: [],
    });
    expect(JSON.parse(String(vendor.conditions))).toHaveLength(2);
    expect(JSON.parse(String(vendor.evidence))).toEqual([
      { policyId: KEY, policyKind: 'resource', statementIndex: 0, effect: 'Allow', sid: 'Vendor' },
    ]);
  });

  it('marks the public bucket and the shared key', async () => {
    const marks = await rows(
      `MATCH (r:Resource {snapshotId: $s}) RETURN r.key AS key, r.public AS public, r.externalAccess AS external ORDER BY key`,
      { s: snap },
    );
    expect(marks).toEqual(
      expect.arrayContaining([
        { key: BUCKET, public: true, external: true },
        { key: KEY, public: false, external: true },
        { key: expect.stringContaining(':function:f'), public: false, external: false },
      ]),
    );
  });

  it('findings are ABOUT the resource and the caller', async () => {
    const about = await rows(
      `MATCH (f:Finding {snapshotId: $s})-[a:ABOUT]->(n) RETURN f.kind AS kind, n.key AS key, a.primary AS primary ORDER BY kind, primary DESC`,
      { s: snap },
    );
    expect(about).toEqual([
      { kind: 'external-access', key: KEY, primary: true },
      { kind: 'external-access', key: VENDOR, primary: false },
      { kind: 'public-access', key: BUCKET, primary: true },
      { kind: 'public-access', key: '*', primary: false },
    ]);
  });
});
