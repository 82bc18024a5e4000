/** The API's options: everything createApp needs besides the driver. Defaults are the safe ones. */
import path from 'node:path';
import * as z from 'zod';
import { projectRoot } from '../db/paths.ts';
import type { Role } from './tokens.ts';

export interface TokenCheck {
  /**
   * The role a bearer token grants and the name it acts under (what review sessions record as
   * the reviewer), or undefined when it is not a valid token.
   */
  identify(token: string): { role: Role; name: string } | undefined;
}

export interface Limits {
  /** Nesting depth of a GraphQL operation. */
  maxDepth: number;
  /** graphql-armor cost (objects and scalars weighted by depth). */
  maxCost: number;
  maxAliases: number;
  /** Lexer tokens of a document. */
  maxTokens: number;
  maxDirectives: number;
  /** Neo4j transaction timeout per statement. */
  queryTimeoutMs: number;
  /** Deadline of one request: all its statements together (and its wait for a place, below). */
  requestTimeoutMs: number;
  /** Expensive requests (api/request-gate.ts) running at once. */
  maxExpensive: number;
  /** Expensive requests that may wait for a place; beyond, HTTP 429. */
  expensiveQueue: number;
  /** A request whose graphql-armor cost reaches this is expensive whatever it asks. */
  expensiveCost: number;
  /** Retry-After (seconds) sent with a 429. */
  retryAfterSeconds: number;
  /** Largest page a connection returns. */
  maxPageSize: number;
  /** Largest request body. */
  maxBodyBytes: number;
}

export interface ApiConfig {
  tokens: TokenCheck;
  limits: Limits;
  /** Neo4j database name (default: the server's default). */
  database?: string;
  /** Folder of the built page (Vite output); served at / when it has an index.html. */
  uiDir: string;
  /** Origins allowed to call the API from a browser. Empty: CORS off. */
  corsOrigins: string[];
  /** Session cookie lifetime. */
  sessionTtlMs: number;
  /** Marks the session cookie Secure (set when served over HTTPS, directly or behind a proxy). */
  secureCookies: boolean;
  /**
   * Host header names (without port) served besides the loopback names (localhost, 127.0.0.1,
   * [::1]); any other Host is refused, which stops DNS rebinding. `*` allows any.
   */
  allowedHosts: string[];
  /** How long the one-time sign-in token that serve prints stays valid. */
  signInTtlMs: number;
  /** Structured log lines (one JSON object each); default stderr. */
  log: (entry: Record<string, unknown>) => void;
  /**
   * Snapshots whose CAN_ASSUME graph is kept in memory for reachability
   * (query/reach-index.ts; ~90 MB at 100,000 roles); 0 answers every search in Neo4j.
   */
  indexSnapshots: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxCost: 100_000,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  queryTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxExpensive: 8,
  expensiveQueue: 32,
  expensiveCost: 10_000,
  retryAfterSeconds: 2,
  maxPageSize: 500,
  maxBodyBytes: 100_000,
};

export const defaultLog = (entry: Record<string, unknown>): void => {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
};

export function apiConfig(partial: Partial<ApiConfig> & { tokens: TokenCheck }): ApiConfig {
  return {
    limits: { ...DEFAULT_LIMITS, ...partial.limits },
    uiDir: path.join(projectRoot, 'ui', 'dist'),
    corsOrigins: [],
    sessionTtlMs: 12 * 3600_000,
    secureCookies: false,
    allowedHosts: [],
    signInTtlMs: 10 * 60_000,
    log: defaultLog,
    indexSnapshots: 2,
    ...partial,
  };
}

/** Environment settings of `serve`, validated at the edge. */
export const serveEnvSchema = z.object({
  IAMATLAS_API_TOKEN: z.string().min(16, 'IAMATLAS_API_TOKEN must be at least 16 characters').optional(),
  IAMATLAS_REVIEWER_TOKEN: z
    .string()
    .min(16, 'IAMATLAS_REVIEWER_TOKEN must be at least 16 characters')
    .optional(),
  IAMATLAS_API_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  IAMATLAS_API_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  IAMATLAS_API_MAX_EXPENSIVE: z.coerce
    .number()
    .int()
    .min(1, 'IAMATLAS_API_MAX_EXPENSIVE must be at least 1')
    .max(1000)
    .optional(),
  IAMATLAS_API_EXPENSIVE_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  IAMATLAS_API_CORS_ORIGINS: z.string().optional(),
  IAMATLAS_API_ALLOWED_HOSTS: z.string().optional(),
  IAMATLAS_API_INDEX_SNAPSHOTS: z.coerce
    .number()
    .int()
    .min(0, 'IAMATLAS_API_INDEX_SNAPSHOTS must be 0 (no index) or more')
    .max(16, 'IAMATLAS_API_INDEX_SNAPSHOTS must be at most 16')
    .optional(),
  /**
   * '1' in a container whose published port is bound to the host's loopback only
   * (docker-compose.yml): listening on every interface inside it is then no wider
   * exposure than 127.0.0.1 on the host.
   */
  IAMATLAS_ALLOW_CONTAINER_HOST: z
    .enum(['0', '1'], { message: 'IAMATLAS_ALLOW_CONTAINER_HOST must be 1 (in a container) or 0' })
    .optional(),
  /** The URL people open (e.g. the host side of a published port), for the printed sign-in URL. */
  IAMATLAS_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message: 'IAMATLAS_PUBLIC_URL must be an http(s) URL such as http://127.0.0.1:4000',
    })
    .optional(),
});
