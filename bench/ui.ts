/**
 * Time to first render of the page in headless Chromium: the organization overview of the demo
 * organization (real API and Neo4j), and a 500-node "who can reach" result. The 500-node answer
 * is synthetic (the demo has no role with 500 callers): the page's GraphQL request for it is
 * answered by the browser harness, so that number measures the page (parse, layout, draw), not
 * Neo4j. `npm run bench -- ui [--runs 5]`; `--tier M|L [--snapshot NAME] [--webgl]`: a generated organization (bench/ui-org.ts).
 */
import type { Page } from 'playwright-core';
import { connect } from '../db/connection.ts';
import { deleteSnapshotData } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { DEMO_ORG_DIR } from '../cli/main.ts';
import { launchChromium, openPage, startAtlas } from '../test/ui/harness.ts';
import { table } from './measure.ts';
import { runTier } from './ui-org.ts';

const say = (l: string) => process.stderr.write(`${l}\n`);

/** A reach answer with `n` callers in two layers (n/5 at one hop, the rest at two), one path each. */
export function syntheticReach(target: string, n: number): unknown {
  const acct = (i: number) => String(100000000000 + (i % 40)).padStart(12, '0');
  const node = (key: string, i: number) => ({
    key,
    kind: 'Role',
    arn: key,
    name: key.split('/').pop(),
    accountId: acct(i),
  });
  const edge = (from: ReturnType<typeof node>, to: ReturnType<typeof node>, i: number) => ({
    type: 'CAN_ASSUME',
    method: null,
    conditional: i % 3 === 0,
    crossAccount: from.accountId !== to.accountId,
    from,
    to,
    conditions: i % 3 === 0 ? [{ key: 'aws:MultiFactorAuthPresent', assumption: 'mfa' }] : [],
  });
  const t = node(target, 0);
  const first = Math.floor(n / 5);
  const nodes: { hops: number; node: ReturnType<typeof node>; path: { edges: ReturnType<typeof edge>[] } }[] =
    [];
  for (let i = 0; i < n; i++) {
    const me = node(`arn:aws:iam::${acct(i)}:role/bench/caller-${i}`, i);
    if (i < first) nodes.push({ hops: 1, node: me, path: { edges: [edge(me, t, i)] } });
    else {
      const via: ReturnType<typeof node> = nodes[i % first]!.node;
      nodes.push({ hops: 2, node: me, path: { edges: [edge(me, via, i), edge(via, t, i)] } });
    }
  }
  return { data: { whoCanAssume: { totalCount: n, truncated: false, nodes } } };
}

async function timeToReady(page: Page, url: string, view: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(`#graph[data-state="ready"][data-view="${view}"]`, {
    state: 'attached',
    timeout: 120_000,
  });
  // Milliseconds since navigation start, measured by the page's own clock.
  return page.evaluate(() => performance.now());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(args: string[]): Promise<void> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 5) : 5;
  // A generated organization at a tier's size: bench/ui-org.ts.
  const tierArg = args.indexOf('--tier');
  const snapArg = args.indexOf('--snapshot');
  if (tierArg >= 0)
    return runTier(String(args[tierArg + 1] ?? '').toUpperCase(), {
      runs: runsArg >= 0 ? runs : 3,
      ...(snapArg >= 0 && args[snapArg + 1] ? { snapshot: args[snapArg + 1] } : {}),
      webgl: args.includes('--webgl'),
    });
  const { driver } = await connect(say);
  say('Loading the demo organization as snapshot "bench-ui"...');
  const snap = await ingestPaths(driver, [DEMO_ORG_DIR], { name: 'bench-ui' });
  const atlas = await startAtlas(driver);
  const browser = await launchChromium();
  try {
    const { page, context } = await openPage(browser, atlas.signInUrl());
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { state: 'attached' });
    const target = 'arn:aws:iam::100000000000:role/bench/target';
    await context.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query WhoCanReach') && body.includes('bench/target'))
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify(syntheticReach(target, 500)),
        });
      else await route.continue();
    });
    const overview: number[] = [];
    const path500: number[] = [];
    for (let i = 0; i < runs; i++) {
      overview.push(
        await timeToReady(page, `${atlas.url}/?view=overview&snap=${snap.snapshotId}`, 'overview'),
      );
      path500.push(
        await timeToReady(
          page,
          `${atlas.url}/?view=reach-in&hops=2&snap=${snap.snapshotId}&node=${encodeURIComponent(target)}`,
          'reach-in',
        ),
      );
    }
    const drawn = await page.evaluate(() => document.getElementById('graph')?.dataset.count);
    const row = (name: string, xs: number[]) => ({
      view: name,
      'first run (ms)': Math.round(xs[0]!),
      'median (ms)': Math.round(median(xs)),
      'max (ms)': Math.round(Math.max(...xs)),
    });
    process.stdout.write(
      `Time to first render in headless Chromium, 1280x800, ${runs} runs (from navigation start).\n`,
    );
    process.stdout.write(
      table([
        row('overview (demo org, real API)', overview),
        row(`who can reach, 500 nodes (${drawn} elements)`, path500),
      ]) + '\n',
    );
  } finally {
    await browser.close();
    await atlas.close();
    await deleteSnapshotData(driver, snap.snapshotId);
    await driver.close();
  }
}
