/** `iamatlas query person-reach`: what one person (an IAM Identity Center user) can reach. */
import type { Command } from 'commander';
import type { PersonReachInput } from '../../query/arg-schemas.ts';
import type { PersonReachEntry, PersonReachResult } from '../../query/people.ts';
import { hopsWord, jsonText, snapshotLabel, text, type RenderOptions } from '../render.ts';
import { argSchemas, addCommon, run, type WithDriver } from './common.ts';
import type { ReachOpts } from './options.ts';
import { reachArgs } from './reach.ts';

type Opts = ReachOpts & { person: string };

export async function parse(opts: Opts): Promise<PersonReachInput> {
  const { personReachArgs } = await argSchemas();
  return reachArgs(personReachArgs, opts, { person: opts.person });
}

/** "through group developers" or "assigned directly", and the permission sets. */
export function signInWhy(e: Pick<PersonReachEntry, 'signIn'>): string {
  const s = e.signIn;
  const through = s.direct ? 'assigned directly' : `through ${s.groups.join(', ')}`;
  return `${s.permissionSets.join(', ')} in ${s.accountId}, ${through}`;
}

export function wayText(e: PersonReachEntry): string {
  const cond = e.conditional ? ' [conditional]' : '';
  return `${e.path.join(' → ')}${cond}  (signs in with ${signInWhy(e)})`;
}

export function render(r: PersonReachResult, { json, snapshot }: RenderOptions): string {
  if (json) return jsonText(r);
  const who = `${r.person.displayName ?? r.person.name} (${r.person.userName ?? r.person.id})`;
  const lines = [`${who} in snapshot ${snapshotLabel(snapshot)}:`];
  if (r.person.status.toUpperCase() === 'DISABLED')
    lines.push('  disabled in the identity store: signs in as nothing');
  if (r.signIns.length === 0) lines.push('  signs in as no role (no assignment reaches a provisioned role)');
  else {
    lines.push(`  signs in as ${r.signIns.length} role(s):`);
    for (const s of r.signIns)
      lines.push(`    ${s.role.key}${s.role.admin ? ' [admin]' : ''}  (${signInWhy({ signIn: s })})`);
  }
  const further = r.reach.filter((e) => e.length > 0);
  if (further.length > 0) {
    lines.push(`  then assumes ${further.length} more role(s):`);
    for (const e of further) lines.push(`    ${e.node.key}  ${hopsWord(e.length)}: ${wayText(e)}`);
  }
  if (r.admin.length === 0) lines.push('  administrator of no account');
  else {
    lines.push(`  administrator of ${r.admin.length} account(s):`);
    for (const e of r.admin) lines.push(`    ${e.adminOf} (${e.how}, ${hopsWord(e.length)}): ${wayText(e)}`);
  }
  if (r.truncated) lines.push('(stopped at --limit: raise it or lower --max-hops)');
  return text(lines);
}

export function register(query: Command, withDriver: WithDriver): void {
  addCommon(
    query
      .command('person-reach')
      .description(
        'What a person (an IAM Identity Center user) can reach: roles signed in as, roles assumed, admin',
      )
      .requiredOption('--person <name>', 'user name, display name, email or user id')
      .option('--max-hops <n>', 'steps after signing in (1-8)')
      .option('--limit <n>', 'roles listed at most'),
  ).action(async (opts: Opts) => {
    const args = await parse(opts);
    await run(withDriver, opts, (q, driver, s) => q.personReach(driver, s.id, args), render);
  });
}
