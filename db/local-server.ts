/**
 * The local Neo4j Community server IAM Atlas runs when NEO4J_URI is not set:
 * built from Maven Central jars by db/pom.xml, started by db/src/.../LocalNeo4j.java,
 * Bolt on 127.0.0.1 only, auth on with a random password in an owner-only file.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { localServerPaths, type LocalServerPaths } from './paths.ts';
import { readSettings } from './settings.ts';
import { commandExists, ensureJars, INSTALL_HINT } from './launcher-build.ts';

import type { Say } from './launcher-build.ts';

export type { Say };

import { LocalServerError } from './errors.ts';

export { LocalServerError };

export interface LocalServerInfo {
  pid: number;
  port: number;
  uri: string;
  user: string;
  password: string;
  startedAt: string;
}

export type LocalServerStatus =
  | { state: 'running'; info: LocalServerInfo }
  | { state: 'stopped'; reason: string }
  | { state: 'starting'; pid: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A PID file can outlive its process and the PID can be reused: check it really is our server. */
function isOurServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('dev.iamatlas.db.LocalNeo4j');
  } catch {
    // No /proc (macOS): trust the liveness check.
    return true;
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function portAcceptsConnections(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function ensurePassword(p: LocalServerPaths): string {
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(p.passwordFile)) {
    const password = randomBytes(24).toString('base64url');
    fs.writeFileSync(p.passwordFile, password + '\n', { mode: 0o600, flag: 'wx' });
  }
  // Keep the file owner-only even if someone loosened it.
  fs.chmodSync(p.passwordFile, 0o600);
  return fs.readFileSync(p.passwordFile, 'utf8').trim();
}

function readState(p: LocalServerPaths): LocalServerInfo | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(p.stateFile, 'utf8')) as Omit<LocalServerInfo, 'password'>;
    return { ...raw, password: ensurePassword(p) };
  } catch {
    return undefined;
  }
}

function removeStale(p: LocalServerPaths): void {
  for (const f of [p.pidFile, p.stateFile]) fs.rmSync(f, { force: true });
}

export async function localServerStatus(): Promise<LocalServerStatus> {
  const p = localServerPaths();
  const pid = readPid(p.pidFile);
  if (pid === undefined) return { state: 'stopped', reason: 'not started' };
  if (!isOurServer(pid)) return { state: 'stopped', reason: `stale PID file (process ${pid} is gone)` };
  const info = readState(p);
  if (!info) return { state: 'starting', pid };
  if (!(await portAcceptsConnections(info.port))) return { state: 'starting', pid };
  return { state: 'running', info };
}

/** Only one process may start the server: an exclusive lock file, recovered when its owner died. */
async function withStartLock<T>(p: LocalServerPaths, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(p.lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readPid(p.lockFile);
      if (owner === undefined || !isAlive(owner)) {
        fs.rmSync(p.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new LocalServerError(`Timed out waiting for process ${owner} to start Neo4j.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(p.lockFile, { force: true });
  }
}

export interface StartResult {
  info: LocalServerInfo;
  alreadyRunning: boolean;
}

/** Starts the local server unless it already runs; safe to call from several processes at once. */
export async function startLocalServer(say: Say): Promise<StartResult> {
  const settings = readSettings();
  const p = localServerPaths();
  return withStartLock(p, async () => {
    const status = await localServerStatus();
    if (status.state === 'running') return { info: status.info, alreadyRunning: true };
    if (status.state === 'starting') {
      const info = await waitUntilReady(p, status.pid, settings.IAMATLAS_NEO4J_START_TIMEOUT_S, say);
      return { info, alreadyRunning: true };
    }
    if (status.reason.startsWith('stale')) say(`Recovering from a crash: ${status.reason}; removing it.`);
    removeStale(p);
    if (!commandExists('java'))
      throw new LocalServerError(`Java is not installed (no \`java\` on PATH). ${INSTALL_HINT}`);
    await ensureJars(say);
    const password = ensurePassword(p);
    const port = settings.IAMATLAS_NEO4J_PORT;
    if (await portAcceptsConnections(port)) {
      throw new LocalServerError(
        `Port ${port} on 127.0.0.1 is taken by another program. Set IAMATLAS_NEO4J_PORT to a free port, ` +
          'or set NEO4J_URI to use that server.',
      );
    }
    fs.mkdirSync(p.dataDir, { recursive: true, mode: 0o700 });
    say(
      `Starting the local Neo4j on 127.0.0.1:${port} (heap ${settings.IAMATLAS_NEO4J_HEAP}, ` +
        `page cache ${settings.IAMATLAS_NEO4J_PAGECACHE_MB} MB, data in ${p.dataDir})...`,
    );
    // A port just released (by a server that stopped a moment ago) can still be
    // refused for a short while; retry a few times before giving up.
    for (let attempt = 1; ; attempt++) {
      try {
        const info = await launch(p, port, password, settings, say);
        return { info, alreadyRunning: false };
      } catch (err) {
        if (!(err instanceof PortStillBusy) || attempt >= 5) throw err;
        say(
          `  port ${port} is still held by a previous server; trying again in 3 s (attempt ${attempt + 1} of 5)`,
        );
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
  });
}

class PortStillBusy extends LocalServerError {}

async function launch(
  p: LocalServerPaths,
  port: number,
  password: string,
  settings: ReturnType<typeof readSettings>,
  say: Say,
): Promise<LocalServerInfo> {
  const log = fs.openSync(p.logFile, 'a', 0o600);
  const logStart = fs.fstatSync(log).size;
  const classpath = [p.classesDir, path.join(p.libDir, '*')].join(path.delimiter);
  const child = spawn(
    'java',
    [
      `-Xmx${settings.IAMATLAS_NEO4J_HEAP}`,
      `-Xms${settings.IAMATLAS_NEO4J_HEAP}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      'dev.iamatlas.db.LocalNeo4j',
      p.dataDir,
      String(port),
      p.passwordFile,
      String(settings.IAMATLAS_NEO4J_PAGECACHE_MB),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  if (child.pid === undefined) throw new LocalServerError(`Could not start java. ${INSTALL_HINT}`);
  child.unref();
  fs.writeFileSync(p.pidFile, String(child.pid), { mode: 0o600 });
  return waitUntilReady(p, child.pid, settings.IAMATLAS_NEO4J_START_TIMEOUT_S, say, {
    port,
    password,
    logStart,
  });
}

async function waitUntilReady(
  p: LocalServerPaths,
  pid: number,
  timeoutS: number,
  say: Say,
  fresh?: { port: number; password: string; logStart: number },
): Promise<LocalServerInfo> {
  const deadline = Date.now() + timeoutS * 1000;
  let lastNote = Date.now();
  for (;;) {
    if (!isAlive(pid)) {
      const tail = readLogTail(p.logFile, 30);
      removeStale(p);
      if (fresh && readLogFrom(p.logFile, fresh.logStart).includes('Address already in use'))
        throw new PortStillBusy(`Port ${fresh.port} is in use.`);
      throw new LocalServerError(
        `The local Neo4j exited while starting. Last log lines (${p.logFile}):\n${tail}`,
      );
    }
    if (fresh) {
      const ready = readLogFrom(p.logFile, fresh.logStart).includes(
        `IAMATLAS-NEO4J-READY port=${fresh.port}`,
      );
      if (ready) {
        const info: LocalServerInfo = {
          pid,
          port: fresh.port,
          uri: `bolt://127.0.0.1:${fresh.port}`,
          user: 'neo4j',
          password: fresh.password,
          startedAt: new Date().toISOString(),
        };
        const { password: _omit, ...publicInfo } = info;
        fs.writeFileSync(p.stateFile, JSON.stringify(publicInfo, null, 2), { mode: 0o600 });
        say(`Local Neo4j is up (pid ${pid}, bolt://127.0.0.1:${fresh.port}).`);
        return info;
      }
    } else {
      const info = readState(p);
      if (info && (await portAcceptsConnections(info.port))) return info;
    }
    if (Date.now() > deadline) {
      throw new LocalServerError(
        `The local Neo4j did not become ready within ${timeoutS}s (pid ${pid}). See ${p.logFile}, ` +
          'or raise IAMATLAS_NEO4J_START_TIMEOUT_S.',
      );
    }
    if (Date.now() - lastNote > 10_000) {
      say('  ... still waiting for Neo4j to start');
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

function readLogFrom(file: string, offset: number): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function readLogTail(file: string, lines: number): string {
  return readLogFrom(file, 0).split('\n').slice(-lines).join('\n');
}

/** Stops the server and waits for it to release its store; returns false when it was not running. */
export async function stopLocalServer(say: Say): Promise<boolean> {
  const p = localServerPaths();
  const pid = readPid(p.pidFile);
  if (pid === undefined || !isOurServer(pid)) {
    removeStale(p);
    return false;
  }
  say(`Stopping the local Neo4j (pid ${pid})...`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      say('  it did not stop within 60s; killing it');
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  removeStale(p);
  say('Local Neo4j stopped.');
  return true;
}
