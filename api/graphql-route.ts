/**
 * The common GraphQL request, answered without the Fetch-API round trip: a POST of a JSON object
 * (already read by express.json) with `query` and the usual optional members, asking for JSON.
 * yoga runs it as it runs every request once it has the parameters (`getResultForParams`: the
 * parameter checks, parse and validation with their cache, graphql-armor, the request gate, the
 * context, execution, masked errors), and yoga's own `processRegularResult` makes the status, the
 * headers and the body; only the Fetch `Request` built from the Node.js request and the Fetch
 * `Response` copied back to it are left out. Anything else (GET, other media types, batches, other
 * members, an `Accept` other than JSON, CORS) goes on to yoga's whole handler.
 *
 * GraphQL over HTTP: https://graphql.github.io/graphql-over-http/draft/
 */
import type { NextFunction, Request, Response } from 'express';
import { processRegularResult, type GraphQLParams } from 'graphql-yoga';

/** The members a GraphQL-over-HTTP request body may have, with what each must be. */
const PARAMS: Record<string, (v: unknown) => boolean> = {
  query: (v) => typeof v === 'string',
  variables: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)),
  operationName: (v) => v === null || typeof v === 'string',
  extensions: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)),
};

/** Accept headers for which yoga answers `application/json` (none, any, or JSON itself). */
const JSON_ACCEPTS = new Set([undefined, '*/*', 'application/json']);

/** Is this request one yoga would take as a single JSON operation answered as `application/json`? */
function isPlainJsonPost(req: Request): boolean {
  if (req.method !== 'POST' || req.originalUrl !== '/graphql') return false;
  return acceptsJson(req.headers.accept) && isPlainParams(req.body);
}

/** Does yoga answer a request with this `Accept` header with `application/json`? */
export function acceptsJson(accept: string | undefined): boolean {
  return JSON_ACCEPTS.has(accept);
}

/** Is this parsed body one GraphQL request: an object with a string `query` and only the members GraphQL over HTTP defines? */
export function isPlainParams(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  if (typeof (body as { query?: unknown }).query !== 'string') return false;
  for (const key in body) {
    const check = PARAMS[key];
    if (!check || !check((body as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** What yoga's result processor hands to its Fetch `Response`: kept as it is, then written. */
class Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    readonly body: string,
    init: { status?: number; headers?: Record<string, string> },
  ) {
    this.status = init.status ?? 200;
    this.headers = init.headers ?? {};
  }
}
const ANSWER_API = { Response: Answer } as unknown as Parameters<typeof processRegularResult>[1];

/** The request as plugins may look at it: method, URL and headers (read from the Node.js request). */
function requestView(req: Request): globalThis.Request {
  const headers = {
    get: (name: string) => {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    has: (name: string) => req.headers[name.toLowerCase()] !== undefined,
  };
  return { method: 'POST', url: `http://${req.headers.host ?? 'localhost'}/graphql`, headers } as never;
}

/**
 * An express handler for /graphql placed before yoga's: answers plain JSON POSTs itself and passes
 * every other request on (`next()`). Only for a yoga without CORS (whose headers it would not add).
 */
export function plainJsonGraphql<C extends object>(yoga: {
  getResultForParams(payload: { params: GraphQLParams; request: globalThis.Request }, context: C): unknown;
}) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isPlainJsonPost(req)) return next();
    const serverContext = { req, res } as unknown as C;
    Promise.resolve(
      yoga.getResultForParams(
        { params: req.body as GraphQLParams, request: requestView(req) },
        serverContext,
      ),
    )
      .then((result) => {
        if (res.writableEnded || res.destroyed) return;
        const answer = processRegularResult(
          result as never,
          ANSWER_API,
          'application/json',
        ) as unknown as Answer;
        const body = Buffer.from(answer.body, 'utf8');
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
        res.end(body);
      })
      .catch(next);
  };
}
