/**
 * `iamatlas query ...`: questions about a loaded snapshot, answered by the
 * query layer in query/ (the same functions the GraphQL API calls).
 * Human output by default; `--json` prints the query function's result as is.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
// Constants and error classes only; the query layer (and the engine behind it) is loaded when
// a query runs, so that other commands start without it.
import { DEFAULT_MAX_HOPS, MAX_HOPS } from '../query/args.ts';
import { ASSUMPTION_NAMES, type Assumptions } from '../query/assumptions.ts';
import { NotInSnapshotError, QueryInputError } from '../query/errors.ts';
import type { ConditionOut, Hop, NodeRef } from '../query/graph.ts';
import type { EvaluationOutcome, ReachEntry } from '../query/index.ts';
import type { ContextValue, StatementRef } from '../engine/types.ts';
import type { SnapshotInfo } from '../ingest/load/snapshots.ts';

/** The query layer, loaded on first use. */
const queries = () => import('../query/index.ts');
import { CliError, EXIT, printJson } from './output.ts';

export type WithDriver = <T>(fn: (driver: Driver) => Promise<T>) => Promise<T>;

const out = (line = ''): void => {
  process.stdout.write(line + '\n');
};

// ---------------------------------------------------------------------------
// Parsing options at the edge
// ---------------------------------------------------------------------------

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const intOption = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number from ${min} to ${max}` })
    .int(`${name} must be a whole number from ${min} to ${max}`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

function option<T>(schema: z.ZodType<T>, value: unknown): T {
  const res = schema.safeParse(value);
  if (!res.success) throw new CliError(res.error.issues.map((i) => i.message).join('; '), EXIT.usage);
  return res.data;
}

/** `--context KEY=VALUE`: true/false become booleans, other values stay strings (the engine coerces), a repeated key becomes a list. */
export function parseContext(pairs: readonly string[] = []): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new CliError(
        `--context "${pair}" is not KEY=VALUE. Example: --context aws:MultiFactorAuthPresent=true`,
        EXIT.usage,
      );
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    const value = raw === 'true' ? true : raw === 'false' ? false : raw;
    const prev = context[key];
    context[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return context;
}

function readSessionPolicy(file: string | undefined): Record<string, unknown> | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `Cannot read the session policy file ${file}: ${(err as Error).message}`,
      EXIT.badInput,
    );
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a JSON object');
    return doc as Record<string, unknown>;
  } catch (err) {
    throw new CliError(
      `The session policy file ${file} is not a JSON policy document (${(err as Error).message}). ` +
        'It should look like {"Version": "2012-10-17", "Statement": [...]}.',
      EXIT.badInput,
    );
  }
}

/** `--without NAME`: assume the caller cannot satisfy conditions of that kind (edges needing them are dropped). */
function parseAssumptions(names: readonly string[] = []): Assumptions | undefined {
  if (names.length === 0) return undefined;
  const a: Assumptions = {};
  for (const name of names.flatMap((n) => n.split(','))) {
    if (name === 'all') {
      for (const n of ASSUMPTION_NAMES) a[n] = false;
      continue;
    }
    const known = ASSUMPTION_NAMES.find((n) => n.toLowerCase() === name.trim().toLowerCase());
    if (!known)
      throw new CliError(
        `--without "${name}" is not an assumption. Use one of ${ASSUMPTION_NAMES.join(', ')}, or all.`,
        EXIT.usage,
      );
    a[known] = false;
  }
  return a;
}

// ---------------------------------------------------------------------------
// Human output
// ---------------------------------------------------------------------------

const EQUALS = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'Bool',
  'NumericEquals',
  'ArnEquals',
  'DateEquals',
]);

export function formatCondition(c: ConditionOut): string {
  const op = c.operator.replace(/IfExists$/, '');
  const shown = EQUALS.has(op) ? '=' : op === 'StringLike' || op === 'ArnLike' ? 'like' : c.operator;
  const values = c.values.length ? ` ${c.values.join(' | ')}` : '';
  return c.mustHold ? `[needs ${c.key} ${shown}${values}]` : `[needs NOT ${c.key} ${shown}${values}]`;
}

const conditionText = (cs: readonly ConditionOut[]): string =>
  cs.length ? ' ' + cs.map(formatCondition).join(' ') : '';

function hopLine(h: Hop): string {
  const flags = [h.mechanism, h.crossAccount ? 'cross-account' : 'same account'];
  if (h.roleChaining) flags.push('role chaining');
  return `    → ${h.to}  (${flags.join(', ')})${conditionText(h.conditions)}`;
}

/** One escalation path as `query escalations --json` prints it. */
interface EscalationResult {
  from: string;
  to: string;
  length: number;
  conditional: boolean;
  hops: {
    from: string;
    to: string;
    type: string;
    method: string;
    actions: string[];
    evidence: unknown[];
    conditions: ConditionOut[];
    /** Capability chain: the changes made before `method`. */
    chain: { method: string; actions: string[]; modifies: string; evidence: unknown[] }[];
  }[];
}

/** An escalation edge that gains admin points at the account: shown as `admin:ACCOUNT`. */
const hopTarget = (e: { type: string; to: { key: string; kind?: string } } | undefined): string =>
  !e ? 'admin' : e.type === 'CAN_ESCALATE_TO' && e.to.kind === 'Account' ? `admin:${e.to.key}` : e.to.key;

const nodeLabel = (n: NodeRef): string => `${n.key} (${n.kind})`;
const hopsWord = (n: number): string => `${n} hop${n === 1 ? '' : 's'}`;

function printEntry(e: ReachEntry): void {
  out(`${nodeLabel(e.node)}  ${hopsWord(e.length)}${e.conditional ? ', conditional' : ''}`);
  for (const h of e.hops) out(hopLine(h));
}

const statementText = (e: StatementRef): string =>
  `${e.policyKind} ${e.policyId} #${e.statementIndex}${e.sid ? ` (${e.sid})` : ''}`;

/** The statements that allowed a request, each once. */
const evidenceText = (evidence: readonly StatementRef[]): string =>
  [...new Set(evidence.map(statementText))].join('; ');

function printOutcome(r: EvaluationOutcome, subject: string): void {
  const verdict =
    r.decision === 'allowed'
      ? r.conditional
        ? 'ALLOWED, if the conditions below hold'
        : 'ALLOWED'
      : r.decision === 'explicitDeny'
        ? 'DENIED (explicit deny)'
        : 'DENIED (no policy allows it)';
  out(`${verdict}: ${subject}`);
  if (r.principal.rootReading === 'root-user')
    out(
      `  evaluated as the root user of account ${r.principal.accountId ?? '?'} (the account is in the snapshot)`,
    );
  else if (r.principal.rootReading === 'any-principal')
    out(
      `  evaluated as any principal of account ${r.principal.accountId ?? '?'} (the account is not in the snapshot)`,
    );
  else if (r.principal.arn !== r.principal.input)
    out(`  evaluated as ${r.principal.arn} (${r.principal.type})`);
  if (r.contextComplete) out('  the context given is the whole request: keys not given are absent');
  if (r.referenceDate) out(`  requests made on or after ${r.referenceDate} (the snapshot's reference date)`);
  if (r.conditions.length) {
    out('Conditions:');
    for (const c of r.conditions)
      out(`  ${formatCondition(c)}  (${c.assumption}; from ${c.source?.policyId ?? '?'})`);
  }
  out('Why:');
  for (const line of r.reasons) out(`  - ${line}`);
  if (r.evidence.length) {
    out('Evidence:');
    const seen = new Set<string>();
    for (const e of r.evidence) {
      const line = `${e.effect} ${e.policyKind} ${e.policyId}, statement ${e.statementIndex}${e.sid ? ` (${e.sid})` : ''}`;
      if (seen.has(line)) continue;
      seen.add(line);
      out(`  - ${line}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

interface Common {
  snapshot?: string;
  json?: boolean;
}

/** Runs one query: resolves the snapshot, maps query errors to exit codes with what to do next. */
async function run<T>(
  withDriver: WithDriver,
  opts: Common,
  query: (driver: Driver, snapshot: SnapshotInfo) => Promise<T>,
  print: (result: T, snapshot: SnapshotInfo) => void,
): Promise<void> {
  await withDriver(async (driver) => {
    const { resolveSnapshot } = await import('../ingest/load/snapshots.ts');
    const snapshot = await resolveSnapshot(driver, opts.snapshot);
    let result: T;
    try {
      result = await query(driver, snapshot);
    } catch (err) {
      if (err instanceof QueryInputError) throw new CliError(err.message, EXIT.usage);
      if (err instanceof NotInSnapshotError)
        throw new CliError(
          `${err.message}\nCheck the ARN, or query another snapshot with --snapshot ID (see \`iamatlas snapshots list\`).`,
          EXIT.notFound,
        );
      throw err;
    }
    if (opts.json) printJson(result);
    else print(result, snapshot);
  });
}

const snapshotLabel = (s: SnapshotInfo): string => (s.name !== s.id ? `${s.id} "${s.name}"` : s.id);

function addCommon(cmd: Command): Command {
  return cmd
    .option('--snapshot <id>', 'snapshot id or name (default: the latest complete snapshot)')
    .option('--json', 'print the result as JSON');
}

const maxHopsOption = (v: unknown): number =>
  v === undefined ? DEFAULT_MAX_HOPS : option(intOption('--max-hops', 1, MAX_HOPS), v);

/** --max-hops, --limit and --without, validated, as query-layer arguments. */
function reachArgs(opts: { maxHops?: string; limit?: string; without?: string[] }, maxLimit: number) {
  const maxHops = maxHopsOption(opts.maxHops);
  const limit = opts.limit === undefined ? undefined : option(intOption('--limit', 1, maxLimit), opts.limit);
  const assumptions = parseAssumptions(opts.without);
  return { maxHops, ...(limit ? { limit } : {}), ...(assumptions ? { assumptions } : {}) };
}

export function registerQueryCommands(program: Command, withDriver: WithDriver): void {
  const query = program
    .command('query')
    .description('Ask questions about a snapshot: who can assume what, paths, simulations, findings');

  /** --context and --complete-context: the request context of a live evaluation. */
  const contextOptions = (cmd: Command): Command =>
    cmd
      .option(
        '--context <key=value>',
        'request context, e.g. aws:MultiFactorAuthPresent=true (repeatable)',
        collect,
      )
      .option(
        '--complete-context',
        'the --context given is the whole request: a request-time key not given is absent (as in AWS policy simulator), not a condition to check',
      );

  /** --principal, --context and --session-policy: what every live evaluation takes. */
  const evaluationOptions = (cmd: Command): Command =>
    addCommon(
      contextOptions(cmd)
        .requiredOption(
          '--principal <arn>',
          'user/role ARN, role session ARN, account root, service or provider ARN',
        )
        .option('--session-policy <file>', 'a session policy document (JSON file)'),
    );

  /** can-assume and simulate: the request context and session policy read, the outcome printed. */
  const evaluate = <R extends EvaluationOutcome>(
    opts: Common & { context?: string[]; completeContext?: boolean; sessionPolicy?: string },
    ask: (
      q: Awaited<ReturnType<typeof queries>>,
      driver: Driver,
      snapshotId: string,
      common: {
        context: ReturnType<typeof parseContext>;
        contextComplete?: boolean;
        sessionPolicy?: ReturnType<typeof readSessionPolicy>;
      },
    ) => Promise<R>,
    title: (r: R) => string,
  ) => {
    const context = parseContext(opts.context);
    const sessionPolicy = readSessionPolicy(opts.sessionPolicy);
    return run(
      withDriver,
      opts,
      async (driver, s) =>
        ask(await queries(), driver, s.id, {
          context,
          ...(opts.completeContext ? { contextComplete: true } : {}),
          ...(sessionPolicy ? { sessionPolicy } : {}),
        }),
      (r) => printOutcome(r, title(r)),
    );
  };

  evaluationOptions(
    query
      .command('can-assume')
      .description('Can a principal assume a role? Evaluated live, with the conditions that must hold')
      .requiredOption('--role <arn>', 'the role ARN')
      .option(
        '--action <action>',
        'sts:AssumeRole (default), sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity',
      ),
  ).action(
    async (
      opts: Common & {
        principal: string;
        role: string;
        action?: string;
        context?: string[];
        completeContext?: boolean;
        sessionPolicy?: string;
      },
    ) =>
      evaluate(
        opts,
        (q, driver, id, common) =>
          q.canAssume(driver, id, {
            principal: opts.principal,
            role: opts.role,
            ...(opts.action ? { action: opts.action } : {}),
            ...common,
          }),
        (r) => `${r.principal.input} → ${r.role} (${r.action})`,
      ),
  );

  evaluationOptions(
    query
      .command('simulate')
      .description('Evaluate one request: a principal, an action, a resource')
      .requiredOption('--action <action>', 'e.g. s3:GetObject')
      .requiredOption(
        '--resource <arn>',
        'the resource ARN; it need not exist yet, except a role for sts:AssumeRole* (its trust policy decides)',
      ),
  ).action(
    async (
      opts: Common & {
        principal: string;
        action: string;
        resource: string;
        context?: string[];
        completeContext?: boolean;
        sessionPolicy?: string;
      },
    ) =>
      evaluate(
        opts,
        (q, driver, id, common) =>
          q.simulate(driver, id, {
            principal: opts.principal,
            action: opts.action,
            resource: opts.resource,
            ...common,
          }),
        (r) => `${r.principal.input} ${r.action} on ${r.resource}`,
      ),
  );

  addCommon(
    contextOptions(
      query
        .command('who-can')
        .description(
          'Every principal (user, role, account root user) allowed to make a request (simulate in reverse), with conditions and evidence',
        )
        .requiredOption('--action <action>', 'one action, e.g. s3:GetObject')
        .requiredOption(
          '--resource <arn>',
          'the resource ARN, or * (a role ARN uses its trust policy for sts:AssumeRole*)',
        ),
    )
      .option('--via-roles', 'also list who reaches an allowed role over CAN_ASSUME, with the path')
      .option(
        '--max-hops <n>',
        `CAN_ASSUME hops --via-roles follows back (1-${MAX_HOPS})`,
        String(DEFAULT_MAX_HOPS),
      )
      .option('--limit <n>', 'list at most this many principals (each list; default 1000)'),
  ).action(
    async (
      opts: Common & {
        action: string;
        resource: string;
        context?: string[];
        completeContext?: boolean;
        viaRoles?: boolean;
        maxHops?: string;
        limit?: string;
      },
    ) => {
      const context = parseContext(opts.context);
      const maxHops = maxHopsOption(opts.maxHops);
      const limit =
        opts.limit === undefined ? undefined : option(intOption('--limit', 1, 100_000), opts.limit);
      await run(
        withDriver,
        opts,
        async (driver, s) =>
          (await queries()).whoCan(driver, s.id, {
            action: opts.action,
            resource: opts.resource,
            context,
            ...(opts.completeContext ? { contextComplete: true } : {}),
            ...(opts.viaRoles ? { viaRoles: true, maxHops } : {}),
            ...(limit ? { limit } : {}),
          }),
        (r, s) => {
          const what = `${r.action} on ${r.resource}`;
          out(
            r.total === 0
              ? `Nobody in snapshot ${snapshotLabel(s)} is allowed ${what} (${r.candidates} candidate(s) evaluated).`
              : `${r.total} principal(s) allowed ${what} (snapshot ${snapshotLabel(s)}; ${r.candidates} candidate(s) evaluated):`,
          );
          for (const p of r.principals) {
            out(`${p.principal.arn} (${p.principal.type})${conditionText(p.conditions)}`);
            out(`    allowed by: ${evidenceText(p.evidence)}`);
          }
          if (r.truncated) out(`(listed ${r.limit} of ${r.total}: raise --limit, or use --json)`);
          if (!r.viaRoles) return;
          const v = r.viaRoles;
          out('');
          out(
            v.total === 0
              ? `Nobody else reaches an allowed role within ${hopsWord(v.maxHops)}.`
              : `${v.total} more reach an allowed role over CAN_ASSUME within ${hopsWord(v.maxHops)}:`,
          );
          for (const e of v.principals) printEntry(e);
          if (v.truncated) out('(not all listed: raise --limit, or lower --max-hops)');
        },
      );
    },
  );

  const reachOptions = (cmd: Command): Command =>
    addCommon(
      cmd
        .option(
          '--max-hops <n>',
          `how many CAN_ASSUME hops to follow (1-${MAX_HOPS})`,
          String(DEFAULT_MAX_HOPS),
        )
        .option('--limit <n>', 'at most this many results')
        .option(
          '--without <assumption>',
          `assume the caller cannot satisfy these conditions and drop edges that need them: ${ASSUMPTION_NAMES.join(', ')}, all (repeatable)`,
          collect,
        ),
    );

  type ReachOpts = Common & { maxHops?: string; limit?: string; without?: string[] };

  reachOptions(
    query
      .command('who-can-assume')
      .description('Every principal that can reach a role, each with its shortest path')
      .requiredOption('--role <arn>', 'the role ARN'),
  ).action(async (opts: ReachOpts & { role: string }) => {
    const args = reachArgs(opts, 1000);
    await run(
      withDriver,
      opts,
      async (driver, s) => (await queries()).whoCanAssume(driver, s.id, { role: opts.role, ...args }),
      (r, s) => {
        if (r.principals.length === 0) {
          out(
            `Nobody can assume ${r.role.key} within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(s)}).`,
          );
          return;
        }
        out(
          `${r.principals.length} principal(s) can assume ${r.role.key} within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(s)}):`,
        );
        for (const e of r.principals) printEntry(e);
        if (r.truncated) out(`(stopped at ${r.limit} results: raise --limit or lower --max-hops)`);
      },
    );
  });

  reachOptions(
    query
      .command('reachable')
      .description('Every role a principal can reach, each with its shortest path')
      .requiredOption(
        '--from <arn>',
        'user/role ARN, role session ARN, account root, service, provider ARN, or *',
      ),
  ).action(async (opts: ReachOpts & { from: string }) => {
    const args = reachArgs(opts, 1000);
    await run(
      withDriver,
      opts,
      async (driver, s) => (await queries()).reachableFrom(driver, s.id, { principal: opts.from, ...args }),
      (r, s) => {
        if (r.roles.length === 0) {
          out(
            `${r.from.key} can assume no role within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(s)}).`,
          );
          return;
        }
        out(
          `${r.from.key} can reach ${r.roles.length} role(s) within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(s)}):`,
        );
        for (const e of r.roles) printEntry(e);
        if (r.truncated) out(`(stopped at ${r.limit} results: raise --limit or lower --max-hops)`);
      },
    );
  });

  reachOptions(
    query
      .command('paths')
      .description('Paths from one principal to a role over CAN_ASSUME edges, shortest first')
      .requiredOption('--from <arn>', 'where the paths start')
      .requiredOption('--to <arn>', 'the role they end at'),
  ).action(async (opts: ReachOpts & { from: string; to: string }) => {
    const args = reachArgs(opts, 64);
    await run(
      withDriver,
      opts,
      async (driver, s) => (await queries()).paths(driver, s.id, { from: opts.from, to: opts.to, ...args }),
      (r, s) => {
        if (r.paths.length === 0) {
          out(
            `No path from ${r.from.key} to ${r.to.key} within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(s)}).`,
          );
          return;
        }
        out(`${r.paths.length} path(s) from ${r.from.key} to ${r.to.key} (snapshot ${snapshotLabel(s)}):`);
        r.paths.forEach((p, i) => {
          out(
            `Path ${i + 1}: ${hopsWord(p.length)}${p.conditional ? ', conditional' : ''}${p.crossAccount ? ', crosses accounts' : ''}`,
          );
          out(`    ${nodeLabel(p.nodes[0]!)}`);
          for (const h of p.hops) out(hopLine(h));
        });
      },
    );
  });

  reachOptions(
    query
      .command('escalations')
      .description(
        'Privilege-escalation paths (CAN_ESCALATE_TO and CAN_ASSUME) to admin or to a chosen principal, shortest first',
      )
      .option(
        '--from <arn>',
        'where the paths start; then plain role-assumption chains to an administrator are listed too',
      )
      .option('--to <arn|admin>', 'a principal ARN, or admin (default)', 'admin')
      .option(
        '--include-assume-only',
        'without --from: also principals that reach an administrator only by assuming roles, and those plain chains',
      )
      .addHelpText(
        'after',
        [
          '',
          'Without --from, the sources are the principals an escalation-to-admin finding names, and only paths that',
          'use at least one CAN_ESCALATE_TO edge are listed: a principal that reaches an administrator just by',
          'assuming roles it is trusted to assume has that access by design (see query reachable-from) and is left',
          'out. --include-assume-only adds those principals and their plain role-assumption chains.',
          'With --from, every path is listed, plain role-assumption chains included.',
        ].join('\n'),
      ),
  ).action(async (opts: ReachOpts & { from?: string; to: string; includeAssumeOnly?: boolean }) => {
    const maxHops = opts.maxHops === undefined ? 4 : maxHopsOption(opts.maxHops);
    const limit = opts.limit === undefined ? 10 : option(intOption('--limit', 1, 64), opts.limit);
    const assumptions = parseAssumptions(opts.without);
    const includeAssumeOnly = opts.from !== undefined || opts.includeAssumeOnly === true;
    if (opts.to !== 'admin' && !/^arn:aws[\w-]*:iam::\d{12}:(user|role)\//.test(opts.to))
      throw new CliError(
        `--to must be admin or a user/role ARN such as arn:aws:iam::111111111111:role/name (got "${opts.to}")`,
        EXIT.usage,
      );
    await run(
      withDriver,
      opts,
      async (driver, s) => {
        const { assumeOnlySources, escalationPaths, escalationSources } =
          await import('../query/escalation.ts');
        const sources = opts.from ? [opts.from] : await escalationSources(driver, s.id);
        if (!opts.from && includeAssumeOnly) {
          const extra = await assumeOnlySources(driver, s.id, {
            maxHops,
            ...(assumptions ? { assumptions } : {}),
          });
          sources.push(...extra.filter((k) => !sources.includes(k)));
        }
        const results: EscalationResult[] = [];
        for (const from of sources) {
          const r = await escalationPaths(driver, s.id, {
            from,
            to: opts.to,
            maxHops,
            limit,
            includeAssumeOnly,
            ...(assumptions ? { assumptions } : {}),
          });
          for (const p of r.paths) {
            results.push({
              from,
              to: opts.to === 'admin' ? hopTarget(p.edges.at(-1)) : opts.to,
              length: p.length,
              conditional: p.conditional,
              hops: p.edges.map((e) => ({
                from: e.from.key,
                to: hopTarget(e),
                type: e.type,
                method: e.method ?? e.mechanism ?? e.type,
                actions: e.actions,
                evidence: e.evidence,
                conditions: e.conditions,
                chain: e.chain,
              })),
            });
          }
        }
        return results;
      },
      (results, s) => {
        if (results.length === 0) {
          out(
            `No escalation path${opts.from ? ` from ${opts.from}` : ''} to ${opts.to} within ${hopsWord(maxHops)} (snapshot ${snapshotLabel(s)}).`,
          );
          return;
        }
        out(`${results.length} escalation path(s) to ${opts.to} (snapshot ${snapshotLabel(s)}):`);
        for (const r of results) {
          out(`${r.from}  ${hopsWord(r.length)}${r.conditional ? ', conditional' : ''}`);
          for (const h of r.hops) {
            for (const c of h.chain)
              out(`    first ${c.method} (${c.actions.join(', ')}) on ${c.modifies}, then`);
            out(`    → ${h.to}  (${h.method}: ${h.actions.join(', ')})${conditionText(h.conditions)}`);
          }
        }
      },
    );
  });

  addCommon(
    query
      .command('findings')
      .description('Risky trust found in a snapshot, most severe first')
      .option('--severity <severity>', 'critical, high, medium, low or info')
      .option('--kind <kind>', 'e.g. trust-open-to-anyone')
      .option('--account <id>', 'only findings about this 12-digit account'),
  ).action(async (opts: Common & { severity?: string; kind?: string; account?: string }) => {
    await run(
      withDriver,
      opts,
      (driver, s) =>
        queries().then((q) =>
          q.findings(driver, s.id, {
            ...(opts.severity ? { severity: opts.severity as 'critical' } : {}),
            ...(opts.kind ? { kind: opts.kind } : {}),
            ...(opts.account ? { account: opts.account } : {}),
          }),
        ),
      (r, s) => {
        if (r.findings.length === 0) {
          out(`No findings match (snapshot ${snapshotLabel(s)}).`);
          return;
        }
        const counts = Object.entries(r.bySeverity)
          .filter(([, n]) => n > 0)
          .map(([sev, n]) => `${n} ${sev}`)
          .join(', ');
        out(`${r.findings.length} finding(s): ${counts} (snapshot ${snapshotLabel(s)})`);
        for (const f of r.findings) {
          const main = f.subjects.find((x) => x.primary)?.key ?? '';
          out(`[${f.severity}] ${f.kind}  ${main}`);
          out(`    ${f.title}`);
          const others = f.subjects.filter((x) => !x.primary).map((x) => x.key);
          if (others.length) out(`    also about: ${others.join(', ')}`);
        }
      },
    );
  });
}
