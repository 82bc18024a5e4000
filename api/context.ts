/** What every resolver gets: the request's Neo4j handle (with its timeout), the caller, the limits. */
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { SnapshotInfo } from '../ingest/load/snapshots.ts';
import { resolveSnapshotCached, type Reader } from '../query/cache.ts';
import type { Caller } from './auth.ts';
import type { Limits } from './config.ts';

export interface ApiContext {
  /** Neo4j for this request: every statement runs with the request's transaction timeout. */
  db: Driver;
  /** The same driver with this request's view of the answer cache and reachability index: what queries read with. */
  reader: Reader;
  caller: Caller;
  limits: Limits;
  requestId: string;
  /** Snapshots resolved during this request, by reference. */
  snapshots: Map<string, Promise<SnapshotInfo>>;
}

/** A snapshot by id or name (default: latest complete), once per request (see query/cache.ts). */
export function snapshotOf(ctx: ApiContext, ref?: string | null): Promise<SnapshotInfo> {
  const key = ref ?? '';
  let p = ctx.snapshots.get(key);
  if (!p) {
    p = resolveSnapshotCached(ctx.reader, ref ?? undefined);
    ctx.snapshots.set(key, p);
  }
  return p;
}

export function requireReviewer(ctx: ApiContext): void {
  if (ctx.caller.role !== 'reviewer')
    throw createGraphQLError('This token is read-only: review sessions need a reviewer token.', {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return createGraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

export function notFound(message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/** A write made against data that changed since the client read it; `details` say what it is now. */
export function conflict(message: string, details: Record<string, unknown>): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'CONFLICT', ...details } });
}
