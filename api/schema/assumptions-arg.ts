/** The GraphQL AssumptionsInput as the query layer's assumptions (null fields left out); a bad one is a BAD_USER_INPUT error. */
import { assumptionsSchema } from '../../query/arg-schemas.ts';
import type { Assumptions } from '../../query/assumptions.ts';
import { badInput } from '../context.ts';

export function assumptionsArg(v: unknown): Assumptions | undefined {
  if (v == null) return undefined;
  const clean = Object.fromEntries(
    Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null),
  );
  const res = assumptionsSchema.safeParse(clean);
  if (!res.success)
    throw badInput('assumptions: ' + res.error.issues.map((i) => i.message).join('; '), 'assumptions');
  return res.data;
}
