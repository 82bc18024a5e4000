/** Every statement the API loads, and every saved query for Neo4j Browser, compiles on the real Neo4j. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { statements } from '../../cypher/index.ts';
import { projectRoot } from '../../db/paths.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());

const files = ['api', 'saved-queries'].flatMap((dir) =>
  fs
    .readdirSync(path.join(projectRoot, 'cypher', dir))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => `${dir}/${f.replace(/\.cypher$/, '')}`),
);

it.each(files)('%s compiles', async (file) => {
  const named = [...statements(file)].filter(([, s]) => !/^CREATE CONSTRAINT/i.test(s));
  expect(named.length).toBeGreaterThan(0);
  for (const [name, s] of named) {
    await expect(db.driver.executeQuery(`EXPLAIN ${s}`), `${file}#${name}`).resolves.toBeDefined();
  }
});
