/**
 * What every query command shares: --snapshot and --json, and `run`, which
 * resolves the snapshot, calls the query function, maps the query layer's
 * errors to exit codes with what to do next, and prints what `render` returns.
 */
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { NotInSnapshotError, QueryInputError } from '../../query/errors.ts';
import type { DatabaseCheck, SnapshotInfo } from '../../ingest/load/snapshots.ts';
import { CliError, EXIT } from '../output.ts';
import type { RenderOptions } from '../render.ts';

/**
 * cli/driver.ts withDriver: `fn` with a connected driver; `checked` settles when the database is
 * ready for writes, with what the check found (the complete snapshots too, with `listSnapshots`).
 */
export type WithDriver = <T>(
  fn: (driver: Driver, checked: Promise<DatabaseCheck>) => Promise<T>,
  opts?: { readOnly?: boolean; writesAfterCheck?: boolean; listSnapshots?: { sources: boolean } },
) => Promise<T>;

/** The query layer, loaded on first use, so that other commands start without it (and the engine behind it). */
export const queries = () => import('../../query/index.ts');
export type Queries = Awaited<ReturnType<typeof queries>>;

/** The queries' argument schemas, loaded when a command checks its options (zod is not needed to start). */
export const argSchemas = () => import('../../query/arg-schemas.ts');

export interface Common {
  snapshot?: string;
  json?: boolean;
}

export function addCommon(cmd: Command): Command {
  return cmd
    .option('--snapshot <id>', 'snapshot id or name (default: the latest complete snapshot)')
    .option('--json', 'print the result as JSON');
}

/**
 * Runs one query and prints `render(result, {json, snapshot})`. `load` loads the part of the
 * query layer the query uses (default: all of it); a command that needs one module of it
 * starts faster without the rest (the engine, the plan readers).
 */
export async function run<T, Q = Queries>(
  withDriver: WithDriver,
  opts: Common,
  query: (q: Q, driver: Driver, snapshot: SnapshotInfo) => Promise<T>,
  render: (result: T, options: RenderOptions) => string | Iterable<string>,
  load: () => Promise<Q> = queries as unknown as () => Promise<Q>,
): Promise<void> {
  await withDriver(
    async (driver) => {
      const { resolveSnapshot } = await import('../../ingest/load/snapshots.ts');
      // The query layer loads while the snapshot is looked up.
      const [snapshot, q] = await Promise.all([resolveSnapshot(driver, opts.snapshot), load()]);
      let result: T;
      try {
        result = await query(q, driver, snapshot);
      } catch (err) {
        if (err instanceof QueryInputError) throw new CliError(err.message, EXIT.usage);
        if (err instanceof NotInSnapshotError)
          throw new CliError(
            `${err.message}\nCheck the ARN, or query another snapshot with --snapshot ID (see \`iamatlas snapshots list\`).`,
            EXIT.notFound,
          );
        throw err;
      }
      await write(render(result, { json: opts.json === true, snapshot }));
    },
    { readOnly: true },
  );
}

/** Writes the text, or its pieces in turn (waiting while the output is full). */
async function write(out: string | Iterable<string>): Promise<void> {
  if (typeof out === 'string') {
    process.stdout.write(out);
    return;
  }
  for (const piece of out)
    if (!process.stdout.write(piece)) await new Promise((done) => process.stdout.once('drain', done));
}
