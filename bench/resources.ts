/**
 * Resource analysis time and memory (CAN_ACCESS edges and the public- and
 * external-access findings, engine only, no Neo4j) on a generated
 * organization with resources in every account (bench/generate-resources.ts:
 * every analysed type, with the policies real accounts carry), written as
 * `ACCOUNT.resources.json` files and read by the ingest reader:
 * `npm run bench -- resources [--roles 20000] [--accounts N] [--seed 42] [--resources-per-account 10]`.
 * The trust analysis runs first, outside the measurement, since the resource
 * analysis reuses its context.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseResources } from '../engine/resources/analyse.ts';
import { analyseTrust } from '../engine/trust/index.ts';
import { readSnapshot } from '../ingest/read/index.ts';
import { writeOrganization } from './generate.ts';
import { measure } from './measure.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<void> {
  const roles = Number(option(args, '--roles') ?? 20_000);
  const accounts = Number(option(args, '--accounts') ?? Math.max(3, Math.ceil(roles / 500)));
  const seed = Number(option(args, '--seed') ?? 42);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-resources-'));
  try {
    const resourcesPerAccount = Number(option(args, '--resources-per-account') ?? 10);
    await writeOrganization(dir, { roles, accounts, seed, resourcesPerAccount });
    const { model } = await readSnapshot([dir]);
    const trust = analyseTrust(model);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const analysed = await measure(async () => analyseResources(model, { context: trust.context }));
    const cpu = process.cpuUsage(cpuBefore);
    gc?.();
    // What the analysis's result keeps on the heap (it is still referenced here).
    const heapAdded = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const s = analysed.result.stats;
    const levels = analysed.result.edges.reduce((n, e) => n + e.levels.length, 0);
    process.stdout.write(
      `${roles} roles, ${accounts} accounts, ${s.resources} resources: ${analysed.seconds.toFixed(1)} s ` +
        `(CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ` +
        `${s.evaluateCalls} evaluate calls, ${s.edges} edges (${levels} caller-resource-levels), ` +
        `${analysed.result.findings.length} findings, peak RSS ${analysed.peakRssMb.toFixed(0)} MB, ` +
        `heap kept ${heapAdded.toFixed(0)} MB (trust: ${trust.edges.length} CAN_ASSUME edges)\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
