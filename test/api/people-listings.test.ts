/**
 * The people listings of the GraphQL API (people, person, permissionSets,
 * permissionSet, assignments) on the demo organization with its people
 * (test/fixtures/demo-people, explained in its README). Expectations are
 * counted from the fixture's own Identity Center file, so they follow it.
 * Real Neo4j, real HTTP.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, startApi } from './helpers.ts';

interface Fixture {
  Users: { UserId: string; UserName: string; UserStatus: string }[];
  Groups: { GroupId: string; DisplayName: string }[];
  GroupMemberships: { GroupId: string; MemberId: { UserId: string } }[];
  PermissionSets: { Name: string; PermissionSetArn: string; SessionDuration: string }[];
  AccountAssignments: {
    AccountId: string;
    PermissionSetArn: string;
    PrincipalType: string;
    PrincipalId: string;
  }[];
}
const ic = (
  JSON.parse(
    fs.readFileSync(
      path.join(projectRoot, 'test', 'fixtures', 'demo-people', '111111111111.identity-center.json'),
      'utf8',
    ),
  ) as { Instances: Fixture[] }
).Instances[0]!;
const groupId = (name: string) => ic.Groups.find((g) => g.DisplayName === name)!.GroupId;
const userName = (id: string) => ic.Users.find((u) => u.UserId === id)!.UserName;
const membersOf = (name: string) =>
  ic.GroupMemberships.filter((m) => m.GroupId === groupId(name))
    .map((m) => userName(m.MemberId.UserId))
    .sort();
const psArn = (name: string) => ic.PermissionSets.find((p) => p.Name === name)!.PermissionSetArn;

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  snap = (await ingestDemoWithPeople(db.driver, 'api-people-listings')).snapshotId;
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

async function data(query: string, vars: Record<string, unknown> = {}) {
  const r = await gql(api.url, query, { s: snap, ...vars });
  expect(r.body.errors).toBeUndefined();
  return r.body.data!;
}

describe('people listings', () => {
  it('people: every person by name, paged with cursors', async () => {
    const all = ic.Users.map((u) => u.UserName).sort();
    const first = await data(
      `query($s: ID) { people(snapshot: $s, first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`,
    );
    expect(first.people.totalCount).toBe(all.length);
    expect(first.people.pageInfo.hasNextPage).toBe(true);
    const rest = await data(
      `query($s: ID, $after: String) { people(snapshot: $s, first: 100, after: $after) { pageInfo { hasNextPage } nodes { name } } }`,
      { after: first.people.pageInfo.endCursor },
    );
    expect(rest.people.pageInfo.hasNextPage).toBe(false);
    expect([...first.people.nodes, ...rest.people.nodes].map((p: { name: string }) => p.name)).toEqual(all);
  });

  it('people: filtered by name, by group, by account', async () => {
    const byName = await data(
      `query($s: ID) { people(snapshot: $s, filter: { search: "Okafor" }) { nodes { name displayName groups { name } } } }`,
    );
    expect(byName.people.nodes).toEqual([
      expect.objectContaining({ name: 'amara.okafor@example.com', displayName: 'Amara Okafor' }),
    ]);
    const byGroup = await data(
      `query($s: ID) { people(snapshot: $s, filter: { group: "prod-oncall" }, first: 100) { totalCount nodes { name groups { name } } } }`,
    );
    expect(byGroup.people.nodes.map((p: { name: string }) => p.name)).toEqual(membersOf('prod-oncall'));
    for (const p of byGroup.people.nodes)
      expect(p.groups.map((g: { name: string }) => g.name)).toContain('prod-oncall');
    // Sandbox (777777777777): the platform admins and sandbox users through their groups.
    const sandbox = [...new Set([...membersOf('platform-admins'), ...membersOf('sandbox-users')])].sort();
    const byAccount = await data(
      `query($s: ID) { people(snapshot: $s, filter: { account: "777777777777" }, first: 100) { nodes { name } } }`,
    );
    expect(byAccount.people.nodes.map((p: { name: string }) => p.name)).toEqual(sandbox);
    const bad = await gql(
      api.url,
      `query($s: ID) { people(snapshot: $s, filter: { account: "prod" }) { totalCount } }`,
      {
        s: snap,
      },
    );
    expect(bad.body.errors?.[0]?.message).toMatch(/account: an account id is 12 digits/);
  });

  it('peopleGroups: by part of a name, or one by name, with member counts', async () => {
    const r = await data(
      `query($s: ID) { all: peopleGroups(snapshot: $s) { totalCount }
        some: peopleGroups(snapshot: $s, filter: { search: "ADMIN" }) { nodes { name memberCount } }
        one: peopleGroups(snapshot: $s, filter: { id: "developers" }) { nodes { key id name memberCount } } }`,
    );
    expect(r.all.totalCount).toBe(ic.Groups.length);
    expect(r.some.nodes).toEqual([
      { name: 'platform-admins', memberCount: membersOf('platform-admins').length },
    ]);
    expect(r.one.nodes).toEqual([
      expect.objectContaining({ id: groupId('developers'), memberCount: membersOf('developers').length }),
    ]);
  });

  it('person: groups, assignments per account with their roles, and the roles signed in as', async () => {
    const r = await data(
      `query($s: ID) { person(snapshot: $s, id: "zoe.adams") {
        name groups { name }
        assignments { accountId principalType group { name } person { name } permissionSet { name } role { kind name } }
        signIns { accountId permissionSets direct role { name } }
      } }`,
    );
    const p = r.person;
    expect(p.name).toBe('zoe.adams@example.com');
    const direct = p.assignments.filter((a: { principalType: string }) => a.principalType === 'USER');
    expect(direct).toEqual([
      expect.objectContaining({
        accountId: '444444444444',
        person: { name: 'zoe.adams@example.com' },
        permissionSet: { name: 'AdministratorAccess' },
        role: expect.objectContaining({ kind: 'Role' }),
      }),
    ]);
    expect(direct[0].role.name).toMatch(/^AWSReservedSSO_AdministratorAccess_[0-9a-f]+$/);
    // Every group assignment is to a group she is in.
    const groups = p.groups.map((g: { name: string }) => g.name);
    for (const a of p.assignments.filter((x: { principalType: string }) => x.principalType === 'GROUP'))
      expect(groups).toContain(a.group.name);
    expect(p.signIns.find((s: { accountId: string }) => s.accountId === '444444444444')).toMatchObject({
      permissionSets: ['AdministratorAccess'],
      direct: true,
    });
    const none = await data(`query($s: ID) { person(snapshot: $s, id: "nobody@example.com") { name } }`);
    expect(none.person).toBeNull();
  });

  it('permissionSets: policies, boundary, session duration, and where each is assigned', async () => {
    const r = await data(
      `query($s: ID) { permissionSets(snapshot: $s) { totalCount nodes {
        name sessionDuration awsManagedPolicyArns customerManagedPolicies permissionsBoundary assignedAccountIds provisionedAccountIds
      } } }`,
    );
    expect(r.permissionSets.totalCount).toBe(ic.PermissionSets.length);
    expect(r.permissionSets.nodes.map((p: { name: string }) => p.name)).toEqual(
      ic.PermissionSets.map((p) => p.Name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const dev = r.permissionSets.nodes.find((p: { name: string }) => p.name === 'Developer');
    expect(dev.awsManagedPolicyArns).toEqual(['arn:aws:iam::aws:policy/PowerUserAccess']);
    expect(JSON.parse(dev.permissionsBoundary)).toMatchObject({
      customerManaged: { name: 'developer-boundary' },
    });
    expect(dev.assignedAccountIds).toEqual(['444444444444', '555555555555', '666666666666']);
    // ReadOnlyAccess is provisioned in sandbox but assigned there to nobody: no access there.
    const ro = r.permissionSets.nodes.find((p: { name: string }) => p.name === 'ReadOnlyAccess');
    expect(ro.provisionedAccountIds).toContain('777777777777');
    expect(ro.assignedAccountIds).not.toContain('777777777777');
    const inProd = await data(
      `query($s: ID) { permissionSets(snapshot: $s, filter: { account: "444444444444" }) { nodes { name } } }`,
    );
    expect(inProd.permissionSets.nodes.map((p: { name: string }) => p.name).sort()).toEqual(
      [
        ...new Set(
          ic.AccountAssignments.filter((a) => a.AccountId === '444444444444').map(
            (a) => ic.PermissionSets.find((p) => p.PermissionSetArn === a.PermissionSetArn)!.Name,
          ),
        ),
      ].sort(),
    );
  });

  it('permissionSet: its assignments and who holds it, directly or through a group', async () => {
    const r = await data(
      `query($s: ID) { permissionSet(snapshot: $s, id: "AdministratorAccess") {
        arn assignments { accountId principalType group { name } person { name } role { name } }
        holders { person { name } accountIds groups direct }
      } }`,
    );
    const ps = r.permissionSet;
    expect(ps.arn).toBe(psArn('AdministratorAccess'));
    expect(ps.assignments).toHaveLength(
      ic.AccountAssignments.filter((a) => a.PermissionSetArn === ps.arn).length,
    );
    const holders = [
      ...new Set([...membersOf('platform-admins'), ...membersOf('sandbox-users'), 'zoe.adams@example.com']),
    ].sort();
    expect(ps.holders.map((h: { person: { name: string } }) => h.person.name)).toEqual(holders);
    expect(
      ps.holders.find((h: { person: { name: string } }) => h.person.name === 'zoe.adams@example.com'),
    ).toEqual({
      person: { name: 'zoe.adams@example.com' },
      accountIds: ['444444444444'],
      groups: [],
      direct: true,
    });
    const admin = ps.holders.find(
      (h: { person: { name: string } }) => h.person.name === membersOf('platform-admins')[0],
    );
    expect(admin.groups).toContain('platform-admins');
    expect(admin.accountIds).toHaveLength(7);
  });

  it('assignments: by account, permission set, group and person; a missing role is null', async () => {
    const q = `query($s: ID, $f: AssignmentFilter) { assignments(snapshot: $s, filter: $f, first: 100) {
      totalCount nodes { accountId accountName principalType group { name } person { name } permissionSet { name } role { name } } } }`;
    const all = await data(q, { f: {} });
    expect(all.assignments.totalCount).toBe(ic.AccountAssignments.length);
    const devInProd = await data(q, { f: { account: '444444444444', permissionSet: 'Developer' } });
    // Developers hold Developer in prod, but no AWSReservedSSO_Developer_* role is there.
    expect(devInProd.assignments.nodes).toEqual([
      expect.objectContaining({
        accountId: '444444444444',
        principalType: 'GROUP',
        group: { name: 'developers' },
        person: null,
        role: null,
      }),
    ]);
    const auditors = await data(q, { f: { group: 'auditors' } });
    expect(auditors.assignments.nodes.map((a: { accountId: string }) => a.accountId)).toEqual(
      ic.AccountAssignments.filter((a) => a.PrincipalId === groupId('auditors'))
        .map((a) => a.AccountId)
        .sort(),
    );
    const someone = membersOf('finance')[0]!;
    const theirs = await data(q, { f: { person: someone } });
    expect(
      theirs.assignments.nodes.some((a: { group: { name: string } | null }) => a.group?.name === 'finance'),
    ).toBe(true);
    const ambiguous = await gql(api.url, q, { s: snap, f: { person: 'example.com' } });
    expect(ambiguous.body.errors?.[0]?.message ?? '').toMatch(/No person "example.com"|names \d+ people/);
  });
});
