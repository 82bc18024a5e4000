/**
 * Snapshot diffs know people: two snapshots of the demo organization with its
 * people, the second with one more group membership (priya.natarajan joins
 * prod-oncall), and the diff shows her joining the group and gaining the
 * ProdSupport role of workloads-prod, through the query layer, GraphQL and
 * `iamatlas snapshots diff`.
 * Group membership gives the group's account assignments:
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/assignusers.html
 * Real Neo4j, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDiff } from '../../query/diff.ts';
import { personReach } from '../../query/people.ts';
import { ingestDemoWithPeople, ingestDemoWithPeopleChanged } from '../harness/demo-people.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, startApi } from './helpers.ts';

const PRIYA = '087b695854-de2d9b35-e851-44cf-ad37-058e499ada00';
const PROD_ONCALL = '2fee84ba89-8130bca4-f736-47eb-b0f8-30d7092d8100';
const STORE = 'd-9067a1b2c3';
const PROD_SUPPORT =
  'arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_ProdSupport_4a4de06a40ddef62';

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let older: string;
let newer: string;

beforeAll(async () => {
  db = await openTestDb();
  older = (await ingestDemoWithPeople(db.driver, 'people-diff-before')).snapshotId;
  db.track(older);
  newer = (
    await ingestDemoWithPeopleChanged(db.driver, 'people-diff-after', (ic) =>
      ic.Instances[0]!.GroupMemberships.push({
        IdentityStoreId: STORE,
        MembershipId: 'f00dcafe-0123456789ab',
        GroupId: PROD_ONCALL,
        MemberId: { UserId: PRIYA },
      }),
    )
  ).snapshotId;
  db.track(newer);
  api = await startApi(db.driver);
}, 600_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const personKey = `person/${STORE}/${PRIYA}`;
const groupKey = `people-group/${STORE}/${PROD_ONCALL}`;
const priya = { key: personKey, kind: 'Person', name: 'priya.natarajan@example.com', isAdmin: false };
const prodSupport = {
  key: PROD_SUPPORT,
  kind: 'Role',
  name: 'AWSReservedSSO_ProdSupport_4a4de06a40ddef62',
  accountId: '444444444444',
  isAdmin: false,
};
const prodOncall = { key: groupKey, kind: 'PeopleGroup', name: 'prod-oncall', isAdmin: false };

describe('a group membership between two snapshots', () => {
  it('the query layer: priya joins prod-oncall and can now sign in as ProdSupport in workloads-prod', async () => {
    const d = await snapshotDiff(db.driver, older, newer);
    const external = { external: false };
    expect(d.added.peopleEdges).toEqual([
      {
        type: 'CAN_SIGN_IN_AS',
        from: { ...priya, ...external },
        to: { ...prodSupport, arn: PROD_SUPPORT, ...external },
        accountId: '444444444444',
        permissionSets: ['ProdSupport'],
        groups: ['prod-oncall'],
        direct: false,
      },
      {
        type: 'MEMBER_OF',
        from: { ...priya, ...external },
        to: { ...prodOncall, ...external },
        permissionSets: [],
        groups: [],
      },
    ]);
    // Nothing else changed: no person, group or permission set, no trust, no finding.
    expect(d.added.peopleNodes).toEqual([]);
    expect(d.added.assume).toEqual([]);
    expect(d.added.findings).toEqual([]);
    expect(d.removed.peopleEdges).toEqual([]);
    // The other way round, the same two edges are what disappears.
    const back = await snapshotDiff(db.driver, newer, older);
    expect(back.removed.peopleEdges).toEqual(d.added.peopleEdges);
    expect(back.added.peopleEdges).toEqual([]);
  });

  it('what priya reaches grows by the ProdSupport role and what it reaches', async () => {
    const keys = async (snap: string) =>
      new Set(
        (await personReach(db.driver, snap, { person: 'priya.natarajan' })).reach.map((e) => e.node.key),
      );
    const before = await keys(older);
    const after = await keys(newer);
    expect(before.has(PROD_SUPPORT)).toBe(false);
    expect(after.has(PROD_SUPPORT)).toBe(true);
    for (const k of before) expect(after.has(k)).toBe(true);
  });

  it('GraphQL: snapshotDiff lists the membership and the new sign-in with people as graph nodes', async () => {
    const r = await gql(
      api.url,
      `query($a: ID!, $b: ID!) { snapshotDiff(from: $a, to: $b) {
        peopleEdgesAdded { type accountId permissionSets groups direct
          from { key kind name isAdmin } to { key kind name accountId isAdmin } }
        peopleEdgesRemoved { type }
        peopleNodesAdded { key }
        canAssumeAdded { type }
      } }`,
      { a: older, b: newer },
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!.snapshotDiff;
    expect(d.peopleEdgesAdded).toEqual([
      {
        type: 'CAN_SIGN_IN_AS',
        accountId: '444444444444',
        permissionSets: ['ProdSupport'],
        groups: ['prod-oncall'],
        direct: false,
        from: priya,
        to: prodSupport,
      },
      {
        type: 'MEMBER_OF',
        accountId: null,
        permissionSets: [],
        groups: [],
        direct: null,
        from: priya,
        to: { ...prodOncall, accountId: null },
      },
    ]);
    expect(d.peopleEdgesRemoved).toEqual([]);
    expect(d.peopleNodesAdded).toEqual([]);
    expect(d.canAssumeAdded).toEqual([]);
  });

  it('the command line: snapshots diff names the membership and the sign-in, and --json carries them', async () => {
    const human = await runCli(['snapshots', 'diff', older, newer], cliEnv());
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      'Identity Center memberships, assignments and sign-ins: 2 added, 0 removed\n' +
        `  + priya.natarajan@example.com can sign in as ${PROD_SUPPORT} (ProdSupport; through group prod-oncall)\n` +
        '  + priya.natarajan@example.com member of group prod-oncall\n',
    );
    const json = await runCli(['snapshots', 'diff', older, newer, '--json'], cliEnv());
    expect(json.code).toBe(0);
    const d = JSON.parse(json.stdout) as { added: { peopleEdges: { type: string; to: { key: string } }[] } };
    expect(d.added.peopleEdges.map((e) => [e.type, e.to.key])).toEqual([
      ['CAN_SIGN_IN_AS', PROD_SUPPORT],
      ['MEMBER_OF', groupKey],
    ]);
    const missing = await runCli(['snapshots', 'diff', older, 'no-such-snapshot'], cliEnv());
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('no-such-snapshot');
  }, 120_000);
});
