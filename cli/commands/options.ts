/** Options several query commands take, declared once. */
import type { Command } from 'commander';
import { ASSUMPTION_NAMES } from '../../query/assumptions.ts';
import { DEFAULT_MAX_HOPS, MAX_HOPS } from '../../query/args.ts';
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

/** --max-hops, --limit and --without: what every reachability search takes. */
export const reachOptions = (cmd: Command): Command =>
  addCommon(
    cmd
      .option(
        '--max-hops <n>',
        `how many CAN_ASSUME hops to follow (1-${MAX_HOPS})`,
        String(DEFAULT_MAX_HOPS),
      )
      .option('--limit <n>', 'at most this many results')
      .option(
        '--without <assumption>',
        `assume the caller cannot satisfy these conditions and drop edges that need them: ${ASSUMPTION_NAMES.join(', ')}, all (repeatable)`,
        collect,
      ),
  );

export type ReachOpts = Common & { maxHops?: string; limit?: string; without?: string[] };
