/**
 * The shape of `aws iam get-account-authorization-details` output, in AWS's
 * own field names. Strict where the analysis depends on it (names, ids, ARNs,
 * policy documents, the lists that say who has which policy); the fields it
 * does not depend on are listed in the `*Leniency` specs, which lenient.ts
 * applies first: a bad value there is dropped with a warning, not refused.
 */
import * as z from 'zod';
import type { InlinePolicy } from '../../engine/model.ts';
import { arnExample, parseIamArn, type IamResourceType } from './arn.ts';
import { normalizeIsoDate } from './iso-date.ts';
import { list, object, optional, type Leniency } from './lenient.ts';
import { formatted, optionalString, policyDocument, tagList } from './validate.ts';

/** Any account part is read here; which account an ARN really means is decided per file (account-agreement.ts). */
const arnOf = (type: IamResourceType) =>
  formatted(
    (s) => parseIamArn(s, type, { anyAccount: true }) !== undefined,
    `not an IAM ${type} ARN`,
    `an ARN like ${arnExample(type)}`,
  );

const isoDate = z
  .string()
  .refine((s) => normalizeIsoDate(s) !== undefined, {
    message: 'not an ISO-8601 date',
    params: { expected: 'a date like 2024-01-02T03:04:05Z' },
  })
  .transform((s) => normalizeIsoDate(s) ?? s);

const requiredString = z.string().min(1);

const inlinePolicyList = z
  .array(z.looseObject({ PolicyName: requiredString, PolicyDocument: policyDocument }))
  .optional()
  .transform((list): InlinePolicy[] =>
    (list ?? []).map((p) => ({ name: p.PolicyName, document: p.PolicyDocument })),
  );

const attachedLeniency: Leniency = { PolicyName: optional(z.string()) };
const attached = list(attachedLeniency, { single: true });

const attachedPolicyArns = z
  .array(z.looseObject({ PolicyName: optionalString, PolicyArn: arnOf('policy') }))
  .optional()
  .transform((list) => (list ?? []).map((p) => p.PolicyArn));

const permissionsBoundary = z
  .looseObject({ PermissionsBoundaryType: optionalString, PermissionsBoundaryArn: arnOf('policy') })
  .optional();

const boundary = object({ PermissionsBoundaryType: optional(z.string()) }, { optional: false });

export const userLeniency: Leniency = {
  Path: optional(z.string()),
  CreateDate: optional(isoDate),
  AttachedManagedPolicies: attached,
  PermissionsBoundary: boundary,
};

export const userSchema = z.looseObject({
  UserName: requiredString,
  UserId: requiredString,
  Arn: arnOf('user'),
  Path: optionalString,
  CreateDate: isoDate.optional(),
  UserPolicyList: inlinePolicyList,
  GroupList: z.array(z.string()).optional(),
  AttachedManagedPolicies: attachedPolicyArns,
  PermissionsBoundary: permissionsBoundary,
  Tags: tagList,
});

export const groupLeniency: Leniency = {
  Path: optional(z.string()),
  CreateDate: optional(isoDate),
  AttachedManagedPolicies: attached,
};

export const groupSchema = z.looseObject({
  GroupName: requiredString,
  GroupId: requiredString,
  Arn: arnOf('group'),
  Path: optionalString,
  CreateDate: isoDate.optional(),
  GroupPolicyList: inlinePolicyList,
  AttachedManagedPolicies: attachedPolicyArns,
});

const instanceProfileSchema = z.looseObject({
  InstanceProfileName: requiredString,
  InstanceProfileId: requiredString,
  Arn: arnOf('instance-profile'),
  Path: optionalString,
  CreateDate: isoDate.optional(),
  // Each nested role repeats the whole role; only its ARN matters here.
  Roles: z.array(z.looseObject({ Arn: arnOf('role') })).optional(),
});

const maxSessionDuration = z.number().int().positive();
const roleLastUsed = z.looseObject({ LastUsedDate: isoDate.optional(), Region: optionalString });

export const roleLeniency: Leniency = {
  Path: optional(z.string()),
  CreateDate: optional(isoDate),
  Description: optional(z.string()),
  MaxSessionDuration: optional(maxSessionDuration),
  RoleLastUsed: object({ LastUsedDate: optional(isoDate), Region: optional(z.string()) }, { optional: true }),
  InstanceProfileList: list({ Path: optional(z.string()), CreateDate: optional(isoDate) }),
  AttachedManagedPolicies: attached,
  PermissionsBoundary: boundary,
};

export const roleSchema = z.looseObject({
  RoleName: requiredString,
  RoleId: requiredString,
  Arn: arnOf('role'),
  Path: optionalString,
  CreateDate: isoDate.optional(),
  Description: optionalString,
  MaxSessionDuration: maxSessionDuration.optional(),
  AssumeRolePolicyDocument: policyDocument,
  InstanceProfileList: z.array(instanceProfileSchema).optional(),
  RolePolicyList: inlinePolicyList,
  AttachedManagedPolicies: attachedPolicyArns,
  PermissionsBoundary: permissionsBoundary,
  Tags: tagList,
  RoleLastUsed: roleLastUsed.optional(),
});

const policyVersionSchema = z.looseObject({
  Document: policyDocument,
  VersionId: requiredString,
  IsDefaultVersion: z.boolean(),
  CreateDate: isoDate.optional(),
});

const count = z.number().int().nonnegative();

export const managedPolicyLeniency: Leniency = {
  PolicyId: optional(z.string()),
  Path: optional(z.string()),
  AttachmentCount: optional(count),
  PermissionsBoundaryUsageCount: optional(count),
  IsAttachable: optional(z.boolean()),
  Description: optional(z.string()),
  CreateDate: optional(isoDate),
  UpdateDate: optional(isoDate),
  PolicyVersionList: list({ CreateDate: optional(isoDate) }),
};

export const managedPolicySchema = z.looseObject({
  PolicyName: requiredString,
  PolicyId: optionalString,
  Arn: arnOf('policy'),
  Path: optionalString,
  DefaultVersionId: requiredString,
  AttachmentCount: count.optional(),
  PermissionsBoundaryUsageCount: count.optional(),
  IsAttachable: z.boolean().optional(),
  Description: optionalString,
  CreateDate: isoDate.optional(),
  UpdateDate: isoDate.optional(),
  PolicyVersionList: z.array(policyVersionSchema).min(1),
});

export const topSchema = z.looseObject({
  UserDetailList: z.array(z.unknown()).optional(),
  GroupDetailList: z.array(z.unknown()).optional(),
  RoleDetailList: z.array(z.unknown()).optional(),
  Policies: z.array(z.unknown()).optional(),
  IsTruncated: z.boolean().optional(),
  Marker: optionalString,
  NextToken: optionalString,
});
