// zod's small build (https://zod.dev/packages/mini): every command that connects reads the
// settings, and the full build takes tens of milliseconds to load.
// The small build carries no messages of its own; these are the full build's English ones.
import os from 'node:os';
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
  /** Unset: sized from the machine's memory (`defaultNeo4jMemory`). */
  IAMATLAS_NEO4J_HEAP: z.optional(z.string().check(z.regex(/^\d+[mMgG]$/, 'a JVM size such as 1g or 768m'))),
  IAMATLAS_NEO4J_PAGECACHE_MB: z.optional(size(16)),
  IAMATLAS_NEO4J_START_TIMEOUT_S: z._default(size(5), 180),
});

export type Settings = z.infer<typeof envSchema> & {
  IAMATLAS_NEO4J_HEAP: string;
  IAMATLAS_NEO4J_PAGECACHE_MB: number;
};

import { SettingsError } from './errors.ts';

export { SettingsError };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The memory this process may use: the machine's, or less when a container's limit says so. */
function machineMemory(): number {
  // https://nodejs.org/api/process.html#processconstrainedmemory: 0 or a huge number when unlimited.
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 && limit < os.totalmem() ? limit : os.totalmem();
}

/**
 * The local server's memory when the environment does not set it: an eighth of the
 * machine's memory as heap (1 to 4 GB) and a sixth as page cache (512 MB to 8 GB), so
 * that a large organization's graph and indexes stay in memory while it loads, and
 * most of the machine is left to the ingest and everything else. 24 GiB of memory
 * give a 3 GB heap and a 4 GB page cache; 8 GiB give 1 GB and 1.25 GB.
 */
export function defaultNeo4jMemory(totalBytes = machineMemory()): { heap: string; pageCacheMb: number } {
  const mb = totalBytes / 2 ** 20;
  const heapMb = clamp(Math.floor(mb / 8 / 512) * 512, 1024, 4096);
  return {
    heap: heapMb % 1024 === 0 ? `${heapMb / 1024}g` : `${heapMb}m`,
    pageCacheMb: clamp(Math.floor(mb / 6 / 256) * 256, 512, 8192),
  };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid environment settings:\n${lines.join('\n')}`);
  }
  const memory = defaultNeo4jMemory();
  return {
    ...parsed.data,
    IAMATLAS_NEO4J_HEAP: parsed.data.IAMATLAS_NEO4J_HEAP ?? memory.heap,
    IAMATLAS_NEO4J_PAGECACHE_MB: parsed.data.IAMATLAS_NEO4J_PAGECACHE_MB ?? memory.pageCacheMb,
  };
}
