/**
 * A reader that stops early (`iamatlas query escalations --json | head`): the command ends with
 * exit code 0 and no stack trace, not with an unhandled EPIPE error. The listing of a generated
 * account with 250 users and 250 roles is some hundreds of kilobytes, more than a pipe holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeEscalationAccount } from '../../bench/escalation-account.ts';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { iamatlasBin } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let tmp: string;
let snapshotId: string;

beforeAll(async () => {
  db = await openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-closed-pipe-'));
  await writeEscalationAccount(tmp, { users: 250, roles: 250, seed: 3 });
  snapshotId = (await ingestPaths(db.driver, [tmp], { name: 'closed-pipe' })).snapshotId;
  db.track(snapshotId);
}, 240_000);
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
});

/** Runs the command, reads its first chunk of output, closes the pipe, and waits for it to end. */
function readFirstChunkThenClose(args: string[]) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; first: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [iamatlasBin, ...args], { env: cliEnv(), cwd: projectRoot });
      let first = '';
      let stderr = '';
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString();
        child.stdout.destroy();
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, first, stderr }));
    },
  );
}

it('ends with exit code 0 and nothing on standard error when the reader closes the pipe', async () => {
  const run = await readFirstChunkThenClose(['query', 'escalations', '--snapshot', snapshotId, '--json']);
  expect(run.first.startsWith('[')).toBe(true);
  expect(run.stderr).toBe('');
  expect(run.signal).toBeNull();
  expect(run.code).toBe(0);
}, 120_000);
