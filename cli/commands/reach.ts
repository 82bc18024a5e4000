/** The arguments every reachability command takes, from --max-hops, --limit and --without. */
import type * as z from 'zod/mini';
import { intText, parseAssumptions, queryArgs } from '../args.ts';
import type { ReachOpts } from './options.ts';

/** `opts` with the command's own arguments, checked with the query's schema. */
export function reachArgs<S extends z.ZodMiniType>(
  schema: S,
  opts: ReachOpts,
  own: Record<string, unknown>,
): z.output<S> {
  const assumptions = parseAssumptions(opts.without);
  return queryArgs(schema, {
    ...own,
    maxHops: intText(opts.maxHops),
    ...(opts.limit === undefined ? {} : { limit: intText(opts.limit) }),
    ...(assumptions ? { assumptions } : {}),
  });
}
