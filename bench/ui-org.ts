/**
 * The page at organization scale in headless Chromium (`npm run bench -- ui --tier M|L [--runs 3]
 * [--snapshot NAME] [--webgl]`): a generated organization (M: 100 accounts, 20,000 roles; L: 500
 * accounts, 100,000 roles; seed 42) loaded into Neo4j, then the time from navigation start to the
 * first useful screen (the overview on its OUs, drawn) and to the trust matrix, and the frame times
 * while the overview is panned and zoomed (requestAnimationFrame intervals over two seconds of
 * continuous movement).
 *
 * `--snapshot NAME` reuses a complete snapshot of that name (the same organization, loaded before,
 * e.g. by `npm run bench -- scale --tier L --keep` as `bench-scale-L`) instead of loading it again,
 * and never deletes it; when none has that name, the organization is loaded under it and kept.
 * `--webgl` draws the overview with Cytoscape.js's WebGL renderer (`?webgl=1`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { connect } from '../db/connection.ts';
import { deleteSnapshotData, resolveSnapshot, SnapshotNotFound } from '../ingest/load/snapshots.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { launchChromium, openPage, startAtlas } from '../test/ui/harness.ts';
import { writeOrganization } from './generate.ts';
import { table } from './measure.ts';
import { FIRST_SCREEN_BUDGET } from '../ui/src/org/budget.ts';

const say = (l: string) => process.stderr.write(`${l}\n`);

export const UI_TIERS: Record<string, { accounts: number; roles: number }> = {
  M: { accounts: 100, roles: 20_000 },
  L: { accounts: 500, roles: 100_000 },
};

async function timeToReady(page: Page, url: string, view: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(`#graph[data-state="ready"][data-view="${view}"], #graph[data-state="error"]`, {
    state: 'attached',
    timeout: 300_000,
  });
  if ((await page.locator('#graph').getAttribute('data-state')) === 'error')
    throw new Error(
      `The ${view} view failed after ${Math.round(await page.evaluate(() => performance.now()))} ms: ${(await page.locator('#banner').textContent())?.trim()}`,
    );
  return page.evaluate(() => performance.now());
}

/** Frame intervals (ms) while the graph pans and zooms every frame for `ms`. */
async function frameTimes(page: Page, ms: number): Promise<number[]> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async (ms) => {
    const cy = (document.getElementById('graph') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    const times: number[] = [];
    await new Promise<void>((done) => {
      const start = performance.now();
      let last = start;
      let i = 0;
      const step = (now: number) => {
        times.push(now - last);
        last = now;
        i++;
        cy.panBy({ x: Math.sin(i / 10) * 6, y: Math.cos(i / 10) * 4 });
        cy.zoom({ level: cy.zoom() * (i % 60 < 30 ? 1.01 : 0.99), renderedPosition: { x: 300, y: 200 } });
        if (now - start < ms) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    return times.slice(1);
  }, ms);
}

/**
 * Expands collapsed OUs, the one of most accounts first, as long as the drawing stays within
 * FIRST_SCREEN_BUDGET elements (an expansion past it is taken back); answers the elements drawn.
 */
async function expandToBudget(page: Page): Promise<number> {
  const count = () => page.evaluate(() => Number(document.getElementById('graph')?.dataset.count));
  /** Clicks a node where it is drawn, as a person would, and waits for it to be drawn expanded (or collapsed). */
  const tap = async (id: string) => {
    const at = await page.evaluate((id) => {
      const el = document.getElementById('graph')!;
      const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
      const box = el.getBoundingClientRect();
      const n = cy.$id(id);
      const p = n.renderedPosition();
      if (!n.isParent()) return { x: box.left + p.x, y: box.top + p.y, open: false };
      // An expanded OU is a box of accounts: clicked in its padding above them (its label takes
      // no clicks), where no trust edge ends (they end at the middle of its top). Fitted to the
      // screen, a box of 166 accounts has a padding of about one pixel: zoomed in first, as a
      // person would.
      const corner = n.boundingBox({ includeLabels: false, includeOverlays: false });
      cy.zoom(1);
      cy.pan({ x: el.clientWidth / 3 - corner.x1, y: el.clientHeight / 3 - corner.y1 });
      const finder = (
        cy as unknown as {
          renderer(): {
            findNearestElement(x: number, y: number, a: boolean, b: boolean): { id(): string } | undefined;
          };
        }
      ).renderer();
      const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
      const pad = parseFloat(String(n.style('padding'))) || 4;
      const y = bb.y1 + pad / 2;
      const x =
        [0.03, 0.06, 0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 0.5]
          .map((f) => bb.x1 + bb.w * f)
          .find((x) => finder.findNearestElement(x, y, true, false)?.id() === id) ?? bb.x1 + pad;
      const at = (m: number, pan: number) => m * cy.zoom() + pan;
      return { x: box.left + at(x, cy.pan().x), y: box.top + at(y, cy.pan().y), open: true };
    }, id);
    await page.mouse.click(at.x, at.y);
    // Drawn with the OU opened (or closed), or refused by the page's size guard, which draws nothing.
    await page.waitForFunction(
      ([id, open]) => {
        const el = document.getElementById('graph')!;
        const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
        return (
          el.dataset.state === 'large' ||
          (el.dataset.state === 'ready' && cy.$id(id as string).isParent() !== open)
        );
      },
      [id, at.open] as const,
      { timeout: 60_000 },
    );
    if ((await page.locator('#graph').getAttribute('data-state')) === 'large')
      throw new Error(
        `Opening ${id} passed the page's size guard (${await count()} elements): ${(await page.locator('#banner').textContent())?.trim()}`,
      );
  };
  const tried = new Set<string>();
  for (;;) {
    const next = await page.evaluate(
      (tried) => {
        const cy = (document.getElementById('graph') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
        const ous = cy
          .nodes('[orgUnit = "OU"][parent]')
          .filter((n) => !n.isParent() && !tried.includes(n.id()))
          .map((n) => ({
            id: n.id(),
            accounts: Number(/([\d,]+) accounts?/.exec(String(n.data('label')))?.[1]?.replace(/,/g, '') ?? 0),
          }));
        return ous.sort((a, b) => b.accounts - a.accounts)[0]?.id;
      },
      [...tried],
    );
    if (!next) return count();
    tried.add(next);
    await tap(next);
    if ((await count()) > FIRST_SCREEN_BUDGET) await tap(next);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

export interface TierOptions {
  runs: number;
  /** Reuse (or load once and keep) the snapshot of this name. */
  snapshot?: string;
  /** Cytoscape.js's WebGL renderer for the overview. */
  webgl?: boolean;
}

/** The tier's snapshot: the named one when it exists, else the organization generated and loaded. */
async function tierSnapshot(
  driver: Driver,
  tier: string,
  size: { accounts: number; roles: number },
  name: string | undefined,
): Promise<{ snapshotId: string; keep: boolean }> {
  if (name) {
    try {
      const s = await resolveSnapshot(driver, name);
      say(`Reusing snapshot ${s.id} ("${name}"): ${s.counts?.nodes.Role ?? 0} roles.`);
      return { snapshotId: s.id, keep: true };
    } catch (e) {
      if (!(e instanceof SnapshotNotFound)) throw e;
      say(`No snapshot named "${name}": loading it, and keeping it.`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-bench-ui-'));
  try {
    say(`Generating tier ${tier}: ${size.accounts} accounts, ${size.roles} roles...`);
    await writeOrganization(dir, { ...size, seed: 42 });
    const t0 = performance.now();
    const snap = await ingestPaths(driver, [dir], { name: name ?? `bench-ui-${tier}` });
    say(`Loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    return { snapshotId: snap.snapshotId, keep: !!name };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runTier(tier: string, opts: TierOptions): Promise<void> {
  const { runs } = opts;
  const size = UI_TIERS[tier];
  if (!size) throw new Error(`--tier takes M or L, got ${tier}`);
  const { driver } = await connect(say);
  const snap = await tierSnapshot(driver, tier, size, opts.snapshot);
  const webgl = opts.webgl ? '&webgl=1' : '';
  const atlas = await startAtlas(driver);
  const browser = await launchChromium();
  try {
    const { page } = await openPage(browser, atlas.signInUrl());
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { state: 'attached' });
    const overview: number[] = [];
    const matrix: number[] = [];
    for (let i = 0; i < runs; i++) {
      overview.push(
        await timeToReady(page, `${atlas.url}/?view=overview&snap=${snap.snapshotId}${webgl}`, 'overview'),
      );
      matrix.push(await timeToReady(page, `${atlas.url}/?view=matrix&snap=${snap.snapshotId}`, 'matrix'));
    }
    await timeToReady(page, `${atlas.url}/?view=overview&snap=${snap.snapshotId}${webgl}`, 'overview');
    const drawn = Number(await page.evaluate(() => document.getElementById('graph')?.dataset.count));
    const frames = await frameTimes(page, 2000);
    const row = (name: string, xs: number[]) => ({
      view: name,
      'first run (ms)': Math.round(xs[0]!),
      'median (ms)': Math.round(median(xs)),
      'max (ms)': Math.round(Math.max(...xs)),
    });
    process.stdout.write(
      `Tier ${tier} (${size.accounts} accounts, ${size.roles} roles): time from navigation start in headless Chromium, 1280x800, ${runs} runs, ${opts.webgl ? 'WebGL' : 'canvas'} renderer; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}.\n`,
    );
    process.stdout.write(
      table([row(`overview on the OUs (${drawn} elements)`, overview), row('trust matrix', matrix)]) + '\n',
    );
    const fps = (what: string, n: number, xs: number[]) =>
      `Pan and zoom of ${what} (${n} elements), ${xs.length} frames: median ${median(xs).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms, ${(1000 / median(xs)).toFixed(0)} frames per second at the median.\n`;
    process.stdout.write(fps('the first screen', drawn, frames));
    // The budgeted element count: OUs expanded, biggest first, while the drawing stays within the budget.
    // An expansion that the page refuses (its size guard) or does not draw within a minute ends the run here.
    const budgeted = await expandToBudget(page).catch((e: Error) => e);
    if (budgeted instanceof Error)
      process.stdout.write(
        `The overview could not be expanded to the budget: ${budgeted.message.split('\n')[0]}\n`,
      );
    else
      process.stdout.write(
        fps('the overview expanded to the budget', budgeted, await frameTimes(page, 2000)),
      );
  } finally {
    await browser.close();
    await atlas.close();
    if (!snap.keep) await deleteSnapshotData(driver, snap.snapshotId);
    await driver.close();
  }
}
