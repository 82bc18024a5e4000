/**
 * Two builds' API servers side by side on one loaded snapshot: this checkout's and another's
 * (`--base DIR`, e.g. a `git worktree` of the commit to compare with). Both servers run at once,
 * each in its own process with its reachability index built, and the cold pass of
 * `npm run bench -- api` (whoCanAssume, 4 hops, every sampled role once, the answer cache
 * emptied first, after half a second of other questions) is run on each in turn, A B B A, then
 * B A A B, for `--rounds` rounds: on a shared machine whose load drifts, neighbouring passes
 * of the two see about the same load, which one run after the other does not.
 *
 *   npm run bench -- api-ab --base DIR --snapshot NAME [--rounds 16] [--sample 500] [--clients 32]
 *
 * Prints each pass (p50, p99, requests a second, the server's CPU milliseconds per request) and,
 * per pair of neighbouring passes, the ratio of this build to the base, with their medians.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newToken } from '../api/tokens.ts';
import { connect } from '../db/connection.ts';
import { listSnapshots } from '../ingest/load/snapshots.ts';
import * as here from './api-load.ts';
import { arg, findTargets, load, log, REACH, WHO, type Post } from './api-load.ts';

type Loader = Pick<typeof here, 'startBenchServer' | 'client'>;

interface Side {
  name: 'base' | 'this';
  server: here.BenchServer;
  post: Post;
  send: Post;
}

interface Pass {
  p50: number;
  p99: number;
  perSecond: number;
  cpuMs: number;
  errors: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(args: string[]): Promise<void> {
  const baseDir = arg(args, '--base');
  const name = arg(args, '--snapshot');
  if (!baseDir || !name)
    throw new Error('usage: npm run bench -- api-ab --base DIR --snapshot NAME [--rounds N]');
  const rounds = Number(arg(args, '--rounds') ?? 16);
  const sample = Number(arg(args, '--sample') ?? 500);
  const clients = Number(arg(args, '--clients') ?? 32);
  const { driver } = await connect(log);
  const snapshot = (await listSnapshots(driver)).find((s) => s.name === name || s.id === name);
  await driver.close();
  if (!snapshot) throw new Error(`No complete snapshot named ${name}: see \`iamatlas snapshots list\`.`);
  const base = (await import(pathToFileURL(path.resolve(baseDir, 'bench', 'api-load.ts')).href)) as Loader;
  const token = newToken('bench');
  const sides: Side[] = [];
  for (const [side, loader] of [
    ['base', base],
    ['this', here],
  ] as const) {
    const logPath = path.join(fs.mkdtempSync('/tmp/iamatlas-bench-api-ab-'), 'server.log');
    const server = await loader.startBenchServer(token, fs.openSync(logPath, 'w'), logPath);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    sides.push({
      name: side,
      server,
      post: loader.client(server.url, token, agent),
      send: loader.client(server.url, token, agent, true),
    });
  }
  try {
    for (const s of sides) {
      await s.post(REACH, { s: snapshot.id, k: '*', h: 1 });
      await s.server.ask('settled', 'settle');
    }
    const t = await findTargets(sides[1]!.post, snapshot.id, sample);
    await findTargets(sides[0]!.post, snapshot.id, sample); // the same questions asked of both first
    log(`${t.roles.length} sampled roles`);
    const pass = async (s: Side): Promise<Pass> => {
      await s.server.ask('cleared', 'clear');
      await load(s.send, clients, 0.5, (i) => [
        REACH,
        { s: snapshot.id, k: t.callers[i % t.callers.length], h: 4 },
      ]);
      await s.server.ask('cleared', 'clear');
      const cpu0 = (await s.server.ask('cpu', 'cpu')).micros;
      const r = await load(s.send, clients, 3600, (i) =>
        i < t.roles.length ? [WHO, { s: snapshot.id, k: t.roles[i], h: 4 }] : undefined,
      );
      const cpu = (await s.server.ask('cpu', 'cpu')).micros - cpu0;
      const sorted = [...r.lat].sort((a, b) => a - b);
      return {
        p50: pct(sorted, 50),
        p99: pct(sorted, 99),
        perSecond: r.lat.length / r.elapsed,
        cpuMs: cpu / 1000 / r.lat.length,
        errors: r.errors,
      };
    };
    const passes: Record<Side['name'], Pass[]> = { base: [], this: [] };
    const ratios: { cpu: number[]; p50: number[]; perSecond: number[] } = { cpu: [], p50: [], perSecond: [] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [0, 1, 1, 0] : [1, 0, 0, 1];
      const got: Pass[] = [];
      for (const i of order) {
        const s = sides[i]!;
        const p = await pass(s);
        got.push(p);
        passes[s.name].push(p);
        const load1 = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
        process.stdout.write(
          `${round} ${s.name} cold: p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, ${p.perSecond.toFixed(0)} req/s, server ${p.cpuMs.toFixed(2)} ms CPU/request, ${p.errors} errors; load average ${load1}\n`,
        );
      }
      for (const [a, b] of [
        [0, 1],
        [2, 3],
      ] as const) {
        const [mine, theirs] = order[a] === 1 ? [got[a]!, got[b]!] : [got[b]!, got[a]!];
        ratios.cpu.push(mine.cpuMs / theirs.cpuMs);
        ratios.p50.push(mine.p50 / theirs.p50);
        ratios.perSecond.push(mine.perSecond / theirs.perSecond);
      }
    }
    for (const s of ['base', 'this'] as const) {
      const ps = passes[s];
      process.stdout.write(
        `${s}: medians of ${ps.length} passes: p50 ${median(ps.map((p) => p.p50)).toFixed(1)} ms, p99 ${median(ps.map((p) => p.p99)).toFixed(1)} ms, ${median(ps.map((p) => p.perSecond)).toFixed(0)} req/s, server ${median(ps.map((p) => p.cpuMs)).toFixed(2)} ms CPU/request\n`,
      );
    }
    const lower = (xs: number[]) => xs.filter((x) => x < 1).length;
    process.stdout.write(
      `this/base, neighbouring passes (${ratios.cpu.length} pairs): server CPU/request ${median(ratios.cpu).toFixed(2)} (lower in ${lower(ratios.cpu)}), ` +
        `p50 ${median(ratios.p50).toFixed(2)} (lower in ${lower(ratios.p50)}), req/s ${median(ratios.perSecond).toFixed(2)}\n`,
    );
  } finally {
    for (const s of sides) await s.server.close();
  }
}
