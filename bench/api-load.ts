/**
 * The parts the API benchmarks share: the snapshots they run on, the bench API
 * server in its own process (bench/api-server.ts), a light GraphQL client, the
 * targets sampled from a snapshot, and the load loop of concurrent clients.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { encodeCursor } from '../api/shapes.ts';
import { hashToken } from '../api/tokens.ts';
import { listSnapshots } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import type { BenchServerMessage } from './api-server.ts';

export const log = (l: string) => process.stderr.write(l + '\n');

export function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function ensureSnapshot(
  driver: Driver,
  name: string,
  dir: () => Promise<string>,
): Promise<string> {
  const found = (await listSnapshots(driver)).find((s) => s.name === name);
  if (found) {
    log(`reusing snapshot ${found.id} (${name})`);
    return found.id;
  }
  const input = await dir();
  log(`ingesting ${name} from ${input} ...`);
  const started = Date.now();
  const res = await ingestPaths(driver, [input], { name });
  log(`  ${name}: ${res.snapshotId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return res.snapshotId;
}

export type Post = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;

/**
 * A GraphQL client on node:http with keep-alive connections (one per concurrent
 * client): lighter than fetch, so the load generator takes less of the CPU the
 * server and Neo4j share with it. With `check`, the answer is not parsed (the
 * load loops only count errors): it is an error when the status is not 200 or
 * the body carries an `"errors"` member (a GraphQL answer with errors names it;
 * the benchmark's queries select no field of that name), so the generator
 * spends no time building objects it would throw away.
 */
export function client(url: string, token: string, agent: http.Agent, check = false): Post {
  const target = new URL('/graphql', url);
  return (query, variables) =>
    new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify({ query, variables }));
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            if (check) {
              const failed = res.statusCode !== 200 || Buffer.concat(chunks).includes(ERRORS_MEMBER);
              resolve(failed ? { errors: [res.statusCode] } : {});
              return;
            }
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (err) {
              reject(new Error(`HTTP ${res.statusCode}: ${(err as Error).message}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

const ERRORS_MEMBER = Buffer.from('"errors":');

export const WHO = `query($s: ID, $k: ID!, $h: Int) { whoCanAssume(snapshot: $s, role: $k, maxHops: $h, first: 50) {
  totalCount nodes { hops node { key } path { edges { from { key } to { key } conditional conditions { key } evidence { policyId } } } } } }`;
export const REACH = `query($s: ID, $k: ID!, $h: Int) { reachableFrom(snapshot: $s, principal: $k, maxHops: $h, first: 50) {
  totalCount nodes { hops node { key } } } }`;
export const PATHS = `query($s: ID, $f: ID!, $t: ID!) { paths(snapshot: $s, from: $f, to: $t, maxHops: 4, limit: 10) {
  length edges { from { key } to { key } conditions { key } evidence { policyId } } } }`;

export interface Targets {
  roles: string[];
  callers: string[];
  pairs: [string, string][];
}

/** Up to `n` role ARNs spread evenly over the snapshot's roles (pages at evenly spaced offsets). */
async function sampleRoles(post: Post, snapshot: string, n: number): Promise<string[]> {
  const Q = `query($s: ID, $first: Int, $after: String) {
    principals(snapshot: $s, filter: { kind: ROLE }, first: $first, after: $after) { totalCount nodes { arn } } }`;
  const head = await post(Q, { s: snapshot, first: 1 });
  const total = (head.data?.principals as { totalCount: number } | undefined)?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(n / 50));
  const out = new Set<string>();
  for (let i = 0; i < pages && out.size < n; i++) {
    const offset = Math.floor((i * Math.max(0, total - 50)) / Math.max(1, pages - 1));
    const r = await post(Q, { s: snapshot, first: 50, after: offset > 0 ? encodeCursor(offset - 1) : null });
    for (const x of (r.data?.principals as { nodes: { arn: string }[] } | undefined)?.nodes ?? [])
      out.add(x.arn);
  }
  return [...out].slice(0, n);
}

/** Sampled roles; callers (users and roles) found by whoCanAssume on them; (far caller, role) pairs. */
export async function findTargets(post: Post, snapshot: string, n: number): Promise<Targets> {
  const roles = await sampleRoles(post, snapshot, n);
  const callers = new Set<string>();
  const pairs: [string, string][] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (i < roles.length) {
        const arn = roles[i++]!;
        const r = await post(WHO, { s: snapshot, k: arn, h: 4 });
        const nodes =
          (r.data?.whoCanAssume as { nodes: { hops: number; node: { key: string } }[] } | undefined)?.nodes ??
          [];
        for (const x of nodes)
          if (x.node.key.startsWith('arn:aws:iam::') && /:(user|role)\//.test(x.node.key))
            callers.add(x.node.key);
        const far = [...nodes].sort((a, b) => b.hops - a.hops)[0];
        if (far) pairs.push([far.node.key, arn]);
      }
    }),
  );
  return { roles, callers: [...callers].sort().slice(0, n), pairs: pairs.sort().slice(0, n) };
}

export type Next = (i: number) => [string, Record<string, unknown>] | undefined;

/** `clients` loops posting `next(i)` until `seconds` pass or `next` runs out (undefined). */
export async function load(
  post: Post,
  clients: number,
  seconds: number,
  next: Next,
): Promise<{ lat: number[]; errors: number; elapsed: number }> {
  const lat: number[] = [];
  let errors = 0;
  let i = 0;
  const end = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const q = next(i++);
        if (!q) break;
        const t = process.hrtime.bigint();
        const r = await post(q[0], q[1]).catch(() => ({ errors: [1] }));
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (r.errors?.length) errors++;
      }
    }),
  );
  return { lat, errors, elapsed: Number(process.hrtime.bigint() - start) / 1e9 };
}

export type Ask = <T extends BenchServerMessage['type']>(
  type: T,
  request?: string,
  file?: string,
) => Promise<Extract<BenchServerMessage, { type: T }>>;

export interface BenchServer {
  url: string;
  /** Waits for the server's next message of `type`, sending `request` first when given. */
  ask: Ask;
  close(): Promise<void>;
}

/**
 * Forks bench/api-server.ts with a reader token whose hash it is given; its
 * request log (one JSON line per request, as `serve` writes) goes to `logFd`.
 */
export async function startBenchServer(
  token: string,
  logFd: number,
  logPath: string,
  /** More Node.js options for the server process, e.g. `--max-semi-space-size=32`. */
  nodeFlags: string[] = [],
): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL('./api-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...nodeFlags],
    env: { ...process.env, IAMATLAS_BENCH_TOKEN_SHA256: hashToken(token) },
    stdio: ['ignore', 'inherit', logFd, 'ipc'],
  });
  const ask: Ask = (type, request, file) =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`bench API server exited (${code}); see ${logPath}`));
      const onMessage = (m: BenchServerMessage) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<BenchServerMessage, { type: typeof type }>);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (request) child.send({ type: request, file });
    });
  const url = (await ask('ready')).url;
  return {
    url,
    ask,
    close: async () => {
      child.send({ type: 'close' });
      await new Promise((r) => child.once('exit', r));
    },
  };
}
