/**
 * Ingest throughput: rows (nodes + relationships) written per second, on the demo
 * organization and on generated organizations. `npm run bench -- ingest [--roles N,N]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../db/connection.ts';
import { projectRoot } from '../db/paths.ts';
import { applySchema, cleanupAbandoned, deleteSnapshotData } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { writeOrganization } from './generate.ts';
import { measure, table } from './measure.ts';

function sum(o: Record<string, number>): number {
  return Object.values(o).reduce((a, b) => a + b, 0);
}

export async function run(args: string[]): Promise<void> {
  const rolesArg = args[args.indexOf('--roles') + 1];
  const sizes = args.includes('--roles') && rolesArg ? rolesArg.split(',').map(Number) : [10_000];
  const log = (l: string) => process.stderr.write(l + '\n');
  const { driver, target } = await connect(log);
  await applySchema(driver);
  await cleanupAbandoned(driver);
  const rows: Record<string, string | number>[] = [];
  const inputs: { label: string; dir: string; temp: boolean }[] = [
    { label: 'demo organization', dir: path.join(projectRoot, 'test', 'fixtures', 'demo-org'), temp: false },
  ];
  for (const roles of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iamatlas-bench-${roles}-`));
    log(`generating an organization of ${roles} roles in ${dir}`);
    await writeOrganization(dir, { roles, seed: 42 });
    inputs.push({ label: `generated, ${roles} roles`, dir, temp: true });
  }
  try {
    for (const input of inputs) {
      log(`ingesting ${input.label}...`);
      const m = await measure(() => ingestPaths(driver, [input.dir], { name: `bench-${Date.now()}` }));
      const written = sum(m.result.counts.nodes) + sum(m.result.counts.relationships);
      rows.push({
        input: input.label,
        roles: m.result.input.roles,
        principals: m.result.input.roles + m.result.input.users,
        'rows written': written,
        seconds: m.seconds.toFixed(2),
        'rows/s': Math.round(written / m.seconds),
        'peak RSS MB': Math.round(m.peakRssMb),
      });
      await deleteSnapshotData(driver, m.result.snapshotId);
      if (input.temp) fs.rmSync(input.dir, { recursive: true, force: true });
    }
  } finally {
    await driver.close();
  }
  process.stdout.write(`\nIngest throughput (Neo4j at ${target.uri}, ${os.cpus().length} cores)\n`);
  process.stdout.write(table(rows) + '\n');
}
