/** `iamatlas serve`: the GraphQL API and the page, until Ctrl-C. */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { atlasHome } from '../db/paths.ts';
import { CliError, EXIT, say } from './output.ts';
import type { WithDriver } from './commands/common.ts';

export interface ServeOptions {
  port?: string;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  behindHttpsProxy?: boolean;
  signInRole?: string;
}

const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

/**
 * Off this machine, sessions and tokens must not cross the network in clear: a non-loopback
 * --host needs TLS here (--tls-cert and --tls-key) or a reverse proxy that terminates it
 * (--behind-https-proxy); either way the session cookie is then marked Secure. Inside a container
 * (IAMATLAS_ALLOW_CONTAINER_HOST=1) the wildcard address is expected: the container setup publishes
 * the port on the host's loopback only, so nothing crosses the network.
 */
function transport(
  host: string,
  opts: ServeOptions,
  inContainer: boolean,
): { tls?: { cert: Buffer; key: Buffer }; secure: boolean } {
  if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey))
    throw new CliError('--tls-cert and --tls-key go together: give both PEM files, or neither.', EXIT.usage);
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (opts.tlsCert && opts.tlsKey) {
    try {
      tls = { cert: fs.readFileSync(opts.tlsCert), key: fs.readFileSync(opts.tlsKey) };
    } catch (err) {
      throw new CliError(`Cannot read the TLS files: ${(err as Error).message}`, EXIT.usage);
    }
  }
  if (!LOOPBACK_HOSTS.includes(host) && !tls && !opts.behindHttpsProxy && !inContainer)
    throw new CliError(
      `--host ${host} makes the API reachable from other machines, and tokens and session cookies would cross the network unencrypted. ` +
        'Give --tls-cert FILE --tls-key FILE to serve HTTPS, or --behind-https-proxy when a reverse proxy in front terminates TLS; ' +
        'or leave --host out to serve this machine only.',
      EXIT.usage,
    );
  return { tls, secure: Boolean(tls) || Boolean(opts.behindHttpsProxy) };
}

function parseRole(v: string | undefined): 'reader' | 'reviewer' {
  const role = v ?? 'reader';
  if (role !== 'reader' && role !== 'reviewer')
    throw new CliError(`--sign-in-role must be reader or reviewer, not "${role}".`, EXIT.usage);
  return role;
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parsePort(v: string | undefined): number {
  const n = Number(v ?? 4000);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`--port must be a number from 0 to 65535 (0: any free port), not "${v}".`, EXIT.usage);
  return n;
}

/**
 * What `serve` says about the address it listens on: nothing on loopback; in a
 * container (IAMATLAS_ALLOW_CONTAINER_HOST=1, whose published port the
 * container setup binds to the host's loopback) that this is expected; else how it is
 * reached from other machines and which names it answers to.
 */
export function hostNotice(
  host: string,
  inContainer: boolean,
  reach: { tls: boolean; allowedHosts: string[] },
): string | undefined {
  if (LOOPBACK_HOSTS.includes(host)) return undefined;
  if (inContainer)
    return `Listening on ${host} inside the container (IAMATLAS_ALLOW_CONTAINER_HOST=1); publish the port on the host's loopback only, as docker-compose.yml does.`;
  return (
    `Listening on ${host}, reachable from other machines${reach.tls ? ' over HTTPS' : ' (behind an HTTPS proxy)'}; every request needs a token. ` +
    `Names it answers to besides loopback: ${reach.allowedHosts.join(', ') || 'none (set IAMATLAS_API_ALLOWED_HOSTS)'}.`
  );
}

/** Serves until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serve(driver: Driver, opts: ServeOptions): Promise<void> {
  const port = parsePort(opts.port);
  const host = opts.host ?? '127.0.0.1';
  const signInRole = parseRole(opts.signInRole);
  // The server stack (express, graphql-yoga, the page build) loads only when serving,
  // so that every other command starts fast; in production mode unless NODE_ENV says otherwise.
  await import('../api/production-mode.ts');
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
  const inContainer = env.data.IAMATLAS_ALLOW_CONTAINER_HOST === '1';
  const { tls, secure } = transport(host, opts, inContainer);
  const tokens = setupTokens(atlasHome(), {
    reader: env.data.IAMATLAS_API_TOKEN,
    reviewer: env.data.IAMATLAS_REVIEWER_TOKEN,
  });
  await applyReviewSchema(driver);
  // The page is built on first serve (and again when its sources change), so a clone needs no extra step.
  const uiDir = await ensureUiBuilt(say);
  const e = env.data;
  const defaults = apiConfig({ tokens: tokens.check }).limits;
  // The address served is a name the server answers to (the wildcard addresses are not names).
  const boundName = ['0.0.0.0', '::', ...LOOPBACK_HOSTS].includes(host)
    ? []
    : [host.includes(':') ? `[${host}]` : host];
  const config = apiConfig({
    tokens: tokens.check,
    uiDir,
    corsOrigins: list(e.IAMATLAS_API_CORS_ORIGINS),
    allowedHosts: [...boundName, ...list(e.IAMATLAS_API_ALLOWED_HOSTS)],
    secureCookies: secure,
    ...(e.IAMATLAS_API_INDEX_SNAPSHOTS !== undefined
      ? { indexSnapshots: e.IAMATLAS_API_INDEX_SNAPSHOTS }
      : {}),
    limits: {
      ...defaults,
      queryTimeoutMs: e.IAMATLAS_API_QUERY_TIMEOUT_MS ?? defaults.queryTimeoutMs,
      requestTimeoutMs: e.IAMATLAS_API_REQUEST_TIMEOUT_MS ?? defaults.requestTimeoutMs,
      maxExpensive: e.IAMATLAS_API_MAX_EXPENSIVE ?? defaults.maxExpensive,
      expensiveQueue: e.IAMATLAS_API_EXPENSIVE_QUEUE ?? defaults.expensiveQueue,
    },
  });
  let running;
  try {
    running = await startServer({ driver, config, host, port, tls });
  } catch (err) {
    throw new CliError(`Cannot listen on ${host}:${port}: ${(err as Error).message}`, EXIT.failure);
  }
  if (tokens.created.length) {
    say('API tokens created (shown only this once; stored hashed in ' + tokens.file + '):');
    for (const t of tokens.created) say(`  ${t.role.padEnd(8)} ${t.token}`);
    say('Send one as "Authorization: Bearer TOKEN". Reviewer tokens may also write review sessions.');
  }
  const notice = hostNotice(host, inContainer, { tls: Boolean(tls), allowedHosts: config.allowedHosts });
  if (notice) say(notice);
  const publicUrl = e.IAMATLAS_PUBLIC_URL?.replace(/\/+$/, '') ?? running.url;
  say(`IAM Atlas API on ${running.url}/graphql (Ctrl-C to stop).`);
  // The latest snapshot's reachability index is built now, in the background, not on the first question.
  void running.app.cache.prepareLatest().catch(() => {});
  const login = running.app.auth.issueLoginToken(signInRole);
  say(
    `The sign-in URL below works once, within ${Math.round(config.signInTtlMs / 60_000)} minutes, and signs in as ${signInRole}` +
      (signInRole === 'reader' ? ' (--sign-in-role reviewer for review rights).' : '.'),
  );
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
    .option('--host <host>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
    .option('--tls-cert <file>', 'PEM certificate (chain): serve HTTPS (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key of --tls-cert')
    .option(
      '--behind-https-proxy',
      'a reverse proxy in front terminates TLS (allows a non-loopback --host without --tls-cert; cookies are Secure)',
    )
    .option(
      '--sign-in-role <role>',
      'role of the printed one-time sign-in URL: reader or reviewer',
      'reader',
    );
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
