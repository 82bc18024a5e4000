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

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Sorts a driver error: unavailable, timeout, or anything else (returned as is). */
export function classifyNeo4jError(err: unknown): Error {
  if (err instanceof DatabaseUnavailable || err instanceof QueryTimeout) return err;
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
    const session = driver.session({
      database: config?.database ?? opts.database,
      defaultAccessMode: write ? neo4j.session.WRITE : neo4j.session.READ,
    });
    try {
      const res = await session.run(query, parameters, {
        timeout: config?.transactionConfig?.timeout ?? opts.timeoutMs,
      });
      return { keys: res.records[0]?.keys ?? [], records: res.records, summary: res.summary };
    } catch (err) {
      throw classifyNeo4jError(err);
    } finally {
      await session.close().catch(() => {});
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
    await session.close().catch(() => {});
  }
}
