/**
 * End-to-end scale of one ingest, phase by phase, as `iamatlas ingest` runs them:
 * generate the files, read them, analyse (trust, escalation, findings, rows),
 * transform the model into rows, load into Neo4j.
 * Prints per phase the wall time, rows written per second and the peak RSS,
 * and writes every figure plus an RSS sample every 250 ms as JSON.
 *
 *   npm run bench -- scale --tier S|M|L [--seed N] [--out FILE] [--compare FILE] [--keep] [--name NAME]
 *                          [--batch-size N] [--concurrency N] [--resources-per-account N]
 *                          [--neo4j-pid PID]
 *
 * Tiers (roles / accounts): S 1,000 / 10; M 20,000 / 100; L 100,000 / 500.
 * `--compare FILE` prints the change of each phase against an earlier run's JSON.
 * `--keep` leaves the snapshot in Neo4j (for query benchmarks on it); `--name NAME` names it
 * (default `bench-scale-TIER`).
 * `--resources-per-account N` adds N resources of the analysed types to every
 * account (bench/generate-resources.ts), so the resource analysis is timed too.
 * `--neo4j-pid PID` (a Neo4j on this machine) adds each phase's CPU seconds of that process, read
 * from /proc/PID/stat (https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html), and of this
 * one (`process.cpuUsage()`), and both per row written.
 * The run is what `iamatlas ingest` runs: this benchmark bundled as the command line is bundled,
 * with its changes to the Neo4j driver (bench/bundled.ts); `--from-sources` runs the TypeScript
 * sources and the published driver through tsx instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { connect } from '../db/connection.ts';
import { applySchema, cleanupAbandoned, deleteSnapshotData } from '../ingest/load/snapshots.ts';
import type { LoadProgress } from '../ingest/load/loader.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { runBundled, runsBundled } from './bundled.ts';
import { writeOrganization } from './generate.ts';
import { table } from './measure.ts';

export const TIERS = {
  S: { roles: 1_000, accounts: 10 },
  M: { roles: 20_000, accounts: 100 },
  L: { roles: 100_000, accounts: 500 },
} as const;
type Tier = keyof typeof TIERS;

export interface PhaseResult {
  phase: string;
  seconds: number;
  rows: number;
  peakRssMb: number;
  /** CPU seconds of this process in the phase. */
  cpuSeconds: number;
  /** CPU seconds of the Neo4j process named by `--neo4j-pid` in the phase. */
  neo4jCpuSeconds?: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc/PID/stat (Linux). */
function processCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), counted from the state (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime (14) and stime (15)
  return ticks / 100; // USER_HZ, 100 on Linux
}

export interface ScaleRun {
  tier: string;
  roles: number;
  accounts: number;
  resourcesPerAccount: number;
  seed: number;
  cores: number;
  node: string;
  startedAt: string;
  totalSeconds: number;
  /** `bundled`: as the command line runs (bench/bundled.ts); `sources`: the TypeScript sources through tsx. */
  build: 'bundled' | 'sources';
  /** Seconds from reading the first file to the snapshot being complete (what `iamatlas ingest` does). */
  ingestSeconds: number;
  peakRssMb: number;
  phases: PhaseResult[];
  /** RSS every 250 ms: seconds since the start, MB, the phase running. */
  rss: [number, number, string][];
}

/**
 * RSS every 250 ms, taken by a worker thread so that phases that never yield (the analysis
 * runs in one synchronous stretch) are sampled too. Each sample is written with the phase
 * running at the time into a shared buffer: [ms since the start, bytes, phase index].
 */
class RssSampler {
  private static readonly MAX = 1 << 18;
  readonly data = new Float64Array(new SharedArrayBuffer(8 * 3 * RssSampler.MAX));
  /** [samples written, the phase running (-1: none)] */
  readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  readonly t0 = performance.timeOrigin + performance.now();

  constructor(everyMs: number) {
    Atomics.store(this.control, 1, -1);
    this.worker = new Worker(
      `const { workerData: w } = require('node:worker_threads');
       const take = () => {
         const i = Atomics.add(w.control, 0, 1);
         if (3 * i + 2 >= w.data.length) return;
         w.data[3 * i] = performance.timeOrigin + performance.now() - w.t0;
         w.data[3 * i + 1] = process.memoryUsage.rss();
         w.data[3 * i + 2] = Atomics.load(w.control, 1);
       };
       take();
       setInterval(take, ${everyMs});`,
      { eval: true, workerData: { data: this.data, control: this.control, t0: this.t0 } },
    );
    this.worker.unref();
  }

  /** A sample now, from this thread (at phase boundaries). */
  take(phase: number): void {
    const i = Atomics.add(this.control, 0, 1);
    if (3 * i + 2 >= this.data.length) return;
    this.data[3 * i] = performance.timeOrigin + performance.now() - this.t0;
    this.data[3 * i + 1] = process.memoryUsage.rss();
    this.data[3 * i + 2] = phase;
  }

  setPhase(phase: number): void {
    Atomics.store(this.control, 1, phase);
  }

  async stop(): Promise<[number, number, number][]> {
    await this.worker.terminate();
    const n = Math.min(Atomics.load(this.control, 0), RssSampler.MAX);
    const out: [number, number, number][] = [];
    for (let i = 0; i < n; i++) out.push([this.data[3 * i]!, this.data[3 * i + 1]!, this.data[3 * i + 2]!]);
    return out.sort((a, b) => a[0] - b[0]);
  }
}

/** Times consecutive phases; the current one is named by the last `enter`. */
class PhaseClock {
  readonly phases: PhaseResult[] = [];
  readonly rss: [number, number, string][] = [];
  private readonly sampler = new RssSampler(250);
  private current: PhaseResult | undefined;
  private startedAt = 0;
  private cpuAt = 0;
  private neo4jCpuAt = 0;
  private stopped = false;

  constructor(private readonly neo4jPid?: number) {}

  private cpuNow(): number {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }

  /** Starts (or resumes: a phase entered twice adds up) the named phase. */
  enter(phase: string): void {
    if (this.current?.phase === phase) return;
    this.close();
    this.startedAt = performance.now();
    this.cpuAt = this.cpuNow();
    if (this.neo4jPid !== undefined) this.neo4jCpuAt = processCpuSeconds(this.neo4jPid);
    this.current = this.phases.find((p) => p.phase === phase);
    if (!this.current) {
      this.current = { phase, seconds: 0, rows: 0, peakRssMb: 0, cpuSeconds: 0 };
      if (this.neo4jPid !== undefined) this.current.neo4jCpuSeconds = 0;
      this.phases.push(this.current);
    }
    const at = this.phases.indexOf(this.current);
    this.sampler.take(at);
    this.sampler.setPhase(at);
  }

  addRows(n: number): void {
    if (this.current) this.current.rows += n;
  }

  close(): void {
    if (!this.current) return;
    this.sampler.take(this.phases.indexOf(this.current));
    this.sampler.setPhase(-1);
    this.current.seconds += (performance.now() - this.startedAt) / 1000;
    this.current.cpuSeconds += this.cpuNow() - this.cpuAt;
    if (this.neo4jPid !== undefined)
      this.current.neo4jCpuSeconds! += processCpuSeconds(this.neo4jPid) - this.neo4jCpuAt;
    this.current = undefined;
  }

  /** Ends the last phase and turns the samples into the per-phase peaks and the `rss` list. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.close();
    for (const [ms, bytes, at] of await this.sampler.stop()) {
      const phase = this.phases[at];
      const mb = bytes / 2 ** 20;
      if (phase) phase.peakRssMb = Math.max(phase.peakRssMb, mb);
      this.rss.push([Math.round(ms) / 1000, Math.round(mb), phase?.phase ?? '']);
    }
  }

  elapsed(): number {
    return (performance.timeOrigin + performance.now() - this.sampler.t0) / 1000;
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** CPU µs per row, for phases that write enough rows for it to mean something (not the one row of `finishing`). */
const perRow = (seconds: number, rows: number) => (rows >= 1000 ? ((seconds / rows) * 1e6).toFixed(1) : '');

function fmtChange(now: number, before: number | undefined): string {
  if (before === undefined || before === 0) return '';
  const pct = ((now - before) / before) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(0)}%`;
}

export async function run(args: string[]): Promise<void> {
  if (!args.includes('--from-sources') && !runsBundled())
    return runBundled('bench/scale-main.ts', args, ['--expose-gc']);
  const tierName = (option(args, '--tier') ?? 'S').toUpperCase();
  if (!(tierName in TIERS)) throw new Error(`--tier must be one of ${Object.keys(TIERS).join(', ')}`);
  const tier = TIERS[tierName as Tier];
  const seed = Number(option(args, '--seed') ?? 42);
  const out = option(args, '--out') ?? path.join('test-artifacts', 'bench', `scale-${tierName}.json`);
  const compareFile = option(args, '--compare');
  const resourcesPerAccount = Number(option(args, '--resources-per-account') ?? 0);
  const neo4jPid = option(args, '--neo4j-pid') ? Number(option(args, '--neo4j-pid')) : undefined;
  if (neo4jPid !== undefined) processCpuSeconds(neo4jPid); // fails early when there is no such process
  const log = (l: string) => process.stderr.write(l + '\n');

  const { driver, target } = await connect(log);
  await applySchema(driver);
  await cleanupAbandoned(driver);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iamatlas-scale-${tierName}-`));
  const clock = new PhaseClock(neo4jPid);
  let snapshotId: string | undefined;
  let ingestStart: number;
  try {
    clock.enter('generate files');
    log(
      `generating tier ${tierName}: ${tier.roles} roles in ${tier.accounts} accounts, ${resourcesPerAccount} resources per account (seed ${seed}) in ${dir}`,
    );
    await writeOrganization(dir, { roles: tier.roles, accounts: tier.accounts, seed, resourcesPerAccount });
    (globalThis as { gc?: () => void }).gc?.();

    ingestStart = clock.elapsed();
    // What `iamatlas ingest` runs, step for step: the model is let go before the load and the
    // loader lets go of each batch once written.
    const lastDone = new Map<string, number>();
    const res = await ingestPaths(driver, [dir], {
      name: option(args, '--name') ?? `bench-scale-${tierName}`,
      batchSize: option(args, '--batch-size') ? Number(option(args, '--batch-size')) : undefined,
      concurrency: option(args, '--concurrency') ? Number(option(args, '--concurrency')) : undefined,
      onStage: log,
      onStep: (step) => clock.enter(step),
      onBegin: (id) => {
        snapshotId = id;
      },
      onLoadProgress: (p: LoadProgress) => {
        clock.enter(`load: ${p.phase}`);
        clock.addRows(p.done - (lastDone.get(p.label) ?? 0));
        lastDone.set(p.label, p.done);
      },
    });
    const ingestSeconds = clock.elapsed() - ingestStart;
    await clock.stop();
    const result: ScaleRun = {
      tier: tierName,
      ...tier,
      resourcesPerAccount,
      seed,
      cores: os.cpus().length,
      node: process.version,
      build: runsBundled() ? 'bundled' : 'sources',
      startedAt: new Date().toISOString(),
      totalSeconds: clock.elapsed(),
      ingestSeconds,
      peakRssMb: Math.max(
        ...clock.phases.filter((p) => p.phase !== 'generate files').map((p) => p.peakRssMb),
      ),
      phases: clock.phases,
      rss: clock.rss,
    };
    const rowsWritten =
      Object.values(res.counts.nodes).reduce((a, b) => a + b, 0) +
      Object.values(res.counts.relationships).reduce((a, b) => a + b, 0);
    const before = compareFile ? (JSON.parse(fs.readFileSync(compareFile, 'utf8')) as ScaleRun) : undefined;
    const beforeOf = (phase: string) => before?.phases.find((p) => p.phase === phase);
    process.stdout.write(
      `\nScale, tier ${tierName} (${tier.roles} roles, ${tier.accounts} accounts, ${resourcesPerAccount} resources per account, seed ${seed}); Neo4j at ${target.uri}; ${result.cores} cores; Node ${process.version}; ${result.build === 'bundled' ? 'bundled as the command line is' : 'from the TypeScript sources'}\n`,
    );
    process.stdout.write(
      table(
        result.phases.map((p) => ({
          phase: p.phase,
          seconds: p.seconds.toFixed(2),
          rows: p.rows || '',
          'rows/s': p.rows ? Math.round(p.rows / p.seconds) : '',
          'peak RSS MB': Math.round(p.peakRssMb),
          'CPU s': p.cpuSeconds.toFixed(1),
          'CPU µs/row': perRow(p.cpuSeconds, p.rows),
          ...(p.neo4jCpuSeconds !== undefined
            ? {
                'Neo4j CPU s': p.neo4jCpuSeconds.toFixed(1),
                'Neo4j CPU µs/row': perRow(p.neo4jCpuSeconds, p.rows),
              }
            : {}),
          ...(before ? { 'vs before': fmtChange(p.seconds, beforeOf(p.phase)?.seconds) } : {}),
        })),
      ) + '\n',
    );
    process.stdout.write(
      `ingest (read to complete): ${ingestSeconds.toFixed(1)} s${before ? ` (${fmtChange(ingestSeconds, before.ingestSeconds)})` : ''}; ` +
        `${rowsWritten} rows written; peak RSS ${Math.round(result.peakRssMb)} MB${before ? ` (${fmtChange(result.peakRssMb, before.peakRssMb)})` : ''}\n`,
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
    process.stdout.write(`written to ${out}\n`);
  } finally {
    await clock.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    if (snapshotId && !args.includes('--keep'))
      await deleteSnapshotData(driver, snapshotId).catch(() => undefined);
    await driver.close();
  }
}
