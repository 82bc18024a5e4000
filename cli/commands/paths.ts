/** `iamatlas query paths`: paths from one principal to a role over CAN_ASSUME, shortest first. */
import type { Command } from 'commander';
import type { PathsArgs } from '../../query/arg-schemas.ts';
import type { PathsResult } from '../../query/index.ts';
import {
  hopLine,
  hopsWord,
  jsonText,
  nodeLabel,
  snapshotLabel,
  text,
  type RenderOptions,
} from '../render.ts';
import { argSchemas, run, type WithDriver } from './common.ts';
import { reachOptions, type ReachOpts } from './options.ts';
import { reachArgs } from './reach.ts';

type Opts = ReachOpts & { from: string; to: string };

export async function parse(opts: Opts): Promise<PathsArgs> {
  const { pathsArgs } = await argSchemas();
  return reachArgs(pathsArgs, opts, { from: opts.from, to: opts.to });
}

export function render(r: PathsResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const label = snapshotLabel(snapshot);
  if (r.paths.length === 0)
    return text([
      `No path from ${r.from.key} to ${r.to.key} within ${hopsWord(r.maxHops)} (snapshot ${label}).`,
    ]);
  const out = [`${r.paths.length} path(s) from ${r.from.key} to ${r.to.key} (snapshot ${label}):`];
  r.paths.forEach((p, i) => {
    out.push(
      `Path ${i + 1}: ${hopsWord(p.length)}${p.conditional ? ', conditional' : ''}${p.crossAccount ? ', crosses accounts' : ''}`,
    );
    out.push(`    ${nodeLabel(p.nodes[0]!)}`);
    out.push(...p.hops.map(hopLine));
  });
  return text(out);
}

export function register(query: Command, withDriver: WithDriver): void {
  reachOptions(
    query
      .command('paths')
      .description('Paths from one principal to a role over CAN_ASSUME edges, shortest first')
      .requiredOption('--from <arn>', 'where the paths start')
      .requiredOption('--to <arn>', 'the role they end at'),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.paths(driver, s.id, args), render);
  });
}
