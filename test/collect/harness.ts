/**
 * Runs `iamatlas collect` as a user would, against a local fake AWS: the
 * SDK's own credential chain reads keys from the environment, and the SDK's
 * standard AWS_ENDPOINT_URL sends every call to the fake
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../harness/cli.ts';
import { startFakeAws, type Faults, type FakeAws } from './fake-aws/server.ts';
import { demoWorld, type FakeWorld } from './fake-aws/world.ts';

export const CALLER = {
  accessKeyId: 'AKIAFAKECALLER0000001',
  secretAccessKey: 'fakeCallerSecret/0123456789abcdefghij',
};

export interface CollectFixture {
  fake: FakeAws;
  /** Replaces the fake with one without faults (same world, same caller), keeping the output folder. */
  restart(): Promise<void>;
  home: string;
  out: string;
  run(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliRun>;
  env(extraEnv?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function collectFixture(
  options: { faults?: Faults; world?: FakeWorld; latencyMs?: number; baseEnv?: NodeJS.ProcessEnv } = {},
): Promise<CollectFixture> {
  const world = options.world ?? demoWorld();
  const latency = options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs };
  let fake = await startFakeAws({
    world,
    caller: CALLER,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...latency,
  });
  const home = await mkdtemp(path.join(tmpdir(), 'iamatlas-collect-'));
  const out = path.join(home, 'out');
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...(options.baseEnv ?? { PATH: process.env.PATH }),
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: CALLER.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CALLER.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: fake.url,
    FORCE_COLOR: '0',
    ...extra,
  });
  return {
    get fake() {
      return fake;
    },
    async restart() {
      await fake.close();
      fake = await startFakeAws({ world, caller: CALLER, ...latency });
    },
    home,
    out,
    env,
    run: (args, extra) => runCli(['collect', '--out', out, ...args], env(extra)),
    async close() {
      await fake.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

export async function readJson<T = Record<string, unknown>>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Every file in the folder, by name, with its text. */
export async function folderText(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await readdir(dir)) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

export interface ManifestJson {
  format: string;
  caller: { account: string };
  organization: { id: string } | null;
  organizationUnavailable?: string;
  accounts: {
    accountId: string;
    status: string;
    error?: string;
    reason?: string;
    files: string[];
    collectedEarlier?: boolean;
    notes?: string[];
    apiCalls: Record<string, number>;
  }[];
}
