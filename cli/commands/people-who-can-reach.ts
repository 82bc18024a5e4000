/** `iamatlas query people-who-can-reach`: which people can reach a role, or administrator of an account. */
import type { Command } from 'commander';
import type { PeopleWhoCanReachInput } from '../../query/arg-schemas.ts';
import type { PeopleWhoCanReachResult } from '../../query/people.ts';
import { jsonText, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, addCommon, run, type WithDriver } from './common.ts';
import type { ReachOpts } from './options.ts';
import { reachArgs } from './reach.ts';
import { wayText } from './person-reach.ts';

type Opts = ReachOpts & { role: string; account?: string };

export async function parse(opts: Opts): Promise<PeopleWhoCanReachInput> {
  const { peopleWhoCanReachArgs } = await argSchemas();
  return reachArgs(peopleWhoCanReachArgs, opts, {
    role: opts.role,
    ...(opts.account === undefined ? {} : { account: opts.account }),
  });
}

export function render(r: PeopleWhoCanReachResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const target =
    r.target === 'admin'
      ? `administrator of ${r.account ? `account ${r.account}` : 'any account'}`
      : r.target;
  const where = `(snapshot ${snapshotLabel(snapshot)})`;
  if (r.people.length === 0) return text([`No person can reach ${target} ${where}.`]);
  return text([
    `${r.people.length} people can reach ${target} ${where}:`,
    ...r.people.map((p) => `  ${p.person.name}: ${wayText(p.way)}`),
    'By group:',
    ...r.byGroup.map((g) => `  ${g.group}: ${g.people.join(', ')}`),
  ]);
}

export function register(query: Command, withDriver: WithDriver): void {
  addCommon(
    query
      .command('people-who-can-reach')
      .description(
        'Which people (IAM Identity Center users) can reach a role, or administrator of an account',
      )
      .requiredOption('--role <arn|admin>', 'a role ARN, or admin')
      .option('--account <id>', 'with --role admin: administrator of this account')
      .option('--max-hops <n>', 'steps after signing in (1-8)'),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.peopleWhoCanReach(driver, s.id, args), render);
  });
}
