/** Listening and stopping: an HTTP server around createApp, with graceful shutdown. */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { createApp, type App } from './app.ts';
import type { ApiConfig } from './config.ts';

export interface RunningServer {
  app: App;
  server: http.Server;
  port: number;
  /** http://HOST:PORT, or https:// with TLS */
  url: string;
  /** Stops accepting, lets running requests finish (up to graceMs), then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(opts: {
  driver: Driver;
  config: ApiConfig;
  host?: string;
  port?: number;
  /** PEM certificate chain and key: serve HTTPS instead of HTTP. */
  tls?: { cert: Buffer; key: Buffer };
}): Promise<RunningServer> {
  const app = createApp({ driver: opts.driver, config: opts.config });
  const server: http.Server = opts.tls
    ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, app.handler)
    : http.createServer(app.handler);
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    port,
    url: `${opts.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const deadline = Date.now() + graceMs;
        while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
