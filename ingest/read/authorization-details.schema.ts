/**
 * The shape of `aws iam get-account-authorization-details` output, in AWS's
 * own field names. Liberal where AWS is (extra fields pass, optional fields
 * are optional), strict where the analysis depends on it: names, ids, ARNs
 * and policy documents.
 */
import { z } from 'zod';
import type { InlinePolicy } from '../../engine/model.ts';
import { arnExample, parseIamArn, type IamResourceType } from './arn.ts';
import { formatted, optionalString, policyDocument, tagList } from './validate.ts';

const arnOf = (type: IamResourceType) =>
  formatted(
    (s) => parseIamArn(s, type) !== undefined,
    `not an IAM ${type} ARN`,
    `an ARN like ${arnExample(type)}`,
  );

const requiredString = z.string().min(1);

const inlinePolicyList = z
  .array(z.looseObject({ PolicyName: requiredString, PolicyDocument: policyDocument }))
  .optional()
  .transform((list): InlinePolicy[] =>
    (list ?? []).map((p) => ({ name: p.PolicyName, document: p.PolicyDocument })),
  );

const attachedPolicyArns = z
  .array(z.looseObject({ PolicyName: optionalString, PolicyArn: arnOf('policy') }))
  .optional()
  .transform((list) => (list ?? []).map((p) => p.PolicyArn));

const permissionsBoundary = z
  .looseObject({ PermissionsBoundaryType: optionalString, PermissionsBoundaryArn: arnOf('policy') })
  .optional();

export const userSchema = z.looseObject({
  UserName: requiredString,
  UserId: requiredString,
  Arn: arnOf('user'),
  Path: optionalString,
  CreateDate: optionalString,
  UserPolicyList: inlinePolicyList,
  GroupList: z.array(z.string()).optional(),
  AttachedManagedPolicies: attachedPolicyArns,
  PermissionsBoundary: permissionsBoundary,
  Tags: tagList,
});

export const groupSchema = z.looseObject({
  GroupName: requiredString,
  GroupId: requiredString,
  Arn: arnOf('group'),
  Path: optionalString,
  CreateDate: optionalString,
  GroupPolicyList: inlinePolicyList,
  AttachedManagedPolicies: attachedPolicyArns,
});

const instanceProfileSchema = z.looseObject({
  InstanceProfileName: requiredString,
  InstanceProfileId: requiredString,
  Arn: arnOf('instance-profile'),
  Path: optionalString,
  CreateDate: optionalString,
  // Each nested role repeats the whole role; only its ARN matters here.
  Roles: z.array(z.looseObject({ Arn: arnOf('role') })).optional(),
});

export const roleSchema = z.looseObject({
  RoleName: requiredString,
  RoleId: requiredString,
  Arn: arnOf('role'),
  Path: optionalString,
  CreateDate: optionalString,
  Description: optionalString,
  MaxSessionDuration: z.number().int().positive().optional(),
  AssumeRolePolicyDocument: policyDocument,
  InstanceProfileList: z.array(instanceProfileSchema).optional(),
  RolePolicyList: inlinePolicyList,
  AttachedManagedPolicies: attachedPolicyArns,
  PermissionsBoundary: permissionsBoundary,
  Tags: tagList,
  RoleLastUsed: z.looseObject({ LastUsedDate: optionalString, Region: optionalString }).optional(),
});

const policyVersionSchema = z.looseObject({
  Document: policyDocument,
  VersionId: requiredString,
  IsDefaultVersion: z.boolean(),
  CreateDate: optionalString,
});

export const managedPolicySchema = z.looseObject({
  PolicyName: requiredString,
  PolicyId: optionalString,
  Arn: arnOf('policy'),
  Path: optionalString,
  DefaultVersionId: requiredString,
  AttachmentCount: z.number().int().nonnegative().optional(),
  PermissionsBoundaryUsageCount: z.number().int().nonnegative().optional(),
  IsAttachable: z.boolean().optional(),
  Description: optionalString,
  CreateDate: optionalString,
  UpdateDate: optionalString,
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
