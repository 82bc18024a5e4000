/** `iamatlas demo`: the bundled demo organization (test/fixtures/demo-org) with its people (demo-people), loaded as the one demo snapshot. */
import path from 'node:path';
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { statement } from '../../cypher/index.ts';
import { projectRoot } from '../../db/paths.ts';
import type { IngestResult } from '../../ingest/pipeline.ts';
import { printJson } from '../output.ts';
import { text } from '../render.ts';
import type { WithDriver } from './common.ts';
import { render as renderIngest, runIngest } from './ingest.ts';

export const DEMO_ORG_DIR = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
/** The demo organization's people: IAM Identity Center and credential reports (its README explains them). */
export const DEMO_PEOPLE_DIR = path.join(projectRoot, 'test', 'fixtures', 'demo-people');
/** What `demo` and `start` load: the organization with its people, as one snapshot. */
export const DEMO_PATHS = [DEMO_ORG_DIR, DEMO_PEOPLE_DIR];

/**
 * Loads the bundled demo organization with its people and keeps only the newest demo snapshot. Demo snapshots
 * are marked as such when loaded: a user's own snapshot named "demo" is not the demo, and stays.
 */
export async function loadDemo(driver: Driver, json?: boolean): Promise<IngestResult> {
  const res = await runIngest(driver, DEMO_PATHS, { name: 'demo', json });
  await driver.executeQuery(statement('snapshots/demo', 'demo-mark'), { id: res.snapshotId });
  const older = await driver.executeQuery(statement('snapshots/demo', 'demo-others'), {
    keep: res.snapshotId,
  });
  const { deleteSnapshotData } = await import('../../ingest/load/snapshots.ts');
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
    .description(
      'Start the local Neo4j if needed and load the bundled demo organization with its people (IAM Identity Center)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDriver(async (driver) => {
        const res = await loadDemo(driver, opts.json);
        if (opts.json) printJson(res);
        else process.stderr.write(render(res));
      });
    });
}
