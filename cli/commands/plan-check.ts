/**
 * `iamatlas plan-check PLAN`: which paths a Terraform plan (or a CloudFormation
 * template) would create or remove, checked against a snapshot or alone, as a
 * gate for CI (exit 10 when a --fail-on rule fails). Output as text, JSON,
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html)
 * or Markdown for a pull-request comment. See docs/plan-check.md.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { Severity } from '../../engine/findings/finding.ts';
import type { AdminPathDelta, EdgeDelta, HopView } from '../../engine/plan/diff.ts';
import { DEFAULT_FAIL_ON, parseFailOn, type GateRule } from '../../engine/plan/gate.ts';
import type { PlanCheckResult } from '../../query/index.ts';
import { CliError, EXIT } from '../output.ts';
import { jsonText, text } from '../render.ts';
import { queries, type WithDriver } from './common.ts';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

interface Opts {
  snapshot?: string;
  account?: string;
  failOn: string;
  format: string;
  out?: string;
  fullAnalysis?: boolean;
}

export interface PlanCheckArgs {
  plan: string;
  snapshot?: string;
  account?: string;
  rules: GateRule[];
  format: Format;
  out?: string;
  /** Analyse the whole snapshot, not only what the change can affect. */
  fullAnalysis?: boolean;
}

/** Options to arguments; a bad rule, format or account is a usage error. */
export function parse(plan: string, opts: Opts): PlanCheckArgs {
  if (!(FORMATS as readonly string[]).includes(opts.format))
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${opts.format}"`, EXIT.usage);
  if (opts.account !== undefined && !/^\d{12}$/.test(opts.account))
    throw new CliError(`--account must be a 12-digit account id, not "${opts.account}"`, EXIT.usage);
  let rules: GateRule[];
  try {
    rules = parseFailOn(opts.failOn);
  } catch (err) {
    throw new CliError(`--fail-on: ${(err as Error).message}`, EXIT.usage);
  }
  return {
    plan,
    rules,
    format: opts.format as Format,
    ...(opts.snapshot !== undefined ? { snapshot: opts.snapshot } : {}),
    ...(opts.account !== undefined ? { account: opts.account } : {}),
    ...(opts.out !== undefined ? { out: opts.out } : {}),
    ...(opts.fullAnalysis ? { fullAnalysis: true } : {}),
  };
}

const short = (key: string): string => {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):(?:role|user|group)(\/.*)$/.exec(key);
  return m ? `${m[1]}:${m[2]?.slice(1)}` : key;
};

function hopText(h: HopView, mark: (s: string) => string, esc: (s: string) => string): string {
  const label = esc(h.kind === 'IS_ADMIN' ? 'is admin' : `${h.kind}${h.method ? ` (${h.method})` : ''}`);
  return h.changed ? mark(label) : label;
}

/** `from -[hop]-> to ...`, changed hops passed through `mark`; `esc` escapes each piece of text. */
function pathLine(
  p: AdminPathDelta,
  mark: (s: string) => string,
  esc: (s: string) => string = (s) => s,
): string {
  const parts = [esc(short(p.from))];
  for (const h of p.hops)
    parts.push(
      `-[${hopText(h, mark, esc)}]->`,
      esc(h.kind === 'IS_ADMIN' ? `admin of ${p.adminAccount}` : short(h.to)),
    );
  return parts.join(' ');
}

const edgeLine = (e: EdgeDelta): string =>
  `${short(e.from)} -[${e.kind} ${e.method}]-> ${short(e.to)}${e.conditionKeys.length ? ` [needs ${e.conditionKeys.join(', ')}]` : ''}`;

const by = (addresses: readonly string[]): string =>
  addresses.length ? `  (by ${addresses.join(', ')})` : '';

function verdict(r: PlanCheckResult): string {
  return r.failures.length === 0
    ? `passes (${r.rules.join(', ') || 'no rules'})`
    : `FAILS: ${r.failures.map((f) => `${f.rule} (${f.count})`).join(', ')}`;
}

export function renderText(r: PlanCheckResult): string {
  const d = r.diff;
  const out = [
    `plan-check ${r.file}: ${verdict(r)}`,
    `  checked ${r.snapshot ? `against snapshot ${r.snapshot.name} (${r.snapshot.id})` : 'alone (no snapshot)'}, account ${r.accountId} (${r.accountSource}), ${r.changes.length} IAM change(s), ${r.seconds} s`,
    ...(r.analysis
      ? [
          `  analysis: ${r.analysis.mode}, ${r.analysis.principals} of ${r.analysis.total} principals (${r.analysis.reason})`,
        ]
      : []),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', `${title}:`, ...lines.map((l) => `  ${l}`));
  };
  const moreAdmin = (total: number, shown: number) =>
    total > shown ? [`... and ${total - shown} more`] : [];
  section('New paths to admin (changed hops marked *)', [
    ...d.adminPaths.added.map((p) => pathLine(p, (s) => `*${s}*`) + by(p.addresses)),
    ...moreAdmin(d.adminPaths.addedTotal, d.adminPaths.added.length),
  ]);
  section(
    'New trust from anyone or outside the organization',
    d.externalTrust.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'New findings',
    d.findings.added.map(
      (f) => `[${f.severity}] ${f.kind} ${short(f.subjects[0] ?? '')}: ${f.title}${by(f.addresses)}`,
    ),
  );
  section(
    'New CAN_ASSUME',
    d.assume.added.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'New CAN_ESCALATE_TO',
    d.escalate.added.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section('Paths to admin removed', [
    ...d.adminPaths.removed.map((p) => pathLine(p, (s) => `-${s}-`) + by(p.addresses)),
    ...moreAdmin(d.adminPaths.removedTotal, d.adminPaths.removed.length),
  ]);
  section(
    'CAN_ASSUME removed',
    d.assume.removed.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'CAN_ESCALATE_TO removed',
    d.escalate.removed.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'Findings resolved',
    d.findings.removed.map((f) => `[${f.severity}] ${f.kind} ${short(f.subjects[0] ?? '')}`),
  );
  section(
    'Known only after apply (read as matching nothing)',
    r.unknowns.map((u) => `${u.address}.${u.attribute}`),
  );
  section(
    'Not analysed',
    r.skipped.map((s) => `${s.address} (${s.resourceType}): ${s.reason}`),
  );
  section('Warnings', r.warnings);
  return text(out);
}

const md = (s: string): string => s.replace(/([|*_`<>[\]])/g, '\\$1');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

export function renderMarkdown(r: PlanCheckResult): string {
  const d = r.diff;
  const out = [
    `### IAM Atlas plan-check: ${r.failures.length ? '**fails**' : 'passes'}`,
    '',
    `${code(r.file)} checked ${r.snapshot ? `against snapshot ${code(r.snapshot.name)}` : 'alone (no snapshot)'} in account ${code(r.accountId)}. ` +
      (r.failures.length
        ? `Failed rules: ${r.failures.map((f) => `${code(f.rule)} (${f.count})`).join(', ')}.`
        : `Rules: ${r.rules.map(code).join(', ') || 'none'}.`),
    '',
    '| change | added | removed |',
    '| --- | ---: | ---: |',
    `| paths to admin | ${d.adminPaths.addedTotal} | ${d.adminPaths.removedTotal} |`,
    `| trust from anyone / outside the organization | ${d.externalTrust.length} | |`,
    `| findings | ${d.findings.added.length} | ${d.findings.removed.length} |`,
    `| CAN_ASSUME edges | ${d.assume.added.length} | ${d.assume.removed.length} |`,
    `| CAN_ESCALATE_TO edges | ${d.escalate.added.length} | ${d.escalate.removed.length} |`,
  ];
  const by = (a: readonly string[]) => (a.length ? ` — ${a.map(code).join(', ')}` : '');
  const list = (title: string, lines: string[], open = true) => {
    if (lines.length === 0) return;
    out.push(
      '',
      open ? `#### ${title}` : `<details><summary>${title}</summary>`,
      '',
      ...lines.map((l) => `- ${l}`),
    );
    if (!open) out.push('', '</details>');
  };
  list(
    'New paths to admin (hops the change introduces in bold)',
    d.adminPaths.added.map((p) => pathLine(p, (x) => `**${x}**`, md) + by(p.addresses)),
  );
  list(
    'New trust from anyone or outside the organization',
    d.externalTrust.map((e) => md(edgeLine(e)) + by(e.addresses)),
  );
  list(
    'New findings',
    d.findings.added.map(
      (f) =>
        `**${f.severity}** ${code(f.kind)} ${md(short(f.subjects[0] ?? ''))}: ${md(f.title)}${by(f.addresses)}`,
    ),
  );
  list(
    'All new and removed edges',
    [
      ...d.assume.added.map((e) => `added ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.escalate.added.map((e) => `added ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.assume.removed.map((e) => `removed ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.escalate.removed.map((e) => `removed ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.adminPaths.removed.map(
        (p) => `removed path to admin: ${md(pathLine(p, (s) => s))}${by(p.addresses)}`,
      ),
    ],
    false,
  );
  list(
    'Values known only after apply (read as matching nothing)',
    r.unknowns.map((u) => code(`${u.address}.${u.attribute}`)),
    false,
  );
  return out.join('\n') + '\n';
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const RULES: Record<string, { text: string; level: 'error' | 'warning' | 'note' }> = {
  'new-admin-path': {
    text: 'The change gives a principal a path to an account administrator',
    level: 'error',
  },
  'new-external-trust': {
    text: 'The change lets anyone, or a principal outside the organization, assume a role',
    level: 'error',
  },
  'new-escalation': { text: 'The change adds a privilege-escalation edge', level: 'warning' },
  'new-assume': { text: 'The change adds a role-assumption edge', level: 'note' },
  'unknown-value': { text: 'A value known only after apply was read as matching nothing', level: 'note' },
};

const fingerprint = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

function artifactUri(file: string): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? pathToFileURL(file).href : rel.split(path.sep).join('/');
}

export function renderSarif(r: PlanCheckResult, version = '0.0.0'): string {
  const rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] =
    [];
  const ruleIndex = (id: string, textValue: string, level: string): number => {
    let i = rules.findIndex((x) => x.id === id);
    if (i < 0)
      i = rules.push({ id, shortDescription: { text: textValue }, defaultConfiguration: { level } }) - 1;
    return i;
  };
  const uri = artifactUri(r.file);
  const lines = new Map(
    r.changes.flatMap((c) => (c.line !== undefined ? [[c.address, c.line] as const] : [])),
  );
  const locations = (addresses: readonly string[]) => {
    const list = addresses.length ? addresses : [undefined];
    return list.map((address) => {
      const line = address === undefined ? undefined : lines.get(address);
      return {
        physicalLocation: {
          artifactLocation: { uri },
          ...(line !== undefined ? { region: { startLine: line } } : {}),
        },
        ...(address !== undefined
          ? { logicalLocations: [{ fullyQualifiedName: address, kind: 'resource' }] }
          : {}),
      };
    });
  };
  const results: Record<string, unknown>[] = [];
  const add = (
    ruleId: string,
    level: string,
    message: string,
    addresses: readonly string[],
    key: string,
    ruleText = RULES[ruleId]?.text ?? ruleId,
  ) =>
    results.push({
      ruleId,
      ruleIndex: ruleIndex(ruleId, ruleText, RULES[ruleId]?.level ?? level),
      level,
      message: { text: message },
      locations: locations(addresses),
      partialFingerprints: { 'iamatlasPlanCheck/v1': fingerprint(ruleId, key) },
    });

  for (const p of r.diff.adminPaths.added)
    add(
      'new-admin-path',
      'error',
      `${p.from} can become administrator of ${p.adminAccount}: ${pathLine(p, (s) => `[new] ${s}`)}`,
      p.addresses,
      `${p.from}|${p.adminAccount}`,
    );
  for (const e of r.diff.externalTrust)
    add(
      'new-external-trust',
      'error',
      `${e.to} becomes assumable by ${e.from} (${e.fromKind ?? 'principal'}${e.crossOrganization ? ', outside the organization' : ''})`,
      e.addresses,
      `${e.from}|${e.to}`,
    );
  for (const f of r.diff.findings.added)
    add(`finding/${f.kind}`, LEVEL[f.severity], `${f.title} (${f.severity})`, f.addresses, f.id, f.kind);
  for (const e of r.diff.escalate.added)
    add(
      'new-escalation',
      'warning',
      `${e.from} can escalate to ${e.to} by ${e.method}`,
      e.addresses,
      `${e.from}|${e.to}|${e.method}`,
    );
  for (const e of r.diff.assume.added)
    add('new-assume', 'note', `${e.from} can assume ${e.to} (${e.method})`, e.addresses, `${e.from}|${e.to}`);
  for (const u of r.unknowns)
    add(
      'unknown-value',
      'note',
      `${u.address}.${u.attribute} is known only after apply; the analysis read it as matching nothing`,
      [u.address],
      u.placeholder,
    );

  const sarif = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'iamatlas plan-check', version, rules } },
        artifacts: [{ location: { uri } }],
        results,
        properties: { accountId: r.accountId, snapshot: r.snapshot?.id ?? null, failedRules: r.failures },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

export function render(r: PlanCheckResult, format: Format): string {
  switch (format) {
    case 'json':
      return jsonText(r);
    case 'sarif':
      return renderSarif(r);
    case 'markdown':
      return renderMarkdown(r);
    default:
      return renderText(r);
  }
}

export function register(program: Command, withDriver: WithDriver): void {
  program
    .command('plan-check')
    .description(
      'Which paths a Terraform plan (terraform show -json) or CloudFormation template would create; exit 10 when a --fail-on rule fails',
    )
    .argument(
      '<plan>',
      'the JSON plan (`terraform show -json PLANFILE > plan.json`) or a CloudFormation template in JSON or YAML',
    )
    .option(
      '--snapshot <id>',
      'check against this snapshot (id or name); without it the plan is checked alone',
    )
    .option(
      '--account <id>',
      "the account the plan changes (default: the plan's AWS provider, else the snapshot's only account)",
    )
    .option(
      '--fail-on <rules>',
      'comma-separated: new-admin-path, new-external-trust, new-escalation, new-assume, severity>=LEVEL, unknown-values, none',
      DEFAULT_FAIL_ON,
    )
    .option('--format <format>', FORMATS.join(', '), 'text')
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option(
      '--full-analysis',
      'analyse the whole snapshot, not only the principals the change can affect (same answer, slower)',
    )
    .action(async (plan: string, opts: Opts) => {
      const args = parse(plan, opts);
      const result = await runPlanCheck(args, withDriver);
      const output = render(result, args.format);
      if (args.out) await writeFile(args.out, output);
      else process.stdout.write(output);
      if (result.failures.length > 0) throw new CliError('', EXIT.gateFailed);
    });
}

async function runPlanCheck(args: PlanCheckArgs, withDriver: WithDriver): Promise<PlanCheckResult> {
  const { loadPlanFile } = await import('../../ingest/read/plan/index.ts');
  const { InputError, formatProblem } = await import('../../ingest/read/problems.ts');
  const { QueryInputError } = await import('../../query/errors.ts');
  const q = await queries();
  try {
    const loaded = await loadPlanFile(args.plan);
    const options = { rules: args.rules, ...(args.account ? { account: args.account } : {}) };
    if (args.snapshot === undefined) return await q.planCheck(loaded, q.emptyModel(), options);
    const ref = args.snapshot;
    return await withDriver(async (driver) => {
      const { resolveSnapshot } = await import('../../ingest/load/snapshots.ts');
      const snapshot = await resolveSnapshot(driver, ref);
      return q.planCheckSnapshot(loaded, driver, {
        ...options,
        snapshot: { id: snapshot.id, name: snapshot.name },
        full: args.fullAnalysis === true,
      });
    });
  } catch (err) {
    if (err instanceof InputError)
      throw new CliError(err.problems.map(formatProblem).join('\n'), EXIT.badInput);
    if (err instanceof QueryInputError) throw new CliError(err.message, EXIT.usage);
    throw err;
  }
}
