/** `iamatlas query external-access`: public and external access to resources, as IAM Access Analyzer lists it. */
import type { Command } from 'commander';
import { RESOURCE_TYPES } from '../../engine/resources/model.ts';
import type { ExternalAccessInput, ExternalAccessResult } from '../../query/index.ts';
import { intText, queryArgs } from '../args.ts';
import { conditionText, jsonText, nodeLabel, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, addCommon, run, type Common, type WithDriver } from './common.ts';
import { levelOption } from './options.ts';

type Opts = Common & {
  zone?: string;
  type?: string;
  level?: string;
  public?: boolean;
  account?: string;
  offset?: string;
  limit?: string;
};

export async function parse(opts: Opts): Promise<ExternalAccessInput> {
  const { externalAccessArgs } = await argSchemas();
  return queryArgs(externalAccessArgs, {
    ...(opts.zone === undefined ? {} : { zone: opts.zone }),
    ...(opts.type === undefined ? {} : { type: opts.type }),
    ...(opts.level === undefined ? {} : { level: opts.level }),
    ...(opts.public ? { publicOnly: true } : {}),
    ...(opts.account === undefined ? {} : { account: opts.account }),
    ...(opts.offset === undefined ? {} : { offset: intText(opts.offset) }),
    ...(opts.limit === undefined ? {} : { limit: intText(opts.limit) }),
  });
}

export function render(r: ExternalAccessResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const label = snapshotLabel(snapshot);
  if (r.total === 0) return text([`No public or external access matches (snapshot ${label}).`]);
  const shown =
    r.items.length === r.total ? `${r.total}` : `${r.items.length} of ${r.total} (from ${r.offset + 1})`;
  const out = [`${shown} public or external access finding(s) (snapshot ${label}):`];
  for (const x of r.items) {
    const st = x.statement;
    out.push(`[${x.finding.severity}] ${x.finding.kind}  ${x.resource.key} (${x.resource.type})`);
    out.push(`    ${nodeLabel(x.caller)}: ${x.level} ${x.actions.join(', ')}${conditionText(x.conditions)}`);
    if (st) out.push(`    statement ${st.statementIndex}${st.sid ? ` (${st.sid})` : ''} of ${st.policyId}`);
    if (x.zoneOfTrust) out.push(`    zone of trust: ${x.zoneOfTrust}`);
  }
  return text(out);
}

export function register(query: Command, withDriver: WithDriver): void {
  addCommon(
    levelOption(
      query
        .command('external-access')
        .description(
          'Resources reachable by anyone or from outside the zone of trust, as IAM Access Analyzer finds them',
        )
        .option('--zone <zone>', 'the zone of trust the findings were made for: account or organization')
        .option('--public', 'only public access')
        .option('--type <type>', `only this resource type: ${RESOURCE_TYPES.join(', ')}`)
        .option('--account <id>', 'only resources of this 12-digit account')
        .option('--offset <n>', 'skip this many findings')
        .option('--limit <n>', 'at most this many findings (default 200)'),
    ),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.externalAccess(driver, s.id, args), render);
  });
}
