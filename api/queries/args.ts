/** Shared argument schemas: every caller (CLI, GraphQL) validates with these, so inputs mean the same everywhere. */
import { z } from 'zod';
import { QueryInputError } from './errors.ts';

export const MAX_HOPS = 8;
export const DEFAULT_MAX_HOPS = 3;

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
  throw new QueryInputError(lines.join('; '));
}
