/**
 * What `iamatlas ingest` does before loading, phase by phase: read the files,
 * each analysis step (trust, escalation, resources, findings, rows), the
 * transform into rows. One child process per run, so its memory is its own.
 *
 *   npm run bench -- analyze --pipeline --tier S|M|L [--seed N] [--resources-per-account N] [--dir DIR] [--live]
 *
 * Per phase: wall seconds, CPU seconds (user + system, which a busy machine
 * disturbs less than wall time), and the peak RSS, sampled every 50 ms from a
 * worker thread so phases that never yield are measured too. `--live` adds the
 * heap still in use at the end of each phase (a forced GC at each boundary,
 * which changes the timings: leave it off for them). `--dir` analyses files
 * already written (by `tsx bench/generate.ts`) instead of generating the tier.
 * `--resources-per-account N` adds N resources to every account of the
 * generated tier (bench/generate-resources.ts), so the resource analysis has
 * work to do.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../db/paths.ts';
import { readSnapshot } from '../ingest/read/index.ts';
import { deriveForLoad } from '../ingest/transform/derived.ts';
import { toGraphRows } from '../ingest/transform/graph-rows.ts';
import { writeOrganization } from './generate.ts';
import { table } from './measure.ts';
import { TIERS } from './scale.ts';

const self = fileURLToPath(import.meta.url);

interface Phase {
  phase: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  liveHeapMb?: number;
}

interface PipelineRun {
  dir: string;
  phases: Phase[];
  peakRssMb: number;
  rows: number;
  loadAverage: { start: number[]; end: number[] };
}

/** The process's peak RSS since the last reset, kept by a worker thread that samples every 50 ms. */
class RssSampler {
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       setInterval(() => {
         const rss = BigInt(process.memoryUsage.rss());
         if (rss > Atomics.load(workerData, 0)) Atomics.store(workerData, 0, rss);
       }, 50);`,
      { eval: true, workerData: this.peak },
    );
    this.worker.unref();
    this.reset();
  }

  /** The peak since the last reset (the current RSS included), then starts over from the current RSS. */
  reset(): number {
    const now = BigInt(process.memoryUsage.rss());
    const peak = Atomics.load(this.peak, 0);
    Atomics.store(this.peak, 0, now);
    return Number(peak > now ? peak : now) / 2 ** 20;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Child mode: one run over `dir`, printed as one JSON line. */
async function one(dir: string, live: boolean): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const loadStart = os.loadavg();
  const sampler = new RssSampler();
  const phases: Phase[] = [];
  let current = 'read';
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const enter = (next: string): void => {
    const used = process.cpuUsage(cpu);
    const phase: Phase = {
      phase: current,
      seconds: (performance.now() - wall) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRssMb: sampler.reset(),
    };
    if (live && gc) {
      gc();
      phase.liveHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
    }
    phases.push(phase);
    current = next;
    wall = performance.now();
    cpu = process.cpuUsage();
  };
  const read = await readSnapshot([dir]);
  const derived = deriveForLoad(read.model, undefined, (step) => enter(`analyse: ${step}`));
  enter('transform');
  const rows = toGraphRows(read.model);
  enter('');
  await sampler.stop();
  const count = (sets: { rows: unknown[] }[]): number => sets.reduce((n, s) => n + s.rows.length, 0);
  const out: PipelineRun = {
    dir,
    phases,
    peakRssMb: Math.max(...phases.map((p) => p.peakRssMb)),
    rows:
      count(derived.extraNodes) +
      count(derived.extraRels) +
      derived.streamedRels.reduce((n, s) => n + s.total, 0) +
      Object.values(rows.nodes).reduce((n, r) => n + r.length, 0) +
      Object.values(rows.rels).reduce((n, r) => n + r.length, 0),
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** Runs a benchmark script in a process of its own (so its memory is its own), with a 4 GB heap and gc exposed. */
export function inOwnProcess(script: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', script, ...args],
    { encoding: 'utf8', cwd: projectRoot, maxBuffer: 1 << 20 },
  );
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<void> {
  if (args[0] === '--pipeline-one') return one(args[1]!, args.includes('--live'));
  const log = (l: string) => process.stderr.write(l + '\n');
  const tierName = (option(args, '--tier') ?? 'S').toUpperCase();
  if (!(tierName in TIERS)) throw new Error(`--tier must be one of ${Object.keys(TIERS).join(', ')}`);
  const tier = TIERS[tierName as keyof typeof TIERS];
  const seed = Number(option(args, '--seed') ?? 42);
  const resourcesPerAccount = Number(option(args, '--resources-per-account') ?? 0);
  if (!Number.isInteger(resourcesPerAccount) || resourcesPerAccount < 0)
    throw new Error('--resources-per-account must be a whole number, 0 or more');
  const given = option(args, '--dir');
  const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), `iamatlas-pipeline-${tierName}-`));
  try {
    if (!given) {
      log(
        `generating tier ${tierName}: ${tier.roles} roles in ${tier.accounts} accounts, ${resourcesPerAccount} resources per account (seed ${seed}) in ${dir}`,
      );
      await writeOrganization(dir, { roles: tier.roles, accounts: tier.accounts, seed, resourcesPerAccount });
    }
    log(`reading, analysing and transforming ${dir}...`);
    const child = inOwnProcess(self, ['--pipeline-one', dir, ...(args.includes('--live') ? ['--live'] : [])]);
    if (child.status !== 0) {
      log(child.stderr);
      throw new Error(`the pipeline run over ${dir} failed`);
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as PipelineRun;
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
    process.stdout.write(
      `\nRead, analysis and rows, no loading: ${given ? dir : `tier ${tierName} (${tier.roles} roles, ${tier.accounts} accounts, ${resourcesPerAccount} resources per account, seed ${seed})`}; ${os.cpus().length} cores; Node ${process.version}; load average ${fmt(r.loadAverage.start)} at the start, ${fmt(r.loadAverage.end)} at the end\n`,
    );
    process.stdout.write(
      table(
        r.phases.map((p) => ({
          phase: p.phase,
          'wall s': p.seconds.toFixed(2),
          'CPU s': p.cpuSeconds.toFixed(2),
          'peak RSS MB': Math.round(p.peakRssMb),
          ...(p.liveHeapMb !== undefined ? { 'live heap MB': Math.round(p.liveHeapMb) } : {}),
        })),
      ) + '\n',
    );
    const total = r.phases.reduce((a, p) => ({ s: a.s + p.seconds, c: a.c + p.cpuSeconds }), { s: 0, c: 0 });
    process.stdout.write(
      `total ${total.s.toFixed(1)} s wall, ${total.c.toFixed(1)} s CPU; peak RSS ${Math.round(r.peakRssMb)} MB; ${r.rows} rows\n`,
    );
  } finally {
    if (!given) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === self) {
  await run(process.argv.slice(2));
}
