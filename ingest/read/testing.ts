/**
 * Builders for the readers' tests: small AWS-shaped exports written to a
 * fresh temp folder, so each test shows the input it is about.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, readSnapshot, type InputProblem } from './index.ts';

export const A = '222222222222';
export const B = '333333333333';

export const trustDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

export const adminDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** As the raw IAM API returns documents (RFC 3986 encoding, like Python's quote). */
export function urlEncode(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}

export function role(
  account: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const path = typeof extra['Path'] === 'string' ? extra['Path'] : '/';
  return {
    Path: path,
    RoleName: name,
    RoleId: `AROA${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    Arn: `arn:aws:iam::${account}:role${path}${name}`,
    CreateDate: '2024-01-02T03:04:05+00:00',
    AssumeRolePolicyDocument: urlEncode(trustDocument),
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: [],
    Tags: [],
    RoleLastUsed: {},
    ...extra,
  };
}

export function user(
  account: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Path: '/',
    UserName: name,
    UserId: `AIDA${name.toUpperCase()}`,
    Arn: `arn:aws:iam::${account}:user/${name}`,
    CreateDate: '2024-01-02T03:04:05+00:00',
    UserPolicyList: [],
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [],
    ...extra,
  };
}

export function group(
  account: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Path: '/',
    GroupName: name,
    GroupId: `AGPA${name.toUpperCase()}`,
    Arn: `arn:aws:iam::${account}:group/${name}`,
    CreateDate: '2024-01-02T03:04:05+00:00',
    GroupPolicyList: [],
    AttachedManagedPolicies: [],
    ...extra,
  };
}

export function managedPolicy(arn: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const resource = arn.split(':')[5] ?? '';
  const middle = resource.slice('policy/'.length, resource.length - name.length);
  return {
    PolicyName: name,
    PolicyId: `ANPA${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    Arn: arn,
    Path: middle === '' ? '/' : `/${middle}`,
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2024-01-02T03:04:05+00:00',
    UpdateDate: '2024-01-02T03:04:05+00:00',
    PolicyVersionList: [
      {
        Document: urlEncode(adminDocument),
        VersionId: 'v1',
        IsDefaultVersion: true,
        CreateDate: '2024-01-02T03:04:05+00:00',
      },
    ],
    ...extra,
  };
}

export function authorizationDetails(parts: {
  users?: unknown[];
  groups?: unknown[];
  roles?: unknown[];
  policies?: unknown[];
  page?: { IsTruncated: boolean; Marker?: string };
}): Record<string, unknown> {
  return {
    UserDetailList: parts.users ?? [],
    GroupDetailList: parts.groups ?? [],
    RoleDetailList: parts.roles ?? [],
    Policies: parts.policies ?? [],
    ...(parts.page ?? {}),
  };
}

export function organization(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId: 'o-exampleorgid',
    managementAccountId: '111111111111',
    roots: [{ id: 'r-ab12', name: 'Root' }],
    organizationalUnits: [{ id: 'ou-ab12-11111111', name: 'Prod', parentId: 'r-ab12' }],
    accounts: [
      {
        id: '111111111111',
        name: 'management',
        parentId: 'r-ab12',
        status: 'ACTIVE',
        email: 'root@example.com',
      },
      { id: A, name: 'prod-app', parentId: 'ou-ab12-11111111', status: 'ACTIVE' },
    ],
    policies: [
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        type: 'SERVICE_CONTROL_POLICY',
        document: JSON.stringify(adminDocument),
        targets: ['r-ab12'],
      },
    ],
    ...overrides,
  };
}

const created: string[] = [];

/** Removes every folder writeInputs made; for afterAll. */
export async function removeInputs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes each entry (objects as JSON, strings as they are) into a new temp folder and returns its path. */
export async function writeInputs(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iamatlas-read-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await writeFile(
      join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}

/** The problems readSnapshot reports for `files`, with file names relative to their folder. */
export async function problemsOf(files: Record<string, unknown>): Promise<InputProblem[]> {
  const dir = await writeInputs(files);
  try {
    await readSnapshot([dir]);
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map((p) => ({ ...p, file: p.file.replace(`${dir}/`, '') }));
    throw error;
  }
  throw new Error('expected an InputError');
}
