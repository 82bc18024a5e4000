/**
 * Command-line options as query-layer arguments: text turned into values here,
 * then checked with the query's own schema (query/), before any connection, so
 * a bad option is a usage error naming the option.
 */
import fs from 'node:fs';
import type * as z from 'zod/mini';
import { ASSUMPTION_NAMES, type Assumptions } from '../query/assumptions.ts';
import type { ContextValue } from '../engine/types.ts';
import { CliError, EXIT } from './output.ts';

/** Commander collector for repeatable options. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** An integer option as given (undefined when left out); the schema says what is allowed. */
export const intText = (v: string | undefined): number | undefined =>
  v === undefined ? undefined : Number(v);

/** The option each query argument comes from, for messages. */
const FLAGS: Record<string, string> = {
  maxHops: '--max-hops',
  limit: '--limit',
  action: '--action',
  resource: '--resource',
  principal: '--principal',
  role: '--role',
  from: '--from',
  to: '--to',
  severity: '--severity',
  kind: '--kind',
  account: '--account',
  context: '--context',
  person: '--person',
  level: '--level',
  zone: '--zone',
  type: '--type',
  publicOnly: '--public',
  offset: '--offset',
  includePaths: '--direct',
};

/**
 * `args` checked with a query's schema; a failure is a usage error whose message
 * names the option (`--max-hops must be at most 8`).
 */
export function queryArgs<S extends z.ZodMiniType>(schema: S, args: unknown): z.output<S> {
  const res = schema.safeParse(args);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => {
    const field = typeof i.path[0] === 'string' ? i.path[0] : undefined;
    const flag = field ? (FLAGS[field] ?? field) : undefined;
    if (!field || !flag) return i.message;
    return i.message.startsWith(field) ? flag + i.message.slice(field.length) : `${flag}: ${i.message}`;
  });
  throw new CliError(lines.join('; '), EXIT.usage);
}

/** `--context KEY=VALUE`: true/false become booleans, other values stay strings (the engine coerces), a repeated key becomes a list. */
export function parseContext(pairs: readonly string[] = []): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new CliError(
        `--context "${pair}" is not KEY=VALUE. Example: --context aws:MultiFactorAuthPresent=true`,
        EXIT.usage,
      );
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    const value = raw === 'true' ? true : raw === 'false' ? false : raw;
    const prev = context[key];
    context[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return context;
}

/** `--session-policy FILE`: the JSON policy document it holds. */
export function readSessionPolicy(file: string | undefined): Record<string, unknown> | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `Cannot read the session policy file ${file}: ${(err as Error).message}`,
      EXIT.badInput,
    );
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a JSON object');
    return doc as Record<string, unknown>;
  } catch (err) {
    throw new CliError(
      `The session policy file ${file} is not a JSON policy document (${(err as Error).message}). ` +
        'It should look like {"Version": "2012-10-17", "Statement": [...]}.',
      EXIT.badInput,
    );
  }
}

/** `--without NAME`: assume the caller cannot satisfy conditions of that kind (edges needing them are dropped). */
export function parseAssumptions(names: readonly string[] = []): Assumptions | undefined {
  if (names.length === 0) return undefined;
  const a: Assumptions = {};
  for (const name of names.flatMap((n) => n.split(','))) {
    if (name === 'all') {
      for (const n of ASSUMPTION_NAMES) a[n] = false;
      continue;
    }
    const known = ASSUMPTION_NAMES.find((n) => n.toLowerCase() === name.trim().toLowerCase());
    if (!known)
      throw new CliError(
        `--without "${name}" is not an assumption. Use one of ${ASSUMPTION_NAMES.join(', ')}, or all.`,
        EXIT.usage,
      );
    a[known] = false;
  }
  return a;
}
