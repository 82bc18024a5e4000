// zod's small build (https://zod.dev/packages/mini): every command that connects reads the
// settings, and the full build takes tens of milliseconds to load.
// The small build carries no messages of its own; these are the full build's English ones.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());

const size = (min: number) => z.coerce.number().check(z.int(), z.minimum(min));

/** Settings from the environment, validated at the edge. */
const envSchema = z.object({
  NEO4J_URI: z.optional(z.string().check(z.minLength(1))),
  NEO4J_USER: z.optional(z.string().check(z.minLength(1))),
  NEO4J_USERNAME: z.optional(z.string().check(z.minLength(1))),
  NEO4J_PASSWORD: z.optional(z.string()),
  NEO4J_DATABASE: z.optional(z.string().check(z.minLength(1))),
  IAMATLAS_NEO4J_PORT: z._default(size(1024).check(z.maximum(65535)), 7688),
  IAMATLAS_NEO4J_HEAP: z._default(
    z.string().check(z.regex(/^\d+[mMgG]$/, 'a JVM size such as 1g or 768m')),
    '1g',
  ),
  IAMATLAS_NEO4J_PAGECACHE_MB: z._default(size(16), 512),
  IAMATLAS_NEO4J_START_TIMEOUT_S: z._default(size(5), 180),
});

export type Settings = z.infer<typeof envSchema>;

import { SettingsError } from './errors.ts';

export { SettingsError };

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid environment settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
