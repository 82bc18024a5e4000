/** `iamatlas query who-can-assume`: every principal that can reach a role, each with its shortest path. */
import type { Command } from 'commander';
import type { WhoCanAssumeArgs } from '../../query/arg-schemas.ts';
import type { WhoCanAssumeResult } from '../../query/index.ts';
import { entryLines, hopsWord, jsonText, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, run, type WithDriver } from './common.ts';
import { reachOptions, type ReachOpts } from './options.ts';
import { reachArgs } from './reach.ts';

type Opts = ReachOpts & { role: string };

export async function parse(opts: Opts): Promise<WhoCanAssumeArgs> {
  const { whoCanAssumeArgs } = await argSchemas();
  return reachArgs(whoCanAssumeArgs, opts, { role: opts.role });
}

export function render(r: WhoCanAssumeResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const within = `within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(snapshot)})`;
  if (r.principals.length === 0) return text([`Nobody can assume ${r.role.key} ${within}.`]);
  return text([
    `${r.principals.length} principal(s) can assume ${r.role.key} ${within}:`,
    ...r.principals.flatMap(entryLines),
    ...(r.truncated ? [`(stopped at ${r.limit} results: raise --limit or lower --max-hops)`] : []),
  ]);
}

export function register(query: Command, withDriver: WithDriver): void {
  reachOptions(
    query
      .command('who-can-assume')
      .description('Every principal that can reach a role, each with its shortest path')
      .requiredOption('--role <arn>', 'the role ARN'),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.whoCanAssume(driver, s.id, args), render);
  });
}
