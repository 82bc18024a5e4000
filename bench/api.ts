/**
 * API latency and throughput: whoCanAssume, reachableFrom and paths over HTTP
 * (GraphQL, bearer token) with 1, 8 and 32 concurrent clients, on the demo
 * organization and a generated one. The server runs in its own process
 * (bench/api-server.ts), so the load generator does not share its event loop.
 *
 *   npm run bench -- api [--roles 100000] [--seconds 5] [--sample 500] [--skip-large] [--keep]
 *                        [--only who,reach,paths] [--clients 1,8,32] [--skip-demo] [--cpu-prof DIR]
 *                        [--snapshot NAME] [--neo4j-pid PID] [--server-node-flags "FLAGS"]
 *                        [--cold-passes N]
 *
 * --only and --clients pick cells; --cpu-prof writes a V8 CPU profile of the server
 * process per cell to DIR (open one in Chrome DevTools) to see where a request's time goes.
 * --server-node-flags gives the server process more Node.js options (space-separated), e.g.
 * "--max-semi-space-size=32" to size the young generation of its garbage collector.
 *
 * Three kinds of cell per query and client count, labelled in the `mode` column:
 *   cold  every target once (a sample of --sample roles spread over the org, their
 *         callers, caller/role pairs), the query cache emptied first: first touches
 *         (after a second of other questions at the same concurrency, so that the
 *         server has its database connections and compiled code, as a running one has);
 *         with --cold-passes N, N such passes one after the other (cold#2 ...), the cache
 *         emptied before each, to tell a server's first passes from later ones;
 *   warm  the same targets cycled for --seconds, after the cold pass cached them;
 *   hot   one target repeated for --seconds.
 * `hit%` is the query cache's hit rate during the cell (query/cache.ts). The CPU
 * each request took, in milliseconds, per process that shares the machine's cores:
 * `srv` the API server, `gen` this load generator, and `db` Neo4j when --neo4j-pid
 * names its process (read from /proc, so Linux only; it counts whatever else Neo4j
 * did meanwhile too). With 32 clients in flight, p50 is about 32 / req/s, so these
 * say where the time per answer goes.
 *
 * Snapshots are named `bench-api-demo` and `bench-api-<roles>` and reused when
 * present (ingesting 100,000 roles takes minutes); --keep leaves them loaded.
 * --snapshot NAME takes the large organization from a loaded snapshot of that name
 * instead (e.g. `bench-scale-L` from `npm run bench -- scale --tier L --keep`).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { applyReviewSchema } from '../api/reviews.ts';
import { newToken } from '../api/tokens.ts';
import { DEMO_ORG_DIR } from '../cli/main.ts';
import { connect } from '../db/connection.ts';
import { applySchema, deleteSnapshotData, listSnapshots } from '../ingest/load/snapshots.ts';
import {
  arg,
  client,
  ensureSnapshot,
  findTargets,
  load,
  log,
  PATHS,
  REACH,
  startBenchServer,
  WHO,
  type Next,
} from './api-load.ts';
import { writeOrganization } from './generate.ts';
import { table } from './measure.ts';

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
  srv: string;
  gen: string;
  db: string;
}

/** CPU time (user + system) of a process in microseconds, from /proc; undefined when unreadable. */
function procCpuMicros(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from the third on: utime and stime are the 14th and 15th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ: /proc times are in these ticks per second. */
const CLOCK_TICKS = 100;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function run(args: string[]): Promise<void> {
  const roles = Number(arg(args, '--roles') ?? 100_000);
  const seconds = Number(arg(args, '--seconds') ?? 5);
  const sample = Number(arg(args, '--sample') ?? 500);
  const only = new Set((arg(args, '--only') ?? 'who,reach,paths').split(','));
  const clientCounts = (arg(args, '--clients') ?? '1,8,32').split(',').map(Number);
  const coldPasses = Number(arg(args, '--cold-passes') ?? 1);
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
    const named = arg(args, '--snapshot');
    if (named && !args.includes('--skip-large')) {
      const found = (await listSnapshots(driver)).find((s) => s.name === named || s.id === named);
      if (!found) throw new Error(`No complete snapshot named ${named}: see \`iamatlas snapshots list\`.`);
      const roles = found.counts?.nodes?.Role;
      orgs.push({ label: `${named}${roles === undefined ? '' : ` (${roles} roles)`}`, id: found.id });
    } else if (!args.includes('--skip-large')) {
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
    const neo4jPidArg = arg(args, '--neo4j-pid');
    const neo4jPid = neo4jPidArg === undefined ? undefined : Number(neo4jPidArg);
    const serverLogPath = path.join(os.tmpdir(), 'iamatlas-bench-api-server.log');
    const serverLog = fs.openSync(serverLogPath, 'w');
    const nodeFlags = (arg(args, '--server-node-flags') ?? '').split(' ').filter(Boolean);
    const server = await startBenchServer(token, serverLog, serverLogPath, nodeFlags);
    const ask = server.ask;
    const cache = {
      stats: async () => (await ask('stats', 'stats')).stats,
      clear: async () => void (await ask('cleared', 'clear')),
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const post = client(server.url, token, agent);
    const send = client(server.url, token, agent, true); // the load loops: answers checked, not parsed
    const rows: Cell[] = [];
    try {
      for (const org of orgs) {
        // The first reachability query starts the snapshot's in-memory reachability index (the API
        // answers from Neo4j meanwhile); the targets are sampled and the cells run once it is built.
        const bare = await ask('memory', 'memory-after-gc');
        const started = Date.now();
        await post(REACH, { s: org.id, k: '*', h: 1 });
        for (const ix of (await ask('settled', 'settle')).indexes.filter((x) => x.snapshotId === org.id))
          log(
            `${org.label}: reachability index ${ix.state} ${Date.now() - started} ms after the first query: ${ix.nodes} nodes, ${ix.edges} edges, built in ${ix.buildMs} ms, ~${ix.approximateMB} MB`,
          );
        const built = await ask('memory', 'memory-after-gc');
        log(
          `${org.label}: server memory after a full collection, before the index and with it built: RSS ${bare.rssMB} and ${built.rssMB} MiB, JS heap in use ${bare.heapMB} and ${built.heapMB} MiB`,
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
              const cpu0 = {
                srv: (await ask('cpu', 'cpu')).micros,
                gen: process.cpuUsage(),
                db: procCpuMicros(neo4jPid),
              };
              const r = await load(send, clients, secs, next);
              const srvMicros = (await ask('cpu', 'cpu')).micros - cpu0.srv;
              const gen = process.cpuUsage(cpu0.gen);
              const db1 = procCpuMicros(neo4jPid);
              const perRequest = (micros: number | undefined) =>
                micros === undefined || !r.lat.length ? '-' : (micros / 1000 / r.lat.length).toFixed(2);
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
                srv: perRequest(srvMicros),
                gen: perRequest(gen.user + gen.system),
                db: perRequest(db1 === undefined || cpu0.db === undefined ? undefined : db1 - cpu0.db),
              });
              const c = rows.at(-1)!;
              log(
                `  ${org.label} ${name} ${mode} x${clients}: p50 ${c.p50} ms, p99 ${c.p99} ms, ${c['req/s']} req/s; CPU ms per request: server ${c.srv}, load ${c.gen}, Neo4j ${c.db}`,
              );
            };
            // cold: each target once, nothing cached (Neo4j's own page cache is warm from the sampling).
            // First a second of other questions at the same concurrency (reachableFrom on the callers,
            // or whoCanAssume on the roles), so that the server has the database connections and
            // compiled code a running server has; then the cache is emptied.
            await cache.clear();
            const other = id === 'who' ? t.callers : t.roles;
            const otherQuery = id === 'who' ? REACH : WHO;
            await load(send, clients, 1, (i) => [
              otherQuery,
              { s: org.id, k: other[i % other.length], h: 4 },
            ]);
            await cache.clear();
            await cell(`cold ${targets.length}`, 3600, (i) =>
              i < targets.length ? make(targets[i]) : undefined,
            );
            for (let again = 2; again <= coldPasses; again++) {
              await cache.clear();
              await cell(`cold#${again} ${targets.length}`, 3600, (i) =>
                i < targets.length ? make(targets[i]) : undefined,
              );
            }
            await cell(`warm ${targets.length}`, seconds, (i) => make(targets[i % targets.length]));
            await load(send, clients, 1, () => make(hot)); // warm-up
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
      `\nAPI latency (ms) over HTTP, ${seconds} s per warm/hot cell, cold = one pass, ${os.cpus().length} CPUs; ` +
        `srv/gen/db: CPU ms per request of the API server, this load generator, Neo4j (--neo4j-pid)\n\n`,
    );
    process.stdout.write(table(rows as unknown as Record<string, string | number>[]) + '\n');
  } finally {
    if (!args.includes('--keep')) for (const id of created) await deleteSnapshotData(driver, id);
    await driver.close();
  }
}
