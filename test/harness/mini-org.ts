/** A tiny but real-format snapshot input, written to a temp folder, for tests to copy and break. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MINI_ACCOUNT = '123456789012';

export function miniAuthorizationDetails(account = MINI_ACCOUNT, roles = 2): Record<string, unknown> {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' },
    ],
  };
  return {
    UserDetailList: [
      {
        Path: '/',
        UserName: 'alice',
        UserId: 'AIDAEXAMPLEALICE0001',
        Arn: `arn:aws:iam::${account}:user/alice`,
        CreateDate: '2024-01-02T03:04:05Z',
        UserPolicyList: [],
        GroupList: ['ops'],
        AttachedManagedPolicies: [],
        Tags: [{ Key: 'team', Value: 'ops' }],
      },
    ],
    GroupDetailList: [
      {
        Path: '/',
        GroupName: 'ops',
        GroupId: 'AGPAEXAMPLEOPS000001',
        Arn: `arn:aws:iam::${account}:group/ops`,
        CreateDate: '2024-01-02T03:04:05Z',
        GroupPolicyList: [
          {
            PolicyName: 'assume-any',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
            },
          },
        ],
        AttachedManagedPolicies: [],
      },
    ],
    RoleDetailList: Array.from({ length: roles }, (_, i) => ({
      Path: '/',
      RoleName: `role-${i}`,
      RoleId: `AROAEXAMPLEROLE${String(i).padStart(5, '0')}`,
      Arn: `arn:aws:iam::${account}:role/role-${i}`,
      CreateDate: '2024-01-02T03:04:05Z',
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      InstanceProfileList: [],
      RolePolicyList: [],
      AttachedManagedPolicies: [{ PolicyName: 'app', PolicyArn: `arn:aws:iam::${account}:policy/app` }],
      Tags: [],
      RoleLastUsed: {},
    })),
    Policies: [
      {
        PolicyName: 'app',
        PolicyId: 'ANPAEXAMPLEAPP000001',
        Arn: `arn:aws:iam::${account}:policy/app`,
        Path: '/',
        DefaultVersionId: 'v2',
        AttachmentCount: roles,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: '2024-01-02T03:04:05Z',
        UpdateDate: '2024-02-02T03:04:05Z',
        PolicyVersionList: [
          {
            Document: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
            },
            VersionId: 'v2',
            IsDefaultVersion: true,
            CreateDate: '2024-02-02T03:04:05Z',
          },
          {
            Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
            VersionId: 'v1',
            IsDefaultVersion: false,
            CreateDate: '2024-01-02T03:04:05Z',
          },
        ],
      },
    ],
    IsTruncated: false,
  };
}

/** Writes files (name → JSON value or raw text) into a new temp folder and returns its path. */
export function writeInputDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-input-'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(
      path.join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}
