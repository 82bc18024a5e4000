/**
 * The resource views of the page in Debian's Chromium against the real API and Neo4j, on the demo
 * organization with hand-written resources (test/harness/resource-snapshot.ts): a resource with
 * its policy (the statement access rests on marked) and everyone who reaches it drawn as paths
 * ending in a CAN_ACCESS edge; an access edge's statement; and the public / external access list
 * with its filters. With DOCS_SCREENSHOTS=1 the resource view is written to
 * docs/screenshots/resource-view.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as F from '../harness/resource-snapshot.ts';
import {
  DOCS_SCREENSHOTS,
  drawn,
  graphReady,
  openPageSession,
  screenshot,
  type PageSession,
} from './harness.ts';

describe('resources in the page', () => {
  let session: PageSession;
  let page: Page;
  let problems: string[];
  const view = (q: string) => session.view(q);
  const detailsReady = (kind: string) => session.detailsReady(kind);

  beforeAll(async () => {
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    session = await openPageSession(
      async (db) => (await F.loadResourceSnapshot(db.driver, 'ui-resources')).snapshotId,
      'reader',
    );
    ({ page, problems } = session);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('draws who can reach a resource, and shows its policy with the granting statement marked', async () => {
    await view(`view=resource&node=${encodeURIComponent(F.SECRET)}`);
    await graphReady(page, 'resource');
    await detailsReady('resource');
    expect(await page.locator('#view-title').textContent()).toBe('Who can access prod/payments-db-AbCdEf');
    // The policy's two statements; the Allow that CAN_ACCESS rests on is marked, the Deny is not.
    expect(await page.locator('#details .policy .stmt').count()).toBe(2);
    const cited = page.locator('#details .policy .stmt-cited');
    expect(await cited.count()).toBe(1);
    expect(await cited.getAttribute('data-statement')).toBe('1');
    expect(await cited.locator('.stmt-head').textContent()).toContain('Statement 1 (AnalyticsRead)');
    const resources = await drawn(page, 'node[kind = "resource"]');
    expect(resources.map((n) => n.id)).toEqual([F.SECRET]);
    const access = await drawn(page, 'edge[kind = "canAccess"]');
    expect(access.map((e) => [e.source, e.target, e.badge])).toEqual([
      [F.ANALYTICS_READER, F.SECRET, 'read'],
    ]);
    // Who reaches the reader: the ETL role by assuming it, people by signing in.
    const assume = await drawn(page, 'edge[kind = "canAssume"]');
    expect(assume.some((e) => e.source === F.ETL_EXPORTER && e.target === F.ANALYTICS_READER)).toBe(true);
    expect((await drawn(page, 'node[kind = "person"]')).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'resource-view.png') });
    expect(problems).toEqual([]);
  });

  it('finds a resource by search and opens its view', async () => {
    await view('view=overview');
    await graphReady(page, 'overview');
    await page.locator('#search').fill('payments');
    const hit = page.locator(`#search-results [data-key="${F.SECRET}"]`);
    await hit.waitFor();
    expect(await hit.locator('.hit-meta').textContent()).toMatch(
      /^resource · secretsmanager-secret · workloads-prod/,
    );
    await hit.dispatchEvent('mousedown');
    await graphReady(page, 'resource');
    await detailsReady('resource');
    expect(page.url()).toContain(`node=${encodeURIComponent(F.SECRET)}`);
  });

  it('opens an access edge with its level, actions and the statement behind it', async () => {
    const id = `canAccess:${F.VENDOR_ACCOUNT}->${F.KEY}:write`;
    await view(`view=resource&node=${encodeURIComponent(F.KEY)}&sel=${encodeURIComponent(id)}`);
    await graphReady(page, 'resource');
    await detailsReady('edge');
    const body = (await page.locator('#details-body').textContent()) ?? '';
    expect(body).toContain('write access');
    expect(body).toContain('kms:Decrypt, kms:GenerateDataKey');
    expect(body).toContain('kms:ViaService StringEquals s3.eu-west-1.amazonaws.com');
    expect(await page.locator('#details .stmt-cited').getAttribute('data-statement')).toBe('1');
    await screenshot(page, 'resources-02-access-edge');
  });

  it('lists public and external access, filters it, and opens a resource from the list', async () => {
    await view('view=external-access');
    await graphReady(page, 'external-access');
    await detailsReady('external-access');
    expect(await page.locator('#details .access-item').count()).toBe(2);
    expect(await page.locator('#access-count').textContent()).toBe('2 findings');
    await page.locator('#filter-public').check();
    await page.waitForURL(/rPublic=1/);
    await graphReady(page, 'external-access');
    await detailsReady('external-access');
    expect(await page.locator('#details .access-item').count()).toBe(1);
    expect(await page.locator('#details .access-item').getAttribute('data-resource')).toBe(F.PUBLIC_BUCKET);
    const drawnAccess = await drawn(page, 'edge[kind = "canAccess"]');
    expect(drawnAccess.map((e) => [e.source, e.target])).toEqual([['*', F.PUBLIC_BUCKET]]);

    await view('view=external-access&rType=kms-key');
    await graphReady(page, 'external-access');
    await detailsReady('external-access');
    expect(await page.locator('#filter-type').inputValue()).toBe('kms-key');
    await page.locator('#details .access-item').first().click();
    await graphReady(page, 'resource');
    expect(page.url()).toContain(`node=${encodeURIComponent(F.KEY)}`);
    await screenshot(page, 'resources-03-external-access');
    expect(problems).toEqual([]);
  });
});
