/**
 * Reader for `aws iam get-account-authorization-details` output (one page or
 * a whole export): validates each entry with AWS's own field names and turns
 * it into the normalized model. Pages and duplicates are merge.ts's business.
 */
import type { Group, InstanceProfile, ManagedPolicy, Role, User } from '../../engine/model.ts';
import { parseIamArn, type IamResourceType } from './arn.ts';
import {
  groupSchema,
  managedPolicySchema,
  roleSchema,
  topSchema,
  userSchema,
} from './authorization-details.schema.ts';
import { childPath, type InputProblem } from './problems.ts';
import { check, checkEach, type Located } from './validate.ts';
import { agreeOnAccount, type AccountClaim } from './account-agreement.ts';

export interface AuthorizationDetailsRead {
  file: string;
  /** From the ARNs in the file; undefined when it holds no account-owned entity. */
  accountId?: string;
  /** A page that is not the last one of its export: IsTruncated true, or a Marker/NextToken to continue from. */
  truncated: boolean;
  /** Entries in the four lists before validation, to tell an empty export from one whose entries all failed. */
  entryCount: number;
  users: Located<User>[];
  groups: Located<Group>[];
  roles: Located<Role>[];
  policies: Located<ManagedPolicy>[];
  instanceProfiles: Located<InstanceProfile>[];
}

/**
 * The name and path fields repeat what the ARN says; when they disagree the
 * file was edited by hand and we cannot tell which one the rest relies on.
 */
function nameAndPath(
  arn: string,
  type: IamResourceType,
  name: string,
  nameField: string,
  path: string | undefined,
  at: Located<unknown>,
  problems: InputProblem[],
): { accountId: string; path: string } {
  const parsed = parseIamArn(arn, type);
  if (parsed === undefined) throw new Error(`unreachable: ${arn} passed the ARN schema`);
  if (parsed.name !== name) {
    problems.push({
      file: at.file,
      jsonPath: childPath(at.jsonPath, nameField),
      message: `${JSON.stringify(name)} does not match the name in the ARN (${JSON.stringify(parsed.name)})`,
      expected: `the last segment of ${arn}`,
    });
  }
  if (path !== undefined && path !== parsed.path) {
    problems.push({
      file: at.file,
      jsonPath: childPath(at.jsonPath, 'Path'),
      message: `${JSON.stringify(path)} does not match the path in the ARN (${JSON.stringify(parsed.path)})`,
      expected: 'the same path as the ARN',
    });
  }
  return { accountId: parsed.accountId, path: parsed.path };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function readAuthorizationDetails(
  file: string,
  json: unknown,
  problems: InputProblem[],
): AuthorizationDetailsRead {
  const top = check(topSchema, json, file, '', problems);
  const raw = (json ?? {}) as Record<string, unknown>;
  const list = (key: string): unknown[] | undefined => {
    const value = raw[key];
    return Array.isArray(value) ? value : undefined;
  };
  const claims: AccountClaim[] = [];
  const claim = (accountId: string, at: Located<unknown>, field = 'Arn'): void => {
    claims.push({ accountId, file: at.file, jsonPath: childPath(at.jsonPath, field) });
  };

  const users = checkEach(userSchema, list('UserDetailList'), file, 'UserDetailList', problems).map(
    (at): Located<User> => {
      const u = at.value;
      const { accountId, path } = nameAndPath(u.Arn, 'user', u.UserName, 'UserName', u.Path, at, problems);
      claim(accountId, at);
      return {
        ...at,
        value: {
          arn: u.Arn,
          name: u.UserName,
          userId: u.UserId,
          path,
          accountId,
          ...optional('createDate', u.CreateDate),
          groupNames: u.GroupList ?? [],
          managedPolicyArns: u.AttachedManagedPolicies,
          inlinePolicies: u.UserPolicyList,
          ...optional('permissionsBoundaryArn', u.PermissionsBoundary?.PermissionsBoundaryArn),
          tags: u.Tags,
        },
      };
    },
  );

  const groups = checkEach(groupSchema, list('GroupDetailList'), file, 'GroupDetailList', problems).map(
    (at): Located<Group> => {
      const g = at.value;
      const { accountId, path } = nameAndPath(g.Arn, 'group', g.GroupName, 'GroupName', g.Path, at, problems);
      claim(accountId, at);
      return {
        ...at,
        value: {
          arn: g.Arn,
          name: g.GroupName,
          groupId: g.GroupId,
          path,
          accountId,
          ...optional('createDate', g.CreateDate),
          managedPolicyArns: g.AttachedManagedPolicies,
          inlinePolicies: g.GroupPolicyList,
        },
      };
    },
  );

  const instanceProfiles: Located<InstanceProfile>[] = [];
  const roles = checkEach(roleSchema, list('RoleDetailList'), file, 'RoleDetailList', problems).map(
    (at): Located<Role> => {
      const r = at.value;
      const { accountId, path } = nameAndPath(r.Arn, 'role', r.RoleName, 'RoleName', r.Path, at, problems);
      claim(accountId, at);
      (r.InstanceProfileList ?? []).forEach((ip, index) => {
        const ipAt: Located<unknown> = { ...at, jsonPath: `${at.jsonPath}.InstanceProfileList[${index}]` };
        const owner = nameAndPath(
          ip.Arn,
          'instance-profile',
          ip.InstanceProfileName,
          'InstanceProfileName',
          ip.Path,
          ipAt,
          problems,
        );
        claim(owner.accountId, ipAt);
        const roleArns = new Set((ip.Roles ?? []).map((role) => role.Arn));
        roleArns.add(r.Arn);
        instanceProfiles.push({
          ...ipAt,
          value: {
            arn: ip.Arn,
            name: ip.InstanceProfileName,
            instanceProfileId: ip.InstanceProfileId,
            path: owner.path,
            accountId: owner.accountId,
            ...optional('createDate', ip.CreateDate),
            roleArns: [...roleArns],
          },
        });
      });
      const lastUsed = r.RoleLastUsed;
      return {
        ...at,
        value: {
          arn: r.Arn,
          name: r.RoleName,
          roleId: r.RoleId,
          path,
          accountId,
          ...optional('createDate', r.CreateDate),
          ...optional('description', r.Description),
          ...optional('maxSessionDuration', r.MaxSessionDuration),
          trustPolicy: r.AssumeRolePolicyDocument,
          managedPolicyArns: r.AttachedManagedPolicies,
          inlinePolicies: r.RolePolicyList,
          ...optional('permissionsBoundaryArn', r.PermissionsBoundary?.PermissionsBoundaryArn),
          tags: r.Tags,
          // An empty RoleLastUsed ({}) means "never used", which is what an absent lastUsed says too.
          ...(lastUsed !== undefined && (lastUsed.LastUsedDate !== undefined || lastUsed.Region !== undefined)
            ? {
                lastUsed: {
                  ...optional('lastUsedDate', lastUsed.LastUsedDate),
                  ...optional('region', lastUsed.Region),
                },
              }
            : {}),
          instanceProfileArns: (r.InstanceProfileList ?? []).map((ip) => ip.Arn),
          serviceLinked: path.startsWith('/aws-service-role/'),
        },
      };
    },
  );

  const policies = checkEach(managedPolicySchema, list('Policies'), file, 'Policies', problems).map(
    (at): Located<ManagedPolicy> => {
      const p = at.value;
      const { accountId, path } = nameAndPath(
        p.Arn,
        'policy',
        p.PolicyName,
        'PolicyName',
        p.Path,
        at,
        problems,
      );
      const awsManaged = accountId === 'aws';
      if (!awsManaged) claim(accountId, at);
      checkDefaultVersion(p.DefaultVersionId, p.PolicyVersionList, at, problems);
      return {
        ...at,
        value: {
          arn: p.Arn,
          name: p.PolicyName,
          ...optional('policyId', p.PolicyId),
          path,
          accountId,
          awsManaged,
          defaultVersionId: p.DefaultVersionId,
          versions: p.PolicyVersionList.map((v) => ({
            versionId: v.VersionId,
            isDefaultVersion: v.IsDefaultVersion,
            ...optional('createDate', v.CreateDate),
            document: v.Document,
          })),
          ...optional('attachmentCount', p.AttachmentCount),
          ...optional('permissionsBoundaryUsageCount', p.PermissionsBoundaryUsageCount),
          ...optional('isAttachable', p.IsAttachable),
          ...optional('description', p.Description),
          ...optional('createDate', p.CreateDate),
          ...optional('updateDate', p.UpdateDate),
        },
      };
    },
  );

  const accountId = agreeOnAccount(claims, 'authorization-details file', problems);
  const truncated = top?.IsTruncated === true || (top?.Marker ?? '') !== '' || (top?.NextToken ?? '') !== '';
  const entryCount = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].reduce(
    (sum, key) => sum + (list(key)?.length ?? 0),
    0,
  );
  return {
    file,
    ...optional('accountId', accountId),
    truncated,
    entryCount,
    users,
    groups,
    roles,
    policies,
    instanceProfiles,
  };
}

/** The engine evaluates the default version; a DefaultVersionId with no such version leaves it nothing to evaluate. */
function checkDefaultVersion(
  defaultVersionId: string,
  versions: { VersionId: string; IsDefaultVersion: boolean }[],
  at: Located<unknown>,
  problems: InputProblem[],
): void {
  if (!versions.some((v) => v.VersionId === defaultVersionId)) {
    problems.push({
      file: at.file,
      jsonPath: childPath(at.jsonPath, 'DefaultVersionId'),
      message: `names version ${JSON.stringify(defaultVersionId)}, which is not in PolicyVersionList`,
      expected: `one of ${versions.map((v) => v.VersionId).join(', ')}`,
    });
  }
  versions.forEach((v, index) => {
    if (v.IsDefaultVersion && v.VersionId !== defaultVersionId) {
      problems.push({
        file: at.file,
        jsonPath: `${at.jsonPath}.PolicyVersionList[${index}].IsDefaultVersion`,
        message: `version ${v.VersionId} is marked default but DefaultVersionId is ${defaultVersionId}`,
        expected: 'IsDefaultVersion true only on the version DefaultVersionId names',
      });
    }
  });
}
