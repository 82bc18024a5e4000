/**
 * The first touch of whoCanAssume without HTTP: the benchmark's GraphQL query executed in this
 * process (graphql-js over the API's schema and resolvers, then JSON.stringify of the answer) on a
 * loaded snapshot with its reachability index built, passes of the sampled roles with the answer
 * cache emptied first (cold) and from the cache (warm), in turn; prints the process's CPU per
 * request of each pass (garbage collection's helper threads included), the milliseconds of young-
 * and old-generation collections during it, and the medians of the later passes.
 *
 *   npm run bench -- api-inproc --snapshot NAME [--sample 500] [--passes 12]
 *                               [--cpu-prof FILE] [--heap-prof FILE]
 *
 * --cpu-prof writes a V8 CPU profile of each cold pass from the third on (FILE.N.cpuprofile);
 * --heap-prof a sampling heap profile of the third cold pass (what it allocates, by function).
 */
import '../api/production-mode.ts';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import { buildSchema } from '../api/app.ts';
import { apiConfig } from '../api/config.ts';
import { tokenCheck } from '../api/tokens.ts';
import type { ApiContext } from '../api/context.ts';
import { connect } from '../db/connection.ts';
import { listSnapshots } from '../ingest/load/snapshots.ts';
import { QueryCache } from '../query/cache.ts';
import { encodeCursor } from '../api/shapes.ts';
import { arg, log, WHO } from './api-load.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(args: string[]): Promise<void> {
  const name = arg(args, '--snapshot');
  if (!name)
    throw new Error('usage: npm run bench -- api-inproc --snapshot NAME [--sample 500] [--passes 12]');
  const sample = Number(arg(args, '--sample') ?? 500);
  const passes = Number(arg(args, '--passes') ?? 12);
  const { driver } = await connect(log);
  try {
    const snapshot = (await listSnapshots(driver)).find((s) => s.name === name || s.id === name);
    if (!snapshot) throw new Error(`No complete snapshot named ${name}.`);
    const config = apiConfig({ tokens: tokenCheck([]) });
    const cache = new QueryCache(driver, { index: { driver } });
    const schema = buildSchema();
    const who = parse(WHO);
    const context = (): ApiContext => {
      const reader = cache.bind(driver);
      return {
        db: driver,
        reader,
        caller: { role: 'reader', via: 'bearer', name: 'bench' },
        limits: config.limits,
        requestId: 'bench',
        snapshots: new Map(),
      };
    };
    const run1 = async (document: ReturnType<typeof parse>, variables: Record<string, unknown>) => {
      const r = await execute({ schema, document, variableValues: variables, contextValue: context() });
      if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
      return JSON.stringify(r);
    };
    cache.indexes!.get(snapshot.id);
    await cache.indexes!.settled();
    // Roles spread over the snapshot, as the HTTP benchmark samples them.
    const Q = parse(`query($s: ID, $first: Int, $after: String) {
      principals(snapshot: $s, filter: { kind: ROLE }, first: $first, after: $after) { totalCount nodes { arn } } }`);
    const total = (
      JSON.parse(await run1(Q, { s: snapshot.id, first: 1 })) as {
        data: { principals: { totalCount: number } };
      }
    ).data.principals.totalCount;
    const pages = Math.max(1, Math.ceil(sample / 50));
    const roles: string[] = [];
    for (let i = 0; i < pages; i++) {
      const offset = Math.floor((i * Math.max(0, total - 50)) / Math.max(1, pages - 1));
      const r = JSON.parse(
        await run1(Q, { s: snapshot.id, first: 50, after: offset > 0 ? encodeCursor(offset - 1) : null }),
      ) as { data: { principals: { nodes: { arn: string }[] } } };
      roles.push(...r.data.principals.nodes.map((n) => n.arn));
    }
    const targets = [...new Set(roles)].slice(0, sample);
    let bytes = 0;
    // Garbage collection during each pass: milliseconds in minor (scavenge) and major (mark-compact) collections.
    const gc = { minor: 0, major: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.minor += e.duration;
        else gc.major += e.duration;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const pass = async () => {
      await new Promise((r) => setImmediate(r));
      gc.minor = gc.major = 0;
      const t0 = process.cpuUsage();
      for (const k of targets) bytes += (await run1(who, { s: snapshot.id, k, h: 4 })).length;
      const d = process.cpuUsage(t0);
      await new Promise((r) => setImmediate(r));
      log(`  gc ms: minor ${gc.minor.toFixed(0)}, major ${gc.major.toFixed(0)}`);
      return (d.user + d.system) / 1000 / targets.length;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    // --cpu-prof FILE: a V8 CPU profile of the cold passes from the third on.
    const profFile = arg(args, '--cpu-prof');
    const inspector = new Session();
    inspector.connect();
    const post = (method: string, params?: object) =>
      new Promise<unknown>((resolve, reject) =>
        inspector.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
      );
    const heapFile = arg(args, '--heap-prof');
    if (profFile) await post('Profiler.enable');
    for (let p = 0; p < passes; p++) {
      cache.clear();
      if (profFile && p >= 2) await post('Profiler.start');
      if (heapFile && p === 2)
        await post('HeapProfiler.startSampling', {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      cold.push(await pass());
      if (heapFile && p === 2) {
        const res = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
        fs.writeFileSync(heapFile, JSON.stringify(res.profile));
      }
      if (profFile && p >= 2) {
        const res = (await post('Profiler.stop')) as { profile: unknown };
        fs.writeFileSync(`${profFile}.${p + 1}.cpuprofile`, JSON.stringify(res.profile));
      }
      warm.push(await pass());
      log(`pass ${p + 1}: cold ${cold.at(-1)!.toFixed(3)} ms, warm ${warm.at(-1)!.toFixed(3)} ms a request`);
    }
    observer.disconnect();
    const tail = (xs: number[]) => xs.slice(Math.floor(xs.length / 3));
    process.stdout.write(
      `${targets.length} roles, ${(bytes / (2 * passes * targets.length)).toFixed(0)} bytes an answer; ` +
        `CPU ms a request, median of the last ${tail(cold).length} passes: cold ${median(tail(cold)).toFixed(3)}, ` +
        `warm ${median(tail(warm)).toFixed(3)}, first touch less cached ${(median(tail(cold)) - median(tail(warm))).toFixed(3)}\n`,
    );
  } finally {
    await driver.close();
  }
}
