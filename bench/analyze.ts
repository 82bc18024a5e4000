/**
 * Analysis time and memory: reading the exports and deriving CAN_ASSUME and
 * the trust findings (engine only, no Neo4j), for the demo organization and
 * generated organizations. Each size runs in its own process so its memory is
 * its own. `npm run bench -- analyze [--roles 1000,10000,100000]`.
 *
 * `npm run bench -- analyze --pipeline --tier S|M|L [--seed N] [--dir DIR]`
 * runs what `iamatlas ingest` runs before loading (read, every analysis step,
 * the rows), phase by phase in one process: wall and CPU seconds and peak RSS
 * per phase (see analyze-pipeline.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../db/paths.ts';
import { analyseTrust } from '../engine/trust/index.ts';
import { trustFindings } from '../engine/findings/index.ts';
import { analyseEscalation, escalationFindings } from '../engine/escalation/index.ts';
import { readSnapshot } from '../ingest/read/index.ts';
import { writeOrganization } from './generate.ts';
import { measure, table } from './measure.ts';
import { inOwnProcess, run as runPipeline } from './analyze-pipeline.ts';

const self = fileURLToPath(import.meta.url);

interface OneResult {
  input: string;
  roles: number;
  principals: number;
  readSeconds: number;
  analyseSeconds: number;
  edges: number;
  conditional: number;
  findings: number;
  evaluateCalls: number;
  peakRssMb: number;
  heapMb: number;
}

type Mode = 'trust' | 'escalate';

/** Child mode: analyse one input folder and print one JSON line. */
async function one(mode: Mode, label: string, dir: string): Promise<void> {
  const read = await measure(() => readSnapshot([dir]));
  const model = read.result.model;
  // Escalation builds on the trust edges: those are computed first, outside the measurement.
  const trust = mode === 'escalate' ? analyseTrust(model) : undefined;
  const analysed = await measure(async () => {
    if (trust) {
      const esc = analyseEscalation(model, { snapshotContext: trust.context, canAssume: trust.edges });
      const findings = escalationFindings(esc);
      return {
        stats: { ...esc.stats, conditionalEdges: esc.edges.filter((e) => e.conditions.length > 0).length },
        findings: findings.length,
        edges: esc.edges.length,
      };
    }
    const t = analyseTrust(model);
    const findings = trustFindings(model, { context: t.context, trusts: t.trusts });
    return { stats: t.stats, findings: findings.length, edges: t.edges.length };
  });
  const s = analysed.result.stats as unknown as Record<string, number>;
  const out: OneResult = {
    input: label,
    roles: model.roles.length,
    principals: model.roles.length + model.users.length,
    readSeconds: read.seconds,
    analyseSeconds: analysed.seconds,
    edges: analysed.result.edges,
    conditional: s.conditionalEdges ?? 0,
    findings: analysed.result.findings,
    evaluateCalls: s.evaluateCalls ?? 0,
    peakRssMb: Math.max(read.peakRssMb, analysed.peakRssMb),
    heapMb: analysed.heapUsedMb,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

export async function run(args: string[], mode: Mode = 'trust'): Promise<void> {
  if (args[0] === '--one') return one(args[1] as Mode, args[2]!, args[3]!);
  if (args.includes('--pipeline')) return runPipeline(args);
  const rolesArg = args[args.indexOf('--roles') + 1];
  const sizes =
    args.includes('--roles') && rolesArg ? rolesArg.split(',').map(Number) : [1_000, 10_000, 100_000];
  const log = (l: string) => process.stderr.write(l + '\n');
  const inputs = [
    { label: 'demo organization', dir: path.join(projectRoot, 'test', 'fixtures', 'demo-org'), temp: false },
  ];
  for (const roles of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iamatlas-analyze-${roles}-`));
    log(`generating an organization of ${roles} roles...`);
    await writeOrganization(dir, { roles, seed: 7 });
    inputs.push({ label: `generated, ${roles} roles`, dir, temp: true });
  }
  const rows: Record<string, string | number>[] = [];
  for (const input of inputs) {
    log(`analysing ${input.label}...`);
    const child = inOwnProcess(self, ['--one', mode, input.label, input.dir]);
    if (input.temp) fs.rmSync(input.dir, { recursive: true, force: true });
    if (child.status !== 0) {
      log(child.stderr);
      throw new Error(`analysis of ${input.label} failed`);
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as OneResult;
    rows.push({
      input: r.input,
      roles: r.roles,
      principals: r.principals,
      'read s': r.readSeconds.toFixed(2),
      'analyse s': r.analyseSeconds.toFixed(2),
      [mode === 'trust' ? 'CAN_ASSUME' : 'CAN_ESCALATE_TO']: r.edges,
      conditional: r.conditional,
      findings: r.findings,
      'evaluate calls': r.evaluateCalls,
      'µs/role': Math.round((r.analyseSeconds * 1e6) / Math.max(r.roles, 1)),
      'peak RSS MB': Math.round(r.peakRssMb),
    });
  }
  process.stdout.write(
    `\n${mode === 'trust' ? 'Trust analysis' : 'Escalation analysis, after trust'} (engine only; ${os.cpus().length} cores, Node ${process.version})\n`,
  );
  process.stdout.write(table(rows) + '\n');
}

if (process.argv[1] === self) {
  await run(process.argv.slice(2));
}
