/**
 * People who reach administrator of one account through a role that is
 * administrator of another: the demo organization with its people, where the
 * finance group also holds AdministratorAccess in the management account. Its
 * provisioned role may assume OrganizationAccountAccessRole in every member
 * account (the role trusts the management account's root:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html),
 * so the finance people become administrator of the member accounts too. In
 * workloads-prod the Prod OU's SCP keeps that role from changing IAM, so it is
 * not an administrator there and the chain stops short (SCPs limit every
 * principal of a member account:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).
 * Real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleWhoCanReach, personReach } from '../../query/people.ts';
import { ingestDemoWithPeopleChanged } from '../harness/demo-people.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const FINANCE = 'd4aafdef61-2396d5a9-665f-4eb2-bca1-693c25939d00';
const ADMINISTRATOR_ACCESS = 'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-6d4fb63604bb4f2f';
const MANAGEMENT_ADMIN =
  'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_82ec8dd6cabf7d40';
const oaar = (account: string) => `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`;
const FINANCE_PEOPLE = ['daniel.kim@example.com', 'hannah.berg@example.com', 'sofia.rossi@example.com'];

let db: TestDb;
let snap: string;

beforeAll(async () => {
  db = await openTestDb();
  snap = (
    await ingestDemoWithPeopleChanged(db.driver, 'people-admin-chains', (ic) =>
      ic.Instances[0]!.AccountAssignments.push({
        AccountId: '111111111111',
        PermissionSetArn: ADMINISTRATOR_ACCESS,
        PrincipalType: 'GROUP',
        PrincipalId: FINANCE,
      }),
    )
  ).snapshotId;
  db.track(snap);
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe('administrator of one account, then of another', () => {
  it('lists the people whose admin role in the management account can assume an admin role in a member account', async () => {
    const r = await peopleWhoCanReach(db.driver, snap, { role: 'admin', account: '555555555555' });
    const finance = r.people.filter((p) => FINANCE_PEOPLE.includes(p.person.name));
    expect(finance.map((p) => p.person.name)).toEqual(FINANCE_PEOPLE);
    for (const p of finance)
      expect(p.way).toMatchObject({
        adminOf: '555555555555',
        length: 1,
        how: 'assume',
        conditional: false,
        path: [MANAGEMENT_ADMIN, oaar('555555555555')],
        signIn: { permissionSets: ['AdministratorAccess'], groups: ['finance'] },
      });
    expect(r.byGroup.find((g) => g.group === 'finance')?.people).toEqual(FINANCE_PEOPLE);
  });

  it('does not list them for workloads-prod, where the SCP keeps the assumed role from administering', async () => {
    const r = await peopleWhoCanReach(db.driver, snap, { role: 'admin', account: '444444444444' });
    expect(r.people).toEqual([]);
    // The role assumption itself is there; only administrator is out of reach.
    const sofia = await personReach(db.driver, snap, { person: 'sofia.rossi' });
    expect(sofia.reach.find((e) => e.node.key === oaar('444444444444'))?.path).toEqual([
      MANAGEMENT_ADMIN,
      oaar('444444444444'),
    ]);
    expect(sofia.admin.map((a) => [a.adminOf, a.length])).toEqual([
      ['111111111111', 0],
      ['222222222222', 1],
      ['333333333333', 1],
      ['555555555555', 1],
      ['666666666666', 1],
      ['777777777777', 1],
    ]);
  });
});
