/** Small hand-built snapshots for the trust and findings tests. */
import type {
  Account,
  ManagedPolicy,
  Organization,
  OrganizationPolicy,
  PolicyDocumentJson,
  Role,
  SnapshotModel,
  User,
} from '../model.ts';

export const A = '111111111111';
export const B = '222222222222';
export const MGMT = '999999999999';
export const EXT = '444444444444';
export const ORG_ID = 'o-test123456';
export const ROOT = 'r-ab12';
export const OU = 'ou-ab12-11111111';

export function doc(...statements: Record<string, unknown>[]): PolicyDocumentJson {
  return { Version: '2012-10-17', Statement: statements };
}

export const allowAssume = (resource: string | string[] = '*'): PolicyDocumentJson =>
  doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource });

export const trustAws = (
  principal: string | string[],
  extra: Record<string, unknown> = {},
): PolicyDocumentJson =>
  doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...extra });

export const roleArn = (account: string, name: string, path = '/'): string =>
  `arn:aws:iam::${account}:role${path}${name}`;
export const userArn = (account: string, name: string): string => `arn:aws:iam::${account}:user/${name}`;

interface PrincipalOptions {
  policies?: PolicyDocumentJson[];
  managed?: string[];
  boundary?: string;
  tags?: Record<string, string>;
}

export class ModelBuilder {
  private readonly model: SnapshotModel = {
    accounts: [],
    users: [],
    groups: [],
    roles: [],
    policies: [],
    instanceProfiles: [],
    identityProviders: [],
    sources: [],
  };

  account(id: string, extra: Partial<Account> = {}): this {
    this.model.accounts.push({
      id,
      hasIamData: true,
      inOrganization: this.model.organization !== undefined,
      ...extra,
    });
    return this;
  }

  /** An organization with one root and one OU; accounts added after it are placed in the OU. */
  organization(policies: OrganizationPolicy[] = []): this {
    const org: Organization = {
      id: ORG_ID,
      managementAccountId: MGMT,
      roots: [{ id: ROOT, name: 'Root' }],
      organizationalUnits: [{ id: OU, name: 'Workloads', parentId: ROOT }],
      policies,
    };
    this.model.organization = org;
    return this;
  }

  orgAccount(id: string, hasIamData = true): this {
    return this.account(id, { inOrganization: true, parentId: id === MGMT ? ROOT : OU, hasIamData });
  }

  managed(account: string, name: string, document: PolicyDocumentJson): string {
    const arn = `arn:aws:iam::${account}:policy/${name}`;
    const p: ManagedPolicy = {
      arn,
      name,
      path: '/',
      accountId: account,
      awsManaged: false,
      defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', isDefaultVersion: true, document }],
    };
    this.model.policies.push(p);
    return arn;
  }

  group(account: string, name: string, policies: PolicyDocumentJson[]): string {
    const arn = `arn:aws:iam::${account}:group/${name}`;
    this.model.groups.push({
      arn,
      name,
      groupId: `AGPA${name.toUpperCase()}`,
      path: '/',
      accountId: account,
      managedPolicyArns: [],
      inlinePolicies: policies.map((document, i) => ({ name: `${name}-p${i}`, document })),
    });
    return arn;
  }

  user(account: string, name: string, options: PrincipalOptions & { groups?: string[] } = {}): string {
    const arn = userArn(account, name);
    const u: User = {
      arn,
      name,
      userId: `AIDA${account}${name.toUpperCase()}`,
      path: '/',
      accountId: account,
      groupNames: options.groups ?? [],
      managedPolicyArns: options.managed ?? [],
      inlinePolicies: (options.policies ?? []).map((document, i) => ({ name: `p${i}`, document })),
      tags: Object.entries(options.tags ?? {}).map(([key, value]) => ({ key, value })),
    };
    if (options.boundary) u.permissionsBoundaryArn = options.boundary;
    this.model.users.push(u);
    return arn;
  }

  role(
    account: string,
    name: string,
    trust: PolicyDocumentJson,
    options: PrincipalOptions & {
      path?: string;
      serviceLinked?: boolean;
      createDate?: string;
      lastUsed?: string;
    } = {},
  ): string {
    const path = options.path ?? '/';
    const arn = roleArn(account, name, path);
    const r: Role = {
      arn,
      name,
      roleId: `AROA${account}${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
      path,
      accountId: account,
      trustPolicy: trust,
      managedPolicyArns: options.managed ?? [],
      inlinePolicies: (options.policies ?? []).map((document, i) => ({ name: `p${i}`, document })),
      tags: Object.entries(options.tags ?? {}).map(([key, value]) => ({ key, value })),
      instanceProfileArns: [],
      serviceLinked: options.serviceLinked ?? false,
    };
    if (options.boundary) r.permissionsBoundaryArn = options.boundary;
    if (options.createDate) r.createDate = options.createDate;
    if (options.lastUsed) r.lastUsed = { lastUsedDate: options.lastUsed };
    this.model.roles.push(r);
    return arn;
  }

  build(): SnapshotModel {
    return this.model;
  }
}
