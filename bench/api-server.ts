/**
 * The API server for `npm run bench -- api`, in its own process so that the
 * load generator does not share its event loop. The parent talks to it over
 * the fork IPC channel: it learns the URL, reads and clears the query cache.
 */
// First: the libraries below load in production mode, as `iamatlas serve` loads them.
import '../api/production-mode.ts';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import type { QueryCache } from '../query/cache.ts';
import { apiConfig } from '../api/config.ts';
import { startServer } from '../api/server.ts';
import { tokenCheck } from '../api/tokens.ts';
import { connect } from '../db/connection.ts';

export type BenchServerMessage =
  | { type: 'ready'; url: string }
  | { type: 'stats'; stats: { hits: number; misses: number; entries: number; snapshotReads: number } }
  | { type: 'cleared' }
  | { type: 'settled'; indexes: ReturnType<QueryCache['stats']>['indexes'] }
  | { type: 'memory'; rssMB: number; heapMB: number }
  | { type: 'cpu'; micros: number }
  | { type: 'profiling' }
  | { type: 'profiled' };

const send = (m: BenchServerMessage) => process.send?.(m);

const tokenSha = process.env.IAMATLAS_BENCH_TOKEN_SHA256;
if (!tokenSha || !process.send) {
  process.stderr.write('bench/api-server.ts is started by bench/api.ts\n');
  process.exit(2);
}
const { driver } = await connect(() => {});
// Request logs go to stderr as `serve` writes them (bench/api.ts points stderr at a file).
const config = apiConfig({ tokens: tokenCheck([{ role: 'reader', sha256: tokenSha }]) });
const server = await startServer({ driver, config, port: 0 });
// CPU profiles of single cells (--cpu-prof): started and stopped on request, written where asked.
const inspector = new Session();
inspector.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    inspector.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
  );

process.on('message', (m: { type: string; file?: string }) => {
  if (m.type === 'profile-start')
    void post('Profiler.enable')
      .then(() => post('Profiler.start'))
      .then(() => send({ type: 'profiling' }));
  else if (m.type === 'profile-stop')
    void post('Profiler.stop').then((res) => {
      fs.writeFileSync(m.file!, JSON.stringify((res as { profile: unknown }).profile));
      send({ type: 'profiled' });
    });
  else if (m.type === 'memory' || m.type === 'memory-after-gc') {
    // After a full collection (the process runs with --expose-gc), RSS shows what is kept, not garbage not yet collected.
    if (m.type === 'memory-after-gc') (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    send({
      type: 'memory',
      rssMB: Math.round(mem.rss / 2 ** 20),
      heapMB: Math.round(mem.heapUsed / 2 ** 20),
    });
  } else if (m.type === 'cpu') {
    const c = process.cpuUsage();
    send({ type: 'cpu', micros: c.user + c.system });
  } else if (m.type === 'stats') send({ type: 'stats', stats: server.app.cache.stats() });
  else if (m.type === 'clear') {
    server.app.cache.clear();
    send({ type: 'cleared' });
  } else if (m.type === 'settle') {
    // Reachability indexes started by the requests so far: wait until built.
    void server.app.cache.indexes
      ?.settled()
      .then(() => send({ type: 'settled', indexes: server.app.cache.stats().indexes }));
  } else if (m.type === 'close') {
    void server
      .close()
      .then(() => driver.close())
      .then(() => process.exit(0));
  }
});
send({ type: 'ready', url: server.url });
