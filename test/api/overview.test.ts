/**
 * The overview fields of the GraphQL API on the demo organization: the same answers as the query
 * layer (query/org-overview.ts), a cell of the matrix opening its edges, bad input named, and the
 * request gate counting them as searches. Real Neo4j, real HTTP.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectsSearchField } from '../../api/request-gate.ts';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { orgOverview, trustMatrix } from '../../query/org-overview.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, startApi } from './helpers.ts';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  snap = (await ingestPaths(db.driver, [DEMO_ORG_DIR], { name: 'api-overview' })).snapshotId;
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const OVERVIEW = `query($s: ID, $e: [ID!], $b: Int) { organizationOverview(snapshot: $s, expand: $e, budget: $b) {
  accountCount
  units { id kind name parentId expanded trustAtBox accountCount roleCount memberCount trustIn trustOut trustFromOutside worstSeverity }
  accounts { id trustFromOutside }
  trust { from to fromName edgeCount conditionalCount roleCount assumptions worstSeverity }
} }`;

describe('the overview in the API', () => {
  it('organizationOverview answers what the query layer does, at the level asked', async () => {
    const ou = (await orgOverview(db.driver, snap, {})).units.find((u) => u.kind === 'OU' && !u.expanded)!;
    // The last: a budget the units alone fill, so the OU's trust is shown at its box.
    for (const [expand, budget] of [
      [[], undefined],
      [[ou.id, 'outside:accounts'], undefined],
      [[ou.id], 1],
    ] as const) {
      const r = await gql(api.url, OVERVIEW, { s: snap, e: expand, b: budget });
      expect(r.body.errors).toBeUndefined();
      const want = await orgOverview(db.driver, snap, { expand: [...expand], ...(budget ? { budget } : {}) });
      if (budget) expect(want.units.find((u) => u.id === ou.id)?.trustAtBox).toBe(true);
      expect(r.body.data!.organizationOverview).toEqual({
        accountCount: want.accountCount,
        units: want.units,
        accounts: want.accounts.map((a) => ({ id: a.id, trustFromOutside: a.trustFromOutside })),
        trust: want.trust,
      });
    }
  });

  it('trustMatrix and trustBetween: a cell opens the edges behind it, page by page', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) { trustMatrix(snapshot: $s) { accounts { id name ouPath } cells { from to edgeCount roleCount } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const m = await trustMatrix(db.driver, snap, {});
    expect(r.body.data!.trustMatrix.cells).toHaveLength(m.cells.length);
    const cell = [...m.cells].sort((a, b) => b.edgeCount - a.edgeCount)[0]!;
    expect(cell.edgeCount).toBeGreaterThan(1);
    const e = await gql(
      api.url,
      `query($s: ID, $f: ID!, $t: ID!) { trustBetween(snapshot: $s, from: $f, to: $t, first: 1) {
        totalCount pageInfo { hasNextPage } nodes { from { key } to { key accountId } } } }`,
      { s: snap, f: cell.from, t: cell.to },
    );
    expect(e.body.errors).toBeUndefined();
    expect(e.body.data!.trustBetween.totalCount).toBe(cell.edgeCount);
    expect(e.body.data!.trustBetween.pageInfo.hasNextPage).toBe(true);
    expect(e.body.data!.trustBetween.nodes[0].to.accountId).toBe(cell.to);
  });

  it('names bad input, and counts the fields as searches at the request gate', async () => {
    const r = await gql(api.url, OVERVIEW, { s: snap, e: ['x'.repeat(300)] });
    expect(r.body.errors?.[0]?.message).toMatch(/^expand\.0: /);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const f of ['organizationOverview { accountCount }', 'trustMatrix { cells { from } }'])
      expect(selectsSearchField(parse(`{ ${f} }`))).toBe(true);
  });
});
