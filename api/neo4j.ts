/**
 * Neo4j as the API uses it: every statement of a request runs with the
 * request's transaction timeout, without the driver's retry loop (a request
 * must answer now, not after 30 s of retries while the database is away), and
 * driver failures are sorted into "database unavailable" and "query timed out".
 */
import neo4j, { type Driver, type QueryConfig } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';

export class DatabaseUnavailable extends Error {
  override readonly name = 'DatabaseUnavailable';
}
export class QueryTimeout extends Error {
  override readonly name = 'QueryTimeout';
}
/** The request's deadline passed: every statement of it was stopped. */
export class RequestDeadline extends Error {
  override readonly name = 'RequestDeadline';
}

/**
 * How long past a statement's own timeout the client waits for Neo4j to say so, before giving up
 * itself: Neo4j checks timeouts every 2 s by default (db.transaction.monitor.check.interval,
 * https://neo4j.com/docs/operations-manual/current/configuration/configuration-settings/), and a
 * loaded server takes a moment more.
 */
export const CLIENT_GRACE_MS = 5000;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Sorts a driver error: unavailable, timeout, or anything else (returned as is). */
export function classifyNeo4jError(err: unknown): Error {
  if (err instanceof DatabaseUnavailable || err instanceof QueryTimeout || err instanceof RequestDeadline)
    return err;
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? '';
  if (
    UNAVAILABLE_CODES.has(code) ||
    /ECONNREFUSED|ECONNRESET|Connection was closed|Pool is closed/i.test(msg)
  )
    return new DatabaseUnavailable(
      'Neo4j is not reachable right now. The API retries on the next request; check that the database is running.',
    );
  if (/TransactionTimedOut|TransactionTerminated/i.test(code) || /timed out|terminated/i.test(code + msg))
    return new QueryTimeout(
      'The query took longer than the server allows and was stopped. Ask for fewer hops, a smaller limit, or stricter assumptions.',
    );
  return err as Error;
}

export interface ScopeOptions {
  /** Transaction timeout for each statement, in milliseconds. */
  timeoutMs: number;
  database?: string;
  /**
   * The request's deadline (Date.now() milliseconds): every statement's transaction timeout is cut
   * to the time left, so Neo4j stops the request's transactions when it passes, and no statement
   * starts after it.
   */
  deadline?: number;
  /** The total the deadline stands for, for the message (milliseconds). */
  requestTimeoutMs?: number;
}

function deadlineError(opts: ScopeOptions): RequestDeadline {
  const total = opts.requestTimeoutMs
    ? ` (${opts.requestTimeoutMs} ms for all its database statements together)`
    : '';
  return new RequestDeadline(
    `This request ran longer than the server allows${total} and was stopped. ` +
      'Ask for less in one request (fewer fields, smaller pages, fewer hops) or split it into several.',
  );
}

/**
 * A Driver whose executeQuery runs one auto-commit statement in a fresh session
 * with the timeout, and throws DatabaseUnavailable/QueryTimeout. Everything
 * else (session(), close(), ...) passes through. The query layer takes a Driver,
 * so this is how the API's limits reach it without changing it.
 */
export function scopedDriver(driver: Driver, opts: ScopeOptions): Driver {
  const executeQuery = async (query: string, parameters?: Record<string, unknown>, config?: QueryConfig) => {
    const write = config?.routing === neo4j.routing.WRITE;
    let timeout = Number(config?.transactionConfig?.timeout ?? opts.timeoutMs);
    const left = opts.deadline === undefined ? Infinity : opts.deadline - Date.now();
    if (left <= 0) throw deadlineError(opts);
    const byDeadline = left < timeout;
    if (byDeadline) timeout = Math.max(1, Math.floor(left));
    const session = driver.session({
      database: config?.database ?? opts.database,
      defaultAccessMode: write ? neo4j.session.WRITE : neo4j.session.READ,
    });
    // Neo4j enforces the transaction timeout; a database that stopped answering cannot, so the
    // client gives up a little later by itself.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('client-side timeout')), timeout + CLIENT_GRACE_MS);
      timer.unref();
    });
    try {
      const res = await Promise.race([session.run(query, parameters, { timeout }), hung]);
      return { keys: res.records[0]?.keys ?? [], records: res.records, summary: res.summary };
    } catch (err) {
      if ((err as Error).message === 'client-side timeout')
        throw new DatabaseUnavailable(
          `Neo4j did not answer within ${timeout + CLIENT_GRACE_MS} ms. Check that the database is running and not overloaded.`,
        );
      const e = classifyNeo4jError(err);
      if (e instanceof QueryTimeout && byDeadline) throw deadlineError(opts);
      throw e;
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => {});
    }
  };
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'executeQuery') return executeQuery;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Is Neo4j answering? For /readyz: one trivial statement with a short timeout. */
export async function ping(driver: Driver, timeoutMs: number, database?: string): Promise<boolean> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref(),
    );
    await Promise.race([session.run(statement('api/health', 'ping'), {}, { timeout: timeoutMs }), timer]);
    return true;
  } catch {
    return false;
  } finally {
    // Not awaited: closing waits for the connection, which a hung database never finishes opening.
    void session.close().catch(() => {});
  }
}
