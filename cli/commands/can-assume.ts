/** `iamatlas query can-assume`: can a principal assume a role, and under which conditions. */
import type { Command } from 'commander';
import type { CanAssumeArgs, CanAssumeResult } from '../../query/index.ts';
import { jsonText, outcomeLines, text, type RenderOptions } from '../render.ts';
import { run, type WithDriver } from './common.ts';
import { evaluationArgs } from './evaluate.ts';
import { evaluationOptions, type EvaluationOpts } from './options.ts';

type Opts = EvaluationOpts & { role: string; action?: string };

/** The query's arguments from the options. */
export function parse(opts: Opts): CanAssumeArgs {
  return { ...evaluationArgs(opts), role: opts.role, ...(opts.action ? { action: opts.action } : {}) };
}

export function render(r: CanAssumeResult, { json }: RenderOptions): string {
  return json ? jsonText(r) : text(outcomeLines(r, `${r.principal.input} → ${r.role} (${r.action})`));
}

export function register(query: Command, withDriver: WithDriver): void {
  evaluationOptions(
    query
      .command('can-assume')
      .description('Can a principal assume a role? Evaluated live, with the conditions that must hold')
      .requiredOption('--role <arn>', 'the role ARN')
      .option(
        '--action <action>',
        'sts:AssumeRole (default), sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity',
      ),
  ).action(async (opts: Opts) => {
    const args = parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.canAssume(driver, s.id, args), render);
  });
}
