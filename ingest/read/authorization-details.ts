/**
 * Reader for `aws iam get-account-authorization-details` output (one page or
 * a whole export): validates each entry with AWS's own field names and turns
 * it into the normalized model. Pages and duplicates are merge.ts's business.
 */
import type { Group, InstanceProfile, ManagedPolicy, Role, User } from '../../engine/model.ts';
import { parseIamArn, type IamResourceType } from './arn.ts';
import {
  groupLeniency,
  groupSchema,
  managedPolicyLeniency,
  managedPolicySchema,
  roleLeniency,
  roleSchema,
  topSchema,
  userLeniency,
  userSchema,
} from './authorization-details.schema.ts';
import { childPath, formatJsonPath, type InputProblem } from './problems.ts';
import { check, checkEach, type Located } from './validate.ts';
import type { AccountClaim } from './account-agreement.ts';
import { resolveAccounts } from './account-resolution.ts';
import { collapseRepeats, relax, type Leniency } from './lenient.ts';
import { splitByAccount } from './split-accounts.ts';

export interface AuthorizationDetailsRead {
  file: string;
  /** From the ARNs in the file; undefined when it holds no account-owned entity. */
  accountId?: string;
  /** A page that is not the last one of its export: IsTruncated true, or a Marker/NextToken to continue from. */
  truncated: boolean;
  /** The Marker or NextToken a truncated page names, to say where the missing pages start. */
  marker?: string;
  /** Entries in the four lists before validation, to tell an empty export from one whose entries all failed. */
  entryCount: number;
  users: Located<User>[];
  groups: Located<Group>[];
  roles: Located<Role>[];
  policies: Located<ManagedPolicy>[];
  instanceProfiles: Located<InstanceProfile>[];
}

/**
 * The name and path fields repeat what the ARN says. A name that disagrees
 * leaves us unable to tell which one the rest relies on (refused); a path
 * that disagrees, or is empty, is what hand-edited exports show, and the
 * ARN's path is taken (warning).
 */
function nameAndPath(
  arn: string,
  type: IamResourceType,
  name: string,
  nameField: string,
  path: string | undefined,
  at: Located<unknown>,
  problems: InputProblem[],
  warnings: InputProblem[],
): { accountId: string; path: string } {
  const parsed = parseIamArn(arn, type, { anyAccount: true });
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
    warnings.push({
      file: at.file,
      jsonPath: childPath(at.jsonPath, 'Path'),
      message: `${JSON.stringify(path)} does not match the path in the ARN (${JSON.stringify(parsed.path)}); the path in the ARN is used`,
    });
  }
  return { accountId: parsed.accountId, path: parsed.path };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Reads one file; more than one read comes back when the file holds several
 * accounts' entries (account-resolution.ts).
 */
export function readAuthorizationDetails(
  file: string,
  json: unknown,
  problems: InputProblem[],
  warnings: InputProblem[],
): AuthorizationDetailsRead[] {
  const top = check(topSchema, json, file, '', problems);
  const raw = (json ?? {}) as Record<string, unknown>;
  const list = (key: string): unknown[] | undefined => {
    const value = raw[key];
    return Array.isArray(value) ? value : undefined;
  };
  const relaxWarnings: InputProblem[] = [];
  const relaxed = (key: string, spec: Leniency): unknown[] | undefined =>
    list(key)?.map((entry, index) => relax(entry, spec, file, formatJsonPath([index], key), relaxWarnings));
  const claims: (AccountClaim & { arn: string })[] = [];
  const claim = (accountId: string, arn: string, at: Located<unknown>, field = 'Arn'): void => {
    claims.push({ accountId, arn, file: at.file, jsonPath: childPath(at.jsonPath, field) });
  };

  const users = checkEach(
    userSchema,
    relaxed('UserDetailList', userLeniency),
    file,
    'UserDetailList',
    problems,
  ).map((at): Located<User> => {
    const u = at.value;
    const { accountId, path } = nameAndPath(
      u.Arn,
      'user',
      u.UserName,
      'UserName',
      u.Path,
      at,
      problems,
      warnings,
    );
    claim(accountId, u.Arn, at);
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
  });

  const groups = checkEach(
    groupSchema,
    relaxed('GroupDetailList', groupLeniency),
    file,
    'GroupDetailList',
    problems,
  ).map((at): Located<Group> => {
    const g = at.value;
    const { accountId, path } = nameAndPath(
      g.Arn,
      'group',
      g.GroupName,
      'GroupName',
      g.Path,
      at,
      problems,
      warnings,
    );
    claim(accountId, g.Arn, at);
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
  });

  const instanceProfiles: Located<InstanceProfile>[] = [];
  const roles = checkEach(
    roleSchema,
    relaxed('RoleDetailList', roleLeniency),
    file,
    'RoleDetailList',
    problems,
  ).map((at): Located<Role> => {
    const r = at.value;
    const { accountId, path } = nameAndPath(
      r.Arn,
      'role',
      r.RoleName,
      'RoleName',
      r.Path,
      at,
      problems,
      warnings,
    );
    claim(accountId, r.Arn, at);
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
        warnings,
      );
      claim(owner.accountId, ip.Arn, ipAt);
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
  });

  const policies = checkEach(
    managedPolicySchema,
    relaxed('Policies', managedPolicyLeniency),
    file,
    'Policies',
    problems,
  ).map((at): Located<ManagedPolicy> => {
    const p = at.value;
    const { accountId, path } = nameAndPath(
      p.Arn,
      'policy',
      p.PolicyName,
      'PolicyName',
      p.Path,
      at,
      problems,
      warnings,
    );
    const awsManaged = accountId === 'aws';
    if (!awsManaged) claim(accountId, p.Arn, at);
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
  });

  warnings.push(...collapseRepeats(relaxWarnings));
  const resolution = resolveAccounts(claims, file, problems, warnings);
  const marker = top?.Marker || top?.NextToken || undefined;
  const truncated = top?.IsTruncated === true || marker !== undefined;
  const entryCount = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].reduce(
    (sum, key) => sum + (list(key)?.length ?? 0),
    0,
  );
  return splitByAccount(
    {
      file,
      ...optional('accountId', resolution.main),
      truncated,
      ...optional('marker', marker),
      entryCount,
      users,
      groups,
      roles,
      policies,
      instanceProfiles,
    },
    resolution,
  );
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
