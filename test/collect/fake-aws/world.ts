/**
 * The organization a fake AWS serves, held in memory: the bundled demo
 * organization's files as the source of truth (plus a small Identity Center
 * in its management account), or a generated one of any size for benchmarks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeResources } from './resources-world.ts';

export type Json = Record<string, unknown>;

export interface FakeIdentityCenter {
  instance: {
    InstanceArn: string;
    IdentityStoreId: string;
    Name: string;
    Status: string;
    CreatedDate: string;
  };
  permissionSets: {
    PermissionSetArn: string;
    Name: string;
    Description?: string;
    SessionDuration: string;
    CreatedDate: string;
    inlinePolicy: string;
    managed: { Name: string; Arn: string }[];
    customerManaged: { Name: string; Path: string }[];
    boundary?: Json;
    /** account id → principals assigned there. */
    assignments: Record<string, { PrincipalType: 'USER' | 'GROUP'; PrincipalId: string }[]>;
  }[];
  users: Json[];
  groups: Json[];
  memberships: { MembershipId: string; GroupId: string; UserId: string }[];
}

export interface FakeAccount {
  id: string;
  name: string;
  email?: string;
  parentId: string;
  status: string;
  /** get-account-authorization-details lists, policy documents as objects or URL-encoded strings. */
  details: { UserDetailList: Json[]; GroupDetailList: Json[]; RoleDetailList: Json[]; Policies: Json[] };
  saml: Json[];
  oidc: Json[];
  identityCenter?: FakeIdentityCenter;
  /** The credential report's CSV (test/fixtures/demo-people where it has one); set once generated. */
  credentialReport?: string;
  credentialReportRequested?: boolean;
  /** S3 buckets, KMS keys, queues, topics, functions, secrets, repositories; none when absent. */
  resources?: FakeResources;
}

export interface FakeWorld {
  organizationId: string;
  managementAccountId: string;
  roots: { id: string; name: string }[];
  organizationalUnits: { id: string; name: string; parentId: string }[];
  policies: {
    id: string;
    name: string;
    type: string;
    description?: string;
    awsManaged?: boolean;
    document: unknown;
    targets: string[];
  }[];
  accounts: Map<string, FakeAccount>;
}

const DEMO = path.join(import.meta.dirname, '..', '..', 'fixtures', 'demo-org');

function readJson(file: string): Json {
  return JSON.parse(readFileSync(path.join(DEMO, file), 'utf8')) as Json;
}

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** The demo organization (test/fixtures/demo-org), every account's pages merged. */
export function demoWorld(): FakeWorld {
  const org = readJson('organization.json');
  const accounts = new Map<string, FakeAccount>();
  for (const a of list(org['accounts'])) {
    const id = String(a['id']);
    accounts.set(id, {
      id,
      name: String(a['name']),
      parentId: String(a['parentId']),
      status: String(a['status']),
      ...(typeof a['email'] === 'string' ? { email: a['email'] } : {}),
      details: { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] },
      saml: [],
      oidc: [],
    });
  }
  for (const file of readdirSync(DEMO).sort()) {
    const id = file.slice(0, 12);
    const account = accounts.get(id);
    if (!account || !file.endsWith('.json')) continue;
    const json = readJson(file);
    if (file.endsWith('.saml-providers.json')) account.saml = list(json['SAMLProviderList']);
    else if (file.endsWith('.oidc-providers.json')) account.oidc = list(json['OpenIDConnectProviderList']);
    else
      for (const key of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const)
        account.details[key].push(...list(json[key]));
  }
  const people = path.join(DEMO, '..', 'demo-people');
  for (const account of accounts.values()) {
    const report = path.join(people, `${account.id}.credential-report.csv`);
    if (existsSync(report)) account.credentialReport = readFileSync(report, 'utf8');
  }
  const management = String(org['managementAccountId']);
  const mgmt = accounts.get(management);
  if (mgmt) mgmt.identityCenter = demoIdentityCenter();
  return {
    organizationId: String(org['organizationId']),
    managementAccountId: management,
    roots: list(org['roots']) as FakeWorld['roots'],
    organizationalUnits: list(org['organizationalUnits']) as FakeWorld['organizationalUnits'],
    policies: list(org['policies']) as FakeWorld['policies'],
    accounts,
  };
}

function demoIdentityCenter(): FakeIdentityCenter {
  const instance = 'arn:aws:sso:::instance/ssoins-72231b2fa5c84d3f';
  const user = (n: number, name: string) => ({
    IdentityStoreId: 'd-9067a1b2c3',
    UserId: `9067a1b2c3-0000-4000-8000-00000000000${n}`,
    UserName: name,
    DisplayName: name,
    Emails: [{ Value: `${name}@example.com`, Type: 'work', Primary: true }],
  });
  const users = [user(1, 'ana'), user(2, 'bo'), user(3, 'chen')];
  const groups = [
    {
      IdentityStoreId: 'd-9067a1b2c3',
      GroupId: '9067a1b2c3-1111-4000-8000-000000000001',
      DisplayName: 'platform',
    },
    {
      IdentityStoreId: 'd-9067a1b2c3',
      GroupId: '9067a1b2c3-1111-4000-8000-000000000002',
      DisplayName: 'auditors',
    },
  ];
  return {
    instance: {
      InstanceArn: instance,
      IdentityStoreId: 'd-9067a1b2c3',
      Name: 'atlas',
      Status: 'ACTIVE',
      CreatedDate: '2021-09-14T08:01:56Z',
    },
    permissionSets: [
      {
        PermissionSetArn: `${instance.replace('instance/', 'permissionSet/')}/ps-2f0c4e8d1a6b9c73`,
        Name: 'AdministratorAccess',
        SessionDuration: 'PT1H',
        CreatedDate: '2021-09-14T08:05:00Z',
        inlinePolicy: '',
        managed: [{ Name: 'AdministratorAccess', Arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
        customerManaged: [],
        assignments: {
          '333333333333': [{ PrincipalType: 'GROUP', PrincipalId: groups[0]!.GroupId }],
          '555555555555': [{ PrincipalType: 'USER', PrincipalId: users[0]!.UserId }],
        },
      },
      {
        PermissionSetArn: `${instance.replace('instance/', 'permissionSet/')}/ps-8a1d3c5e7f902b46`,
        Name: 'Auditor',
        Description: 'read-only audit',
        SessionDuration: 'PT4H',
        CreatedDate: '2021-09-14T08:06:00Z',
        inlinePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }],
        }),
        managed: [{ Name: 'SecurityAudit', Arn: 'arn:aws:iam::aws:policy/SecurityAudit' }],
        customerManaged: [{ Name: 'audit-extras', Path: '/' }],
        boundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        assignments: {
          '222222222222': [{ PrincipalType: 'GROUP', PrincipalId: groups[1]!.GroupId }],
          '444444444444': [
            { PrincipalType: 'GROUP', PrincipalId: groups[1]!.GroupId },
            { PrincipalType: 'USER', PrincipalId: users[2]!.UserId },
          ],
        },
      },
    ],
    users,
    groups,
    memberships: [
      { MembershipId: 'm-1', GroupId: groups[0]!.GroupId, UserId: users[0]!.UserId },
      { MembershipId: 'm-2', GroupId: groups[0]!.GroupId, UserId: users[1]!.UserId },
      { MembershipId: 'm-3', GroupId: groups[1]!.GroupId, UserId: users[2]!.UserId },
    ],
  };
}

/**
 * An organization of `count` accounts, each a copy of one demo account's IAM
 * data with the account id swapped, for measuring a collect at scale.
 */
export function generatedWorld(count: number): FakeWorld {
  const demo = demoWorld();
  const template = demo.accounts.get('222222222222');
  if (!template) throw new Error('the demo organization lacks account 222222222222');
  const accounts = new Map<string, FakeAccount>();
  for (let i = 0; i < count; i++) {
    const id = String(100000000000 + i);
    const swap = (v: unknown): Json[] =>
      JSON.parse(JSON.stringify(v).replaceAll('222222222222', id)) as Json[];
    accounts.set(id, {
      id,
      name: `account-${i}`,
      parentId: demo.roots[0]!.id,
      status: 'ACTIVE',
      details: {
        UserDetailList: swap(template.details.UserDetailList),
        GroupDetailList: swap(template.details.GroupDetailList),
        RoleDetailList: swap(template.details.RoleDetailList),
        Policies: swap(template.details.Policies),
      },
      saml: swap(template.saml),
      oidc: swap(template.oidc),
    });
  }
  return {
    ...demo,
    managementAccountId: '100000000000',
    organizationalUnits: [],
    policies: demo.policies.map((p) => ({ ...p, targets: [demo.roots[0]!.id] })),
    accounts,
  };
}

/**
 * One account served from a get-account-authorization-details file (the JSON
 * `aws iam get-account-authorization-details` prints), for benchmarks against
 * other tools that gather from the AWS API: the caller is in that account, which
 * is also the (resource-less) organization's management account.
 */
export function authorizationDetailsWorld(file: string): FakeWorld {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const details: FakeAccount['details'] = {
    UserDetailList: list(json['UserDetailList']),
    GroupDetailList: list(json['GroupDetailList']),
    RoleDetailList: list(json['RoleDetailList']),
    Policies: list(json['Policies']),
  };
  const arns = [...details.UserDetailList, ...details.RoleDetailList, ...details.GroupDetailList].map((e) =>
    String(e['Arn'] ?? ''),
  );
  const id = arns.map((a) => a.split(':')[4] ?? '').find((a) => /^\d{12}$/.test(a));
  if (!id)
    throw new Error(
      `${file}: no user, role or group ARN names an account id; give a get-account-authorization-details file of one account`,
    );
  const root = { id: 'r-0001', name: 'Root' };
  return {
    organizationId: 'o-bench000001',
    managementAccountId: id,
    roots: [root],
    organizationalUnits: [],
    policies: [],
    accounts: new Map([
      [id, { id, name: `account-${id}`, parentId: root.id, status: 'ACTIVE', details, saml: [], oidc: [] }],
    ]),
  };
}
