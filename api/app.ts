/**
 * createApp({ driver, config }): the whole HTTP API as an express app, a
 * function of its options with no global state, so tests start it in-process.
 *
 *   GET  /healthz            the process answers
 *   GET  /readyz             Neo4j answers (503 when not)
 *   POST /auth/session       trade a one-time sign-in token for a session cookie
 *   POST /auth/logout        end the cookie session
 *   *    /graphql            GraphQL (bearer token or session cookie)
 *   GET  /                   the page (ui/dist), `?token=` signs the browser in first
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createGraphQLError, createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { Auth, AuthError, type Caller } from './auth.ts';
import { QueryCache } from '../query/cache.ts';
import type { ApiConfig } from './config.ts';
import type { ApiContext } from './context.ts';
import { toClientError } from './errors.ts';
import { ping, scopedDriver } from './neo4j.ts';
import { acceptsJson, isPlainParams, plainJsonGraphql } from './graphql-route.ts';
import { hostAllowed } from './hosts.ts';
import { isUsualJsonBody, readJsonObject, type ParsedBody } from './json-body.ts';
import { operationCostOnce } from './request-cost.ts';
import { GateFull, RequestGate, selectsSearchField } from './request-gate.ts';
import { resolvers } from './schema/resolvers.ts';
import {
  applyHeaderWrites,
  headerWritesMiddleware,
  recordHeaderWrites,
  SECURITY_HEADERS,
} from './security-headers.ts';
import { typeDefs } from './schema/type-defs.ts';

export interface App {
  /**
   * The request listener: the usual GraphQL request (a JSON POST to /graphql, see `front` in
   * createApp) goes through the same steps as in `express` without its router; every other
   * request goes to `express`.
   */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The express app, which answers every request the same way on its own. */
  express: express.Express;
  auth: Auth;
  /** Requests still running; graceful shutdown waits for them. */
  inFlight(): number;
  /** Answers of reachability queries, per snapshot (query/cache.ts). */
  cache: QueryCache;
}

/** What express hands yoga per request (unused: the context comes from the request's async state). */
type ServerContext = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function buildSchema() {
  return createSchema<ServerContext & ApiContext>({ typeDefs, resolvers });
}

interface RequestState {
  requestId: string;
  caller?: Caller;
  /** Date.now() by which all of the request's statements must be done. */
  deadline: number;
  /** Gives back the request's place among the expensive ones (set while it holds one). */
  release?: () => void;
}

/** The cost-limit refusal in plain words: the cost found, the limit, and how to ask for less. */
function costRefusal(found: number | undefined, maxCost: number, requestId?: string): GraphQLError {
  const known = found !== undefined && Number.isFinite(found);
  const cost = known ? Math.round(found).toLocaleString('en-US') : 'more than that';
  return new GraphQLError(
    `This query is too large to run: its cost is ${cost}, and the server allows at most ${maxCost.toLocaleString('en-US')}. ` +
      'Each list multiplies the cost of what it selects by its page size (first), and nesting multiplies again. ' +
      'Ask for less: smaller first values (especially on nested lists), fewer fields in nested lists, or several smaller queries.',
    {
      extensions: {
        code: 'QUERY_TOO_COSTLY',
        cost: known ? Math.round(found) : null,
        maxCost,
        ...(requestId ? { requestId } : {}),
      },
    },
  );
}

export function createApp({
  driver,
  config,
  cache = new QueryCache(
    scopedDriver(driver, { timeoutMs: config.limits.queryTimeoutMs, database: config.database }),
    config.indexSnapshots > 0
      ? {
          index: {
            driver,
            database: config.database,
            log: config.log,
            maxSnapshots: config.indexSnapshots,
          },
        }
      : {},
  ),
}: {
  driver: Driver;
  config: ApiConfig;
  cache?: QueryCache;
}): App {
  const auth = new Auth(config);
  const als = new AsyncLocalStorage<RequestState>();
  const limits = config.limits;
  let inFlight = 0;
  const gate = new RequestGate(limits.maxExpensive, limits.expensiveQueue);
  /** Expensive operations wait for (or are refused) a place in the gate before they run. */
  const gatePlugin: Plugin = {
    async onExecute({ args, setResultAndStopExecution }) {
      const state = als.getStore();
      if (!state || state.release) return;
      // Page sizes given as variables or left to their defaults count too (graphql-armor, at
      // validation, counts only those written in the query).
      const cost = operationCostOnce(
        args.schema,
        args.document,
        (args.variableValues ?? {}) as Record<string, unknown>,
        args.operationName,
      );
      if (cost > limits.maxCost) {
        setResultAndStopExecution({ errors: [costRefusal(cost, limits.maxCost, state.requestId)] });
        return;
      }
      if (cost < limits.expensiveCost && !selectsSearchField(args.document)) return;
      try {
        state.release = await gate.acquire(state.deadline - Date.now());
      } catch (err) {
        if (!(err instanceof GateFull)) throw err;
        const busy = gate.stats();
        setResultAndStopExecution({
          errors: [
            createGraphQLError(
              `The server is busy: ${busy.max} expensive requests are running and ${busy.waiting} are waiting. ` +
                `Try again in ${limits.retryAfterSeconds} s (the Retry-After header), or ask for less at a time.`,
              {
                extensions: {
                  code: 'TOO_MANY_REQUESTS',
                  requestId: state.requestId,
                  http: { status: 429, headers: { 'Retry-After': String(limits.retryAfterSeconds) } },
                },
              },
            ),
          ],
        });
      }
    },
  };

  const yoga = createYoga<ServerContext, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    // The page is served from the same origin; CORS only for configured origins.
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: true } : false,
    graphiql: false,
    landingPage: false,
    logging: false,
    batching: false,
    // Bodies of other types than JSON (which is read before yoga) are limited here.
    maxRequestBodySize: limits.maxBodyBytes,
    maskedErrors: {
      maskError: (error) => {
        const requestId = als.getStore()?.requestId ?? 'unknown';
        return toClientError(error, requestId, (e) =>
          config.log({
            level: 'error',
            requestId,
            msg: 'unexpected error',
            error: String((e as Error)?.stack ?? e),
          }),
        );
      },
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
        costLimit: {
          maxCost: limits.maxCost,
          ignoreIntrospection: true,
          propagateOnRejection: false,
          onReject: [
            (ctx, err) => {
              const found = /found (\d+(?:\.\d+)?(?:e\+?\d+)?)/.exec(err.message)?.[1];
              ctx?.reportError(costRefusal(found === undefined ? undefined : Number(found), limits.maxCost));
            },
          ],
        },
        maxAliases: { n: limits.maxAliases },
        maxTokens: { n: limits.maxTokens },
        maxDirectives: { n: limits.maxDirectives },
        blockFieldSuggestion: { enabled: true },
      }),
      gatePlugin,
    ],
    context: (): ApiContext => {
      const state = als.getStore()!;
      const reader = cache.bind(
        scopedDriver(driver, {
          timeoutMs: limits.queryTimeoutMs,
          database: config.database,
          deadline: state.deadline,
          requestTimeoutMs: limits.requestTimeoutMs,
        }),
      );
      return {
        db: reader.driver,
        reader,
        caller: state.caller!,
        limits,
        requestId: state.requestId,
        snapshots: new Map(),
      };
    },
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  // Request id, structured access log (no headers, no tokens, no query strings), in-flight count.
  // `start`: when the request came in, if before this step.
  const track = (req: Request, res: Response, then: () => void, start = process.hrtime.bigint()) => {
    const requestId = crypto.randomUUID();
    inFlight++;
    res.setHeader('X-Request-Id', requestId);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
      state.release?.();
      config.log({
        level: 'info',
        msg: 'request',
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        role: (als.getStore() ?? state).caller?.role,
      });
    };
    const state: RequestState = { requestId, deadline: Date.now() + limits.requestTimeoutMs };
    res.on('finish', finish);
    res.on('close', finish);
    als.run(state, then);
  };
  app.use((req: Request, res: Response, next: NextFunction) => track(req, res, () => next()));

  // DNS rebinding: a page of another site whose name now points here must not be answered as if it were us.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/healthz' || hostAllowed(req.headers.host, config.allowedHosts)) return next();
    res.status(421).json({
      error: `This server does not answer for the host "${String(req.headers.host ?? '')}". Use http://127.0.0.1:PORT, or list the name in IAMATLAS_API_ALLOWED_HOSTS.`,
    });
  });

  // helmet's headers depend on its options only: recorded once, set on every response.
  const securityHeaders = recordHeaderWrites(helmet(SECURITY_HEADERS));
  app.use(headerWritesMiddleware(securityHeaders));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    const ok = await ping(driver, Math.min(limits.queryTimeoutMs, 3000), config.database);
    // Cache and index details name snapshots: only for callers with a token or a session.
    let signedIn: boolean;
    try {
      signedIn = Boolean(auth.authenticate(req));
    } catch {
      signedIn = false;
    }
    if (ok && signedIn)
      res.json({ status: 'ready', neo4j: 'reachable', cache: cache.stats(), expensive: gate.stats() });
    else if (ok) res.json({ status: 'ready', neo4j: 'reachable' });
    else
      res.status(503).json({
        status: 'unavailable',
        neo4j: 'unreachable',
        message: 'Neo4j is not reachable; the API will recover when it is back.',
      });
  });

  const json = express.json({ limit: limits.maxBodyBytes });
  app.post('/auth/session', json, (req, res) => {
    const token = typeof req.body?.token === 'string' ? (req.body.token as string) : '';
    const s = token ? auth.exchange(token) : undefined;
    if (!s) {
      res.status(401).json({
        error:
          'This sign-in token is not valid or was already used. Run `iamatlas serve` again for a new URL.',
      });
      return;
    }
    auth.setSessionCookie(res, s.sessionId);
    res.json({ role: s.role });
  });
  app.post('/auth/logout', (req, res) => {
    auth.endSession(req, res);
    res.status(204).end();
  });

  const graphqlJson = express.json({ limit: limits.maxBodyBytes });
  /** Bodies `front` read before handing the request to express. */
  const readBefore = new WeakMap<IncomingMessage, ParsedBody>();
  const readGraphqlJson = (req: Request, res: Response, then: (err?: unknown) => void) => {
    const got = readBefore.get(req);
    if (!got) return graphqlJson(req, res, then);
    if (got.err === undefined) req.body = got.body;
    then(got.err);
  };
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    // A CORS preflight carries no credentials by design: yoga's CORS handling answers it.
    if (req.method === 'OPTIONS') return next();
    try {
      als.getStore()!.caller = auth.authenticate(req);
    } catch (err) {
      if (!(err instanceof AuthError)) return next(err);
      res
        .status(err.status)
        .setHeader('WWW-Authenticate', 'Bearer realm="iam-atlas"')
        .json({
          errors: [
            {
              message: err.message,
              extensions: { code: err.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
            },
          ],
        });
      return;
    }
    const tooLarge = () =>
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than ${limits.maxBodyBytes} bytes.`,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
    const len = Number(req.headers['content-length'] ?? 0);
    if (len > limits.maxBodyBytes) return void tooLarge();
    // JSON bodies are read here, within the limit whether or not a Content-Length was sent, and
    // handed to yoga already parsed (cheaper than its stream of the body).
    readGraphqlJson(req, res, (err?: unknown) => {
      const body: unknown = req.body;
      if (!err && (body === undefined || (isObject(body) && Object.keys(body).length > 0))) return next();
      if (!err) {
        res.status(400).json({
          errors: [
            {
              message: 'The request body must be a JSON object with a "query" (and optional "variables").',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
      const e = err as { type?: string; message?: string };
      if (e.type === 'entity.too.large') return void tooLarge();
      res.status(400).json({
        errors: [
          {
            message: `The request body is not valid JSON (${e.message ?? 'unreadable'}).`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    });
  });
  // The common request (a JSON POST asking for JSON) skips the Fetch-API round trip; CORS
  // answers, when configured, are yoga's to make.
  const plainRoute = plainJsonGraphql(yoga);
  if (!config.corsOrigins.length) app.post(yoga.graphqlEndpoint, plainRoute);
  const yogaHandler = yoga as unknown as express.RequestHandler;
  app.use(yoga.graphqlEndpoint, yogaHandler);

  // The page: ?token= signs the browser in (then redirects to drop the token from the address bar).
  app.get('/', (req, res, next) => {
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (!token) return next();
    const s = auth.exchange(token);
    if (!s) {
      res
        .status(401)
        .type('text/plain')
        .send(
          'This sign-in link is not valid or was already used. Run `iamatlas serve` again for a new one.\n',
        );
      return;
    }
    auth.setSessionCookie(res, s.sessionId);
    res.redirect(303, '/');
  });
  const index = path.join(config.uiDir, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(config.uiDir, { index: 'index.html', fallthrough: true }));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/html')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>IAM Atlas</title></head>' +
            '<body><h1>IAM Atlas</h1><p>The web page is not built. Run <code>npm run build:ui</code> (or use the GraphQL API at <code>/graphql</code>).</p></body></html>',
        );
    });
  }

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found.' });
  });
  const answerError = (err: unknown, _req: Request, res: Response, _next?: NextFunction) => {
    const requestId = als.getStore()?.requestId ?? 'unknown';
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: (err as Error).message });
      return;
    }
    config.log({
      level: 'error',
      requestId,
      msg: 'unhandled error',
      error: String((err as Error)?.stack ?? err),
    });
    res.status(500).json({ error: `Internal server error (request ${requestId}).` });
  };
  app.use(answerError);

  /**
   * The usual GraphQL request without express's router: a JSON POST to exactly /graphql whose
   * body (read here, json-body.ts) is one GraphQL request asking for JSON, from a host the server
   * answers for, with credentials that pass, and no CORS configured. It goes through the steps
   * express would take it through, in the same order and with the same code (the request log
   * and id, the security headers, the caller, the plain JSON route, the error answer), on the
   * same request and response objects as express makes them. Any other request, or one whose
   * body is not such a request, goes to express (the body, if read, with it).
   */
  const front = (req: IncomingMessage, res: ServerResponse): void => {
    if (
      req.method !== 'POST' ||
      req.url !== yoga.graphqlEndpoint ||
      config.corsOrigins.length ||
      !acceptsJson(req.headers.accept) ||
      !isUsualJsonBody(req, limits.maxBodyBytes) ||
      !hostAllowed(req.headers.host, config.allowedHosts)
    )
      return void app(req, res);
    let caller: Caller;
    try {
      caller = auth.authenticate(req as Request);
    } catch {
      return void app(req, res);
    }
    const start = process.hrtime.bigint();
    inFlight++; // while the body is read
    readJsonObject(req, res, graphqlJson as never, (got) => {
      inFlight--;
      if (!('object' in got) || !isPlainParams(got.object)) {
        readBefore.set(req, 'object' in got ? { body: got.object } : got.parsed);
        return void app(req, res);
      }
      // What express's app.handle and router do to every request before its first middleware.
      const r = req as Request;
      const s = res as Response;
      r.res = s;
      s.req = r;
      Object.setPrototypeOf(r, app.request);
      Object.setPrototypeOf(s, app.response);
      s.locals ??= Object.create(null) as Record<string, unknown>;
      r.baseUrl = '';
      r.originalUrl = r.url;
      r.body = got.object;
      track(
        r,
        s,
        () => {
          applyHeaderWrites(s, securityHeaders);
          als.getStore()!.caller = caller;
          const failed = (err: unknown) => answerError(err, r, s);
          // The route passes on only requests it does not answer, which this one is not; as in express, yoga's next.
          const next = (err?: unknown) => (err === undefined ? void yogaHandler(r, s, failed) : failed(err));
          try {
            plainRoute(r, s, next);
          } catch (err) {
            failed(err);
          }
        },
        start,
      );
    });
  };

  return { handler: front, express: app, auth, inFlight: () => inFlight, cache };
}
