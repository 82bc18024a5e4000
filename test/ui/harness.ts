/**
 * Browser-test support: the API app in-process on port 0 serving the built page, a one-time
 * sign-in URL, and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiConfig } from '../../api/config.ts';
import { startServer } from '../../api/server.ts';
import { tokenCheck } from '../../api/tokens.ts';
import { projectRoot } from '../../db/paths.ts';
import { ensureUiBuilt } from '../../ui/build.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

export const ARTIFACTS = path.join(projectRoot, 'test-artifacts', 'ui');
/** Where screenshots shown in the docs go: over docs/screenshots/ with DOCS_SCREENSHOTS=1, else with the other artifacts. */
export const DOCS_SCREENSHOTS =
  process.env.DOCS_SCREENSHOTS === '1' ? path.join(projectRoot, 'docs', 'screenshots') : ARTIFACTS;
export const VIEWPORT = { width: 1280, height: 800 };

export interface Atlas {
  url: string;
  /** A fresh one-time sign-in URL (reviewer role unless asked otherwise). */
  signInUrl(role?: 'reader' | 'reviewer'): string;
  close(): Promise<void>;
}

export async function startAtlas(driver: Driver): Promise<Atlas> {
  const uiDir = await ensureUiBuilt(() => {});
  const config = apiConfig({ tokens: tokenCheck([]), uiDir, log: () => {} });
  const srv = await startServer({ driver, config, host: '127.0.0.1', port: 0 });
  return {
    url: srv.url,
    signInUrl: (role = 'reviewer') =>
      `${srv.url}/?token=${encodeURIComponent(srv.app.auth.issueLoginToken(role))}`,
    close: () => srv.close(1_000),
  };
}

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (p && fs.existsSync(p)) return p;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH).');
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
}

/** A browser page opened at `url`, once the page says it is ready (or that it failed). */
export async function openPage(browser: Browser, url: string, viewport = VIEWPORT): Promise<OpenPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  // A sign-in link sets the session cookie and redirects to the page, which then marks itself ready, or failed.
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { state: 'attached' });
  return { context, page, problems };
}

/** Waits for the graph to settle on a view (the page sets these markers; no sleeps). */
export async function graphReady(page: Page, view?: string, timeout = 30_000): Promise<void> {
  const sel = view ? `#graph[data-state="ready"][data-view="${view}"]` : '#graph[data-state="ready"]';
  await page.waitForSelector(sel, { timeout, state: 'attached' });
  await page.waitForSelector('body[data-state="ready"]', { timeout, state: 'attached' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The data Cytoscape holds for the drawn elements a selector picks. */
export async function drawn(page: Page, selector: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((sel) => {
    const el = document.getElementById('graph') as unknown as {
      _cyreg: { cy: { $(s: string): { map<T>(f: (e: { data(): Record<string, unknown> }) => T): T[] } } };
    };
    return el._cyreg.cy.$(sel).map((e) => ({ ...e.data(), hop: undefined }));
  }, selector);
}

/** One test file's page: a test database holding one snapshot, IAM Atlas serving it, a browser signed in. */
export interface PageSession extends OpenPage {
  db: TestDb;
  atlas: Atlas;
  browser: Browser;
  snap: string;
  /** Opens the page at `?QUERY&snap=SNAP`. */
  view(query: string): Promise<unknown>;
  /** Waits until the details panel shows a node of `kind`. */
  detailsReady(kind: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens a test database, loads one snapshot with `load` (tracked for deletion), serves it and signs in as `role`. */
export async function openPageSession(
  load: (db: TestDb) => Promise<string>,
  role: 'reader' | 'reviewer',
): Promise<PageSession> {
  const db = await openTestDb();
  const snap = await load(db);
  db.track(snap);
  const atlas = await startAtlas(db.driver);
  const browser = await launchChromium();
  const opened = await openPage(browser, atlas.signInUrl(role));
  return {
    ...opened,
    db,
    atlas,
    browser,
    snap,
    view: (query) => opened.page.goto(`${atlas.url}/?${query}&snap=${snap}`),
    detailsReady: (kind) =>
      opened.page.waitForSelector(`#details[data-state="ready"][data-kind="${kind}"]`, { state: 'attached' }),
    close: async () => {
      await browser.close();
      await atlas.close();
      await db.close();
    },
  };
}
