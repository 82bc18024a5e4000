/**
 * The demo organization's resources end to end: its `ACCOUNT.resources.json`
 * files read, analysed by the resource analysis, loaded, and answered by the
 * query layer — the exposures its README describes, as a user asks for them
 * (`who-can-access`, `external-access`). IAM Access Analyzer's findings page
 * for the shape of the answer:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html. Real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { externalAccess, resource, whoCanAccess } from '../../query/resources.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const SECRET =
  'arn:aws:secretsmanager:eu-west-1:444444444444:secret:prod/analytics/warehouse-credentials-Q7x2Lm';
const READER = 'arn:aws:iam::444444444444:role/data/analytics-reader';
const ETL = 'arn:aws:iam::333333333333:role/data/etl-exporter';
const VENDOR_KEY = 'arn:aws:kms:eu-west-1:222222222222:key/5f0c1d2e-7a3b-4c8d-9e6f-0a1b2c3d4e5f';
const PUBLIC_SITE = 'arn:aws:s3:::atlas-demo-docs-site';

let db: TestDb;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  snap = (await ingestPaths(db.driver, [DEMO_ORG_DIR], { name: 'demo-resources' })).snapshotId;
  db.track(snap);
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe('the demo organization, resources end to end', () => {
  it('the secret is read by analytics-reader from its own policy, and by etl-exporter through the role chain', async () => {
    const r = await whoCanAccess(db.driver, snap, { resource: SECRET, level: 'read' });
    const direct = r.direct.find((d) => d.node.key === READER);
    expect(direct?.hops[0]).toMatchObject({ type: 'CAN_ACCESS', level: 'read' });
    const etl = r.viaPaths.find((e) => e.node.key === ETL);
    expect(etl?.hops.map((h) => `${h.type} ${h.from} -> ${h.to}`)).toEqual([
      `CAN_ASSUME ${ETL} -> ${READER}`,
      `CAN_ACCESS ${READER} -> ${SECRET}`,
    ]);
  });

  it('external access lists the public bucket and the key shared with the vendor, each level with its actions and statement', async () => {
    const all = await externalAccess(db.driver, snap, {});
    const byResource = (arn: string) => all.items.filter((i) => i.resource.key === arn);
    const site = byResource(PUBLIC_SITE);
    expect(site.map((i) => [i.finding.kind, i.caller.key, i.level])).toEqual([
      ['public-access', '*', 'read'],
    ]);
    expect(site[0]!.actions).toContain('s3:GetObject');
    expect(site[0]!.statement?.policyId).toBe(PUBLIC_SITE);

    const key = byResource(VENDOR_KEY);
    expect(key.map((i) => i.level).sort()).toEqual(['read', 'write']);
    for (const item of key) {
      expect(item).toMatchObject({ public: false, zoneOfTrust: 'organization' });
      expect(item.caller.key).toBe('888877776666');
      expect(item.actions.length).toBeGreaterThan(0);
      expect(item.statement?.policyId).toBe(VENDOR_KEY);
    }
    const publicOnly = await externalAccess(db.driver, snap, { publicOnly: true });
    expect(new Set(publicOnly.items.map((i) => i.resource.key))).toEqual(new Set([PUBLIC_SITE]));
  });

  it("a resource's page data cites the statements its access rests on and carries its marks", async () => {
    const r = await resource(db.driver, snap, { arn: PUBLIC_SITE });
    expect(r.public).toBe(true);
    expect(r.citedStatements.length).toBeGreaterThan(0);
    expect(r.findings.map((f) => f.kind)).toEqual(['public-access']);
  });
});
