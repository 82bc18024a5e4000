/**
 * plan-check against a generated organization: the time per phase of the
 * incremental check (scope, load, analyse) for two generated plans (a widely
 * attached managed policy gaining iam:PassRole and Lambda; a trust change that
 * removes a path), and of the full analysis with --full.
 *
 * `npm run bench -- plan-check --roles N [--accounts N] [--account-index I] [--full]`
 * ingests a generated organization (seed 42) and deletes it afterwards;
 * `--snapshot NAME` reuses a snapshot ingested from the same generated
 * organization (`tsx bench/generate.ts --roles N --accounts N --seed 42`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../db/connection.ts';
import { parseFailOn } from '../engine/plan/gate.ts';
import { applySchema, deleteSnapshotData, resolveSnapshot } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { parsePlanText } from '../ingest/read/plan/index.ts';
import { planCheckSnapshot } from '../query/plan-check.ts';
import { writeOrganization, type GenerateOptions } from './generate.ts';
import { measure, table } from './measure.ts';
import { generatedPlans } from './plan.ts';

const SEED = 42;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<void> {
  const roles = Number(option(args, 'roles') ?? 10_000);
  const accounts = option(args, 'accounts');
  const opts: GenerateOptions = { roles, seed: SEED, ...(accounts ? { accounts: Number(accounts) } : {}) };
  const accountIndex = Number(option(args, 'account-index') ?? 3);
  const log = (l: string) => process.stderr.write(l + '\n');
  const { driver, target } = await connect(log);
  let ingested: string | undefined;
  try {
    let snapshot: { id: string; name: string };
    const reuse = option(args, 'snapshot');
    if (reuse) {
      const s = await resolveSnapshot(driver, reuse);
      snapshot = { id: s.id, name: s.name };
    } else {
      await applySchema(driver);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iamatlas-bench-plan-${roles}-`));
      try {
        log(`generating an organization of ${roles} roles in ${dir}`);
        await writeOrganization(dir, opts);
        log('ingesting it...');
        const m = await measure(() => ingestPaths(driver, [dir], { name: `bench-plan-${Date.now()}` }));
        log(`ingested in ${m.seconds.toFixed(1)} s`);
        ingested = m.result.snapshotId;
        snapshot = { id: m.result.snapshotId, name: m.result.name };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const g = generatedPlans(opts, accountIndex);
    log(
      `account ${g.accountId}: ${g.widePolicy.policyArn} (attached to ${g.widePolicy.holders}), trust of ${g.trustRemoved.roleArn}`,
    );
    const rows: Record<string, string | number>[] = [];
    const modes = args.includes('--full') ? [false, true] : [false];
    for (const [label, plan] of [
      ['widely attached policy', g.widePolicy.plan],
      ['trust removes a path', g.trustRemoved.plan],
    ] as const) {
      for (const full of modes) {
        log(`plan-check: ${label}${full ? ' (full analysis)' : ''}...`);
        const m = await measure(() =>
          planCheckSnapshot(parsePlanText(JSON.stringify(plan), `${label}.json`), driver, {
            rules: parseFailOn('new-admin-path'),
            snapshot,
            full,
          }),
        );
        const a = m.result.analysis;
        const d = m.result.diff;
        rows.push({
          plan: label,
          mode: a?.mode ?? '?',
          principals: `${a?.principals ?? '?'}/${a?.total ?? '?'}`,
          'scope s': a?.phases.scope.toFixed(1) ?? '',
          'load s': a?.phases.load.toFixed(1) ?? '',
          'analyse s': a?.phases.analyse.toFixed(1) ?? '',
          'total s': m.seconds.toFixed(1),
          'edges +/-': `${d.assume.added.length + d.escalate.added.length}/${d.assume.removed.length + d.escalate.removed.length}`,
          'admin paths +/-': `${d.adminPaths.addedTotal}/${d.adminPaths.removedTotal}`,
          'peak RSS MB': Math.round(m.peakRssMb),
        });
        if (a?.mode === 'full' && !full) log(`  full analysis ran: ${a.reason}`);
      }
    }
    process.stdout.write(
      `\nplan-check on snapshot ${snapshot.name} (${roles} roles, Neo4j at ${target.uri}, ${os.cpus().length} cores)\n`,
    );
    process.stdout.write(table(rows) + '\n');
  } finally {
    if (ingested) await deleteSnapshotData(driver, ingested);
    await driver.close();
  }
}
