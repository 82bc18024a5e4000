/**
 * `iamatlas collect --ingest` against a local AWS serving the demo
 * organization gives the same graph (every node and relationship, with their
 * properties) as ingesting the demo organization's files: collecting changes
 * how the data arrives, never what the analysis sees.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { statement } from '../../cypher/index.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';
import { collectFixture, type CollectFixture } from './harness.ts';

let db: TestDb;
let fx: CollectFixture;
beforeAll(async () => {
  db = await openTestDb();
  fx = await collectFixture({ baseEnv: cliEnv() });
});
afterAll(async () => {
  await fx?.close();
  await db?.close();
});

const IDENTITY_CENTER = '111111111111.identity-center.json';

const ZULU = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z$/;

/** Dates written `...Z` (as the raw API and two of the demo's files write them) in the AWS CLI's `+00:00` form. */
function cliDates(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(ZULU, '$1+00:00');
  if (Array.isArray(value)) return value.map(cliDates);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cliDates(v)]));
  return value;
}

/**
 * The demo organization's files with every date as the AWS CLI prints it, which
 * is how the collector writes dates: ingest keeps date text as given (it shows
 * in findings), so both sides must start from the same text.
 */
async function demoWithCliDates(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(DEMO_ORG_DIR)) {
    // Resources come from the collected side (below): the local AWS serves none of the demo's.
    if (!name.endsWith('.json') || name.endsWith('.resources.json')) continue;
    const json = JSON.parse(await readFile(path.join(DEMO_ORG_DIR, name), 'utf8')) as unknown;
    await writeFile(path.join(dir, name), JSON.stringify(cliDates(json), null, 2));
  }
  return dir;
}

async function graph(driver: Driver, id: string) {
  const nodes = await driver.executeQuery(statement('snapshots/compare', 'snapshot-graph-nodes'), { id });
  const rels = await driver.executeQuery(statement('snapshots/compare', 'snapshot-graph-relationships'), {
    id,
  });
  return {
    nodes: nodes.records.map((r) => {
      const { snapshotId: _id, ...props } = r.get('props') as Record<string, unknown>;
      return { key: r.get('key') as string, labels: (r.get('labels') as string[]).sort(), props };
    }),
    relationships: rels.records.map((r) => ({
      from: r.get('from') as string,
      type: r.get('type') as string,
      to: r.get('to') as string,
      props: r.get('props') as unknown,
    })),
  };
}

it('collect --ingest gives the same nodes and relationships as ingesting the same organization from files', async () => {
  const r = await fx.run(['--ingest', '--name', 'collect-equality-collected', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const collected = (JSON.parse(r.stdout) as { ingest: { snapshotId: string } }).ingest.snapshotId;
  db.track(collected);
  // The demo organization has no Identity Center file nor credential reports; the ones the local
  // AWS served go into both, and so do the resources files.
  const files = await demoWithCliDates(path.join(fx.home, 'demo-files'));
  await copyFile(path.join(fx.out, IDENTITY_CENTER), path.join(files, IDENTITY_CENTER));
  const reports = (await readdir(fx.out)).filter((f) => f.endsWith('.credential-report.json'));
  expect(reports).toHaveLength(7);
  for (const f of reports) await copyFile(path.join(fx.out, f), path.join(files, f));
  // Every account's resources file, empty here (collect-resources.test.ts reads resources), on both sides.
  const resources = (await readdir(fx.out)).filter((f) => f.endsWith('.resources.json'));
  expect(resources).toHaveLength(7);
  for (const f of resources) await copyFile(path.join(fx.out, f), path.join(files, f));
  const fromFiles = await ingestPaths(db.driver, [files], { name: 'collect-equality-files' });
  db.track(fromFiles.snapshotId);

  const a = await graph(db.driver, fromFiles.snapshotId);
  const b = await graph(db.driver, collected);
  expect(a.nodes.length).toBeGreaterThan(100);
  expect(a.relationships.length).toBeGreaterThan(100);
  expect(b.nodes).toEqual(a.nodes);
  expect(b.relationships).toEqual(a.relationships);
}, 300_000);
