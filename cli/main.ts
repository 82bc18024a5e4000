/** The `iamatlas` command line: its commands (one per file under commands/) and how errors end it. */
import { Command, CommanderError } from 'commander';
import { LocalServerError, SettingsError } from '../db/errors.ts';
import { SnapshotNotFound } from '../ingest/load/errors.ts';
import { CliError, EXIT, say } from './output.ts';
import { withDriver } from './driver.ts';
import { registerCollectCommand } from './commands/collect.ts';
import * as db from './commands/db.ts';
import * as demo from './commands/demo.ts';
import * as ingest from './commands/ingest.ts';
import { registerQueryCommands } from './commands/query.ts';
import * as planCheck from './commands/plan-check.ts';
import * as snapshots from './commands/snapshots.ts';
import * as start from './commands/start.ts';
import { registerServeCommand } from './serve.ts';

export { DEMO_ORG_DIR, DEMO_PATHS, DEMO_PEOPLE_DIR } from './commands/demo.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('iamatlas')
    .description('IAM Atlas: who can become whom across AWS accounts, with evidence.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  // In the order `iamatlas --help` lists them.
  demo.register(program, withDriver);
  ingest.register(program, withDriver);
  db.register(program);
  snapshots.register(program, withDriver);
  registerQueryCommands(program, withDriver);
  planCheck.register(program, withDriver);
  registerServeCommand(program, withDriver);
  registerCollectCommand(program, {
    withDriver,
    ingest: ingest.runIngest,
    printIngest: ingest.printIngest,
  });
  start.register(program, withDriver);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      if (err.message) say(`Error: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof SnapshotNotFound) {
      say(`Error: ${err.message}`);
      return EXIT.notFound;
    }
    if (err instanceof LocalServerError || err instanceof SettingsError) {
      say(`Error: ${err.message}`);
      return EXIT.database;
    }
    say(`Error: ${(err as Error).message ?? String(err)}`);
    if (process.env.IAMATLAS_DEBUG) say((err as Error).stack ?? '');
    return EXIT.failure;
  }
}
