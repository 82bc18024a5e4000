/** Options several query commands take, declared once. */
import type { Command } from 'commander';
import { ASSUMPTION_NAMES } from '../../query/assumptions.ts';
import { DEFAULT_ESCALATION_MAX_HOPS, DEFAULT_MAX_HOPS, MAX_HOPS } from '../../query/bounds.ts';
import { ACCESS_LEVELS } from '../../engine/resources/types.ts';
import { collect } from '../args.ts';
import { addCommon, type Common } from './common.ts';

/** --context and --complete-context: the request context of a live evaluation. */
export const contextOptions = (cmd: Command): Command =>
  cmd
    .option(
      '--context <key=value>',
      'request context, e.g. aws:MultiFactorAuthPresent=true (repeatable)',
      collect,
    )
    .option(
      '--complete-context',
      'the --context given is the whole request: a request-time key not given is absent (as in AWS policy simulator), not a condition to check',
    );

/** --principal, --context and --session-policy: what every live evaluation takes. */
export const evaluationOptions = (cmd: Command): Command =>
  addCommon(
    contextOptions(cmd)
      .requiredOption(
        '--principal <arn>',
        'user/role ARN, role session ARN, account root, service or provider ARN',
      )
      .option('--session-policy <file>', 'a session policy document (JSON file)'),
  );

export type EvaluationOpts = Common & {
  principal: string;
  context?: string[];
  completeContext?: boolean;
  sessionPolicy?: string;
};

/** --max-hops (with what it counts and its default), --limit and --without, and --snapshot and --json. */
const searchOptions = (cmd: Command, hops: string, dflt: number): Command =>
  addCommon(
    cmd
      .option('--max-hops <n>', `how many ${hops} to follow (1-${MAX_HOPS})`, String(dflt))
      .option('--limit <n>', 'at most this many results')
      .option(
        '--without <assumption>',
        `assume the caller cannot satisfy these conditions and drop edges that need them: ${ASSUMPTION_NAMES.join(', ')}, all (repeatable)`,
        collect,
      ),
  );

/** --max-hops, --limit and --without: what every reachability search takes. */
export const reachOptions = (cmd: Command): Command =>
  searchOptions(cmd, 'CAN_ASSUME hops', DEFAULT_MAX_HOPS);

export type ReachOpts = Common & { maxHops?: string; limit?: string; without?: string[] };

/** --level: an access level of a resource query. */
export const levelOption = (cmd: Command): Command =>
  cmd.option('--level <level>', `only this access level: ${ACCESS_LEVELS.join(', ')}`);

/** --level, and the path search's options: what who-can-access and can-access take. */
export const accessOptions = (cmd: Command): Command =>
  searchOptions(
    levelOption(cmd),
    'CAN_ASSUME / CAN_ESCALATE_TO hops before the access',
    DEFAULT_ESCALATION_MAX_HOPS,
  );

export type AccessOpts = ReachOpts & { level?: string };
