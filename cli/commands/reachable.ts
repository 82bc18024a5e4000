/** `iamatlas query reachable`: every role a principal can reach, each with its shortest path. */
import type { Command } from 'commander';
import type { ReachableFromArgs } from '../../query/arg-schemas.ts';
import type { ReachableFromResult } from '../../query/index.ts';
import { entryLines, hopsWord, jsonText, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, run, type WithDriver } from './common.ts';
import { reachOptions, type ReachOpts } from './options.ts';
import { reachArgs } from './reach.ts';

type Opts = ReachOpts & { from: string };

export async function parse(opts: Opts): Promise<ReachableFromArgs> {
  const { reachableFromArgs } = await argSchemas();
  return reachArgs(reachableFromArgs, opts, { principal: opts.from });
}

export function render(r: ReachableFromResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const within = `within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(snapshot)})`;
  if (r.roles.length === 0) return text([`${r.from.key} can assume no role ${within}.`]);
  return text([
    `${r.from.key} can reach ${r.roles.length} role(s) ${within}:`,
    ...r.roles.flatMap(entryLines),
    ...(r.truncated ? [`(stopped at ${r.limit} results: raise --limit or lower --max-hops)`] : []),
  ]);
}

export function register(query: Command, withDriver: WithDriver): void {
  reachOptions(
    query
      .command('reachable')
      .description('Every role a principal can reach, each with its shortest path')
      .requiredOption(
        '--from <arn>',
        'user/role ARN, role session ARN, account root, service, provider ARN, or *',
      ),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.reachableFrom(driver, s.id, args), render);
  });
}
