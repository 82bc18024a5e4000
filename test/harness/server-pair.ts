/** Two HTTP apps on ports of their own, for tests that compare their answers to one request. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * Serves each app on 127.0.0.1 before the file's tests and closes them after; `urls` holds their
 * base URLs (`http://127.0.0.1:PORT`) in the same order once the tests run.
 */
export function servePair(apps: () => http.RequestListener[]): { urls: string[] } {
  const out = { urls: [] as string[] };
  let servers: http.Server[] = [];
  beforeAll(async () => {
    servers = apps().map((a) => http.createServer(a));
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    out.urls = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  });
  afterAll(() => servers.forEach((s) => s.close()));
  return out;
}
