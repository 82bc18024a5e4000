/**
 * Soak: the API under steady load for minutes, to catch errors that only show
 * after a while and memory that keeps growing.
 *
 *   npm run bench -- soak [--minutes 10] [--clients 32] [--tier S|M|L] [--sample 200] [--warmup 60] [--keep]
 *
 * Tiers: S is the demo organization, M a generated one of 10,000 roles, L of
 * 100,000 roles (snapshots `bench-api-demo` and `bench-api-<roles>`, shared with
 * `npm run bench -- api` and reused when present). The server runs in its own
 * process (bench/api-server.ts). The clients cycle whoCanAssume, reachableFrom
 * and paths over sampled targets with hop limits from 1 to 4, so the
 * query cache keeps filling and evicting rather than answering one key.
 *
 * The server's RSS is sampled every 5 s, each time right after a full garbage
 * collection, so that it shows what the server keeps rather than when V8 last
 * collected. The soak starts after a warm-up of the same load (--warmup
 * seconds, default 60), when the server has its connections, compiled code,
 * reachability index and a full query cache. The baseline is the median RSS
 * of the soak's first minute (a fifth of a shorter run); the run passes when
 * no request failed and no later sample rose more than 10 % above the
 * baseline. Exit code 1 when it does not pass.
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

const TIERS: Record<string, number | 'demo'> = { S: 'demo', M: 10_000, L: 100_000 };
/** Allowed RSS growth over the start value. */
const FLAT_WITHIN = 0.1;
const SAMPLE_EVERY_S = 5;

export async function run(args: string[]): Promise<void> {
  const minutes = Number(arg(args, '--minutes') ?? 10);
  const clients = Number(arg(args, '--clients') ?? 32);
  const tier = (arg(args, '--tier') ?? 'M').toUpperCase();
  const sample = Number(arg(args, '--sample') ?? 200);
  const size = TIERS[tier];
  if (!(minutes > 0) || !Number.isInteger(clients) || clients < 1 || size === undefined)
    throw new Error('--minutes takes a positive number, --clients a positive integer, --tier S, M or L');

  const { driver } = await connect(log);
  let created: string | undefined;
  try {
    await applySchema(driver);
    await applyReviewSchema(driver);
    const before = new Set((await listSnapshots(driver)).map((s) => s.id));
    const snapshot =
      size === 'demo'
        ? await ensureSnapshot(driver, 'bench-api-demo', async () => DEMO_ORG_DIR)
        : await ensureSnapshot(driver, `bench-api-${size}`, async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-bench-soak-'));
            await writeOrganization(dir, { roles: size, seed: 42 });
            return dir;
          });
    if (!before.has(snapshot)) created = snapshot;

    const token = newToken('bench');
    const serverLogPath = path.join(os.tmpdir(), 'iamatlas-bench-soak-server.log');
    const serverLog = fs.openSync(serverLogPath, 'w');
    const server = await startBenchServer(token, serverLog, serverLogPath);
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients * 2 });
    const post = client(server.url, token, agent);
    const rssMB = async () => (await server.ask('memory', 'memory-after-gc')).rssMB;
    try {
      await post(REACH, { s: snapshot, k: '*', h: 1 });
      await server.ask('settled', 'settle');
      const t = await findTargets(post, snapshot, sample);
      log(
        `tier ${tier}: snapshot ${snapshot}, ${t.roles.length} roles, ${t.callers.length} callers, ${t.pairs.length} pairs as targets`,
      );
      if (!t.roles.length || !t.callers.length || !t.pairs.length)
        throw new Error('the snapshot has nothing to ask about (no roles, callers or paths)');
      // Each request a different (query, target, hop limit) until the mix repeats.
      const next: Next = (i) => {
        const hops = 1 + (Math.floor(i / 3) % 4);
        const j = Math.floor(i / 12);
        if (i % 3 === 0) return [WHO, { s: snapshot, k: t.roles[j % t.roles.length], h: hops }];
        if (i % 3 === 1) return [REACH, { s: snapshot, k: t.callers[j % t.callers.length], h: hops }];
        const [f, to] = t.pairs[j % t.pairs.length]!;
        return [PATHS, { s: snapshot, f, t: to }];
      };

      const totalS = minutes * 60;
      const warmS = Number(arg(args, '--warmup') ?? 60);
      log(`warm-up: ${warmS.toFixed(0)} s at ${clients} clients`);
      const warm = await load(post, clients, warmS, next);
      const start = await rssMB();
      log(`RSS at start (after warm-up): ${start} MiB; soak ${minutes} min at ${clients} clients`);
      const samples: { at: number; rss: number }[] = [{ at: 0, rss: start }];
      const began = Date.now();
      let offset = warm.lat.length;
      let requests = 0;
      let errors = 0;
      while (Date.now() - began < totalS * 1000) {
        const secs = Math.min(SAMPLE_EVERY_S, totalS - (Date.now() - began) / 1000);
        const base = offset;
        const r = await load(post, clients, secs, (i) => next(base + i));
        offset += r.lat.length;
        requests += r.lat.length;
        errors += r.errors;
        const rss = await rssMB();
        samples.push({ at: Math.round((Date.now() - began) / 1000), rss });
        if (samples.length % 12 === 1)
          log(`  ${samples.at(-1)!.at} s: ${requests} requests, ${errors} errors, RSS ${rss} MiB`);
      }
      const elapsed = (Date.now() - began) / 1000;
      const end = samples.at(-1)!.rss;
      // The baseline: the median of the first minute (a fifth of a shorter run), once the heap
      // has settled after the warm-up; flat means no later sample rises 10 % above it.
      const window = Math.min(60, totalS / 5);
      const first = samples.filter((x) => x.at <= window).map((x) => x.rss);
      const sorted = [...first].sort((a, b) => a - b);
      const baseline = sorted[Math.floor(sorted.length / 2)]!;
      const later = samples.filter((x) => x.at > window).map((x) => x.rss);
      const max = Math.max(...(later.length ? later : first));
      const growth = (max - baseline) / baseline;
      const pass = errors === 0 && warm.errors === 0 && growth <= FLAT_WITHIN;
      process.stdout.write(
        `\nSoak, tier ${tier}, ${clients} clients, ${(elapsed / 60).toFixed(1)} min, ${os.cpus().length} CPUs\n\n`,
      );
      process.stdout.write(
        table([
          {
            requests,
            'req/s': (requests / elapsed).toFixed(0),
            errors: errors + warm.errors,
            'RSS start MiB': start,
            [`RSS first ${window.toFixed(0)} s MiB`]: baseline,
            'RSS end MiB': end,
            'RSS max after MiB': max,
            'max vs first': `${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)}%`,
          },
        ]) + '\n',
      );
      process.stdout.write(
        `\n${pass ? 'PASS' : 'FAIL'}: ${errors + warm.errors} errors (0 allowed), RSS max ${(100 * growth).toFixed(1)}% over the median of the first ${window.toFixed(0)} s (${100 * FLAT_WITHIN}% allowed)\n`,
      );
      process.stdout.write(`RSS samples (s:MiB): ${samples.map((s) => `${s.at}:${s.rss}`).join(' ')}\n`);
      log(`server log (JSON lines): ${serverLogPath}`);
      if (!pass) process.exitCode = 1;
    } finally {
      agent.destroy();
      await server.close();
      fs.closeSync(serverLog);
    }
  } finally {
    if (created && !args.includes('--keep')) await deleteSnapshotData(driver, created);
    await driver.close();
  }
}
