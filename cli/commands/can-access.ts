/** `iamatlas query can-access`: the resources a principal reaches, directly or through its paths. */
import type { Command } from 'commander';
import type { CanAccessInput, CanAccessResult } from '../../query/index.ts';
import { hopsWord, jsonText, nodeLabel, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, run, type WithDriver } from './common.ts';
import { accessOptions, type AccessOpts } from './options.ts';
import { reachArgs } from './reach.ts';
import { accessEntryLines } from './who-can-access.ts';

type Opts = AccessOpts & { principal: string };

export async function parse(opts: Opts): Promise<CanAccessInput> {
  const { canAccessArgs } = await argSchemas();
  return reachArgs(canAccessArgs, opts, {
    principal: opts.principal,
    ...(opts.level === undefined ? {} : { level: opts.level }),
  });
}

export function render(r: CanAccessResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const who = `${nodeLabel(r.principal)}${r.level ? ` at level ${r.level}` : ''}`;
  const within = `within ${hopsWord(r.maxHops)} (snapshot ${snapshotLabel(snapshot)})`;
  if (r.resources.length === 0) return text([`${who} reaches no resource ${within}.`]);
  return text([
    `${who} reaches ${r.resources.length} resource/level pair(s) ${within}:`,
    ...r.resources.flatMap((e) => accessEntryLines(`${e.resource.key} (${e.resource.type})`, e)),
    ...(r.truncated ? [`(not all listed: stopped at ${r.limit}; raise --limit or lower --max-hops)`] : []),
  ]);
}

export function register(query: Command, withDriver: WithDriver): void {
  accessOptions(
    query
      .command('can-access')
      .description('The resources a principal can reach, directly or through role chains and escalation')
      .requiredOption('--principal <arn>', 'user/role ARN, account root, service principal or *'),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.canAccess(driver, s.id, args), render);
  });
}
