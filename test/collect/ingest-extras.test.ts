/**
 * A folder written by `iamatlas collect` holds, besides the exports, its
 * manifest.json, a record of the run. Ingest takes such a folder without
 * refusing it and without a warning about the manifest, and still warns about
 * any other unknown file.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSnapshot } from '../../ingest/read/index.ts';

const DEMO = path.join(import.meta.dirname, '..', 'fixtures', 'demo-org');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iamatlas-collected-'));
  await cp(DEMO, dir, { recursive: true });
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ format: 'iamatlas-collect-manifest/1', toolVersion: '0.1.0', accounts: [] }),
  );
  await writeFile(path.join(dir, 'notes.json'), JSON.stringify({ hello: 'world' }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reads a collected folder, listing manifest.json as collected, with no warning', async () => {
  const res = await readSnapshot([dir]);
  const warned = res.warnings.map((w) => path.basename(w.file));
  expect(warned).not.toContain('manifest.json');
  // Any other unknown file is still named.
  expect(warned).toContain('notes.json');
  const kinds = Object.fromEntries(res.files.map((f) => [path.basename(f.path), f.kind]));
  expect(kinds['manifest.json']).toBe('collected');
  expect(res.model.accounts).toHaveLength(7);
});
