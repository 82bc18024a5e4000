/**
 * The people views of the page in Debian's Chromium against the real API and Neo4j, on the demo
 * organization with its people (test/fixtures/demo-people, explained in its README): a person
 * found by search, their assignments and what they reach; a permission set with its policies,
 * accounts and holders; and the people at the start of who-can-reach, by group when many.
 * Screenshots go to test-artifacts/ui/; with DOCS_SCREENSHOTS=1, those of the person and
 * permission-set views are written over docs/screenshots/ (the README shows them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import {
  DOCS_SCREENSHOTS,
  drawn,
  graphReady,
  openPageSession,
  screenshot,
  type Atlas,
  type PageSession,
} from './harness.ts';

const SSO = 'role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_';
const PROD_ADMIN = `arn:aws:iam::444444444444:${SSO}AdministratorAccess_1317f6d30f9a50e2`;
const PROD_SUPPORT = `arn:aws:iam::444444444444:${SSO}ProdSupport_4a4de06a40ddef62`;
const SANDBOX_ADMIN = `arn:aws:iam::777777777777:${SSO}AdministratorAccess_da1c7b623594d828`;
const DOCS = DOCS_SCREENSHOTS;

const texts = (page: Page, sel: string) =>
  page.locator(sel).evaluateAll((els) => els.map((e) => e.textContent ?? ''));

describe('people in the page', () => {
  let session: PageSession;
  let atlas: Atlas;
  let page: Page;
  let problems: string[];
  let snap: string;
  const view = (q: string) => session.view(q);
  const detailsReady = (kind: string) => session.detailsReady(kind);

  beforeAll(async () => {
    fs.mkdirSync(DOCS, { recursive: true });
    session = await openPageSession(
      async (db) => (await ingestDemoWithPeople(db.driver, 'ui-people')).snapshotId,
      'reader',
    );
    ({ atlas, page, problems, snap } = session);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('finds a person by search and shows their groups, assignments and sign-in roles', async () => {
    await view('view=overview');
    await graphReady(page, 'overview');
    await page.locator('#search').fill('zoe');
    const hit = page.locator('#search-results [data-key^="person/"]');
    await hit.first().waitFor();
    expect(await hit.first().locator('.hit-meta').textContent()).toMatch(/^person · zoe\.adams@example\.com/);
    await hit.first().dispatchEvent('mousedown');
    await graphReady(page, 'person');
    await detailsReady('person');
    expect(page.url()).toContain('view=person');
    expect(await page.locator('#details-title').textContent()).toBe('Zoe Adams');
    // Her direct assignment: AdministratorAccess in workloads-prod, with its provisioned role.
    const rows = await texts(page, '#details table.assignments tr');
    expect(rows.some((r) => /workloads-prod.*AdministratorAccess.*directly.*provisioned/.test(r))).toBe(true);
    const signIn = await drawn(page, 'edge[kind = "canSignIn"]');
    expect(signIn.map((e) => e.target)).toContain(PROD_ADMIN);
    expect(await page.locator('#view-summary').textContent()).toMatch(/signs in as \d+ roles?/);
    await screenshot(page, 'people-01-person');
    // The "what can this reach" shortcut draws what the person reaches.
    await page.locator('#view-title').click();
    await page.keyboard.press('w');
    await graphReady(page, 'person-reach');
    expect(await page.locator('#view-title').textContent()).toBe('What Zoe Adams can reach');
  });

  it('draws what a person reaches and the accounts they administer', async () => {
    // A larger window for the screenshots in docs/.
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.locator('#search').fill('ines');
    const hit = page.locator('#search-results [data-key^="person/"]');
    await hit.first().waitFor();
    await hit.first().dispatchEvent('mousedown');
    await graphReady(page, 'person');
    await detailsReady('person');
    await page.screenshot({ path: path.join(DOCS, 'person-view.png') });
    await page.locator('[data-q="person-reach"]').click();
    await graphReady(page, 'person-reach');
    await detailsReady('person');
    await page.waitForSelector('#details section h3:text("Administrator of")', { state: 'attached' });
    const admin = await texts(page, '#details section:has(h3:text("Administrator of")) li');
    // Administrator of every account but prod (the demo people's README explains why).
    expect(admin.map((t) => /\d{12}/.exec(t)?.[0])).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '555555555555',
      '666666666666',
      '777777777777',
    ]);
    const targets = await drawn(page, 'node[mark = "target"]');
    expect(targets.map((n) => n.id).sort()).toEqual(admin.map((t) => /\d{12}/.exec(t)![0]).sort());
    await page.screenshot({ path: path.join(DOCS, 'person-reach.png') });
  });

  it('shows a permission set: policies, boundary, session, accounts, and who holds it', async () => {
    await page.locator('#search').fill('Developer');
    const hit = page.locator('#search-results [data-key^="arn:aws:sso:::permissionSet/"]');
    await hit.first().waitFor();
    await hit.first().dispatchEvent('mousedown');
    await graphReady(page, 'permission-set');
    await detailsReady('permission-set');
    expect(await page.locator('#details-title').textContent()).toBe('Developer');
    const facts = (await page.locator('#details dl.facts').textContent()) ?? '';
    expect(facts).toContain('PT8H');
    expect(facts).toContain('customer managed: /developer-boundary');
    expect(await page.locator('#details').textContent()).toContain('arn:aws:iam::aws:policy/PowerUserAccess');
    const holders = await texts(page, '#details table.holders tr');
    expect(holders).toHaveLength(1 + 10); // a header and the ten developers
    expect(holders.slice(1).every((r) => r.endsWith('developers'))).toBe(true);
    // Assigned in three accounts; in prod its role is missing, so nothing is provisioned there.
    const accounts = await texts(page, '#details section:has(h3:text("Accounts")) li');
    expect(accounts.filter((t) => t.includes('role missing'))).toEqual([
      expect.stringContaining('workloads-prod · 444444444444'),
    ]);
    const provisioned = await drawn(page, 'edge[kind = "provisions"]');
    expect(provisioned.map((e) => String(e.target).split(':')[4]).sort()).toEqual([
      '555555555555',
      '666666666666',
    ]);
    const assigned = await drawn(page, 'edge[kind = "assigned"]');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ badge: '3 accounts' });
    expect(String(assigned[0]!.summaryLabel)).toMatch(/workloads-prod/);
    await page.screenshot({ path: path.join(DOCS, 'permission-set-view.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('who-can-reach starts paths at people, one by one when few', async () => {
    await view(`view=reach-in&node=${encodeURIComponent(PROD_SUPPORT)}&hops=2`);
    await graphReady(page, 'reach-in');
    const people = await drawn(page, 'node[kind = "person"]');
    expect(people).toHaveLength(5); // prod-oncall
    const edges = await drawn(page, 'edge[kind = "canSignIn"]');
    expect(new Set(edges.map((e) => e.target))).toEqual(new Set([PROD_SUPPORT]));
    expect(await page.locator('#view-summary').textContent()).toMatch(/5 people sign in on the way$/);
  });

  it('who-can-reach groups the people by group when many', async () => {
    await view(`view=reach-in&node=${encodeURIComponent(SANDBOX_ADMIN)}&hops=2`);
    await graphReady(page, 'reach-in');
    expect(await drawn(page, 'node[kind = "person"]')).toHaveLength(0);
    const groups = await drawn(page, 'node[kind = "peopleGroup"]');
    expect(groups.map((g) => g.label).sort()).toEqual([
      'platform-admins\n3 people',
      'sandbox-users\n6 people',
    ]);
    expect(await page.locator('#view-summary').textContent()).toMatch(
      /9 people sign in on the way \(drawn by group\)$/,
    );
    await screenshot(page, 'people-02-who-can-reach-groups');
    // A group drawn from who-can-reach opens with its members.
    await page.goto(
      `${atlas.url}/?view=reach-in&node=${encodeURIComponent(SANDBOX_ADMIN)}&hops=2&snap=${snap}&sel=${encodeURIComponent(String(groups.find((g) => g.name === 'sandbox-users')!.id))}`,
    );
    await graphReady(page, 'reach-in');
    await detailsReady('people-group');
    expect(await texts(page, '#details section:has(h3:text("Members")) li')).toHaveLength(6);
  });

  it('logged no console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
