/**
 * Every query's bounds and defaults, and the argument schemas they share: the
 * CLI and the GraphQL API validate with the query's own schema, so an input
 * means the same everywhere and each default is written once, here.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { QueryInputError } from './errors.ts';

// zod's small build (https://zod.dev/packages/mini) loads in a fraction of the full build's time; it
// carries no messages of its own, so the full build's English ones are set here.
z.config(en());

export * from './bounds.ts';
import { MAX_HOPS } from './bounds.ts';

const scalar = z.union([z.string(), z.boolean(), z.number()]);
/** Request context: keys as AWS writes them, values as AWS would send them; lists for multi-valued keys. */
export const contextSchema = z.record(z.string().check(z.minLength(1)), z.union([scalar, z.array(scalar)]));
/** A session policy document: an object, or its JSON text. */
export const sessionPolicySchema = z.union([
  z.record(z.string(), z.unknown()),
  z.string().check(z.minLength(1)),
]);
export const maxHopsSchema = z
  .number()
  .check(
    z.int(),
    z.minimum(1, 'maxHops must be at least 1'),
    z.maximum(MAX_HOPS, `maxHops must be at most ${MAX_HOPS}`),
  );
export const limitSchema = (max: number) =>
  z
    .number()
    .check(z.int(), z.minimum(1, 'limit must be at least 1'), z.maximum(max, `limit must be at most ${max}`));
export const actionSchema = z
  .string()
  .check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9*?]+$/, 'an action looks like service:Action, e.g. s3:GetObject'));

/** Parses args with a schema; a failure becomes a QueryInputError naming each bad field. */
export function parseArgs<S extends $ZodType>(schema: S, args: unknown): z.output<S> {
  const res = z.safeParse(schema, args);
  if (res.success) return res.data;
  const lines = res.error.issues.map(
    (i) => `${i.path.length ? i.path.join('.') : 'arguments'}: ${i.message}`,
  );
  const first = res.error.issues[0]?.path[0];
  throw new QueryInputError(lines.join('; '), typeof first === 'string' ? first : undefined);
}
