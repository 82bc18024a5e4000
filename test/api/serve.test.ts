/** `iamatlas serve` as a user runs it: tokens made once, the sign-in URL last, graceful stop. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { iamatlasBin } from '../harness/cli.ts';
import { cliEnv } from '../harness/neo4j.ts';
import { gql } from './helpers.ts';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-serve-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  loginUrl: string;
  stderr: () => string;
}

function serve(extraEnv: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [iamatlasBin, 'serve', '--port', '0'], {
    env: { ...cliEnv(), IAMATLAS_HOME: home, ...extraEnv },
    cwd: projectRoot,
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL:\n${err}`)), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^open (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, loginUrl: `${m[1]}/?token=${m[2]}`, stderr: () => err });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
  });
}

function stop(s: Served): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.on('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

it('creates tokens once, prints the sign-in URL last, serves, and stops gracefully', async () => {
  const first = await serve();
  const tokens = [...first.stderr().matchAll(/^\s+(reader|reviewer)\s+(\S+)$/gm)].map((m) => ({
    role: m[1],
    token: m[2]!,
  }));
  expect(tokens.map((t) => t.role)).toEqual(['reader', 'reviewer']);
  const file = path.join(home, 'api-tokens.json');
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const stored = fs.readFileSync(file, 'utf8');
  for (const t of tokens) expect(stored).not.toContain(t.token);

  const r = await gql(first.url, '{ viewer { role } }', {}, tokens[1]!.token);
  expect(r.body.data!.viewer.role).toBe('REVIEWER');
  const signIn = await fetch(first.loginUrl, { redirect: 'manual' });
  expect(signIn.status).toBe(303);
  expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  expect(await stop(first)).toBe(0);

  // Second start: the stored tokens stay valid and nothing is printed again; env tokens are accepted.
  const envToken = 'env-reader-token-abcdefghijklmnop';
  const second = await serve({ IAMATLAS_API_TOKEN: envToken });
  expect(second.stderr()).not.toMatch(/tokens created/);
  expect((await gql(second.url, '{ viewer { role } }', {}, tokens[1]!.token)).status).toBe(200);
  expect((await gql(second.url, '{ viewer { role } }', {}, envToken)).body.data!.viewer.role).toBe('READER');
  expect((await gql(second.url, '{ viewer { role } }', {}, tokens[0]!.token)).status).toBe(401);
  expect(await stop(second)).toBe(0);
}, 240_000);
