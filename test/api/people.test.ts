/**
 * The people fields of the GraphQL API on the demo organization with its
 * people (test/fixtures/demo-people): the same answers as the query layer,
 * with graph nodes the page can draw. Real Neo4j, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, startApi } from './helpers.ts';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestDemoWithPeople(db.driver, 'api-people');
  snap = res.snapshotId;
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('people in the API', () => {
  it('personReach: the roles a person signs in as, as graph nodes, and what they administer', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) { personReach(snapshot: $s, person: "ines.duarte") {
        person { name status }
        signIns { accountId permissionSets groups direct role { kind name isAdmin } }
        admin { adminOf how length node { kind key } }
      } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.personReach;
    expect(p.person).toEqual({ name: 'ines.duarte@example.com', status: 'ENABLED' });
    expect(p.signIns).toHaveLength(8);
    const prodSupport = p.signIns.find(
      (s: { permissionSets: string[] }) => s.permissionSets[0] === 'ProdSupport',
    );
    expect(prodSupport).toMatchObject({ accountId: '444444444444', groups: ['prod-oncall'], direct: false });
    expect(prodSupport.role).toMatchObject({ kind: 'Role', isAdmin: false });
    // Administrator of every account but prod (see the demo people's README).
    expect(p.admin.map((a: { adminOf: string }) => a.adminOf)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '555555555555',
      '666666666666',
      '777777777777',
    ]);
    expect(p.admin[0].node).toEqual({ kind: 'Account', key: '111111111111' });
  });

  it('peopleWhoCanReach: names and groups, and a clear error for an unknown person', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) { peopleWhoCanReach(snapshot: $s, role: "admin", account: "777777777777") {
        target account people { person { name } way { how length } } byGroup { group people }
      } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const w = r.body.data!.peopleWhoCanReach;
    expect(w.people).toHaveLength(9);
    expect(w.byGroup.map((g: { group: string; people: string[] }) => [g.group, g.people.length])).toEqual([
      ['platform-admins', 3],
      ['sandbox-users', 6],
    ]);
    const missing = await gql(
      api.url,
      `query($s: ID) { personReach(snapshot: $s, person: "nobody") { person { name } } }`,
      {
        s: snap,
      },
    );
    expect(missing.body.errors?.[0]?.message).toMatch(/No person "nobody"/);
    const bad = await gql(
      api.url,
      `query($s: ID) { peopleWhoCanReach(snapshot: $s, role: "admin", account: "12") { target } }`,
      { s: snap },
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
