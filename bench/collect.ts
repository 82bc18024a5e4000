/**
 * `collect` throughput: accounts per minute, through the real AWS SDK, against
 * a local AWS endpoint (the one the collector's tests use) that waits a fixed
 * latency before answering each call.
 *
 *   npm run bench -- collect [--accounts 100] [--latency 50] [--concurrency 4]
 *
 * The endpoint runs in a worker thread (bench/collect-server.ts). Every account is a copy of the demo organization's 222222222222 (19 roles,
 * 4 users, 7 policies); pages are AWS's default sizes (100 entries for
 * GetAccountAuthorizationDetails, 20 for Organizations lists).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCollect } from '../collect/run.ts';
import type { CollectProgress } from '../collect/progress.ts';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const n = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} takes a whole number`);
  return n;
}

const quiet: CollectProgress = {
  log: () => {},
  accountStart: () => {},
  accountStep: () => {},
  accountEnd: () => {},
  stop: () => {},
};

export async function run(args: string[]): Promise<void> {
  const accounts = option(args, '--accounts', 100);
  const latencyMs = option(args, '--latency', 50);
  const concurrency = option(args, '--concurrency', 4);
  const caller = { accessKeyId: 'AKIABENCHCALLER00001', secretAccessKey: 'bench-secret-not-a-real-key' };
  // The worker loads TypeScript through tsx's loader, as this process does.
  const entry = new URL('./collect-server.ts', import.meta.url).href;
  const server = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { accounts, latencyMs, caller } },
  );
  const [{ url }] = (await once(server, 'message')) as [{ url: string }];
  // The SDK's default credential chain reads these, as it would a user's.
  process.env.AWS_ACCESS_KEY_ID = caller.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = caller.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  const out = await mkdtemp(path.join(tmpdir(), 'iamatlas-bench-collect-'));
  try {
    const started = performance.now();
    const result = await runCollect(
      {
        roleName: 'OrganizationAccountAccessRole',
        concurrency,
        out,
        refresh: true,
        region: 'us-east-1',
        endpoint: url,
        toolVersion: 'bench',
      },
      quiet,
    );
    const seconds = (performance.now() - started) / 1000;
    const ok = result.manifest.accounts.filter((a) => a.status === 'ok').length;
    server.postMessage('stop');
    const [{ calls }] = (await once(server, 'message')) as [{ calls: number }];
    process.stdout.write(
      `collect: ${ok}/${accounts} accounts ok in ${seconds.toFixed(1)} s, ${latencyMs} ms per call, concurrency ${concurrency}\n` +
        `  ${calls} API calls (${(calls / Math.max(ok, 1)).toFixed(1)} per account)\n` +
        `  ${((ok / seconds) * 60).toFixed(0)} accounts per minute\n`,
    );
  } finally {
    await server.terminate();
    await rm(out, { recursive: true, force: true });
  }
}
