/**
 * The people queries on the demo organization with its people
 * (test/fixtures/demo-people): what a person reaches, and which people reach a
 * role, through the same reachability the principals' questions use. Real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotInSnapshotError, QueryInputError } from '../../query/errors.ts';
import { peopleWhoCanReach, personReach } from '../../query/people.ts';
import { ingestDemoWithPeople } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  const res = await ingestDemoWithPeople(db.driver, 'people-queries');
  snap = res.snapshotId;
  db.track(snap);
}, 300_000);
afterAll(async () => {
  await db?.close();
});

const PROD_SUPPORT =
  'arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_ProdSupport_4a4de06a40ddef62';

describe('people queries', () => {
  it('finds a person by user name, display name or the part before @, and says when nobody fits', async () => {
    for (const name of ['zoe.adams@example.com', 'Zoe Adams', 'zoe.adams']) {
      const r = await personReach(db.driver, snap, { person: name });
      expect(r.person.userName).toBe('zoe.adams@example.com');
      expect(r.signIns.map((s) => [s.accountId, s.permissionSets, s.direct])).toEqual([
        ['444444444444', ['AdministratorAccess'], true],
      ]);
    }
    await expect(personReach(db.driver, snap, { person: 'nobody' })).rejects.toThrow(NotInSnapshotError);
    await expect(personReach(db.driver, snap, { person: 'x', maxHops: 0 })).rejects.toThrow(QueryInputError);
  });

  it('lists the people who sign in as a role, by the group that gives it', async () => {
    const r = await peopleWhoCanReach(db.driver, snap, { role: PROD_SUPPORT });
    expect(r.people.map((p) => p.person.name)).toEqual([
      'arjun.rao@example.com',
      'chloe.martin@example.com',
      'ines.duarte@example.com',
      'lena.fischer@example.com',
      'mateo.garcia@example.com',
    ]);
    expect(r.byGroup).toEqual([
      {
        group: 'prod-oncall',
        people: [
          'arjun.rao@example.com',
          'chloe.martin@example.com',
          'ines.duarte@example.com',
          'lena.fischer@example.com',
          'mateo.garcia@example.com',
        ],
      },
    ]);
    expect(r.people.every((p) => p.way.length === 0 && p.way.how === 'sign-in')).toBe(true);
  });

  it('names the people who can become administrator of workloads-dev, and finds none for workloads-prod', async () => {
    // The demo's people README explains both answers.
    const dev = await peopleWhoCanReach(db.driver, snap, { role: 'admin', account: '666666666666' });
    const developers = [
      'ava.miller',
      'benjamin.jackson',
      'emma.johnson',
      'ethan.davis',
      'isabella.taylor',
      'james.anderson',
      'liam.smith',
      'mason.moore',
      'mia.thomas',
      'olivia.brown',
    ];
    const admins = ['amara.okafor', 'ines.duarte', 'lucas.meyer'];
    expect(dev.people.map((p) => p.person.name.replace('@example.com', ''))).toEqual(
      [...developers, ...admins].sort(),
    );
    for (const p of dev.people) {
      const developer = developers.includes(p.person.name.replace('@example.com', ''));
      expect(p.way.signIn.permissionSets).toEqual([developer ? 'Developer' : 'AdministratorAccess']);
      // Developers: sign in as Developer, then pass ops/lambda-admin-ops to a new Lambda function.
      expect(p.way.path.at(-1)).toMatch(
        developer ? /role\/ops\/lambda-admin-ops$/ : /AWSReservedSSO_AdministratorAccess_/,
      );
      expect(p.way.conditional).toBe(developer);
    }
    expect(dev.byGroup.map((g) => [g.group, g.people.length])).toEqual([
      ['developers', 10],
      ['platform-admins', 3],
    ]);
    const prod = await peopleWhoCanReach(db.driver, snap, { role: 'admin', account: '444444444444' });
    expect(prod.people).toEqual([]);
  });

  it("follows a role's own trust: people reach what the roles they sign in as can assume", async () => {
    const r = await personReach(db.driver, snap, { person: 'zoe.adams' });
    const further = r.reach.filter((e) => e.length > 0);
    expect(further.length).toBeGreaterThan(0);
    for (const e of further) {
      expect(e.path[0]).toBe(r.signIns[0]!.role.key);
      expect(e.path.at(-1)).toBe(e.node.key);
      expect(e.path).toHaveLength(e.length + 1);
    }
  });
});
