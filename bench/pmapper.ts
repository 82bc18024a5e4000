/**
 * IAM Atlas against PMapper (Principal Mapper, https://github.com/nccgroup/PMapper)
 * on the same account, on the same machine, in the same run: PMapper's
 * `graph create` and its privilege-escalation query (`query 'preset privesc *'`)
 * against IAM Atlas's `ingest` and `query escalations --json`, each a whole
 * process, timed from start to exit.
 *
 *   npm run bench -- pmapper [--users 250] [--roles 250] [--seed 1] [--runs 1]
 *                            [--pmapper CMD] [--out FILE] [--keep]
 *
 * The account is bench/escalation-account.ts's (one get-account-authorization-details
 * file). PMapper gathers from the AWS API, so the file is served by the local AWS
 * endpoint of the collector's tests (a worker thread, bench/collect-server.ts) and
 * PMapper is pointed at it with its `--localstack-endpoint` option; it calls every
 * Region of EC2, Lambda, CloudFormation, CodeBuild, Auto Scaling, S3, SNS, SQS, KMS
 * and Secrets Manager, which answer with empty lists. Its graph goes to a throwaway
 * directory (PMAPPER_STORAGE). IAM Atlas loads the same file into Neo4j (NEO4J_URI
 * and the rest as for any command) under a snapshot the run deletes afterwards.
 *
 * PMapper is not a dependency: install it yourself (`pip install principalmapper==1.1.5`)
 * so that `pmapper` is on PATH, or name the command with --pmapper, for example
 * `--pmapper "python3 -m principalmapper"`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../db/paths.ts';
import { writeEscalationAccount } from './escalation-account.ts';
import { table } from './measure.ts';

const PMAPPER_VERSION = '1.1.5';
const INSTALL = [
  `PMapper ${PMAPPER_VERSION} is needed for this benchmark and was not found.`,
  `Install it (Python 3.6 to 3.9: release ${PMAPPER_VERSION} imports collections.Mapping, which Python 3.10 removed):  pip install principalmapper==${PMAPPER_VERSION}`,
  'then run again with `pmapper` on PATH, or name the command: --pmapper "python3 -m principalmapper".',
].join('\n');

interface Ran {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunResult {
  run: number;
  loadBefore: number[];
  /** The 1-minute load average as each timed step started. */
  load1m: { graph: number; privesc: number; ingest: number; escalations: number };
  pmapper: { graphSeconds: number; querySeconds: number; nodes?: number; admins?: number; edges?: number };
  iamatlas: { ingestSeconds: number; querySeconds: number };
  /** Principals each tool says can reach an administrator, administrators themselves left out. */
  canReachAdmin: {
    pmapper: number;
    iamatlas: number; /** With --include-assume-only --max-hops 8: PMapper follows paths of any length, plain role chains included. */
    iamatlasAnyPath: number;
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function whole(args: string[], name: string, fallback: number): number {
  const n = Number(option(args, name) ?? fallback);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} takes a whole number above 0, not ${option(args, name)}`);
  return n;
}

/** Runs a command to its exit, timing it; ENOENT and the like come back as code null. */
function timed(command: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const done = (code: number | null, error?: Error) =>
      resolve({
        seconds: (performance.now() - started) / 1000,
        code,
        stdout,
        stderr: stderr + (error?.message ?? ''),
      });
    child.on('error', (e) => done(null, e));
    child.on('close', (code) => done(code));
  });
}

function mustSucceed(what: string, ran: Ran): Ran {
  if (ran.code !== 0)
    throw new Error(`${what} failed (exit ${ran.code}):\n${(ran.stderr || ran.stdout).trim().slice(-2000)}`);
  return ran;
}

/** The account id of the account file (its first principal's ARN). */
function accountOf(file: string): string {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { UserDetailList?: { Arn: string }[] };
  const arn = json.UserDetailList?.[0]?.Arn ?? '';
  return arn.split(':')[4] ?? '';
}

/** Distinct sources of `query escalations --json` paths. */
function escalationSources(json: string): number {
  const parsed = JSON.parse(json) as unknown;
  const paths = (Array.isArray(parsed) ? parsed : ((parsed as { paths?: unknown[] }).paths ?? [])) as {
    from: string;
  }[];
  return new Set(paths.map((p) => p.from)).size;
}

export async function run(args: string[]): Promise<void> {
  const users = whole(args, '--users', 250);
  const roles = whole(args, '--roles', 250);
  const seed = Number(option(args, '--seed') ?? 1);
  const runs = whole(args, '--runs', 1);
  const pmapper = (option(args, '--pmapper') ?? 'pmapper').split(/\s+/).filter(Boolean);
  const out = option(args, '--out') ?? path.join('test-artifacts', 'bench', 'pmapper.json');
  const keep = args.includes('--keep');
  const log = (l: string) => process.stderr.write(l + '\n');

  const probe = await timed([...pmapper, '--help'], process.env);
  if (probe.code !== 0) {
    process.stderr.write(
      `${INSTALL}\n(\`${pmapper.join(' ')} --help\` ${probe.code === null ? 'could not start' : `exited ${probe.code}`}: ${probe.stderr.trim().split('\n').pop() ?? ''})\n`,
    );
    process.exitCode = 1;
    return;
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), 'iamatlas-bench-pmapper-'));
  const file = await writeEscalationAccount(path.join(dir, 'account'), { users, roles, seed });
  const account = accountOf(file);
  log(`account ${account}: ${users} users, ${roles} roles (seed ${seed}) -> ${file}`);
  const caller = { accessKeyId: 'AKIABENCHCALLER00001', secretAccessKey: 'bench-secret-not-a-real-key' };
  const entry = new URL('./collect-server.ts', import.meta.url).href;
  const server = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { detailsFile: file, latencyMs: 0, caller } },
  );
  const results: RunResult[] = [];
  const iamatlas = [process.execPath, path.join(projectRoot, 'bin', 'iamatlas')];
  try {
    const [{ url }] = (await once(server, 'message')) as [{ url: string }];
    for (let n = 1; n <= runs; n++) {
      const storage = path.join(dir, `pmapper-storage-${n}`);
      fs.mkdirSync(storage);
      // No profile or config file of the user's: only the endpoint's own key, as a fresh shell would have.
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        AWS_ACCESS_KEY_ID: caller.accessKeyId,
        AWS_SECRET_ACCESS_KEY: caller.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials'),
        PMAPPER_STORAGE: storage,
      };
      delete env.AWS_PROFILE;
      delete env.AWS_SESSION_TOKEN;
      const loadBefore = os.loadavg();
      log(`run ${n}/${runs}: load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
      const load1m = { graph: os.loadavg()[0]!, privesc: 0, ingest: 0, escalations: 0 };
      log('  pmapper graph create ...');
      const graph = mustSucceed(
        'pmapper graph create',
        await timed([...pmapper, 'graph', 'create', '--localstack-endpoint', url], env),
      );
      log(`  ${graph.seconds.toFixed(1)} s; pmapper query 'preset privesc *' ...`);
      load1m.privesc = os.loadavg()[0]!;
      const privesc = mustSucceed(
        'pmapper query',
        await timed([...pmapper, '--account', account, 'query', 'preset privesc *'], env),
      );
      const summary = /# of Nodes:\s+(\d+) \((\d+) admins\)[\s\S]*# of Edges:\s+(\d+)/.exec(graph.stdout);
      const snapshot = `bench-pmapper-${process.pid}-${n}`;
      log(`  ${privesc.seconds.toFixed(1)} s; iamatlas ingest ...`);
      load1m.ingest = os.loadavg()[0]!;
      const ingest = mustSucceed(
        'iamatlas ingest',
        await timed([...iamatlas, 'ingest', path.dirname(file), '--name', snapshot], process.env),
      );
      try {
        log(`  ${ingest.seconds.toFixed(1)} s; iamatlas query escalations --json ...`);
        load1m.escalations = os.loadavg()[0]!;
        const listing = mustSucceed(
          'iamatlas query escalations',
          await timed([...iamatlas, 'query', 'escalations', '--json', '--snapshot', snapshot], process.env),
        );
        log(
          `  ${listing.seconds.toFixed(1)} s; the same with --include-assume-only --max-hops 8 (untimed, for the counts) ...`,
        );
        const withAssume = mustSucceed(
          'iamatlas query escalations --include-assume-only --max-hops 8',
          await timed(
            [
              ...iamatlas,
              'query',
              'escalations',
              '--json',
              '--include-assume-only',
              '--max-hops',
              '8',
              '--snapshot',
              snapshot,
            ],
            process.env,
          ),
        );
        results.push({
          run: n,
          loadBefore,
          load1m,
          pmapper: {
            graphSeconds: graph.seconds,
            querySeconds: privesc.seconds,
            ...(summary
              ? { nodes: Number(summary[1]), admins: Number(summary[2]), edges: Number(summary[3]) }
              : {}),
          },
          iamatlas: { ingestSeconds: ingest.seconds, querySeconds: listing.seconds },
          canReachAdmin: {
            pmapper: (
              privesc.stdout.match(/ can escalate privileges by accessing the administrative principal /g) ??
              []
            ).length,
            iamatlas: escalationSources(listing.stdout),
            iamatlasAnyPath: escalationSources(withAssume.stdout),
          },
        });
      } finally {
        if (!keep)
          mustSucceed(
            'iamatlas snapshots delete',
            await timed([...iamatlas, 'snapshots', 'delete', snapshot], process.env),
          );
      }
    }
  } finally {
    await server.terminate();
    if (!keep) await rm(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }

  const total = (r: RunResult) => ({
    pmapper: r.pmapper.graphSeconds + r.pmapper.querySeconds,
    iamatlas: r.iamatlas.ingestSeconds + r.iamatlas.querySeconds,
  });
  process.stdout.write(
    `PMapper ${PMAPPER_VERSION} (\`${pmapper.join(' ')}\`) against IAM Atlas, ${users} users + ${roles} roles, whole processes:\n` +
      table(
        results.map((r) => ({
          run: r.run,
          'load 1m at each step': Object.values(r.load1m)
            .map((l) => l.toFixed(1))
            .join('/'),
          'pmapper graph s': r.pmapper.graphSeconds.toFixed(1),
          'pmapper privesc s': r.pmapper.querySeconds.toFixed(1),
          'atlas ingest s': r.iamatlas.ingestSeconds.toFixed(1),
          'atlas escalations s': r.iamatlas.querySeconds.toFixed(1),
          ratio: `${(total(r).pmapper / total(r).iamatlas).toFixed(1)}x`,
        })),
      ) +
      '\n' +
      results
        .map(
          (r) =>
            `run ${r.run}: PMapper ${r.pmapper.nodes ?? '?'} nodes (${r.pmapper.admins ?? '?'} admins), ${r.pmapper.edges ?? '?'} edges; ` +
            `can reach an administrator: PMapper ${r.canReachAdmin.pmapper}, IAM Atlas ${r.canReachAdmin.iamatlas} ` +
            `(${r.canReachAdmin.iamatlasAnyPath} with --include-assume-only --max-hops 8)`,
        )
        .join('\n') +
      '\n',
  );
  fs.mkdirSync(path.dirname(path.resolve(projectRoot, out)), { recursive: true });
  fs.writeFileSync(
    path.resolve(projectRoot, out),
    JSON.stringify(
      {
        bench: 'pmapper',
        pmapper: { version: PMAPPER_VERSION, command: pmapper },
        users,
        roles,
        seed,
        startedAt: new Date().toISOString(),
        results,
      },
      null,
      1,
    ) + '\n',
  );
  log(`wrote ${out}`);
}
