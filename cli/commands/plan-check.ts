/**
 * `iamatlas plan-check PLAN`: which paths a Terraform plan (or a CloudFormation
 * template) would create or remove, checked against a snapshot or alone, as a
 * gate for CI (exit 10 when a --fail-on rule fails). Output as text, JSON,
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html)
 * or Markdown for a pull-request comment. See docs/plan-check.md.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_FAIL_ON, parseFailOn, type GateRule } from '../../engine/plan/gate.ts';
import type { PlanCheckResult } from '../../query/index.ts';
import { CliError, EXIT } from '../output.ts';
import { jsonText } from '../render.ts';
import { queries, type WithDriver } from './common.ts';
import { renderMarkdown } from './plan-check-markdown.ts';
import { renderSarif } from './plan-check-sarif.ts';
import { renderText } from './plan-check-text.ts';

export { renderMarkdown, renderSarif, renderText };

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
