/** `iamatlas serve`: the GraphQL API and the page, until Ctrl-C. */
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { atlasHome } from '../db/paths.ts';
import { CliError, EXIT, say } from './output.ts';
import type { WithDriver } from './query.ts';

export interface ServeOptions {
  port?: string;
  host?: string;
}

function parsePort(v: string | undefined): number {
  const n = Number(v ?? 4000);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`--port must be a number from 0 to 65535 (0: any free port), not "${v}".`, EXIT.usage);
  return n;
}

const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];

/**
 * What `serve` says about the address it listens on: nothing on loopback; in a
 * container (IAMATLAS_ALLOW_CONTAINER_HOST=1, whose published port the
 * container setup binds to the host's loopback) that this is expected; else a warning.
 */
export function hostNotice(host: string, inContainer: boolean): string | undefined {
  if (LOOPBACK.includes(host)) return undefined;
  if (inContainer)
    return `Listening on ${host} inside the container (IAMATLAS_ALLOW_CONTAINER_HOST=1); publish the port on the host's loopback only, as docker-compose.yml does.`;
  return `Warning: listening on ${host}, reachable from other machines. Every request still needs a token.`;
}

/** Serves until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serve(driver: Driver, opts: ServeOptions): Promise<void> {
  const port = parsePort(opts.port);
  const host = opts.host ?? '127.0.0.1';
  // The server stack (express, graphql-yoga, the page build) loads only when serving,
  // so that every other command starts fast.
  const [
    { apiConfig, serveEnvSchema },
    { applyReviewSchema },
    { startServer },
    { ensureUiBuilt },
    { setupTokens },
  ] = await Promise.all([
    import('../api/config.ts'),
    import('../api/reviews.ts'),
    import('../api/server.ts'),
    import('../ui/build.ts'),
    import('../api/tokens.ts'),
  ]);
  const env = serveEnvSchema.safeParse(process.env);
  if (!env.success)
    throw new CliError(
      env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'),
      EXIT.usage,
    );
  const tokens = setupTokens(atlasHome(), {
    reader: env.data.IAMATLAS_API_TOKEN,
    reviewer: env.data.IAMATLAS_REVIEWER_TOKEN,
  });
  await applyReviewSchema(driver);
  // The page is built on first serve (and again when its sources change), so a clone needs no extra step.
  const uiDir = await ensureUiBuilt(say);
  const config = apiConfig({
    tokens: tokens.check,
    uiDir,
    corsOrigins: (env.data.IAMATLAS_API_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(env.data.IAMATLAS_API_INDEX_SNAPSHOTS !== undefined
      ? { indexSnapshots: env.data.IAMATLAS_API_INDEX_SNAPSHOTS }
      : {}),
    ...(env.data.IAMATLAS_API_QUERY_TIMEOUT_MS
      ? {
          limits: {
            ...apiConfig({ tokens: tokens.check }).limits,
            queryTimeoutMs: env.data.IAMATLAS_API_QUERY_TIMEOUT_MS,
          },
        }
      : {}),
  });
  let running;
  try {
    running = await startServer({ driver, config, host, port });
  } catch (err) {
    throw new CliError(`Cannot listen on ${host}:${port}: ${(err as Error).message}`, EXIT.failure);
  }
  if (tokens.created.length) {
    say('API tokens created (shown only this once; stored hashed in ' + tokens.file + '):');
    for (const t of tokens.created) say(`  ${t.role.padEnd(8)} ${t.token}`);
    say('Send one as "Authorization: Bearer TOKEN". Reviewer tokens may also write review sessions.');
  }
  const notice = hostNotice(host, env.data.IAMATLAS_ALLOW_CONTAINER_HOST === '1');
  if (notice) say(notice);
  const publicUrl = env.data.IAMATLAS_PUBLIC_URL?.replace(/\/+$/, '') ?? running.url;
  say(`IAM Atlas API on ${running.url}/graphql (Ctrl-C to stop).`);
  // The latest snapshot's reachability index is built now, in the background, not on the first question.
  void running.app.cache.prepareLatest().catch(() => {});
  const login = running.app.auth.issueLoginToken('reviewer');
  process.stdout.write(`open ${publicUrl}/?token=${login}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      say('Stopping: finishing running requests...');
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function addServeOptions(cmd: Command): Command {
  return cmd
    .option('--port <port>', 'port to listen on (0: any free port)', '4000')
    .option('--host <host>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1');
}

export function registerServeCommand(program: Command, withDriver: WithDriver): void {
  addServeOptions(
    program
      .command('serve')
      .description('Serve the GraphQL API and the web page (starts the local Neo4j if NEO4J_URI is not set)'),
  ).action(async (opts: ServeOptions) => {
    await withDriver((driver) => serve(driver, opts));
  });
}
