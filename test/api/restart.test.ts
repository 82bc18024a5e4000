/**
 * Neo4j goes away while the API runs and comes back: the API answers 503 with a
 * clear message meanwhile and recovers by itself. Uses its own local Neo4j (a
 * separate IAMATLAS_HOME and port) so the server other tests use is not touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applySchema } from '../../ingest/load/snapshots.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { freePort, runCli } from '../harness/cli.ts';
import { miniAuthorizationDetails, writeInputDir } from '../harness/mini-org.ts';
import { gql, startApi } from './helpers.ts';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-api-restart-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  IAMATLAS_HOME: home,
  IAMATLAS_NEO4J_PORT: String(await freePort()),
  IAMATLAS_NEO4J_HEAP: '384m',
  IAMATLAS_NEO4J_PAGECACHE_MB: '64',
};
delete env.NEO4J_URI;

let driver: Driver;
let api: Awaited<ReturnType<typeof startApi>>;

async function dbStart(): Promise<void> {
  const r = await runCli(['db', 'start', '--json'], env);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  await dbStart();
  const password = fs.readFileSync(path.join(home, 'neo4j', 'password'), 'utf8').trim();
  driver = neo4j.driver(`bolt://127.0.0.1:${env.IAMATLAS_NEO4J_PORT}`, neo4j.auth.basic('neo4j', password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 5_000,
  });
  await applySchema(driver);
  await ingestPaths(driver, [writeInputDir({ 'acct.json': miniAuthorizationDetails() })], {
    name: 'restart',
  });
  api = await startApi(driver);
}, 300_000);

afterAll(async () => {
  await api?.close();
  await driver?.close();
  await runCli(['db', 'stop'], env);
  fs.rmSync(home, { recursive: true, force: true });
});

const ROLE = 'arn:aws:iam::123456789012:role/role-0';
const Q = `{ whoCanAssume(role: "${ROLE}") { totalCount } }`;

it('answers 503 while Neo4j is down and recovers by itself when it is back', async () => {
  const before = await gql(api.url, Q);
  expect(before.status).toBe(200);
  expect(before.body.data!.whoCanAssume.totalCount).toBeGreaterThan(0);

  const stop = await runCli(['db', 'stop'], env);
  expect(stop.code, stop.stderr).toBe(0);

  const down = await gql(api.url, Q);
  expect(down.status).toBe(503);
  expect(down.body.errors![0]!.extensions!.code).toBe('DATABASE_UNAVAILABLE');
  expect(down.body.errors![0]!.message).toMatch(/Neo4j is not reachable/);
  expect((await fetch(`${api.url}/readyz`)).status).toBe(503);
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

  await dbStart();
  let after = await gql(api.url, Q);
  for (let i = 0; i < 60 && after.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 500));
    after = await gql(api.url, Q);
  }
  expect(after.status).toBe(200);
  expect(after.body.data!.whoCanAssume.totalCount).toBe(before.body.data!.whoCanAssume.totalCount);
  expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
}, 300_000);
