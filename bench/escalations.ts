/**
 * `escalations` without `from` (every path to admin, as `iamatlas query escalations`
 * lists them) on a generated account dense with escalation grants
 * (bench/escalation-account.ts), through the query layer: the listing over one
 * walk from all sources, cut by the stored hopsToAdmin, against a walk per
 * source (how the listing was answered before), and whether both give the same
 * answer.
 *
 *   npm run bench -- escalations [--users 250] [--roles 250] [--seed 1] [--max-hops 3] [--runs 3] [--keep]
 *
 * --max-hops defaults to the command line's default. The account is ingested
 * as snapshot `bench-escalations-<users>-<roles>-<seed>` and deleted afterwards
 * unless --keep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../db/connection.ts';
import { applySchema, deleteSnapshotData, listSnapshots } from '../ingest/load/snapshots.ts';
import { DEFAULT_MAX_HOPS } from '../query/args.ts';
import type { EscalationsInput } from '../query/arg-schemas.ts';
import type { Source } from '../query/cache.ts';
import {
  assumeOnlySources,
  escalationPathsByFullWalk,
  escalationResult,
  escalations,
  escalationSources,
  type EscalationResult,
} from '../query/escalation.ts';
import { ensureSnapshot } from './api-load.ts';
import { writeEscalationAccount } from './escalation-account.ts';
import { measure, table } from './measure.ts';

const log = (l: string) => process.stderr.write(l + '\n');

/** The listing as a full walk per source gives it: every source in turn, its paths shortest first. */
export async function perSourceEscalations(
  source: Source,
  snapshotId: string,
  input: EscalationsInput,
): Promise<EscalationResult[]> {
  const maxHops = input.maxHops ?? 4;
  const assumptions = input.assumptions ? { assumptions: input.assumptions } : {};
  const sources = await escalationSources(source, snapshotId);
  if (input.includeAssumeOnly) {
    const extra = await assumeOnlySources(source, snapshotId, { maxHops, ...assumptions });
    sources.push(...extra.filter((k) => !sources.includes(k)));
  }
  const out: EscalationResult[] = [];
  for (const from of sources) {
    const { paths } = await escalationPathsByFullWalk(source, snapshotId, {
      from,
      maxHops,
      includeAssumeOnly: input.includeAssumeOnly === true,
      ...(input.limit ? { limit: input.limit } : {}),
      ...assumptions,
    });
    out.push(...paths.map((p) => escalationResult(from, 'admin', p)));
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(args: string[]): Promise<void> {
  const num = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const n = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive whole number`);
    return n;
  };
  const users = num('users', 250);
  const roles = num('roles', 250);
  const seed = num('seed', 1);
  const runs = num('runs', 3);
  const maxHops = num('max-hops', DEFAULT_MAX_HOPS);
  const { driver } = await connect(log);
  const name = `bench-escalations-${users}-${roles}-${seed}`;
  const existed = (await listSnapshots(driver)).some((s) => s.name === name);
  let snapshotId: string | undefined;
  try {
    await applySchema(driver);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-bench-escalations-'));
    try {
      snapshotId = await ensureSnapshot(driver, name, async () => {
        await writeEscalationAccount(dir, { users, roles, seed });
        return dir;
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const snap = snapshotId;
    const input = { maxHops };
    const rows: Record<string, string | number>[] = [];
    const answers: EscalationResult[][] = [];
    for (const [label, list] of [
      ['one walk from all sources', () => escalations(driver, snap, input)],
      ['a walk per source', () => perSourceEscalations(driver, snap, input)],
    ] as const) {
      const seconds: number[] = [];
      let answer: EscalationResult[] = [];
      for (let i = 0; i < runs; i++) {
        const m = await measure(list);
        seconds.push(m.seconds);
        answer = m.result;
        log(`  ${label}: ${m.seconds.toFixed(2)} s`);
      }
      answers.push(answer);
      rows.push({
        listing: label,
        paths: answer.length,
        sources: new Set(answer.map((r) => r.from)).size,
        'median s': median(seconds).toFixed(2),
        'min s': Math.min(...seconds).toFixed(2),
        'max s': Math.max(...seconds).toFixed(2),
      });
    }
    const same = JSON.stringify(answers[0]) === JSON.stringify(answers[1]);
    process.stdout.write(
      `escalations (every path to admin, max ${maxHops} hops) on ${users} users + ${roles} roles, seed ${seed}, ` +
        `snapshot ${snap}, ${runs} runs each\n${table(rows)}\nsame answer: ${same ? 'yes' : 'NO'}\n`,
    );
  } finally {
    if (snapshotId && !existed && !args.includes('--keep')) await deleteSnapshotData(driver, snapshotId);
    await driver.close();
  }
}
