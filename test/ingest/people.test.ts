/**
 * People in the graph: the demo organization read with its Identity Center and
 * credential reports (test/fixtures/demo-people). Assignments reach the roles
 * provisioned for them, directly or through a group, only in assigned accounts;
 * missing and orphaned roles and risky sign-ins are findings. Real Neo4j.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let snap: string;
let counts: { nodes: Record<string, number>; relationships: Record<string, number> };

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestDemoWithPeople(db.driver, 'demo-people');
  snap = res.snapshotId;
  db.track(snap);
  counts = res.counts as typeof counts;
}, 300_000);
afterAll(async () => {
  await db?.close();
});

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  const res = await db.driver.executeQuery(cypher, { s: snap, ...params });
  return res.records.map((r) => r.toObject());
}

/** The roles (by name) a person signs in as, and the groups each comes through. */
async function signIns(userName: string) {
  return rows(
    `MATCH (p:Person {snapshotId: $s, userName: $u})-[e:CAN_SIGN_IN_AS]->(r:Role)
     RETURN r.accountId + '/' + split(r.name, '_')[1] AS role, e.groups AS groups, e.direct AS direct ORDER BY role`,
    { u: `${userName}@example.com` },
  );
}

describe('people of the demo organization', () => {
  it('loads people, groups, permission sets and assignments as the file holds them', () => {
    expect(counts.nodes).toMatchObject({ Person: 36, PeopleGroup: 8, PermissionSet: 7 });
    expect(counts.relationships.ASSIGNED).toBe(26);
  });

  it('reaches roles through groups, and directly, only in the accounts assigned', async () => {
    // Platform admins hold AdministratorAccess everywhere; ines is also on the prod on-call rota.
    expect((await signIns('ines.duarte')).map((r) => r.role)).toEqual([
      '111111111111/AdministratorAccess',
      '222222222222/AdministratorAccess',
      '333333333333/AdministratorAccess',
      '444444444444/AdministratorAccess',
      '444444444444/ProdSupport',
      '555555555555/AdministratorAccess',
      '666666666666/AdministratorAccess',
      '777777777777/AdministratorAccess',
    ]);
    // zoe.adams: AdministratorAccess in prod, assigned to her directly.
    expect(await signIns('zoe.adams')).toEqual([
      { role: '444444444444/AdministratorAccess', groups: [], direct: true },
    ]);
    // A developer: Developer and ReadOnlyAccess in staging and dev, and nothing in prod
    // (Developer is assigned there, but no role was provisioned).
    expect((await signIns('emma.johnson')).map((r) => [r.role, r.groups])).toEqual([
      ['555555555555/Developer', ['developers']],
      ['555555555555/ReadOnlyAccess', ['developers']],
      ['666666666666/Developer', ['developers']],
      ['666666666666/ReadOnlyAccess', ['developers']],
      ['777777777777/AdministratorAccess', ['sandbox-users']],
    ]);
  });

  it('gives disabled people no sign-ins', async () => {
    expect(await signIns('samuel.young')).toEqual([]);
    const [row] = await rows(
      `MATCH (p:Person {snapshotId: $s, userName: 'samuel.young@example.com'}) RETURN p.status AS status`,
    );
    expect(row).toEqual({ status: 'DISABLED' });
  });

  it('reports the assignment without its role and the role without an assignment', async () => {
    const found = await rows(
      `MATCH (f:Finding {snapshotId: $s})-[:ABOUT {primary: true}]->(n)
       WHERE f.kind IN ['assignment-role-missing', 'provisioned-role-unassigned', 'assignment-principal-unknown']
       RETURN f.kind AS kind, coalesce(n.name, n.key) AS about ORDER BY kind, about`,
    );
    expect(found).toEqual([
      { kind: 'assignment-role-missing', about: 'Developer' },
      { kind: 'provisioned-role-unassigned', about: 'AWSReservedSSO_ReadOnlyAccess_4f651e1cf1ede13c' },
    ]);
  });

  it('says on an edge when its MFA condition cannot hold for a user without MFA', async () => {
    const edges = await rows(
      `MATCH (u:User {snapshotId: $s})-[e:CAN_ASSUME]->(r:Role {name: 'break-glass-admin'})
       RETURN u.name + ' → ' + r.accountId AS user, e.mfaCannotHold AS note ORDER BY user`,
    );
    expect(
      edges.map((e) => [e.user, e.note === null ? null : /has no MFA device/.test(String(e.note))]),
    ).toEqual([
      ['break-glass-1 → 111111111111', null],
      ['break-glass-1 → 444444444444', null],
      ['break-glass-2 → 111111111111', true],
      ['break-glass-2 → 444444444444', true],
    ]);
  });

  it('shows sign-in status on IAM users and reports risky sign-ins', async () => {
    const users = await rows(
      `MATCH (u:User {snapshotId: $s}) WHERE u.name IN ['dev-erin', 'dev-bob', 'break-glass-1']
       RETURN u.name AS name, u.passwordEnabled AS password, u.mfaActive AS mfa, u.activeAccessKeys AS keys ORDER BY name`,
    );
    expect(users.map((u) => [u.name, u.password, u.mfa, Number(u.keys)])).toEqual([
      ['break-glass-1', true, true, 0],
      ['dev-bob', true, true, 1],
      ['dev-erin', true, false, 0],
    ]);
    const found = await rows(
      `MATCH (f:Finding {snapshotId: $s})-[:ABOUT {primary: true}]->(n)
       WHERE f.kind IN ['console-user-without-mfa', 'root-user-without-mfa', 'root-user-access-key', 'access-key-unused']
       RETURN f.kind AS kind, coalesce(n.name, n.id) AS about ORDER BY kind, about`,
    );
    expect(found.map((f) => `${f.kind} ${f.about}`)).toEqual([
      'access-key-unused svc-lambda-deployer',
      'console-user-without-mfa break-glass-2',
      'console-user-without-mfa dev-erin',
      'console-user-without-mfa ext-contractor-1',
      'root-user-access-key workloads-prod',
      'root-user-without-mfa workloads-prod',
    ]);
  });
});
