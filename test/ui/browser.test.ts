/**
 * The page in Debian's Chromium against the real API and Neo4j, on the demo organization:
 * overview, search, who-can-reach, an edge's evidence, a review walked and exported, snapshot
 * switch and diff, exports, and the error state. Screenshots go to test-artifacts/ui/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReviewSchema } from '../../api/reviews.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { graphReady, launchChromium, openPage, screenshot, startAtlas, type Atlas } from './harness.ts';

const PIPELINE_DEPLOY = 'arn:aws:iam::444444444444:role/platform/pipeline-deploy';
const GITHUB_DEPLOY = 'arn:aws:iam::333333333333:role/platform/github-actions-deploy';
const GITHUB_OIDC = 'arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com';

/** The demo organization without the vendor role that trusts 888877776666: the "earlier" snapshot. */
function demoWithoutVendorRole(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-ui-'));
  for (const f of fs.readdirSync(DEMO_ORG_DIR))
    fs.copyFileSync(path.join(DEMO_ORG_DIR, f), path.join(dir, f));
  const file = path.join(dir, '222222222222.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { RoleDetailList: { RoleName: string }[] };
  doc.RoleDetailList = doc.RoleDetailList.filter((r) => r.RoleName !== 'logsentry-siem-reader');
  fs.writeFileSync(file, JSON.stringify(doc));
  fs.rmSync(path.join(dir, 'README.md'), { force: true });
  return dir;
}

/** Cytoscape keeps its instance on the container; tests read rendered positions from it to click edges. */
async function renderedMidpoint(page: Page, edgeId: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((id) => {
    const el = document.getElementById('graph') as unknown as {
      _cyreg: { cy: { $id(id: string): { renderedMidpoint(): { x: number; y: number }; empty(): boolean } } };
    };
    const e = el._cyreg.cy.$id(id);
    if (e.empty()) return null;
    const box = (el as unknown as HTMLElement).getBoundingClientRect();
    const m = e.renderedMidpoint();
    return { x: box.left + m.x, y: box.top + m.y };
  }, edgeId);
  if (!p) throw new Error(`edge ${edgeId} is not drawn`);
  return p;
}

/** The data Cytoscape holds for one node or edge (null when it is not drawn). */
async function elementData(page: Page, id: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((id) => {
    const el = document.getElementById('graph') as unknown as {
      _cyreg: { cy: { $id(id: string): { empty(): boolean; data(): Record<string, unknown> } } };
    };
    const e = el._cyreg.cy.$id(id);
    return e.empty() ? null : { ...e.data(), hop: undefined };
  }, id);
}

describe('the page in Chromium', () => {
  let db: TestDb;
  let atlas: Atlas;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let earlier: string;
  let later: string;

  const view = (q: string) => page.goto(`${atlas.url}/?${q}&snap=${later}`);

  beforeAll(async () => {
    db = await openTestDb();
    await applyReviewSchema(db.driver);
    const before = await ingestPaths(db.driver, [demoWithoutVendorRole()], { name: 'ui-earlier' });
    db.track(before.snapshotId);
    earlier = before.snapshotId;
    const after = await ingestPaths(db.driver, [DEMO_ORG_DIR], { name: 'ui-demo' });
    db.track(after.snapshotId);
    later = after.snapshotId;
    atlas = await startAtlas(db.driver);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, atlas.signInUrl()));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    await db?.close();
  });

  it('draws the organization overview', async () => {
    await view('view=overview');
    await graphReady(page, 'overview');
    expect(await page.locator('#view-title').textContent()).toBe('Organization o-a7l5k2m9qx');
    expect(await page.locator('#view-summary').textContent()).toMatch(/^7 accounts .* 9 sign-in providers/);
    // Each arrow between accounts comes from the API's per-pair summary, without its edges.
    const arrow = await elementData(page, 'trust:111111111111->444444444444');
    expect(arrow).toMatchObject({ count: 2, severity: 'medium', summaryLabel: '2 roles' });
    expect(await elementData(page, 'trust:111111111111->777777777777')).toMatchObject({
      severity: 'critical',
    });
    await screenshot(page, '01-overview');
  });

  it('finds a role by search and asks who can reach it', async () => {
    await page.locator('#search').fill('pipeline-dep');
    const hit = page.locator(`#search-results [data-key="${PIPELINE_DEPLOY}"]`);
    await hit.waitFor();
    await hit.dispatchEvent('mousedown');
    await graphReady(page, 'node');
    await page.waitForSelector('#details[data-state="ready"][data-kind="node"]', { state: 'attached' });
    expect(await page.locator('#details-title').textContent()).toBe('pipeline-deploy');
    expect(page.url()).toContain('view=node');

    await page.locator('#hops').fill('3');
    await page.locator('#hops').dispatchEvent('change');
    await graphReady(page, 'node');
    await page.locator('[data-q="reach-in"]').click();
    await graphReady(page, 'reach-in');
    const reached = await page
      .locator('#result-list li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(reached).toContain(GITHUB_DEPLOY);
    expect(reached).toContain(GITHUB_OIDC);
    expect(await page.locator('#view-title').textContent()).toBe('Who can reach pipeline-deploy');
    await screenshot(page, '02-who-can-reach');
  });

  it('opens the evidence of a conditional edge', async () => {
    const edgeId = `canAssume:${GITHUB_OIDC}->${GITHUB_DEPLOY}`;
    const at = await renderedMidpoint(page, edgeId);
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#details[data-state="ready"][data-kind="edge"]', { state: 'attached' });
    const text = (await page.locator('#details-body').textContent()) ?? '';
    expect(text).toContain('Federation');
    expect(text).toContain('token.actions.githubusercontent.com:sub');
    expect(text).toMatch(/Trust statement #\d/);
    expect(page.url()).toContain(`sel=${encodeURIComponent(edgeId)}`);
    // The condition key is marked in the highlighted trust statement.
    expect(await page.locator('#details-body .j-mark').count()).toBeGreaterThan(0);
    await screenshot(page, '03-edge-evidence');

    // The view lives in the URL: reloading the link reopens the same question and the same evidence.
    await page.reload();
    await graphReady(page, 'reach-in');
    await page.waitForSelector('#details[data-state="ready"][data-kind="edge"]', { state: 'attached' });
    expect(await page.locator('#details-body').textContent()).toContain(
      'token.actions.githubusercontent.com:sub',
    );

    // Assuming federation claims cannot be met drops the provider's edge.
    await page.locator('#assumptions input[value="federation"]').uncheck();
    await graphReady(page, 'reach-in');
    const after = await page
      .locator('#result-list li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(after).not.toContain(GITHUB_OIDC);
    expect(page.url()).toContain('off=federation');
    await page.locator('#assumptions input[value="federation"]').check();
    await graphReady(page, 'reach-in');
  });

  it('walks a review item and exports the report', async () => {
    await page.locator('#tab-review').click();
    await page.locator('#session-create').click();
    await graphReady(page, 'review');
    await page.waitForSelector('#review-item', { state: 'attached' });
    const first = await page.locator('#review-item').getAttribute('data-item');
    await page.locator('#review-item [data-status="NEEDS_FIX"]').click();
    await page.locator('#review-note').fill('Pin the trust to the deploy role; owner: platform team.');
    await page.locator('#review-reviewer').fill('Ada Auditor');
    await page.locator('#review-save').click();
    await page.waitForFunction(
      (id) => document.querySelector('#review-item')?.getAttribute('data-item') !== id,
      first,
    );
    await graphReady(page, 'review');
    expect(await page.locator(`#review-items li[data-item="${first}"]`).textContent()).toContain('Needs fix');
    await screenshot(page, '04-review');

    const download = page.waitForEvent('download');
    await page.locator('#export-report').click();
    const file = await (await download).path();
    const report = fs.readFileSync(file, 'utf8');
    expect(report).toContain('Pin the trust to the deploy role');
    expect(report).toContain('Ada Auditor');
    expect(report).toContain('- Assumptions: every request-time condition assumed satisfiable');
  });

  it('keeps the assumption toggles with the review session and restores them when it opens', async () => {
    expect(await page.locator('#review-assumptions').textContent()).toMatch(/^Every request-time condition/);
    const session = new URL(page.url()).searchParams.get('session')!;
    await page.locator('#tab-explore').click();
    await page.locator('#assumptions input[value="mfa"]').uncheck();
    await graphReady(page, 'review');
    await page.locator('#tab-review').click();
    await page.waitForSelector('#review-assumptions:has-text("MFA")', { state: 'attached' });

    // The same session opened from a link without the toggle: the session brings it back.
    await view(`view=review&session=${session}`);
    await graphReady(page, 'review');
    await page.waitForFunction(() => location.search.includes('off=mfa'));
    await page.locator('#tab-explore').click();
    expect(await page.locator('#assumptions input[value="mfa"]').isChecked()).toBe(false);
    await page.locator('#assumptions input[value="mfa"]').check();
    await graphReady(page, 'review');
  });

  it('switches snapshot and shows what appeared since the earlier one', async () => {
    await view('view=overview');
    await graphReady(page, 'overview');
    await page.locator('#snapshot').selectOption(earlier);
    await graphReady(page, 'overview');
    expect(page.url()).toContain(`snap=${earlier}`);
    await page.locator('#snapshot').selectOption(later);
    await graphReady(page, 'overview');
    await page.locator('#compare').selectOption(earlier);
    await graphReady(page, 'diff');
    expect(await page.locator('#view-summary').textContent()).toMatch(/[1-9]\d* edges appeared/);
    const added = await page.evaluate(() => {
      const el = document.getElementById('graph') as unknown as {
        _cyreg: {
          cy: { edges(s: string): { map(f: (e: { data(k: string): string }) => string): string[] } };
        };
      };
      return el._cyreg.cy.edges('[diff = "added"]').map((e) => e.data('target'));
    });
    expect(added).toContain('arn:aws:iam::222222222222:role/vendor/logsentry-siem-reader');
    await screenshot(page, '05-diff');
  });

  it('shows paths to admin, plain can-assume routes included, with the admin badge', async () => {
    const user = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
    const role = 'arn:aws:iam::111111111111:role/break-glass-admin';
    await view(`view=admin&node=${encodeURIComponent(user)}&hops=2`);
    await graphReady(page, 'admin');
    const admin = await elementData(page, role);
    expect(admin).toMatchObject({ admin: true, mark: 'target' });
    expect(String(admin!.label)).toContain('⚑ admin');
    expect(await elementData(page, `canAssume:${user}->${role}`)).toMatchObject({ kind: 'canAssume' });
    expect(await elementData(page, user)).toMatchObject({ mark: 'start' });
    await screenshot(page, '08-paths-to-admin');
  });

  it('exports the view as PNG, SVG and JSON', async () => {
    await view('view=reach-in&node=' + encodeURIComponent(PIPELINE_DEPLOY) + '&hops=3');
    await graphReady(page, 'reach-in');
    const png = page.waitForEvent('download');
    await page.locator('[data-tool="png"]').click();
    const pngBytes = fs.readFileSync(await (await png).path());
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(10_000);

    const svg = page.waitForEvent('download');
    await page.locator('[data-tool="svg"]').click();
    const svgText = fs.readFileSync(await (await svg).path(), 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('stroke-dasharray'); // the conditional OIDC edge is dashed
    expect(svgText).toContain('github-actions-deploy');

    const json = page.waitForEvent('download');
    await page.locator('[data-tool="json"]').click();
    const data = JSON.parse(fs.readFileSync(await (await json).path(), 'utf8')) as {
      elements: { data: { id: string } }[];
    };
    expect(data.elements.map((e) => e.data.id)).toContain(GITHUB_DEPLOY);
  });

  it('keeps the page free of CSP violations and script errors', () => {
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });

  it('says so when the API is away', async () => {
    await atlas.close();
    await page.locator('#hops').fill('2');
    await page.locator('#hops').dispatchEvent('change');
    await page.waitForSelector('#graph[data-state="error"]', { state: 'attached' });
    expect(await page.locator('#status').textContent()).toMatch(/does not answer/);
    await screenshot(page, '06-api-away');
  });
});

describe('the page when Neo4j is away', () => {
  it('shows an error state that names the database', async () => {
    // A driver to a port where nothing listens: the API is up, the graph database is not.
    const neo4j = (await import('neo4j-driver')).default;
    const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), {
      connectionTimeout: 2_000,
    });
    const atlas = await startAtlas(driver);
    const browser = await launchChromium();
    try {
      const { page } = await openPage(browser, atlas.signInUrl());
      await page.waitForSelector('body[data-state="error"]', { state: 'attached', timeout: 30_000 });
      expect(await page.locator('#empty').textContent()).toMatch(/graph database is away/);
      expect(await page.locator('#status').textContent()).toMatch(/Neo4j/);
      await screenshot(page, '07-neo4j-away');
    } finally {
      await browser.close();
      await atlas.close();
      await driver.close();
    }
  }, 60_000);
});
