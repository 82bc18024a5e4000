/**
 * Reader for ACCOUNT.identity-center.json (format `iamatlas-identity-center/1`,
 * written by `iamatlas collect`, described in docs/collect.md): per Identity
 * Center instance, the API outputs as AWS returns them, field names as in the
 * API references:
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/welcome.html
 * https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/welcome.html
 *
 * What the analysis needs (ids, names, the assignment's account, permission set
 * and principal) is validated with its JSON path; everything else is optional
 * and read when present. Memberships and assignments naming users, groups or
 * permission sets the file does not hold load with a warning.
 */
import * as z from 'zod';
import type {
  AccountAssignment,
  CustomerManagedPolicyReference,
  IdentityCenterInstance,
  PeopleGroup,
  PermissionSet,
  Person,
} from '../../engine/identity-center/types.ts';
import { isAccountId } from './arn.ts';
import { childPath, type InputProblem } from './problems.ts';
import { check, checkEach, formatted, policyDocument } from './validate.ts';

export const IDENTITY_CENTER_FORMAT = 'iamatlas-identity-center/1';

export interface IdentityCenterRead {
  file: string;
  accountId: string;
  instances: IdentityCenterInstance[];
}

const text = z.string().min(1);
const maybeText = z.string().nullish();
const list = z.array(z.unknown()).nullish();
const accountId = formatted(isAccountId, 'not an AWS account id', 'a 12-digit account id like 111111111111');
const externalIds = z
  .array(z.looseObject({ Issuer: z.string().nullish(), Id: z.string().nullish() }))
  .nullish()
  .transform((xs) => (xs ?? []).map((x) => ({ issuer: x.Issuer ?? '', id: x.Id ?? '' })));
const reference = z.looseObject({ Name: text, Path: z.string().nullish() });
const toReference = (r: z.output<typeof reference>): CustomerManagedPolicyReference => ({
  name: r.Name,
  path: r.Path || '/',
});

const topSchema = z.looseObject({
  Format: z.literal(IDENTITY_CENTER_FORMAT),
  AccountId: accountId,
  Region: maybeText,
  Instances: z.array(z.unknown()),
});
const instanceSchema = z.looseObject({
  InstanceArn: text,
  IdentityStoreId: text,
  OwnerAccountId: accountId.nullish(),
  PermissionSets: list,
  AccountAssignments: list,
  Users: list,
  Groups: list,
  GroupMemberships: list,
});
const permissionSetSchema = z.looseObject({
  PermissionSetArn: text,
  Name: text,
  Description: maybeText,
  SessionDuration: maybeText,
  RelayState: maybeText,
  InlinePolicy: policyDocument.nullish(),
  AttachedManagedPolicies: z.array(z.looseObject({ Arn: text })).nullish(),
  CustomerManagedPolicyReferences: z.array(reference).nullish(),
  PermissionsBoundary: z
    .looseObject({ ManagedPolicyArn: maybeText, CustomerManagedPolicyReference: reference.nullish() })
    .nullish(),
  ProvisionedAccountIds: z.array(accountId).nullish(),
});
const assignmentSchema = z.looseObject({
  AccountId: accountId,
  PermissionSetArn: text,
  PrincipalType: z.enum(['USER', 'GROUP']),
  PrincipalId: text,
});
const userSchema = z.looseObject({
  UserId: text,
  UserName: maybeText,
  DisplayName: maybeText,
  Emails: z.array(z.looseObject({ Value: z.string().nullish() })).nullish(),
  ExternalIds: externalIds,
  UserStatus: maybeText,
});
const groupSchema = z.looseObject({
  GroupId: text,
  DisplayName: maybeText,
  Description: maybeText,
  ExternalIds: externalIds,
});
const membershipSchema = z.looseObject({
  GroupId: text,
  MemberId: z.looseObject({ UserId: z.string().nullish() }).nullish(),
});

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

export function isIdentityCenterFile(value: Record<string, unknown>): boolean {
  return value['Format'] === IDENTITY_CENTER_FORMAT;
}

export function readIdentityCenter(
  file: string,
  json: unknown,
  problems: InputProblem[],
  warnings: InputProblem[],
): IdentityCenterRead | undefined {
  const top = check(topSchema, json, file, '', problems);
  if (top === undefined) return undefined;
  const instances: IdentityCenterInstance[] = [];
  top.Instances.forEach((raw, i) => {
    const at = `Instances[${i}]`;
    const inst = check(instanceSchema, raw, file, at, problems);
    if (inst === undefined) return;
    const storeId = inst.IdentityStoreId;
    const permissionSets: PermissionSet[] = checkEach(
      permissionSetSchema,
      inst.PermissionSets ?? [],
      file,
      childPath(at, 'PermissionSets'),
      problems,
    ).map(({ value: p }) => {
      const b = p.PermissionsBoundary;
      const boundary = b?.ManagedPolicyArn
        ? { managedPolicyArn: b.ManagedPolicyArn }
        : b?.CustomerManagedPolicyReference
          ? { customerManaged: toReference(b.CustomerManagedPolicyReference) }
          : undefined;
      return defined({
        arn: p.PermissionSetArn,
        name: p.Name,
        description: p.Description ?? undefined,
        sessionDuration: p.SessionDuration ?? undefined,
        relayState: p.RelayState ?? undefined,
        inlinePolicy: p.InlinePolicy ?? undefined,
        awsManagedPolicyArns: (p.AttachedManagedPolicies ?? []).map((m) => m.Arn),
        customerManagedPolicies: (p.CustomerManagedPolicyReferences ?? []).map(toReference),
        permissionsBoundary: boundary,
        provisionedAccountIds: p.ProvisionedAccountIds ?? undefined,
      });
    });
    const people: Person[] = checkEach(
      userSchema,
      inst.Users ?? [],
      file,
      childPath(at, 'Users'),
      problems,
    ).map(({ value: u }) =>
      defined({
        id: u.UserId,
        identityStoreId: storeId,
        userName: u.UserName ?? undefined,
        displayName: u.DisplayName ?? undefined,
        emails: (u.Emails ?? []).flatMap((e) => (e.Value ? [e.Value] : [])),
        externalIds: u.ExternalIds,
        status: u.UserStatus ?? undefined,
      }),
    );
    const groups: PeopleGroup[] = checkEach(
      groupSchema,
      inst.Groups ?? [],
      file,
      childPath(at, 'Groups'),
      problems,
    ).map(({ value: g }) =>
      defined({
        id: g.GroupId,
        identityStoreId: storeId,
        displayName: g.DisplayName ?? undefined,
        description: g.Description ?? undefined,
        externalIds: g.ExternalIds,
        memberIds: [] as string[],
      }),
    );
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const personIds = new Set(people.map((p) => p.id));
    checkEach(
      membershipSchema,
      inst.GroupMemberships ?? [],
      file,
      childPath(at, 'GroupMemberships'),
      problems,
    ).forEach(({ value: m, jsonPath }) => {
      const userId = m.MemberId?.UserId;
      const group = groupById.get(m.GroupId);
      if (!userId || !group || !personIds.has(userId)) {
        warnings.push({
          file,
          jsonPath,
          message: !userId
            ? 'a membership without MemberId.UserId is left out'
            : `a membership of ${group ? `user ${userId}` : `group ${m.GroupId}`}, which this file does not list, is left out`,
        });
        return;
      }
      group.memberIds.push(userId);
    });
    const psArns = new Set(permissionSets.map((p) => p.arn));
    const assignments: AccountAssignment[] = [];
    checkEach(
      assignmentSchema,
      inst.AccountAssignments ?? [],
      file,
      childPath(at, 'AccountAssignments'),
      problems,
    ).forEach(({ value: a, jsonPath }) => {
      if (!psArns.has(a.PermissionSetArn))
        warnings.push({
          file,
          jsonPath: childPath(jsonPath, 'PermissionSetArn'),
          message: `${a.PermissionSetArn} is not among this instance's permission sets; the assignment gives no access here`,
        });
      assignments.push({
        accountId: a.AccountId,
        permissionSetArn: a.PermissionSetArn,
        principalType: a.PrincipalType,
        principalId: a.PrincipalId,
      });
    });
    instances.push(
      defined({
        instanceArn: inst.InstanceArn,
        identityStoreId: storeId,
        ownerAccountId: inst.OwnerAccountId ?? top.AccountId,
        region: top.Region ?? undefined,
        people,
        groups,
        permissionSets,
        assignments,
      }),
    );
  });
  return { file, accountId: top.AccountId, instances };
}
