/**
 * The plan check on the page in Debian's Chromium against the real API and Neo4j, on the demo
 * organization: a reviewer uploads the demo CI plan (test/fixtures/plans/demo-ci-passrole-lambda.json),
 * sees the gate fail and the CI role's new path to admin drawn in the snapshot-diff colour for
 * "added", labelled with the Terraform address behind it, and adds the check to a new review
 * session, whose items carry the path and its evidence. Screenshots go to test-artifacts/ui/;
 * with DOCS_SCREENSHOTS=1 the plan view is written over docs/screenshots/plan-check.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { DIFF_COLOR } from '../../ui/src/palette.ts';
import { ingestDemo } from '../api/helpers.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { ARTIFACTS, graphReady, launchChromium, openPage, startAtlas, type Atlas } from './harness.ts';

const PLAN = path.join(projectRoot, 'test', 'fixtures', 'plans', 'demo-ci-passrole-lambda.json');
const CI_ROLE = 'arn:aws:iam::333333333333:role/ci/github-actions-terraform-plan';
const DOCS = process.env.DOCS_SCREENSHOTS === '1' ? path.join(projectRoot, 'docs', 'screenshots') : ARTIFACTS;

/** The data and drawn colour Cytoscape holds for each edge. */
async function edges(page: Page): Promise<{ data: Record<string, unknown>; color: string }[]> {
  return page.evaluate(() => {
    const el = document.getElementById('graph') as unknown as {
      _cyreg: {
        cy: {
          edges(): {
            map<T>(f: (e: { data(): Record<string, unknown>; style(k: string): string }) => T): T[];
          };
        };
      };
    };
    return el._cyreg.cy.edges().map((e) => ({ data: e.data(), color: e.style('line-color') }));
  });
}

/** #0072B2 → rgb(0,114,178), as Cytoscape reports a colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;

describe('plan check in the page', () => {
  let db: TestDb;
  let atlas: Atlas;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let snap: string;

  beforeAll(async () => {
    fs.mkdirSync(DOCS, { recursive: true });
    db = await openTestDb();
    snap = await ingestDemo(db.driver, 'ui-plan');
    db.track(snap);
    atlas = await startAtlas(db.driver);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, atlas.signInUrl('reviewer')));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    await db?.close();
  });

  it('uploads the demo CI plan: the gate fails and the new path shows, coloured as added, with its address', async () => {
    await page.goto(`${atlas.url}/?view=overview&snap=${snap}`);
    await graphReady(page, 'overview');
    await page.locator('#tab-plan').click();
    await page.locator('#plan-file').setInputFiles(PLAN);
    await page.locator('#plan-check').click();
    await graphReady(page, 'plan');
    expect(page.url()).toContain('view=plan');

    await page.locator('#plan-gate').waitFor();
    expect(await page.locator('#plan-gate').getAttribute('data-passed')).toBe('false');
    expect(await page.locator('#plan-gate').textContent()).toMatch(/^Gate fails: new-admin-path \(\d+\)/);
    const ciPath = page.locator(`#plan-admin-paths .plan-path[data-from="${CI_ROLE}"]`);
    expect(await ciPath.count()).toBe(1);
    expect(await ciPath.locator('.plan-changed').first().textContent()).toMatch(
      /^github-actions-terraform-plan → .* \(passrole-lambda-create-invoke\)$/,
    );
    expect(await ciPath.locator('code').allTextContents()).toContain(
      'module.ci.aws_iam_role_policy.lambda_deploy',
    );

    const drawn = await edges(page);
    const hop = drawn.find((e) => e.data.source === CI_ROLE && e.data.kind === 'canEscalateTo');
    expect(hop?.data).toMatchObject({ diff: 'added' });
    // Its label names the first resource behind it (the details list them all, below).
    expect(String(hop?.data.badge)).toMatch(/^module\.ci\.aws_iam_[\w.]+( \(\+\d+\))?$/);
    expect(hop?.color.replace(/\s/g, '')).toBe(rgb(DIFF_COLOR.added));
    expect(await page.locator('#legend').textContent()).toContain('What the plan changes');

    // The hop opens with the resources behind it.
    await ciPath.locator('.plan-edge').first().click();
    await page.waitForSelector('#details[data-state="ready"][data-kind="plan-edge"]', { state: 'attached' });
    expect(await page.locator('#plan-edge-addresses code').allTextContents()).toContain(
      'module.ci.aws_iam_role_policy.lambda_deploy',
    );
    await page.locator('#details-close').click();
    await page.screenshot({ path: path.join(DOCS, 'plan-check.png') });
  });

  it('adds the check to a new review session, whose items carry the new path with its evidence', async () => {
    await page.locator('#plan-session-name').fill('PR 42: CI may deploy Lambda');
    await page.locator('#plan-note').fill('from the pull request');
    await page.locator('#plan-add-review').click();
    const done = page.locator('#plan-review-done[data-items]');
    await done.waitFor();
    expect(Number(await done.getAttribute('data-items'))).toBeGreaterThan(1);

    await page.locator('#plan-open-session').click();
    await graphReady(page, 'review');
    await page.locator('#review-item').waitFor();
    expect(await page.locator('#review-item').textContent()).toMatch(/Plan demo-ci-passrole-lambda\.json/);
    // The CI role's path is among the items; open it and see its hops drawn, the changed one as added.
    const session = new URL(page.url()).searchParams.get('session');
    const items = await page.evaluate(async (id) => {
      const r = await fetch('graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'query($id: ID!) { reviewSession(id: $id) { items { id kind note subjectKeys planChange { what } } } }',
          variables: { id },
        }),
      });
      return (await r.json()).data.reviewSession.items as {
        id: string;
        kind: string;
        note: string;
        subjectKeys: string[];
        planChange: { what: string };
      }[];
    }, session);
    expect(items.every((i) => i.kind === 'PLAN_CHANGE' && i.note === 'from the pull request')).toBe(true);
    const ci = items.find((i) => i.planChange.what === 'NEW_ADMIN_PATH' && i.subjectKeys[0] === CI_ROLE);
    expect(ci).toBeDefined();
    await page.goto(`${atlas.url}/?view=review&snap=${snap}&session=${session}&item=${ci!.id}`);
    await graphReady(page, 'review');
    await page.locator('#review-item .plan-evidence').waitFor();
    expect(await page.locator('#review-item .plan-evidence code').allTextContents()).toContain(
      'module.ci.aws_iam_role_policy.lambda_deploy',
    );
    const drawn = await edges(page);
    expect(drawn.find((e) => e.data.source === CI_ROLE)?.data).toMatchObject({ diff: 'added' });
    expect(problems).toEqual([]);
  });
});
