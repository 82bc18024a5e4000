/** `iamatlas query simulate`: one request evaluated, with its conditions and evidence. */
import type { Command } from 'commander';
import type { SimulateArgs, SimulateResult } from '../../query/index.ts';
import { jsonText, outcomeLines, text, type RenderOptions } from '../render.ts';
import { run, type WithDriver } from './common.ts';
import { evaluationArgs } from './evaluate.ts';
import { evaluationOptions, type EvaluationOpts } from './options.ts';

type Opts = EvaluationOpts & { action: string; resource: string };

export function parse(opts: Opts): SimulateArgs {
  return { ...evaluationArgs(opts), action: opts.action, resource: opts.resource };
}

export function render(r: SimulateResult, { json }: RenderOptions): string {
  return json ? jsonText(r) : text(outcomeLines(r, `${r.principal.input} ${r.action} on ${r.resource}`));
}

export function register(query: Command, withDriver: WithDriver): void {
  evaluationOptions(
    query
      .command('simulate')
      .description('Evaluate one request: a principal, an action, a resource')
      .requiredOption('--action <action>', 'e.g. s3:GetObject')
      .requiredOption(
        '--resource <arn>',
        'the resource ARN; it need not exist yet, except a role for sts:AssumeRole* (its trust policy decides)',
      ),
  ).action(async (opts: Opts) => {
    const args = parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.simulate(driver, s.id, args), render);
  });
}
