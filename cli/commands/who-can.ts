/** `iamatlas query who-can`: every principal allowed a request (simulate in reverse), optionally who reaches them. */
import type { Command } from 'commander';
import { DEFAULT_MAX_HOPS, MAX_HOPS } from '../../query/bounds.ts';
import type { WhoCanArgs, WhoCanResult } from '../../query/index.ts';
import { intText, parseContext, queryArgs } from '../args.ts';
import {
  conditionText,
  entryLines,
  evidenceText,
  hopsWord,
  jsonText,
  snapshotLabel,
  text,
  type RenderOptions,
} from '../render.ts';
import { argSchemas, addCommon, run, type Common, type WithDriver } from './common.ts';
import { contextOptions } from './options.ts';

type Opts = Common & {
  action: string;
  resource: string;
  context?: string[];
  completeContext?: boolean;
  viaRoles?: boolean;
  maxHops?: string;
  limit?: string;
};

/** The query's arguments from the options, checked (--max-hops even without --via-roles). */
export async function parse(opts: Opts): Promise<WhoCanArgs> {
  const { whoCanBoundsArgs } = await argSchemas();
  const context = parseContext(opts.context);
  const checked = queryArgs(whoCanBoundsArgs, {
    maxHops: intText(opts.maxHops),
    limit: intText(opts.limit),
  });
  return {
    action: opts.action,
    resource: opts.resource,
    context,
    ...(opts.completeContext ? { contextComplete: true } : {}),
    ...(opts.viaRoles ? { viaRoles: true, maxHops: checked.maxHops ?? DEFAULT_MAX_HOPS } : {}),
    ...(checked.limit ? { limit: checked.limit } : {}),
  };
}

export function render(r: WhoCanResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const what = `${r.action} on ${r.resource}`;
  const out = [
    r.total === 0
      ? `Nobody in snapshot ${snapshotLabel(snapshot)} is allowed ${what} (${r.candidates} candidate(s) evaluated).`
      : `${r.total} principal(s) allowed ${what} (snapshot ${snapshotLabel(snapshot)}; ${r.candidates} candidate(s) evaluated):`,
  ];
  for (const p of r.principals) {
    out.push(`${p.principal.arn} (${p.principal.type})${conditionText(p.conditions)}`);
    out.push(`    allowed by: ${evidenceText(p.evidence)}`);
  }
  if (r.truncated) out.push(`(listed ${r.limit} of ${r.total}: raise --limit, or use --json)`);
  if (r.viaRoles) {
    const v = r.viaRoles;
    out.push('');
    out.push(
      v.total === 0
        ? `Nobody else reaches an allowed role within ${hopsWord(v.maxHops)}.`
        : `${v.total} more reach an allowed role over CAN_ASSUME within ${hopsWord(v.maxHops)}:`,
    );
    for (const e of v.principals) out.push(...entryLines(e));
    if (v.truncated) out.push('(not all listed: raise --limit, or lower --max-hops)');
  }
  return text(out);
}

export function register(query: Command, withDriver: WithDriver): void {
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
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.whoCan(driver, s.id, args), render);
  });
}
