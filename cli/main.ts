/** The `iamatlas` command line. */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { connect } from '../db/connection.ts';
import {
  LocalServerError,
  localServerStatus,
  startLocalServer,
  stopLocalServer,
} from '../db/local-server.ts';
import { localServerPaths, projectRoot } from '../db/paths.ts';
import { readSettings, SettingsError } from '../db/settings.ts';
import type { IngestResult } from '../ingest/pipeline.ts';
import { formatProblem } from '../ingest/read/problems.ts';
import { LoadAborted } from '../ingest/load/loader.ts';
import { snapshotNameProblem } from '../ingest/load/snapshot-name.ts';
import { statement } from '../cypher/index.ts';
import {
  applySchema,
  cleanupAbandoned,
  deleteSnapshotData,
  listSnapshots,
  SnapshotNotFound,
} from '../ingest/load/snapshots.ts';
import { CliError, EXIT, printJson, progress, say } from './output.ts';
import { registerCollectCommand } from './commands/collect.ts';
import { registerQueryCommands } from './commands/query.ts';
import { register as registerPlanCheckCommand } from './commands/plan-check.ts';
import { addServeOptions, registerServeCommand, serve, type ServeOptions } from './serve.ts';

export const DEMO_ORG_DIR = path.join(projectRoot, 'test', 'fixtures', 'demo-org');

/** Connects (starting the local Neo4j when needed), applies the schema and clears dead loads. */
export async function withDriver<T>(fn: (driver: Driver) => Promise<T>): Promise<T> {
  let driver: Driver;
  try {
    ({ driver } = await connect(say));
  } catch (err) {
    if (err instanceof LocalServerError || err instanceof SettingsError)
      throw new CliError(err.message, EXIT.database);
    throw new CliError((err as Error).message, EXIT.database);
  }
  try {
    await applySchema(driver);
    const removed = await cleanupAbandoned(driver);
    for (const r of removed)
      say(
        r.was === 'deleting'
          ? `Finished deleting snapshot ${r.id}: an earlier delete was interrupted.`
          : `Removed snapshot ${r.id}: its ingest did not finish.`,
      );
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

function printIngest(res: IngestResult): void {
  say('');
  say(`Snapshot ${res.snapshotId}${res.name !== res.snapshotId ? ` ("${res.name}")` : ''} loaded.`);
  const i = res.input;
  say(
    `  ${i.accounts} accounts, ${i.users} users, ${i.groups} groups, ${i.roles} roles, ` +
      `${i.managedPolicies} managed + ${i.inlinePolicies} inline policies, ${i.instanceProfiles} instance profiles, ` +
      `${i.identityProviders} identity providers, ${i.organizationalUnits} OUs, ${i.organizationPolicies} SCPs/RCPs`,
  );
  const nodes = Object.entries(res.counts.nodes)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const rels = Object.entries(res.counts.relationships)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  say(`  graph nodes: ${nodes}`);
  say(`  graph relationships: ${rels}`);
}

async function runIngest(
  driver: Driver,
  paths: string[],
  opts: { name?: string; json?: boolean; quiet?: boolean },
): Promise<IngestResult> {
  const nameProblem = opts.name === undefined ? undefined : snapshotNameProblem(opts.name);
  if (nameProblem) throw new CliError(`--name: ${nameProblem}.`, EXIT.usage);
  let aborted = false;
  const onSigint = () => {
    if (aborted) process.exit(EXIT.interrupted);
    aborted = true;
    say('\nInterrupted: removing the partly loaded snapshot (press Ctrl-C again to quit at once)...');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const bar = progress(!opts.quiet);
  // Loaded on demand so that `db` and `snapshots` commands start fast.
  const { ingestPaths } = await import('../ingest/pipeline.ts');
  const { InputError } = await import('../ingest/read/index.ts');
  try {
    const res = await ingestPaths(driver, paths, {
      name: opts.name,
      onStage: (l) => {
        bar.stop();
        if (!opts.quiet) say(l);
      },
      onProgress: (label, done, total) => bar.update(label, done, total),
      shouldAbort: () => aborted,
    });
    bar.stop();
    // Warnings go to stderr even with --json, so a script's log shows them too.
    if (res.warnings.length) {
      say(`${res.warnings.length} warning(s):`);
      for (const w of res.warnings.slice(0, 20)) say(`  ${formatProblem(w)}`);
      if (res.warnings.length > 20)
        say(`  ... and ${res.warnings.length - 20} more (all of them in --json output)`);
    }
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

/**
 * Loads the bundled demo organization and keeps only the newest demo snapshot. Demo snapshots
 * are marked as such when loaded: a user's own snapshot named "demo" is not the demo, and stays.
 */
async function loadDemo(driver: Driver, json?: boolean): Promise<IngestResult> {
  const res = await runIngest(driver, [DEMO_ORG_DIR], { name: 'demo', json });
  await driver.executeQuery(statement('snapshots/demo', 'demo-mark'), { id: res.snapshotId });
  const older = await driver.executeQuery(statement('snapshots/demo', 'demo-others'), {
    keep: res.snapshotId,
  });
  for (const r of older.records) await deleteSnapshotData(driver, String(r.get('id')));
  return res;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('iamatlas')
    .description('IAM Atlas: who can become whom across AWS accounts, with evidence.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('demo')
    .description('Start the local Neo4j if needed and load the bundled demo organization')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDriver(async (driver) => {
        const res = await loadDemo(driver, opts.json);
        if (opts.json) printJson(res);
        else {
          printIngest(res);
          say('');
          say(
            'The demo organization is loaded. Explore it with `bin/iamatlas snapshots list` and `bin/iamatlas query --help`.',
          );
        }
      });
    });

  program
    .command('ingest')
    .description(
      'Load AWS exports (authorization details, organization.json, provider lists) as a new snapshot',
    )
    .argument('<paths...>', 'folders or files of AWS export output')
    .option('--name <name>', 'a name for the snapshot')
    .option('--json', 'print the snapshot id and counts as JSON')
    .action(async (paths: string[], opts: { name?: string; json?: boolean }) => {
      await withDriver(async (driver) => {
        const res = await runIngest(driver, paths, opts);
        if (opts.json) printJson(res);
        else printIngest(res);
      });
    });

  const db = program
    .command('db')
    .description('Manage the local Neo4j server (used when NEO4J_URI is not set)');
  db.command('start')
    .description('Start the local Neo4j (downloads its jars through Maven the first time)')
    .option('--json', 'print the server details as JSON')
    .action(async (opts: { json?: boolean }) => {
      warnIfRemote();
      const { info, alreadyRunning } = await startLocalServer(say);
      const { password: _pw, ...pub } = info;
      if (opts.json) printJson({ ...pub, alreadyRunning, passwordFile: localServerPaths().passwordFile });
      else if (alreadyRunning) say(`The local Neo4j is already running (pid ${info.pid}, ${info.uri}).`);
    });
  db.command('stop')
    .description('Stop the local Neo4j')
    .action(async () => {
      const stopped = await stopLocalServer(say);
      if (!stopped) say('The local Neo4j is not running.');
    });
  db.command('status')
    .description('Report whether the local Neo4j is running (exit 0 when running, 1 when not)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: { json?: boolean }) => {
      const st = await localServerStatus();
      const p = localServerPaths();
      const settings = readSettings();
      if (opts.json) {
        const base = {
          state: st.state,
          dataDir: p.dataDir,
          passwordFile: p.passwordFile,
          neo4jUri: settings.NEO4J_URI,
        };
        if (st.state === 'running') {
          const { password: _pw, ...pub } = st.info;
          printJson({ ...base, ...pub });
        } else printJson({ ...base, ...(st.state === 'stopped' ? { reason: st.reason } : { pid: st.pid }) });
      } else if (st.state === 'running') {
        process.stdout.write(
          `running: pid ${st.info.pid}, ${st.info.uri}, user neo4j, password in ${p.passwordFile}, data in ${p.dataDir}\n`,
        );
      } else if (st.state === 'starting') process.stdout.write(`starting: pid ${st.pid}\n`);
      else process.stdout.write(`stopped (${st.reason})\n`);
      if (settings.NEO4J_URI)
        say(`Note: NEO4J_URI is set, so other commands use ${settings.NEO4J_URI}, not this server.`);
      if (st.state !== 'running') throw new CliError('', EXIT.failure);
    });

  const snapshots = program.command('snapshots').description('List and delete loaded snapshots');
  snapshots
    .command('list')
    .description('List complete snapshots, newest first')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDriver(async (driver) => {
        const list = await listSnapshots(driver);
        if (opts.json) return printJson(list);
        if (list.length === 0) return say('No snapshots yet. Run `iamatlas ingest PATH` or `iamatlas demo`.');
        for (const s of list) {
          const n = s.counts?.nodes ?? {};
          process.stdout.write(
            `${s.id}  ${s.name.padEnd(20)}  ${s.createdAt}  ${n.Account ?? 0} accounts, ${n.Role ?? 0} roles, ${n.User ?? 0} users\n`,
          );
        }
      });
    });
  snapshots
    .command('delete')
    .description('Delete snapshots by id or name')
    .argument('<refs...>', 'snapshot ids or names')
    .option('--json', 'print what was deleted as JSON')
    .action(async (refs: string[], opts: { json?: boolean }) => {
      await withDriver(async (driver) => {
        const all = await listSnapshots(driver);
        const targets = refs.map((ref) => {
          const found = all.filter((s) => s.id === ref || s.name === ref);
          if (found.length === 0) throw new SnapshotNotFound(`No snapshot with id or name "${ref}".`);
          return found;
        });
        const deleted: string[] = [];
        for (const s of targets.flat()) {
          await deleteSnapshotData(driver, s.id);
          deleted.push(s.id);
          if (!opts.json) say(`Deleted ${s.id} (${s.name}).`);
        }
        if (opts.json) printJson({ deleted });
      });
    });

  registerQueryCommands(program, withDriver);
  registerPlanCheckCommand(program, withDriver);
  registerServeCommand(program, withDriver);
  registerCollectCommand(program, { withDriver, ingest: runIngest, printIngest });

  addServeOptions(
    program
      .command('start')
      .description('Load the demo organization (as `demo` does), then serve the API and the page'),
  ).action(async (opts: ServeOptions) => {
    await withDriver(async (driver) => {
      printIngest(await loadDemo(driver));
      await serve(driver, opts);
    });
  });
  return program;
}

function warnIfRemote(): void {
  const s = readSettings();
  if (s.NEO4J_URI)
    say(`Note: NEO4J_URI is set (${s.NEO4J_URI}); other commands use that server, not the local one.`);
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
