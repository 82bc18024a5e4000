/** `iamatlas db start|stop|status`: the local Neo4j, used when NEO4J_URI is not set. */
import type { Command } from 'commander';
import type { LocalServerInfo, LocalServerStatus } from '../../db/local-server.ts';
import { localServerPaths, type LocalServerPaths } from '../../db/paths.ts';
import { CliError, EXIT, printJson, say } from '../output.ts';
import { jsonText } from '../render.ts';

type Paths = Pick<LocalServerPaths, 'dataDir' | 'passwordFile'>;

/** A server's details without its password. */
function withoutPassword(info: LocalServerInfo): Omit<LocalServerInfo, 'password'> {
  const { password: _pw, ...pub } = info;
  return pub;
}

/** `db start --json`: the server's details (never its password), and where the password file is. */
export function startJson(info: LocalServerInfo, alreadyRunning: boolean, passwordFile: string): object {
  return { ...withoutPassword(info), alreadyRunning, passwordFile };
}

/** What `db status` prints on stdout: one line, or with --json the state and where things are. */
export function renderStatus(
  st: LocalServerStatus,
  p: Paths,
  { json, neo4jUri }: { json?: boolean; neo4jUri?: string },
): string {
  if (json) {
    const base = { state: st.state, dataDir: p.dataDir, passwordFile: p.passwordFile, neo4jUri };
    if (st.state === 'running') return jsonText({ ...base, ...withoutPassword(st.info) });
    return jsonText({ ...base, ...(st.state === 'stopped' ? { reason: st.reason } : { pid: st.pid }) });
  }
  if (st.state === 'running')
    return `running: pid ${st.info.pid}, ${st.info.uri}, user neo4j, password in ${p.passwordFile}, data in ${p.dataDir}\n`;
  if (st.state === 'starting') return `starting: pid ${st.pid}\n`;
  return `stopped (${st.reason})\n`;
}

/** The server and settings modules, loaded when a db command runs, not when any command starts. */
const server = () => import('../../db/local-server.ts');
const settings = async () => (await import('../../db/settings.ts')).readSettings();

async function warnIfRemote(): Promise<void> {
  const s = await settings();
  if (s.NEO4J_URI)
    say(`Note: NEO4J_URI is set (${s.NEO4J_URI}); other commands use that server, not the local one.`);
}

export function register(program: Command): void {
  const db = program
    .command('db')
    .description('Manage the local Neo4j server (used when NEO4J_URI is not set)');
  db.command('start')
    .description('Start the local Neo4j (downloads its jars through Maven the first time)')
    .option('--json', 'print the server details as JSON')
    .action(async (opts: { json?: boolean }) => {
      await warnIfRemote();
      const { info, alreadyRunning } = await (await server()).startLocalServer(say);
      if (opts.json) printJson(startJson(info, alreadyRunning, localServerPaths().passwordFile));
      else if (alreadyRunning) say(`The local Neo4j is already running (pid ${info.pid}, ${info.uri}).`);
    });
  db.command('stop')
    .description('Stop the local Neo4j')
    .action(async () => {
      const stopped = await (await server()).stopLocalServer(say);
      if (!stopped) say('The local Neo4j is not running.');
    });
  db.command('status')
    .description('Report whether the local Neo4j is running (exit 0 when running, 1 when not)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: { json?: boolean }) => {
      const st = await (await server()).localServerStatus();
      const { NEO4J_URI } = await settings();
      process.stdout.write(renderStatus(st, localServerPaths(), { json: opts.json, neo4jUri: NEO4J_URI }));
      if (NEO4J_URI) say(`Note: NEO4J_URI is set, so other commands use ${NEO4J_URI}, not this server.`);
      if (st.state !== 'running') throw new CliError('', EXIT.failure);
    });
}
