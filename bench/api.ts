/**
 * API latency and throughput: whoCanAssume, reachableFrom and paths over HTTP
 * (GraphQL, bearer token) with 1, 8 and 32 concurrent clients, on the demo
 * organization and a generated one. The server runs in its own process
 * (bench/api-server.ts), so the load generator does not share its event loop.
 *
 *   npm run bench -- api [--roles 100000] [--seconds 5] [--sample 500] [--skip-large] [--keep]
 *                        [--only who,reach,paths] [--clients 1,8,32] [--skip-demo] [--cpu-prof DIR]
 *
 * --only and --clients pick cells; --cpu-prof writes a V8 CPU profile of the server
 * process per cell to DIR (open one in Chrome DevTools) to see where a request's time goes.
 *
 * Three kinds of cell per query and client count, labelled in the `mode` column:
 *   cold  every target once (a sample of --sample roles spread over the org, their
 *         callers, caller/role pairs), the query cache emptied first: first touches
 *         (after a second of other questions at the same concurrency, so that the
 *         server has its database connections and compiled code, as a running one has);
 *   warm  the same targets cycled for --seconds, after the cold pass cached them;
 *   hot   one target repeated for --seconds.
 * `hit%` is the query cache's hit rate during the cell (api/cache.ts).
 *
 * Snapshots are named `bench-api-demo` and `bench-api-<roles>` and reused when
 * present (ingesting 100,000 roles takes minutes); --keep leaves them loaded.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { applyReviewSchema } from '../api/reviews.ts';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchServerMessage } from './api-server.ts';
import { encodeCursor } from '../api/shapes.ts';
import { hashToken, newToken } from '../api/tokens.ts';
import { DEMO_ORG_DIR } from '../cli/main.ts';
import { connect } from '../db/connection.ts';
import { applySchema, deleteSnapshotData, listSnapshots } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { writeOrganization } from './generate.ts';
import { table } from './measure.ts';

const log = (l: string) => process.stderr.write(l + '\n');

function arg(args: string[], name: string): string | undefined {
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

type Post = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;

/**
 * A GraphQL client on node:http with keep-alive connections (one per concurrent
 * client): lighter than fetch, so the load generator takes less of the CPU the
 * server and Neo4j share with it.
 */
function client(url: string, token: string, agent: http.Agent): Post {
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

const WHO = `query($s: ID, $k: ID!, $h: Int) { whoCanAssume(snapshot: $s, role: $k, maxHops: $h, first: 50) {
  totalCount nodes { hops node { key } path { edges { from { key } to { key } conditional conditions { key } evidence { policyId } } } } } }`;
const REACH = `query($s: ID, $k: ID!, $h: Int) { reachableFrom(snapshot: $s, principal: $k, maxHops: $h, first: 50) {
  totalCount nodes { hops node { key } } } }`;
const PATHS = `query($s: ID, $f: ID!, $t: ID!) { paths(snapshot: $s, from: $f, to: $t, maxHops: 4, limit: 10) {
  length edges { from { key } to { key } conditions { key } evidence { policyId } } } }`;

interface Targets {
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
async function findTargets(post: Post, snapshot: string, n: number): Promise<Targets> {
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

interface Cell {
  org: string;
  query: string;
  mode: string;
  clients: number;
  requests: number;
  errors: number;
  'hit%': string;
  p50: string;
  p95: string;
  p99: string;
  'req/s': string;
}

type Next = (i: number) => [string, Record<string, unknown>] | undefined;

/** `clients` loops posting `next(i)` until `seconds` pass or `next` runs out (undefined). */
async function load(
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

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function run(args: string[]): Promise<void> {
  const roles = Number(arg(args, '--roles') ?? 100_000);
  const seconds = Number(arg(args, '--seconds') ?? 5);
  const sample = Number(arg(args, '--sample') ?? 500);
  const only = new Set((arg(args, '--only') ?? 'who,reach,paths').split(','));
  const clientCounts = (arg(args, '--clients') ?? '1,8,32').split(',').map(Number);
  const unknown = [...only].filter((q) => !['who', 'reach', 'paths'].includes(q));
  if (unknown.length || clientCounts.some((c) => !Number.isInteger(c) || c < 1))
    throw new Error('--only takes who,reach,paths; --clients takes positive integers, e.g. 1,8,32');
  const { driver } = await connect(log);
  const created: string[] = [];
  try {
    await applySchema(driver);
    await applyReviewSchema(driver);
    const orgs: { label: string; id: string }[] = [];
    const before = new Set((await listSnapshots(driver)).map((s) => s.id));
    if (!args.includes('--skip-demo'))
      orgs.push({
        label: 'demo',
        id: await ensureSnapshot(driver, 'bench-api-demo', async () => DEMO_ORG_DIR),
      });
    if (!args.includes('--skip-large')) {
      orgs.push({
        label: `${roles} roles`,
        id: await ensureSnapshot(driver, `bench-api-${roles}`, async () => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-bench-api-'));
          await writeOrganization(dir, { roles, seed: 42 });
          return dir;
        }),
      });
    }
    for (const o of orgs) if (!before.has(o.id)) created.push(o.id);

    const token = newToken('bench');
    const profDir = arg(args, '--cpu-prof');
    const serverLogPath = path.join(os.tmpdir(), 'iamatlas-bench-api-server.log');
    const serverLog = fs.openSync(serverLogPath, 'w');
    const child = fork(fileURLToPath(new URL('./api-server.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, IAMATLAS_BENCH_TOKEN_SHA256: hashToken(token) },
      // Its request log (one JSON line per request, as `serve` writes) goes to a file.
      stdio: ['ignore', 'inherit', serverLog, 'ipc'],
    });
    const ask = <T extends BenchServerMessage['type']>(type: T, request?: string, file?: string) =>
      new Promise<Extract<BenchServerMessage, { type: T }>>((resolve, reject) => {
        const onExit = (code: number | null) =>
          reject(new Error(`bench API server exited (${code}); see ${serverLogPath}`));
        const onMessage = (m: BenchServerMessage) => {
          if (m.type !== type) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m as Extract<BenchServerMessage, { type: T }>);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        if (request) child.send({ type: request, file });
      });
    const server = {
      url: (await ask('ready')).url,
      close: async () => {
        child.send({ type: 'close' });
        await new Promise((r) => child.once('exit', r));
      },
    };
    const cache = {
      stats: async () => (await ask('stats', 'stats')).stats,
      clear: async () => void (await ask('cleared', 'clear')),
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const post = client(server.url, token, agent);
    const rows: Cell[] = [];
    try {
      for (const org of orgs) {
        // The first reachability query starts the snapshot's in-memory reachability index (the API
        // answers from Neo4j meanwhile); the targets are sampled and the cells run once it is built.
        const started = Date.now();
        await post(REACH, { s: org.id, k: '*', h: 1 });
        for (const ix of (await ask('settled', 'settle')).indexes.filter((x) => x.snapshotId === org.id))
          log(
            `${org.label}: reachability index ${ix.state} ${Date.now() - started} ms after the first query: ${ix.nodes} nodes, ${ix.edges} edges, built in ${ix.buildMs} ms, ~${ix.approximateMB} MB`,
          );
        const t = await findTargets(post, org.id, sample);
        log(
          `${org.label}: ${t.roles.length} sampled roles, ${t.callers.length} callers, ${t.pairs.length} pairs as targets`,
        );
        if (!t.roles.length || !t.callers.length || !t.pairs.length) continue;
        // The hot target of each query: the first target with something to find.
        const hotRole = t.pairs[0]![1];
        const queries: [
          string,
          string,
          unknown[],
          (x: unknown) => [string, Record<string, unknown>],
          unknown,
        ][] = [
          ['who', 'whoCanAssume 4 hops', t.roles, (k) => [WHO, { s: org.id, k, h: 4 }], hotRole],
          [
            'reach',
            'reachableFrom 4 hops',
            t.callers,
            (k) => [REACH, { s: org.id, k, h: 4 }],
            t.pairs[0]![0],
          ],
          [
            'paths',
            'paths 4 hops',
            t.pairs,
            (p) => [PATHS, { s: org.id, f: (p as string[])[0], t: (p as string[])[1] }],
            t.pairs[0]!,
          ],
        ];
        for (const [id, name, targets, make, hot] of queries) {
          if (!only.has(id)) continue;
          for (const clients of clientCounts) {
            const cell = async (mode: string, secs: number, next: Next) => {
              const before = await cache.stats();
              if (profDir) await ask('profiling', 'profile-start');
              const r = await load(post, clients, secs, next);
              if (profDir) {
                fs.mkdirSync(profDir, { recursive: true });
                const file = `${org.label}-${id}-${mode}-x${clients}`.replace(/[^\w.-]+/g, '_');
                await ask('profiled', 'profile-stop', path.join(profDir, `${file}.cpuprofile`));
              }
              const after = await cache.stats();
              const asked = after.hits + after.misses - before.hits - before.misses;
              const sorted = [...r.lat].sort((a, b) => a - b);
              rows.push({
                org: org.label,
                query: name,
                mode,
                clients,
                requests: r.lat.length,
                errors: r.errors,
                'hit%': asked ? ((100 * (after.hits - before.hits)) / asked).toFixed(0) : '-',
                p50: pct(sorted, 50).toFixed(1),
                p95: pct(sorted, 95).toFixed(1),
                p99: pct(sorted, 99).toFixed(1),
                'req/s': (r.lat.length / r.elapsed).toFixed(0),
              });
              const c = rows.at(-1)!;
              log(
                `  ${org.label} ${name} ${mode} x${clients}: p50 ${c.p50} ms, p99 ${c.p99} ms, ${c['req/s']} req/s`,
              );
            };
            // cold: each target once, nothing cached (Neo4j's own page cache is warm from the sampling).
            // First a second of other questions at the same concurrency (reachableFrom on the callers,
            // or whoCanAssume on the roles), so that the server has the database connections and
            // compiled code a running server has; then the cache is emptied.
            await cache.clear();
            const other = id === 'who' ? t.callers : t.roles;
            const otherQuery = id === 'who' ? REACH : WHO;
            await load(post, clients, 1, (i) => [
              otherQuery,
              { s: org.id, k: other[i % other.length], h: 4 },
            ]);
            await cache.clear();
            await cell(`cold ${targets.length}`, 3600, (i) =>
              i < targets.length ? make(targets[i]) : undefined,
            );
            await cell(`warm ${targets.length}`, seconds, (i) => make(targets[i % targets.length]));
            await load(post, clients, 1, () => make(hot)); // warm-up
            await cell('hot 1', seconds, () => make(hot));
          }
        }
      }
      const mem = await ask('memory', 'memory');
      log(`server memory at the end: RSS ${mem.rssMB} MiB, JS heap in use ${mem.heapMB} MiB`);
      const s = await cache.stats();
      log(
        `query cache: ${s.hits} hits, ${s.misses} misses, ${s.entries} entries, ${s.snapshotReads} snapshot-list reads`,
      );
    } finally {
      agent.destroy();
      await server.close();
    }
    fs.closeSync(serverLog);
    log(`server log (JSON lines): ${serverLogPath}`);
    process.stdout.write(
      `\nAPI latency (ms) over HTTP, ${seconds} s per warm/hot cell, cold = one pass, ${os.cpus().length} CPUs\n\n`,
    );
    process.stdout.write(table(rows as unknown as Record<string, string | number>[]) + '\n');
  } finally {
    if (!args.includes('--keep')) for (const id of created) await deleteSnapshotData(driver, id);
    await driver.close();
  }
}
