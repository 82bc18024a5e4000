/**
 * What a query function reads with, passed explicitly: a plain driver (the CLI,
 * tests: every answer computed) or a Reader, which adds one request's view of
 * the API's answer cache and reachability indexes (query/cache.ts).
 */
import type { Driver } from 'neo4j-driver';
import type { RequestCache } from './cache.ts';

/** What a query reads with: the driver, and, inside the API, the request's view of the cache. */
export class Reader {
  constructor(
    readonly driver: Driver,
    readonly cache?: RequestCache,
  ) {}
}

/** A query function's dependencies: a plain driver (nothing cached) or a Reader. */
export type Source = Driver | Reader;

export function readerOf(source: Source): Reader {
  return source instanceof Reader ? source : new Reader(source);
}

export function driverOf(source: Source): Driver {
  return source instanceof Reader ? source.driver : source;
}
