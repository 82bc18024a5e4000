import express from 'express';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { servePair } from '../test/harness/server-pair.ts';
import { headerWritesMiddleware, recordHeaderWrites, SECURITY_HEADERS } from './security-headers.ts';

/** The same app twice: helmet run per request, and helmet's writes recorded once and replayed. */
function app(recorded: boolean) {
  const a = express();
  a.use(
    recorded
      ? headerWritesMiddleware(recordHeaderWrites(helmet(SECURITY_HEADERS)))
      : helmet(SECURITY_HEADERS),
  );
  a.get('/', (_req, res) => void res.json({ ok: true }));
  return a;
}

const served = servePair(() => [app(true), app(false)]);

describe('security headers recorded once', () => {
  it('are the headers helmet sets, with the same values, in the same order', async () => {
    const [mine, helmets] = await Promise.all(
      served.urls.map(async (url) => [...(await fetch(`${url}/`)).headers].filter(([k]) => k !== 'date')),
    );
    expect(mine).toEqual(helmets);
    expect(mine!.map(([k]) => k)).toContain('content-security-policy');
    expect(mine!.map(([k]) => k)).not.toContain('x-powered-by');
  });

  it('refuse a middleware that reads the request', () => {
    expect(() => recordHeaderWrites((req, _res, next) => next(req.headers))).toThrow(/read the request/);
  });
});
