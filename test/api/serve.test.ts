/** `iamatlas serve` as a user runs it: tokens made once, the sign-in URL last, graceful stop. */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { iamatlasBin, runCli } from '../harness/cli.ts';
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

function serve(extraEnv: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [iamatlasBin, 'serve', '--port', '0', ...args], {
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
      const m = /^open (https?:\/\/[\d.]+:\d+)\/\?token=(\S+)$/m.exec(out);
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

it('refuses a non-loopback --host without TLS or a proxy flag; with either, cookies are Secure', async () => {
  const refused = await runCli(['serve', '--port', '0', '--host', '0.0.0.0'], {
    ...cliEnv(),
    IAMATLAS_HOME: home,
  });
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/--tls-cert FILE --tls-key FILE/);
  expect(refused.stderr).toMatch(/--behind-https-proxy/);
  expect(refused.stdout).not.toMatch(/token=/);

  const proxied = await serve({}, ['--host', '0.0.0.0', '--behind-https-proxy']);
  try {
    expect(proxied.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const local = proxied.loginUrl.replace('0.0.0.0', '127.0.0.1');
    const signIn = await fetch(local, { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/; Secure/);
    // The printed URL signs in as a reader unless asked otherwise.
    const viewer = await gql(local.split('/?')[0]!, '{ viewer { role } }', {}, null, {
      cookie: cookie.split(';')[0]!,
    });
    expect(viewer.body.data!.viewer.role).toBe('READER');
    expect(proxied.stderr()).toMatch(/works once, within 10 minutes, and signs in as reader/);
  } finally {
    await stop(proxied);
  }
}, 240_000);

it('serves HTTPS with --tls-cert and --tls-key, and signs in as a reviewer when asked', async () => {
  const cert = path.join(home, 'cert.pem');
  const key = path.join(home, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const served = await serve({}, ['--tls-cert', cert, '--tls-key', key, '--sign-in-role', 'reviewer']);
  try {
    expect(served.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const signIn = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      https
        .get(served.loginUrl, { ca: fs.readFileSync(cert) }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie'] ?? '') });
        })
        .on('error', reject);
    });
    expect(signIn.status).toBe(303);
    expect(signIn.cookie).toMatch(/; Secure/);
    expect(served.stderr()).toMatch(/signs in as reviewer\./);
  } finally {
    await stop(served);
  }
}, 240_000);
