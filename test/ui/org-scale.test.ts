/**
 * The page at organization scale, in Debian's Chromium against the real API and Neo4j, on a
 * generated organization of the M tier (bench/generate.ts: 100 accounts, 20,000 roles): the overview
 * opens on the OUs without the size guard and under its drawn-element budget, an OU expands into
 * its accounts, the trust matrix (a canvas) opens a cell's edges by keyboard and by mouse, sorts and
 * filters, and search lists many matches with kind and account, keyboard first.
 * Screenshots of the overview and the matrix go to docs/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core, NodeSingular } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrganization } from '../../bench/generate.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { FIRST_SCREEN_BUDGET } from '../../ui/src/org/budget.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { DOCS_SCREENSHOTS, graphReady, launchChromium, openPage, startAtlas, type Atlas } from './harness.ts';

const ACCOUNTS = 100;
const ROLES = 20_000;

/** Node data and rendered position (page coordinates) of every drawn node. */
async function drawnNodes(
  page: Page,
): Promise<{ id: string; orgUnit?: string; parent?: string; x: number; y: number; isParent: boolean }[]> {
  return page.evaluate(() => {
    const el = document.getElementById('graph')!;
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    const box = el.getBoundingClientRect();
    return cy.nodes().map((n: NodeSingular) => ({
      id: n.id(),
      orgUnit: n.data('orgUnit'),
      parent: n.data('parent'),
      isParent: n.isParent(),
      x: box.left + n.renderedPosition().x,
      y: box.top + n.renderedPosition().y,
    }));
  });
}

describe('the page at organization scale', () => {
  let db: TestDb;
  let dir: string;
  let snap: string;
  let atlas: Atlas;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    db = await openTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-ui-org-'));
    await writeOrganization(dir, { roles: ROLES, accounts: ACCOUNTS, seed: 18 });
    snap = (await ingestPaths(db.driver, [dir], { name: 'ui-org-scale' })).snapshotId;
    db.track(snap);
    atlas = await startAtlas(db.driver);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, atlas.signInUrl()));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the overview on the OUs, without the size guard, under the element budget', async () => {
    await page.goto(`${atlas.url}/?view=overview&snap=${snap}`);
    await graphReady(page, 'overview', 60_000);
    expect(await page.locator('#banner').isHidden()).toBe(true);
    const count = Number(await page.locator('#graph').getAttribute('data-count'));
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
    expect(await page.locator('#view-summary').textContent()).toMatch(/^100 accounts in \d+ OUs/);
    const nodes = await drawnNodes(page);
    expect(nodes.filter((n) => n.orgUnit === 'OU' && !n.isParent).length).toBeGreaterThanOrEqual(3);
    expect(nodes.filter((n) => n.orgUnit === 'OUTSIDE_GROUP').length).toBeGreaterThanOrEqual(2);
    // Ranked lists beside the graph, each item a link into the graph.
    await page.waitForSelector('#rank-roles li a', { state: 'attached' });
    expect(await page.locator('#rank-trusted li').count()).toBeGreaterThan(0);
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'org-overview.png') });
  });

  it('expands an OU into its accounts on click', async () => {
    /** Clicks a collapsed OU and waits for it to be drawn as a box of what it holds. */
    const expand = async (id: string) => {
      const ou = (await drawnNodes(page)).find((n) => n.id === id)!;
      await page.mouse.click(ou.x, ou.y);
      await page.waitForFunction(
        (id) => {
          const el = document.getElementById('graph') as unknown as {
            _cyreg: { cy: Core };
            dataset: DOMStringMap;
          };
          return el.dataset.state === 'ready' && el._cyreg.cy.$id(id).isParent();
        },
        id,
        { timeout: 60_000 },
      );
      return (await drawnNodes(page)).filter((n) => n.parent === id);
    };
    // The OU of most accounts (Workloads, whose accounts are in its OUs Prod and NonProd).
    const ous = (await drawnNodes(page)).filter((n) => n.orgUnit === 'OU' && !n.isParent && n.parent);
    const labels = await page.evaluate(() => {
      const el = document.getElementById('graph') as unknown as { _cyreg: { cy: Core } };
      return el._cyreg.cy
        .nodes('[orgUnit = "OU"]')
        .map((n: NodeSingular): [string, string] => [n.id(), String(n.data('label'))]);
    });
    const accountsOf = (id: string) =>
      Number(/(\d+) accounts?/.exec(new Map(labels).get(id) as string)?.[1] ?? 0);
    const biggest = [...ous].sort((a, b) => accountsOf(b.id) - accountsOf(a.id))[0]!;
    let inside = await expand(biggest.id);
    const child = inside.find((n) => n.orgUnit === 'OU' && !n.isParent);
    if (child) inside = await expand(child.id);
    expect(inside.filter((n) => n.orgUnit === 'ACCOUNT').length).toBeGreaterThan(3);
    // Drawn within the budget, never behind the size guard: past the budget the trust of the
    // OU's accounts is drawn at its box (at tier L, account by account it is over 2,000 edges).
    expect(await page.locator('#banner').isHidden()).toBe(true);
    expect(Number(await page.locator('#graph').getAttribute('data-count'))).toBeLessThanOrEqual(
      FIRST_SCREEN_BUDGET,
    );
    // The ranked lists ask for the outside roles once the drawing is on screen.
    await page.waitForSelector('#rank-roles li a', { state: 'attached' });
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'org-overview-expanded.png') });
  });

  it('opens the trust matrix and the edges behind a cell, by keyboard and by mouse', async () => {
    await page.goto(`${atlas.url}/?view=matrix&snap=${snap}`);
    await graphReady(page, 'matrix', 60_000);
    const matrix = page.locator('#matrix');
    const filled = async () => Number(await matrix.getAttribute('data-filled'));
    const n = await filled();
    expect(n).toBeGreaterThan(20);
    // Every account a row and a column, and one row per kind of outside caller.
    expect(Number(await matrix.getAttribute('data-cols'))).toBe(ACCOUNTS);
    expect(Number(await matrix.getAttribute('data-rows'))).toBeGreaterThan(ACCOUNTS);
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'org-matrix.png') });

    // Keyboard: N jumps to the first cell with trust; its label tells the cell; Enter opens it.
    const grid = page.locator('#matrix-grid');
    await grid.focus();
    await grid.press('n');
    const status = page.locator('#matrix-status');
    const said = (await status.textContent()) ?? '';
    expect(said).toMatch(/→ .*: [\d,]+ roles?, [\d,]+ edges?/);
    const roles = Number(/: ([\d,]+) roles?/.exec(said)![1]!.replace(/,/g, ''));
    await grid.press('Enter');
    await page.waitForSelector('#matrix-edges[data-state="ready"]', { state: 'attached' });
    expect(await page.locator('#matrix-edges li').count()).toBeGreaterThanOrEqual(Math.min(roles, 200));
    expect(await page.locator('#matrix-edges h3').textContent()).toContain(' → ');

    // Mouse: the next cell with trust, clicked where it is drawn, opens its edges.
    await grid.press('n');
    const box = (await grid.boundingBox())!;
    const x = box.x + Number(await grid.getAttribute('data-cursor-x'));
    const y = box.y + Number(await grid.getAttribute('data-cursor-y'));
    const [row, col] = [await status.getAttribute('data-row'), await status.getAttribute('data-col')];
    await page.mouse.move(x, y);
    expect([await status.getAttribute('data-row'), await status.getAttribute('data-col')]).toEqual([
      row,
      col,
    ]);
    await page.evaluate(() => document.getElementById('matrix-edges')!.removeAttribute('data-state'));
    await page.mouse.click(x, y);
    await page.waitForSelector('#matrix-edges[data-state="ready"]', { state: 'attached' });

    // Sorting keeps every cell.
    await page.locator('#matrix-order').selectOption('trusted');
    expect(await filled()).toBe(n);
    // Filtering by condition category keeps only the cells with such a condition.
    await page.locator('#matrix-order').selectOption('ou');
    await page.locator('#matrix-only').selectOption('externalId');
    const kept = await filled();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(n);
    await grid.focus();
    for (let i = 0; i < Math.min(kept, 5); i++) {
      await grid.press('n');
      expect(await status.textContent()).toMatch(/conditions: .*externalId/);
    }
    await page.locator('#matrix-only').selectOption('');
  });

  it('search lists many matches with kind and account, and walks them by keyboard', async () => {
    await page.goto(`${atlas.url}/?view=overview&snap=${snap}`);
    await graphReady(page, 'overview', 60_000);
    await page.locator('#search').fill('app-000');
    await page.waitForSelector('#search-results li.hit[data-key]');
    await page.waitForSelector('#search-results[data-state="ready"]', { state: 'attached' });
    const hits = page.locator('#search-results li.hit[data-key]');
    expect(await hits.count()).toBe(50);
    expect(await page.locator('#search-results li.more').textContent()).toMatch(/more matches/);
    expect(await hits.first().locator('.hit-meta').textContent()).toMatch(/^role · /i);
    await page.locator('#search').press('ArrowDown');
    await page.locator('#search').press('ArrowDown');
    const third = await hits.nth(2).getAttribute('data-key');
    expect(await hits.nth(2).getAttribute('aria-selected')).toBe('true');
    await page.locator('#search').press('Enter');
    await graphReady(page, 'node', 60_000);
    expect(decodeURIComponent(page.url())).toContain(third!);
    expect(problems).toEqual([]);
  });
});
