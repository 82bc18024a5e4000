/**
 * Security headers made once: a middleware's header writes (helmet's, whose values depend on its
 * options only) recorded at start and replayed on every response, without running the middleware
 * per request. The recorded writes are the middleware's own, so the headers and their values are
 * the same by construction; `api/security-headers.test.ts` compares a response of each.
 */
import type { NextFunction, Request, Response } from 'express';
import type { HelmetOptions } from 'helmet';

/** helmet's options for every response: the page's content security policy, no referrer. */
export const SECURITY_HEADERS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: true,
  referrerPolicy: { policy: 'no-referrer' },
};

type HeaderMiddleware = (req: Request, res: Response, next: (err?: unknown) => void) => void;

/** What a middleware did to a response's headers, in order: set (name and value) or removed (name only). */
export type HeaderWrites = readonly (readonly [name: string, value?: string])[];

/**
 * Runs `middleware` once on a response that only records header writes and returns them; throws
 * when the middleware does anything else (reads the request, answers, fails, or does not call next).
 */
export function recordHeaderWrites(middleware: HeaderMiddleware): HeaderWrites {
  const writes: [string, string?][] = [];
  let passed = false;
  const res = {
    setHeader(name: string, value: unknown) {
      if (typeof value !== 'string') throw new Error(`header ${name}: a value that is not text`);
      writes.push([name, value]);
      return res;
    },
    removeHeader(name: string) {
      writes.push([name]);
    },
  };
  const req = new Proxy(
    {},
    {
      get(_t, prop) {
        throw new Error(`the security headers read the request (${String(prop)})`);
      },
    },
  );
  middleware(req as Request, res as unknown as Response, (err) => {
    if (err) throw err;
    passed = true;
  });
  if (!passed) throw new Error('the security headers middleware did not pass the request on');
  return writes;
}

/** Applies recorded header writes to a response. */
export function applyHeaderWrites(res: Response, writes: HeaderWrites): void {
  for (const [name, value] of writes) {
    if (value === undefined) res.removeHeader(name);
    else res.setHeader(name, value);
  }
}

/** An express middleware that applies `writes` and passes the request on. */
export function headerWritesMiddleware(writes: HeaderWrites) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    applyHeaderWrites(res, writes);
    next();
  };
}
