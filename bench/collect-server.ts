/**
 * The local AWS endpoint of `bench -- collect` and `bench -- pmapper`, in a
 * worker thread of its own so that serving the calls does not take CPU time
 * from the client being measured. Serves a generated organization of
 * `accounts` accounts, or the one account of a get-account-authorization-details
 * file. Posts its URL, then the number of calls it answered when asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeAws } from '../test/collect/fake-aws/server.ts';
import { authorizationDetailsWorld, generatedWorld } from '../test/collect/fake-aws/world.ts';

const data = workerData as {
  accounts?: number;
  detailsFile?: string;
  latencyMs: number;
  caller: { accessKeyId: string; secretAccessKey: string };
};
const fake = await startFakeAws({
  world: data.detailsFile ? authorizationDetailsWorld(data.detailsFile) : generatedWorld(data.accounts ?? 1),
  caller: data.caller,
  latencyMs: data.latencyMs,
  pageSize: { iam: 100, json: 20 },
});
parentPort?.postMessage({ url: fake.url });
parentPort?.on('message', (m: string) => {
  if (m === 'stop') void fake.close().then(() => parentPort?.postMessage({ calls: fake.calls.length }));
});
