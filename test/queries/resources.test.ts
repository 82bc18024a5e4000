/**
 * The resource queries on the demo organization with hand-written resources
 * (test/harness/resource-snapshot.ts): one resource, who can reach it (its
 * direct callers, who reaches them by role chains and escalation, and the
 * people who sign in as those roles), what a principal can reach, and the
 * public / external access findings as IAM Access Analyzer lists them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html). Real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotInSnapshotError, QueryInputError } from '../../query/errors.ts';
import { canAccess, externalAccess, listResources, resource, whoCanAccess } from '../../query/resources.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import * as F from '../harness/resource-snapshot.ts';

let db: TestDb;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  snap = (await F.loadResourceSnapshot(db.driver, 'resource-queries')).snapshotId;
  db.track(snap);
}, 300_000);
afterAll(async () => {
  await db?.close();
});

const walk = (hops: { type: string; from: string; to: string }[]) =>
  hops.map((h) => `${h.type} ${h.from} -> ${h.to}`);

describe('resource', () => {
  it('gives the resource with its policy, tags, account, the statements edges cite, and its findings', async () => {
    const r = await resource(db.driver, snap, { arn: F.SECRET });
    expect(r.node).toMatchObject({ key: F.SECRET, kind: 'Resource', type: 'secretsmanager-secret' });
    expect(r.account?.key).toBe('444444444444');
    expect(r.sensitive).toBe(true);
    expect(r.tags).toEqual({ team: 'payments', 'iamatlas:sensitive': 'true' });
    expect(JSON.parse(r.policy!).Statement).toHaveLength(2);
    // Statement 1 (AnalyticsRead) grants; the Deny (0) is not behind any access.
    expect(r.citedStatements).toEqual([1]);

    const key = await resource(db.driver, snap, { arn: F.KEY });
    expect(key.findings.map((f) => f.kind)).toEqual(['external-access']);
    expect(key.externalAccess).toBe(true);
    expect(key.settings).toEqual({ keyManager: 'CUSTOMER' });
  });

  it('names the role a function runs as', async () => {
    const r = await resource(db.driver, snap, { arn: F.FUNCTION });
    expect(r.runsAs.map((x) => x.role.key)).toEqual([F.LAMBDA_BASIC]);
    expect(r.policy).toBeUndefined();
  });

  it('says what is wrong with an ARN, and when the snapshot has no such resource', async () => {
    await expect(resource(db.driver, snap, { arn: 'bucket' })).rejects.toThrow(QueryInputError);
    await expect(resource(db.driver, snap, { arn: 'arn:aws:s3:::no-such-bucket' })).rejects.toThrow(
      NotInSnapshotError,
    );
  });
});

describe('whoCanAccess', () => {
  it('lists the direct callers with their evidence and conditions', async () => {
    const r = await whoCanAccess(db.driver, snap, { resource: F.KEY });
    expect(r.direct).toHaveLength(1);
    const [d] = r.direct;
    expect(d!.node).toMatchObject({ key: F.VENDOR_ACCOUNT, kind: 'Account' });
    expect(d!.level).toBe('write');
    expect(d!.hops[0]).toMatchObject({
      type: 'CAN_ACCESS',
      level: 'write',
      crossOrganization: true,
      conditional: true,
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    });
    expect(d!.hops[0]!.conditions.map((c) => [c.key, c.values])).toEqual([
      ['kms:ViaService', ['s3.eu-west-1.amazonaws.com']],
    ]);
    expect(d!.hops[0]!.evidence).toEqual([
      expect.objectContaining({ policyKind: 'resource', sid: 'VendorDecrypt' }),
    ]);
    expect(r.viaPaths).toEqual([]);
  });

  it('adds who reaches a direct caller by assuming roles, each with its shortest path ending in CAN_ACCESS', async () => {
    const r = await whoCanAccess(db.driver, snap, { resource: F.SECRET });
    expect(r.direct.map((d) => d.node.key)).toEqual([F.ANALYTICS_READER]);
    const etl = r.viaPaths.find((e) => e.node.key === F.ETL_EXPORTER)!;
    expect(etl.level).toBe('read');
    expect(walk(etl.hops)).toEqual([
      `CAN_ASSUME ${F.ETL_EXPORTER} -> ${F.ANALYTICS_READER}`,
      `CAN_ACCESS ${F.ANALYTICS_READER} -> ${F.SECRET}`,
    ]);
    expect(etl.length).toBe(2);
    // Shortest first.
    const lengths = r.viaPaths.map((e) => e.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    // An escalation on the way: the platform operator changes terraform-admin's way in.
    const operator = r.viaPaths.find(
      (e) => e.node.key === 'arn:aws:iam::333333333333:user/ops/platform-operator',
    );
    expect(operator?.hops[0]?.type).toBe('CAN_ESCALATE_TO');
    expect(operator?.hops.at(-1)?.type).toBe('CAN_ACCESS');
  });

  it('adds the people who sign in as a role on the way', async () => {
    const r = await whoCanAccess(db.driver, snap, { resource: F.SECRET });
    const amara = r.people.find((p) => p.person.name === 'amara.okafor@example.com')!;
    expect(amara.signIn.role.key).toMatch(/333333333333:role\/.*AWSReservedSSO_AdministratorAccess_/);
    expect(amara.hops.map((h) => h.type)).toEqual(['CAN_ASSUME', 'CAN_ACCESS']);
    expect(amara.hops[0]!.from).toBe(amara.signIn.role.key);
  });

  it('walks escalation edges into a caller, per level, and keeps to the level asked', async () => {
    const all = await whoCanAccess(db.driver, snap, { resource: F.DEV_BUCKET });
    expect(all.direct.map((d) => d.level)).toEqual(['read', 'write']);
    const write = await whoCanAccess(db.driver, snap, { resource: F.DEV_BUCKET, level: 'write' });
    expect(write.direct.map((d) => d.level)).toEqual(['write']);
    const deployer = write.viaPaths.find(
      (e) => e.node.key === 'arn:aws:iam::666666666666:user/service/svc-lambda-deployer',
    )!;
    expect(walk(deployer.hops)).toEqual([
      `CAN_ESCALATE_TO arn:aws:iam::666666666666:user/service/svc-lambda-deployer -> ${F.LAMBDA_ADMIN_OPS}`,
      `CAN_ACCESS ${F.LAMBDA_ADMIN_OPS} -> ${F.DEV_BUCKET}`,
    ]);
    expect(write.viaPaths.every((e) => e.level === 'write')).toBe(true);
    expect(write.people.length).toBeGreaterThan(0);
    const none = await whoCanAccess(db.driver, snap, { resource: F.DEV_BUCKET, level: 'tagging' });
    expect([none.direct, none.viaPaths, none.people]).toEqual([[], [], []]);
  });

  it('lists only the direct callers without paths, and cuts at the limit saying so', async () => {
    const direct = await whoCanAccess(db.driver, snap, { resource: F.SECRET, includePaths: false });
    expect(direct.viaPaths).toEqual([]);
    expect(direct.people).toEqual([]);
    const cut = await whoCanAccess(db.driver, snap, { resource: F.SECRET, limit: 2 });
    expect(cut.viaPaths).toHaveLength(2);
    expect(cut.truncated).toBe(true);
  });

  it('rejects a level that is not an access level, naming the levels', async () => {
    await expect(
      whoCanAccess(db.driver, snap, { resource: F.SECRET, level: 'admin' as 'read' }),
    ).rejects.toThrow(/level: a level is one of read, write, list, permissions-management, tagging/);
  });
});

describe('canAccess', () => {
  it('lists the resources a principal reaches through its role chains', async () => {
    const r = await canAccess(db.driver, snap, { principal: F.ETL_EXPORTER });
    expect(r.resources.map((x) => [x.resource.key, x.level, x.length])).toEqual([[F.SECRET, 'read', 2]]);
    expect(r.resources[0]!.hops.map((h) => h.type)).toEqual(['CAN_ASSUME', 'CAN_ACCESS']);
  });

  it('lists its own access with one hop, filtered by level', async () => {
    const r = await canAccess(db.driver, snap, { principal: F.LAMBDA_ADMIN_OPS, level: 'write' });
    expect(r.resources.map((x) => [x.resource.key, x.level, x.length])).toEqual([[F.DEV_BUCKET, 'write', 1]]);
  });

  it('reaches anyone-readable resources from *', async () => {
    const r = await canAccess(db.driver, snap, { principal: '*' });
    expect(r.resources.map((x) => x.resource.key).sort()).toEqual([F.PUBLIC_BUCKET, F.QUEUE].sort());
  });
});

describe('externalAccess', () => {
  it('lists public and external access with resource, caller, level, statement and conditions', async () => {
    const r = await externalAccess(db.driver, snap, {});
    expect(r.total).toBe(2);
    const byKind = Object.fromEntries(r.items.map((i) => [i.finding.kind, i]));
    expect(byKind['public-access']).toMatchObject({
      resource: { key: F.PUBLIC_BUCKET, type: 's3-bucket' },
      caller: { key: '*', kind: 'Anyone' },
      level: 'read',
      public: true,
      statement: { sid: 'PublicRead', statementIndex: 0 },
      zoneOfTrust: 'organization',
    });
    expect(byKind['external-access']!.conditions.map((c) => c.key)).toEqual(['kms:ViaService']);
    expect(byKind['external-access']!.caller).toMatchObject({ key: F.VENDOR_ACCOUNT, kind: 'Account' });
  });

  it('filters by public, type, level, account and zone, and pages', async () => {
    const keys = async (a: Parameters<typeof externalAccess>[2]) =>
      (await externalAccess(db.driver, snap, a)).items.map((i) => i.resource.key);
    expect(await keys({ publicOnly: true })).toEqual([F.PUBLIC_BUCKET]);
    expect(await keys({ type: 'kms-key' })).toEqual([F.KEY]);
    expect(await keys({ level: 'write' })).toEqual([F.KEY]);
    expect(await keys({ account: '777777777777' })).toEqual([F.PUBLIC_BUCKET]);
    expect(await keys({ zone: 'organization' })).toHaveLength(2);
    expect(await keys({ zone: 'account' })).toEqual([]);
    const page = await externalAccess(db.driver, snap, { offset: 1, limit: 1 });
    expect([page.total, page.items.length]).toEqual([2, 1]);
    await expect(externalAccess(db.driver, snap, { type: 'bucket' as 's3-bucket' })).rejects.toThrow(
      /type: a resource type is one of s3-bucket/,
    );
  });
});

describe('listResources', () => {
  it('lists resources by name, filtered by search, type and account, one page at a time', async () => {
    const all = await listResources(db.driver, snap, {});
    expect(all.total).toBe(7);
    expect(all.items.map((r) => r.name)).toEqual([
      '1111aaaa-2222-bbbb-3333-cccc4444dddd',
      'demo-blocked-site',
      'demo-dev-artifacts',
      'demo-public-site',
      'orders-events',
      'orders-handler',
      'prod/payments-db-AbCdEf',
    ]);
    const payments = await listResources(db.driver, snap, { search: 'PAYMENTS' });
    expect(payments.items).toEqual([
      expect.objectContaining({
        key: F.SECRET,
        type: 'secretsmanager-secret',
        sensitive: true,
        public: false,
      }),
    ]);
    expect((await listResources(db.driver, snap, { type: 's3-bucket' })).total).toBe(3);
    expect(
      (await listResources(db.driver, snap, { account: '777777777777' })).items.map((r) => r.key),
    ).toEqual([F.BLOCKED_BUCKET, F.PUBLIC_BUCKET]);
    const page = await listResources(db.driver, snap, { offset: 6, limit: 5 });
    expect([page.total, page.items.map((r) => r.key)]).toEqual([7, [F.SECRET]]);
  });
});
