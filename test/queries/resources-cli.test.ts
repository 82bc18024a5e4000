/**
 * `iamatlas query who-can-access`, `can-access` and `external-access` as a user
 * runs them, on the demo organization with hand-written resources
 * (test/harness/resource-snapshot.ts): exit codes 0, 2 (bad input) and 5 (not
 * in the snapshot), human text, and --json as the query function returns it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';
import * as F from '../harness/resource-snapshot.ts';

let db: TestDb;
let snap: string;
const q = (...args: string[]) => runCli(['query', ...args, '--snapshot', snap], cliEnv());

beforeAll(async () => {
  db = await openTestDb();
  snap = (await F.loadResourceSnapshot(db.driver, 'resources-cli-test')).snapshotId;
  db.track(snap);
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe('iamatlas query (resources)', () => {
  it('who-can-access prints the direct caller and who reaches it; --json gives the result', async () => {
    const human = await q('who-can-access', '--resource', F.SECRET);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`1 direct access edge(s) to ${F.SECRET}`);
    expect(human.stdout).toContain(`${F.ETL_EXPORTER} (Role)  read, 2 hops`);
    expect(human.stdout).toContain('amara.okafor@example.com signs in as');
    const json = await q('who-can-access', '--resource', F.SECRET, '--level', 'read', '--json');
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout) as { direct: { node: { key: string } }[]; level: string };
    expect([r.level, r.direct.map((d) => d.node.key)]).toEqual(['read', [F.ANALYTICS_READER]]);
  });

  it('exits 2 for a bad level and 5 for a resource the snapshot lacks', async () => {
    const bad = await q('who-can-access', '--resource', F.SECRET, '--level', 'admin');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--level: a level is one of read, write, list, permissions-management, tagging',
    );
    const missing = await q('who-can-access', '--resource', 'arn:aws:s3:::no-such-bucket');
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('No resource arn:aws:s3:::no-such-bucket');
  });

  it('can-access lists what a principal reaches through its role chain', async () => {
    const r = await q('can-access', '--principal', F.ETL_EXPORTER);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${F.SECRET} (secretsmanager-secret)  read, 2 hops`);
  });

  it('external-access lists the findings, --public only the public ones', async () => {
    const all = await q('external-access');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('2 public or external access finding(s)');
    expect(all.stdout).toContain(`[high] external-access  ${F.KEY} (kms-key)`);
    const pub = await q('external-access', '--public', '--json');
    const r = JSON.parse(pub.stdout) as { items: { resource: { key: string } }[] };
    expect(r.items.map((i) => i.resource.key)).toEqual([F.PUBLIC_BUCKET]);
    const bad = await q('external-access', '--zone', 'region');
    expect(bad.code).toBe(2);
  });
});
