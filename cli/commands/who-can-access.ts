/** `iamatlas query who-can-access`: everyone who can reach a resource, each with its shortest path. */
import type { Command } from 'commander';
import type { AccessEntry, WhoCanAccessInput, WhoCanAccessResult } from '../../query/index.ts';
import {
  conditionText,
  evidenceText,
  hopLine,
  hopsWord,
  jsonText,
  nodeLabel,
  snapshotLabel,
  text,
  type RenderOptions,
} from '../render.ts';
import { argSchemas, run, type WithDriver } from './common.ts';
import { accessOptions, type AccessOpts } from './options.ts';
import { reachArgs } from './reach.ts';

type Opts = AccessOpts & { resource: string; direct?: boolean };

export async function parse(opts: Opts): Promise<WhoCanAccessInput> {
  const { whoCanAccessArgs } = await argSchemas();
  return reachArgs(whoCanAccessArgs, opts, {
    resource: opts.resource,
    ...(opts.level === undefined ? {} : { level: opts.level }),
    ...(opts.direct ? { includePaths: false } : {}),
  });
}

/** An entry: who, at which level, how far; then its hops (the last is the access). */
export function accessEntryLines(
  head: string,
  e: Pick<AccessEntry, 'level' | 'length' | 'conditional' | 'hops'>,
): string[] {
  return [
    `${head}  ${e.level}, ${hopsWord(e.length)}${e.conditional ? ', conditional' : ''}`,
    ...e.hops.map(hopLine),
  ];
}

export function render(r: WhoCanAccessResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const what = `${r.resource.key}${r.level ? ` at level ${r.level}` : ''}`;
  const label = snapshotLabel(snapshot);
  if (r.direct.length === 0) return text([`Nobody can access ${what} (snapshot ${label}).`]);
  const out = [`${r.direct.length} direct access edge(s) to ${what} (snapshot ${label}):`];
  for (const d of r.direct) {
    const hop = d.hops[0]!;
    out.push(
      `${nodeLabel(d.node)}  ${d.level}${hop.public ? ', public' : ''}${conditionText(hop.conditions)}`,
    );
    out.push(`    actions: ${hop.actions.join(', ')}`);
    if (hop.evidence.length) out.push(`    allowed by: ${evidenceText(hop.evidence)}`);
  }
  if (r.viaPaths.length) {
    out.push('', `${r.viaPaths.length} more reach a direct caller within ${hopsWord(r.maxHops)}:`);
    for (const e of r.viaPaths) out.push(...accessEntryLines(nodeLabel(e.node), e));
  }
  if (r.people.length) {
    out.push('', `${r.people.length} person/level pair(s) reach it by signing in:`);
    for (const p of r.people)
      out.push(...accessEntryLines(`${p.person.name} signs in as ${p.signIn.role.key}`, p));
  }
  if (r.truncated) out.push(`(not all listed: stopped at ${r.limit}; raise --limit or lower --max-hops)`);
  return text(out);
}

export function register(query: Command, withDriver: WithDriver): void {
  accessOptions(
    query
      .command('who-can-access')
      .description(
        'Everyone who can reach a resource: its direct callers, who reaches them by role chains and escalation, and people',
      )
      .requiredOption('--resource <arn>', 'the resource ARN, e.g. arn:aws:s3:::bucket')
      .option('--direct', 'only the direct callers (no paths)'),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.whoCanAccess(driver, s.id, args), render);
  });
}
