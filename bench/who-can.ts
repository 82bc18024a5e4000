/**
 * `whoCan` on a generated organization: how long "who can make this request?"
 * takes through the query layer (as the CLI and the API run it), per action.
 *
 *   npm run bench -- who-can [--roles 100000] [--keep]
 *
 * The organization (seed 42, as `bench -- api` uses) is ingested once as
 * snapshot `bench-api-<roles>` and reused when present; --keep leaves it
 * loaded. Each request runs twice: `cold` is the first run in this process,
 * `warm` the second. `candidates` are the principals the action index
 * selected for evaluation, `allowed` those the evaluator allowed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { whoCan, type WhoCanArgs, type WhoCanResult } from '../query/index.ts';
import { connect } from '../db/connection.ts';
import { applySchema, deleteSnapshotData, listSnapshots } from '../ingest/load/snapshots.ts';
import { ensureSnapshot } from './api-load.ts';
import { writeOrganization } from './generate.ts';
import { measure, table } from './measure.ts';

const log = (l: string) => process.stderr.write(l + '\n');

export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--roles');
  const roles = i >= 0 ? Number(args[i + 1]) : 100_000;
  if (!Number.isInteger(roles) || roles < 1) throw new Error('--roles takes a positive whole number');
  const { driver } = await connect(log);
  const name = `bench-api-${roles}`;
  const existed = (await listSnapshots(driver)).some((s) => s.name === name);
  let snapshotId: string | undefined;
  try {
    await applySchema(driver);
    let generated: string | undefined;
    try {
      snapshotId = await ensureSnapshot(driver, name, async () => {
        generated = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-bench-who-can-'));
        log(`generating an organization of ${roles} roles in ${generated} ...`);
        await writeOrganization(generated, { roles, seed: 42 });
        return generated;
      });
    } finally {
      if (generated) fs.rmSync(generated, { recursive: true, force: true });
    }
    const snap = snapshotId;
    const rows: Record<string, string | number>[] = [];
    const time = async (label: string, req: WhoCanArgs): Promise<WhoCanResult> => {
      const cold = await measure(() => whoCan(driver, snap, req));
      const warm = await measure(() => whoCan(driver, snap, req));
      const r = warm.result;
      rows.push({
        request: label,
        candidates: r.candidates,
        allowed: r.total,
        ...(req.viaRoles ? { 'via roles': r.viaRoles?.total ?? 0 } : { 'via roles': '-' }),
        'cold s': cold.seconds.toFixed(2),
        'warm s': warm.seconds.toFixed(2),
      });
      log(`  ${label}: ${cold.seconds.toFixed(2)} s cold, ${warm.seconds.toFixed(2)} s warm`);
      return r;
    };
    const s3 = await time('s3:GetObject on a bucket object', {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bench-bucket/data.csv',
    });
    const someRole = s3.principals.find((p) => p.principal.type === 'Role');
    if (!someRole?.principal.accountId) throw new Error('no role may read the bucket: nothing to go on');
    const account = someRole.principal.accountId;
    await time('iam:CreateUser in one account', {
      action: 'iam:CreateUser',
      resource: `arn:aws:iam::${account}:user/new-user`,
    });
    await time('kms:Decrypt on one key', {
      action: 'kms:Decrypt',
      resource: `arn:aws:kms:eu-west-1:${account}:key/11111111-2222-3333-4444-555555555555`,
    });
    await time('sts:AssumeRole on one role', { action: 'sts:AssumeRole', resource: someRole.principal.arn });
    await time('iam:CreateUser, --via-roles', {
      action: 'iam:CreateUser',
      resource: `arn:aws:iam::${account}:user/new-user`,
      viaRoles: true,
    });
    process.stdout.write(`whoCan on ${roles} roles (snapshot ${snap})\n${table(rows)}\n`);
  } finally {
    if (snapshotId && !existed && !args.includes('--keep')) await deleteSnapshotData(driver, snapshotId);
    await driver.close();
  }
}
