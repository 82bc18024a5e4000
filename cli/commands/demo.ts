/** `iamatlas demo`: the bundled demo organization (test/fixtures/demo-org), loaded as the one demo snapshot. */
import path from 'node:path';
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { statement } from '../../cypher/index.ts';
import { projectRoot } from '../../db/paths.ts';
import type { IngestResult } from '../../ingest/pipeline.ts';
import { deleteSnapshotData } from '../../ingest/load/snapshots.ts';
import { printJson } from '../output.ts';
import { text } from '../render.ts';
import type { WithDriver } from './common.ts';
import { render as renderIngest, runIngest } from './ingest.ts';

export const DEMO_ORG_DIR = path.join(projectRoot, 'test', 'fixtures', 'demo-org');

/**
 * Loads the bundled demo organization and keeps only the newest demo snapshot. Demo snapshots
 * are marked as such when loaded: a user's own snapshot named "demo" is not the demo, and stays.
 */
export async function loadDemo(driver: Driver, json?: boolean): Promise<IngestResult> {
  const res = await runIngest(driver, [DEMO_ORG_DIR], { name: 'demo', json });
  await driver.executeQuery(statement('snapshots/demo', 'demo-mark'), { id: res.snapshotId });
  const older = await driver.executeQuery(statement('snapshots/demo', 'demo-others'), {
    keep: res.snapshotId,
  });
  for (const r of older.records) await deleteSnapshotData(driver, String(r.get('id')));
  return res;
}

/** What `demo` prints on stderr after the load: the load's summary and where to go next. */
export function render(res: IngestResult): string {
  return (
    renderIngest(res) +
    text([
      '',
      'The demo organization is loaded. Explore it with `bin/iamatlas snapshots list` and `bin/iamatlas query --help`.',
    ])
  );
}

export function register(program: Command, withDriver: WithDriver): void {
  program
    .command('demo')
    .description('Start the local Neo4j if needed and load the bundled demo organization')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDriver(async (driver) => {
        const res = await loadDemo(driver, opts.json);
        if (opts.json) printJson(res);
        else process.stderr.write(render(res));
      });
    });
}
