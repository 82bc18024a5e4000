/**
 * API tokens. Two roles: `reader` (every query) and `reviewer` (also the review
 * session mutations). Tokens are kept hashed (SHA-256) in `api-tokens.json` in
 * the IAM Atlas home, mode 0600; the plain tokens are shown once, when created.
 * IAMATLAS_API_TOKEN (reader) and IAMATLAS_REVIEWER_TOKEN (reviewer) replace
 * the stored token of their role.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { TokenCheck } from './config.ts';

export type Role = 'reader' | 'reviewer';

const fileSchema = z.object({
  version: z.literal(1),
  tokens: z.array(
    z.object({
      role: z.enum(['reader', 'reviewer']),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** Who holds the token: what review sessions record as the reviewer. */
      name: z.string().trim().min(1).max(100).optional(),
    }),
  ),
});

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = (prefix: string): string =>
  `${prefix}_${crypto.randomBytes(24).toString('base64url')}`;

/** The name a token acts under when none is given: its role and the start of its hash (not the token). */
export const defaultTokenName = (role: Role, sha256: string): string => `${role} token ${sha256.slice(0, 8)}`;

/** Tokens remembered as verified (a client sends the same token with every request). */
const VERIFIED_KEPT = 64;

/**
 * Checks a token against role → sha256 hashes in constant time per hash. A
 * token that passed is remembered (up to VERIFIED_KEPT, the oldest forgotten
 * first), so the next request with it is not hashed again; the hashes are
 * fixed for the life of the check, so a remembered answer stays true. Tokens
 * that fail are never remembered: each is hashed and compared in full.
 */
export function tokenCheck(hashes: { role: Role; sha256: string; name?: string }[]): TokenCheck {
  const list = hashes.map((h) => ({
    role: h.role,
    name: h.name ?? defaultTokenName(h.role, h.sha256),
    digest: Buffer.from(h.sha256, 'hex'),
  }));
  const verified = new Map<string, { role: Role; name: string }>();
  return {
    identify(token: string) {
      const known = verified.get(token);
      if (known) return { ...known };
      const d = crypto.createHash('sha256').update(token).digest();
      let found: { role: Role; name: string } | undefined;
      for (const h of list) if (crypto.timingSafeEqual(d, h.digest)) found ??= { role: h.role, name: h.name };
      if (found) {
        if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, found);
        return { ...found };
      }
      return found;
    },
  };
}

export interface TokenSetup {
  check: TokenCheck;
  /** Tokens created just now (print them once); empty when they existed or came from the environment. */
  created: { role: Role; token: string }[];
  file: string;
}

/** Loads the stored token hashes, creating a token for each role that has none, and applies env overrides. */
export function setupTokens(home: string, env: { reader?: string; reviewer?: string } = {}): TokenSetup {
  const file = path.join(home, 'api-tokens.json');
  let stored: z.infer<typeof fileSchema> = { version: 1, tokens: [] };
  if (fs.existsSync(file)) {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file} is not a valid token file; delete it and start again to create new tokens.`);
    stored = parsed.data;
  }
  const created: TokenSetup['created'] = [];
  for (const role of ['reader', 'reviewer'] as const) {
    if (env[role] || stored.tokens.some((t) => t.role === role)) continue;
    const token = newToken(role === 'reader' ? 'iamr' : 'iamw');
    stored.tokens.push({ role, sha256: hashToken(token) });
    created.push({ role, token });
  }
  if (created.length) {
    fs.mkdirSync(home, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  const hashes = stored.tokens.filter((t) => !env[t.role]);
  for (const role of ['reader', 'reviewer'] as const) {
    const t = env[role];
    if (t) hashes.push({ role, sha256: hashToken(t) });
  }
  return { check: tokenCheck(hashes), created, file };
}
