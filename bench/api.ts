/**
 * API latency and throughput: whoCanAssume, reachableFrom and paths over HTTP
 * (GraphQL, bearer token) with 1, 8 and 32 concurrent clients, on the demo
 * organization and a generated one. The server runs in this process.
 *
 *   npm run bench -- api [--roles 100000] [--seconds 5] [--skip-large] [--keep]
 *
 * Snapshots are named `bench-api-demo` and `bench-api-<roles>` and reused when
 * present (ingesting 100,000 roles takes minutes); --keep leaves them loaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { apiConfig } from '../api/config.ts';
import { applyReviewSchema } from '../api/reviews.ts';
import { startServer } from '../api/server.ts';
import { hashToken, newToken, tokenCheck } from '../api/tokens.ts';
import { DEMO_ORG_DIR } from '../cli/main.ts';
import { connect } from '../db/connection.ts';
import { applySchema, deleteSnapshotData, listSnapshots } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { writeOrganization } from './generate.ts';
import { table } from './measure.ts';

const log = (l: string) => process.stderr.write(l + '\n');

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function ensureSnapshot(driver: Driver, name: string, dir: () => Promise<string>): Promise<string> {
  const found = (await listSnapshots(driver)).find((s) => s.name === name);
  if (found) {
    log(`reusing snapshot ${found.id} (${name})`);
    return found.id;
  }
  const input = await dir();
  log(`ingesting ${name} from ${input} ...`);
  const started = Date.now();
  const res = await ingestPaths(driver, [input], { name });
  log(`  ${name}: ${res.snapshotId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return res.snapshotId;
}

type Post = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;

function client(url: string, token: string): Post {
  return async (query, variables) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
}

const WHO = `query($s: ID, $k: ID!, $h: Int) { whoCanAssume(snapshot: $s, role: $k, maxHops: $h, first: 50) {
  totalCount nodes { hops node { key } path { edges { from { key } to { key } conditional conditions { key } evidence { policyId } } } } } }`;
const REACH = `query($s: ID, $k: ID!, $h: Int) { reachableFrom(snapshot: $s, principal: $k, maxHops: $h, first: 50) {
  totalCount nodes { hops node { key } } } }`;
const PATHS = `query($s: ID, $f: ID!, $t: ID!) { paths(snapshot: $s, from: $f, to: $t, maxHops: 4, limit: 10) {
  length edges { from { key } to { key } conditions { key } evidence { policyId } } } }`;

interface Targets {
  roles: string[];
  callers: string[];
  pairs: [string, string][];
}

/** Roles that somebody can reach, their callers, and (caller, role) pairs, found through the API itself. */
async function findTargets(post: Post, snapshot: string): Promise<Targets> {
  const roles: string[] = [];
  const callers = new Set<string>();
  const pairs: [string, string][] = [];
  const list = await post(
    `query($s: ID) { principals(snapshot: $s, filter: { kind: ROLE }, first: 500) { nodes { arn } } }`,
    { s: snapshot },
  );
  const arns = ((list.data?.principals as { nodes: { arn: string }[] }).nodes ?? []).map((n) => n.arn);
  for (const arn of arns) {
    if (roles.length >= 40) break;
    const r = await post(WHO, { s: snapshot, k: arn, h: 4 });
    const nodes =
      (r.data?.whoCanAssume as { nodes: { hops: number; node: { key: string } }[] } | undefined)?.nodes ?? [];
    if (!nodes.length) continue;
    roles.push(arn);
    for (const n of nodes)
      if (n.node.key.startsWith('arn:aws:iam::') && /:(user|role)\//.test(n.node.key))
        callers.add(n.node.key);
    const far = [...nodes].sort((a, b) => b.hops - a.hops)[0]!;
    pairs.push([far.node.key, arn]);
  }
  return { roles, callers: [...callers].slice(0, 40), pairs };
}

interface Cell {
  org: string;
  query: string;
  clients: number;
  requests: number;
  errors: number;
  p50: string;
  p95: string;
  p99: string;
  'req/s': string;
}

async function load(
  post: Post,
  clients: number,
  seconds: number,
  next: (i: number) => [string, Record<string, unknown>],
): Promise<{ lat: number[]; errors: number; elapsed: number }> {
  const lat: number[] = [];
  let errors = 0;
  let i = 0;
  const end = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const [q, v] = next(i++);
        const t = process.hrtime.bigint();
        const r = await post(q, v).catch(() => ({ errors: [1] }));
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (r.errors?.length) errors++;
      }
    }),
  );
  return { lat, errors, elapsed: Number(process.hrtime.bigint() - start) / 1e9 };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function run(args: string[]): Promise<void> {
  const roles = Number(arg(args, '--roles') ?? 100_000);
  const seconds = Number(arg(args, '--seconds') ?? 5);
  const { driver } = await connect(log);
  const created: string[] = [];
  try {
    await applySchema(driver);
    await applyReviewSchema(driver);
    const orgs: { label: string; id: string }[] = [];
    const before = new Set((await listSnapshots(driver)).map((s) => s.id));
    orgs.push({
      label: 'demo',
      id: await ensureSnapshot(driver, 'bench-api-demo', async () => DEMO_ORG_DIR),
    });
    if (!args.includes('--skip-large')) {
      orgs.push({
        label: `${roles} roles`,
        id: await ensureSnapshot(driver, `bench-api-${roles}`, async () => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-bench-api-'));
          await writeOrganization(dir, { roles, seed: 42 });
          return dir;
        }),
      });
    }
    for (const o of orgs) if (!before.has(o.id)) created.push(o.id);

    const token = newToken('bench');
    const config = apiConfig({
      tokens: tokenCheck([{ role: 'reader', sha256: hashToken(token) }]),
      log: () => {},
    });
    const server = await startServer({ driver, config, port: 0 });
    const post = client(server.url, token);
    const rows: Cell[] = [];
    try {
      for (const org of orgs) {
        const t = await findTargets(post, org.id);
        log(
          `${org.label}: ${t.roles.length} roles, ${t.callers.length} callers, ${t.pairs.length} pairs as targets`,
        );
        if (!t.roles.length) continue;
        const queries: [string, (i: number) => [string, Record<string, unknown>]][] = [
          ['whoCanAssume 4 hops', (i) => [WHO, { s: org.id, k: t.roles[i % t.roles.length], h: 4 }]],
          ['reachableFrom 4 hops', (i) => [REACH, { s: org.id, k: t.callers[i % t.callers.length], h: 4 }]],
          [
            'paths 4 hops',
            (i) => [
              PATHS,
              { s: org.id, f: t.pairs[i % t.pairs.length]![0], t: t.pairs[i % t.pairs.length]![1] },
            ],
          ],
        ];
        for (const [name, next] of queries) {
          for (const clients of [1, 8, 32]) {
            await load(post, clients, 1, next); // warm-up
            const r = await load(post, clients, seconds, next);
            const sorted = [...r.lat].sort((a, b) => a - b);
            rows.push({
              org: org.label,
              query: name,
              clients,
              requests: r.lat.length,
              errors: r.errors,
              p50: pct(sorted, 50).toFixed(1),
              p95: pct(sorted, 95).toFixed(1),
              p99: pct(sorted, 99).toFixed(1),
              'req/s': (r.lat.length / r.elapsed).toFixed(0),
            });
            log(`  ${org.label} ${name} x${clients}: p50 ${rows.at(-1)!.p50} ms, p99 ${rows.at(-1)!.p99} ms`);
          }
        }
      }
    } finally {
      await server.close();
    }
    process.stdout.write(`\nAPI latency (ms) over HTTP, ${seconds} s per cell, ${os.cpus().length} CPUs\n\n`);
    process.stdout.write(table(rows as unknown as Record<string, string | number>[]) + '\n');
  } finally {
    if (!args.includes('--keep')) for (const id of created) await deleteSnapshotData(driver, id);
    await driver.close();
  }
}
