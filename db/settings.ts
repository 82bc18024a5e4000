import { z } from 'zod';

/** Settings from the environment, validated at the edge. */
const envSchema = z.object({
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).optional(),
  NEO4J_USERNAME: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  IAMATLAS_NEO4J_PORT: z.coerce.number().int().min(1024).max(65535).default(7688),
  IAMATLAS_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, 'a JVM size such as 1g or 768m')
    .default('1g'),
  IAMATLAS_NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(512),
  IAMATLAS_NEO4J_START_TIMEOUT_S: z.coerce.number().int().min(5).default(180),
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
