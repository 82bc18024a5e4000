/**
 * The local Neo4j lifecycle as a user drives it: a separate IAMATLAS_HOME and
 * port so the server the other tests use is not touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli } from '../harness/cli.ts';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-db-test-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  IAMATLAS_HOME: home,
  IAMATLAS_NEO4J_PORT: String(await freePort()),
  IAMATLAS_NEO4J_HEAP: '384m',
  IAMATLAS_NEO4J_PAGECACHE_MB: '64',
  NEO4J_URI: '',
};
delete env.NEO4J_URI;

const status = async () => {
  const r = await runCli(['db', 'status', '--json'], env);
  return { code: r.code, body: JSON.parse(r.stdout) as { state: string; pid?: number; reason?: string } };
};

describe('iamatlas db start|stop|status', () => {
  afterAll(async () => {
    await runCli(['db', 'stop'], env);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('without Java, says how to install it or how to use another Neo4j', async () => {
    const r = await runCli(['db', 'start'], { ...env, PATH: '/nonexistent' });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/Java is not installed/);
    expect(r.stderr).toMatch(/apt-get install openjdk-17-jdk-headless maven/);
    expect(r.stderr).toMatch(/NEO4J_URI/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports stopped before anything ran', async () => {
    const s = await status();
    expect(s.code).toBe(1);
    expect(s.body.state).toBe('stopped');
  });

  it('starts once, and a second start finds the running server', async () => {
    const first = await runCli(['db', 'start', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as { pid: number; uri: string; alreadyRunning: boolean };
    expect(a.alreadyRunning).toBe(false);
    expect(a.uri).toBe(`bolt://127.0.0.1:${env.IAMATLAS_NEO4J_PORT}`);
    expect(JSON.stringify(a)).not.toMatch(/password"\s*:/);

    const second = await runCli(['db', 'start', '--json'], env);
    const b = JSON.parse(second.stdout) as { pid: number; alreadyRunning: boolean };
    expect(b.alreadyRunning).toBe(true);
    expect(b.pid).toBe(a.pid);

    const s = await status();
    expect(s.code).toBe(0);
    expect(s.body).toMatchObject({ state: 'running', pid: a.pid });
    // The password file is readable by its owner only.
    const mode = fs.statSync(path.join(home, 'neo4j', 'password')).mode & 0o777;
    expect(mode).toBe(0o600);
  }, 240_000);

  it('recovers from a crash: a stale PID file is reported and replaced on the next start', async () => {
    const before = await status();
    process.kill(before.body.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1000));
    const after = await status();
    expect(after.body.state).toBe('stopped');
    expect(after.body.reason).toMatch(/stale/);

    const restart = await runCli(['db', 'start', '--json'], env);
    expect(restart.code, restart.stderr).toBe(0);
    expect(restart.stderr).toMatch(/Recovering from a crash/);
    const info = JSON.parse(restart.stdout) as { pid: number; alreadyRunning: boolean };
    expect(info.pid).not.toBe(before.body.pid);
    expect((await status()).body.state).toBe('running');
  }, 240_000);

  it('stops, and status says so', async () => {
    const stop = await runCli(['db', 'stop'], env);
    expect(stop.code).toBe(0);
    const s = await status();
    expect(s.code).toBe(1);
    expect(s.body.state).toBe('stopped');
  });
});
