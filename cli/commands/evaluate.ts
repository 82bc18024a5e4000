/** What can-assume and simulate share: the request context and session policy read from options. */
import { parseContext, readSessionPolicy } from '../args.ts';
import type { EvaluationOpts } from './options.ts';

/** The evaluation arguments every live evaluation takes, from its options. */
export function evaluationArgs(opts: EvaluationOpts) {
  const context = parseContext(opts.context);
  const sessionPolicy = readSessionPolicy(opts.sessionPolicy);
  return {
    principal: opts.principal,
    context,
    ...(opts.completeContext ? { contextComplete: true } : {}),
    ...(sessionPolicy ? { sessionPolicy } : {}),
  };
}
