/**
 * Every query's bounds and defaults, and the argument schemas they share: the
 * CLI and the GraphQL API validate with the query's own schema, so an input
 * means the same everywhere and each default is written once, here.
 */
import { z } from 'zod';
import { QueryInputError } from './errors.ts';

export * from './bounds.ts';
import { MAX_HOPS } from './bounds.ts';

const scalar = z.union([z.string(), z.boolean(), z.number()]);
/** Request context: keys as AWS writes them, values as AWS would send them; lists for multi-valued keys. */
export const contextSchema = z.record(z.string().min(1), z.union([scalar, z.array(scalar)]));
/** A session policy document: an object, or its JSON text. */
export const sessionPolicySchema = z.union([z.record(z.string(), z.unknown()), z.string().min(1)]);
export const maxHopsSchema = z
  .number()
  .int()
  .min(1, 'maxHops must be at least 1')
  .max(MAX_HOPS, `maxHops must be at most ${MAX_HOPS}`);
export const limitSchema = (max: number) =>
  z.number().int().min(1, 'limit must be at least 1').max(max, `limit must be at most ${max}`);
export const actionSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[A-Za-z0-9*?]+$/, 'an action looks like service:Action, e.g. s3:GetObject');

/** Parses args with a schema; a failure becomes a QueryInputError naming each bad field. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const res = schema.safeParse(args);
  if (res.success) return res.data;
  const lines = res.error.issues.map(
    (i) => `${i.path.length ? i.path.join('.') : 'arguments'}: ${i.message}`,
  );
  const first = res.error.issues[0]?.path[0];
  throw new QueryInputError(lines.join('; '), typeof first === 'string' ? first : undefined);
}
