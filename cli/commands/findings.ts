/** `iamatlas query findings`: risky trust found in a snapshot, most severe first. */
import type { Command } from 'commander';
import type { FindingsArgs, FindingsResult } from '../../query/index.ts';
import { jsonText, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { addCommon, run, type Common, type WithDriver } from './common.ts';

type Opts = Common & { severity?: string; kind?: string; account?: string };

/** The filters as given; the query checks them (a bad severity or account is a usage error). */
export function parse(opts: Opts): FindingsArgs {
  return {
    ...(opts.severity ? { severity: opts.severity as FindingsArgs['severity'] } : {}),
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.account ? { account: opts.account } : {}),
  };
}

export function render(r: FindingsResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const label = snapshotLabel(snapshot);
  if (r.findings.length === 0) return text([`No findings match (snapshot ${label}).`]);
  const counts = Object.entries(r.bySeverity)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${n} ${sev}`)
    .join(', ');
  const out = [`${r.findings.length} finding(s): ${counts} (snapshot ${label})`];
  for (const f of r.findings) {
    const main = f.subjects.find((x) => x.primary)?.key ?? '';
    out.push(`[${f.severity}] ${f.kind}  ${main}`);
    out.push(`    ${f.title}`);
    const others = f.subjects.filter((x) => !x.primary).map((x) => x.key);
    if (others.length) out.push(`    also about: ${others.join(', ')}`);
  }
  return text(out);
}

export function register(query: Command, withDriver: WithDriver): void {
  addCommon(
    query
      .command('findings')
      .description('Risky trust found in a snapshot, most severe first')
      .option('--severity <severity>', 'critical, high, medium, low or info')
      .option('--kind <kind>', 'e.g. trust-open-to-anyone')
      .option('--account <id>', 'only findings about this 12-digit account'),
  ).action(async (opts: Opts) => {
    const args = parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.findings(driver, s.id, args), render);
  });
}
