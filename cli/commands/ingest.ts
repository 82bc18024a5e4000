/**
 * `iamatlas ingest`: AWS exports in, one new snapshot out. The summary of a
 * load (and its warnings) goes to stderr, so `--json` output stays clean.
 */
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import type { IngestResult } from '../../ingest/pipeline.ts';
import { formatProblem, type InputProblem } from '../../ingest/read/problems.ts';
import { LoadAborted } from '../../ingest/load/errors.ts';
import { snapshotNameProblem } from '../../ingest/load/snapshot-name.ts';
import { CliError, EXIT, printJson, progress, say } from '../output.ts';
import { text } from '../render.ts';
import type { WithDriver } from './common.ts';

export interface IngestOpts {
  name?: string;
  json?: boolean;
  quiet?: boolean;
  /** Settles when the database is ready for the load's writes (cli/driver.ts withDriver's `checked`). */
  databaseReady?: Promise<unknown>;
}

/** Checks --name; a name a snapshot cannot have is a usage error. */
export function parse(opts: IngestOpts): IngestOpts {
  const problem = opts.name === undefined ? undefined : snapshotNameProblem(opts.name);
  if (problem) throw new CliError(`--name: ${problem}.`, EXIT.usage);
  return opts;
}

/** What a load prints: the snapshot, what the input held, and the graph's nodes and relationships. */
export function render(res: IngestResult): string {
  const i = res.input;
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return text([
    '',
    `Snapshot ${res.snapshotId}${res.name !== res.snapshotId ? ` ("${res.name}")` : ''} loaded.`,
    `  ${i.accounts} accounts, ${i.users} users, ${i.groups} groups, ${i.roles} roles, ` +
      `${i.managedPolicies} managed + ${i.inlinePolicies} inline policies, ${i.instanceProfiles} instance profiles, ` +
      `${i.identityProviders} identity providers, ${i.organizationalUnits} OUs, ${i.organizationPolicies} SCPs/RCPs` +
      (i.resources > 0 ? `, ${i.resources} resources` : ''),
    `  graph nodes: ${counts(res.counts.nodes)}`,
    `  graph relationships: ${counts(res.counts.relationships)}`,
  ]);
}

/** The warnings of a load: the first 20, then how many more (all of them are in --json output). */
export function renderWarnings(warnings: readonly InputProblem[]): string {
  if (warnings.length === 0) return '';
  return text([
    `${warnings.length} warning(s):`,
    ...warnings.slice(0, 20).map((w) => `  ${formatProblem(w)}`),
    ...(warnings.length > 20
      ? [`  ... and ${warnings.length - 20} more (all of them in --json output)`]
      : []),
  ]);
}

export function printIngest(res: IngestResult): void {
  process.stderr.write(render(res));
}

/** Loads `paths` as a new snapshot, with progress, Ctrl-C that removes the partial load, and input errors named. */
export async function runIngest(driver: Driver, paths: string[], opts: IngestOpts): Promise<IngestResult> {
  parse(opts);
  let aborted = false;
  const onSigint = () => {
    if (aborted) process.exit(EXIT.interrupted);
    aborted = true;
    say('\nInterrupted: removing the partly loaded snapshot (press Ctrl-C again to quit at once)...');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const bar = await progress(!opts.quiet);
  // Loaded on demand so that `db` and `snapshots` commands start fast.
  const { ingestPaths } = await import('../../ingest/pipeline.ts');
  const { InputError } = await import('../../ingest/read/index.ts');
  try {
    const res = await ingestPaths(driver, paths, {
      name: opts.name,
      ...(opts.databaseReady ? { databaseReady: opts.databaseReady } : {}),
      onStage: (l) => {
        bar.stop();
        if (!opts.quiet) say(l);
      },
      onProgress: (label, done, total) => bar.update(label, done, total),
      shouldAbort: () => aborted,
    });
    bar.stop();
    // Warnings go to stderr even with --json, so a script's log shows them too.
    process.stderr.write(renderWarnings(res.warnings));
    return res;
  } catch (err) {
    if (err instanceof LoadAborted)
      throw new CliError('Ingest interrupted; nothing of it was kept.', EXIT.interrupted);
    if (err instanceof InputError) {
      throw new CliError(
        `The input is not valid; nothing was loaded.\n${err.message}\nFix the files above and run the ingest again.`,
        EXIT.badInput,
      );
    }
    throw err;
  } finally {
    bar.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

export function register(program: Command, withDriver: WithDriver): void {
  program
    .command('ingest')
    .description(
      'Load AWS exports (authorization details, organization.json, provider lists) as a new snapshot',
    )
    .argument('<paths...>', 'folders or files of AWS export output')
    .option('--name <name>', 'a name for the snapshot')
    .option('--json', 'print the snapshot id and counts as JSON')
    .action(async (paths: string[], opts: { name?: string; json?: boolean }) => {
      parse(opts);
      // The pipeline (the readers and the engine) loads while the database connects; its failure,
      // if any, is reported where runIngest imports it.
      import('../../ingest/pipeline.ts').catch(() => undefined);
      // The input is read and analysed while the database's schema is checked; the load waits for the check.
      await withDriver(
        async (driver, checked) => {
          const res = await runIngest(driver, paths, { ...opts, databaseReady: checked });
          if (opts.json) printJson(res);
          else printIngest(res);
        },
        { writesAfterCheck: true },
      );
    });
}
