/**
 * The normalized model of one snapshot: what the readers in ingest/ produce from
 * AWS's exports and what the engine analyses. Pure data, no I/O.
 *
 * Policy documents are kept as parsed JSON (`PolicyDocumentJson`); the engine's
 * parser turns them into its own statement form. Identifiers are AWS's own:
 * ARNs for IAM entities, 12-digit ids for accounts, `r-`/`ou-`/`p-` ids for
 * AWS Organizations.
 */

/** A policy document as JSON, after URL-decoding when AWS returned it encoded. */
import type { CredentialReport } from './credential-report.ts';
import type { IdentityCenterInstance } from './identity-center/types.ts';
import type { Resource } from './resources/model.ts';

export type PolicyDocumentJson = Record<string, unknown>;

export interface Tag {
  key: string;
  value: string;
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocumentJson;
}

export interface PolicyVersion {
  versionId: string;
  isDefaultVersion: boolean;
  createDate?: string;
  document: PolicyDocumentJson;
}

/**
 * Where a managed policy's document came from when the export did not hold the
 * policy: AWS-managed policy documents from a bundled catalog (named with its
 * version and the policy version taken), or nowhere ('unknown': the policy
 * allows nothing in the analysis, and a finding lists it).
 */
export type PolicyDocumentSource =
  { kind: 'catalog'; catalog: string; catalogVersion: string; policyVersion: string } | { kind: 'unknown' };

/** A customer-managed or AWS-managed policy with all its versions. */
export interface ManagedPolicy {
  arn: string;
  name: string;
  policyId?: string;
  path: string;
  /** 12-digit owner account for customer-managed policies; 'aws' for AWS-managed ones. */
  accountId: string;
  awsManaged: boolean;
  defaultVersionId: string;
  versions: PolicyVersion[];
  attachmentCount?: number;
  permissionsBoundaryUsageCount?: number;
  isAttachable?: boolean;
  description?: string;
  createDate?: string;
  updateDate?: string;
  /** Set only when the policy was not in the export's Policies list. */
  documentSource?: PolicyDocumentSource;
}

export interface User {
  arn: string;
  name: string;
  userId: string;
  path: string;
  accountId: string;
  createDate?: string;
  /** Group names (same account) the user belongs to. */
  groupNames: string[];
  managedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
  permissionsBoundaryArn?: string;
  tags: Tag[];
}

export interface Group {
  arn: string;
  name: string;
  groupId: string;
  path: string;
  accountId: string;
  createDate?: string;
  managedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
}

export interface RoleLastUsed {
  lastUsedDate?: string;
  region?: string;
}

export interface Role {
  arn: string;
  name: string;
  roleId: string;
  path: string;
  accountId: string;
  createDate?: string;
  description?: string;
  maxSessionDuration?: number;
  /** The trust policy (AssumeRolePolicyDocument). */
  trustPolicy: PolicyDocumentJson;
  managedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
  permissionsBoundaryArn?: string;
  tags: Tag[];
  lastUsed?: RoleLastUsed;
  instanceProfileArns: string[];
  /** Path starts with /aws-service-role/: AWS owns and uses it, it cannot be assumed by people. */
  serviceLinked: boolean;
}

export interface InstanceProfile {
  arn: string;
  name: string;
  instanceProfileId: string;
  path: string;
  accountId: string;
  createDate?: string;
  roleArns: string[];
}

export interface IdentityProvider {
  arn: string;
  accountId: string;
  type: 'SAML' | 'OIDC';
  /** SAML: the provider name from its ARN; OIDC: the issuer host/path from its ARN (e.g. token.actions.githubusercontent.com). */
  name: string;
  createDate?: string;
  validUntil?: string;
  clientIds?: string[];
  thumbprints?: string[];
  tags: Tag[];
}

export interface Account {
  id: string;
  name?: string;
  email?: string;
  status?: string;
  /** Root or OU id directly above the account, when the organization is known. */
  parentId?: string;
  /** True when an authorization-details file for it is part of the snapshot. */
  hasIamData: boolean;
  /** True when organization.json lists it; false for every account when there is no organization.json. */
  inOrganization: boolean;
}

export interface OrganizationRoot {
  id: string;
  name: string;
}

export interface OrganizationalUnit {
  id: string;
  name: string;
  parentId: string;
}

export type OrganizationPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export interface OrganizationPolicy {
  id: string;
  name: string;
  type: OrganizationPolicyType;
  description?: string;
  awsManaged?: boolean;
  document: PolicyDocumentJson;
  /** Root, OU or account ids the policy is attached to. */
  targets: string[];
}

export interface Organization {
  id: string;
  managementAccountId: string;
  roots: OrganizationRoot[];
  organizationalUnits: OrganizationalUnit[];
  policies: OrganizationPolicy[];
}

/** Where each part of the snapshot came from, for evidence and error messages. */
export interface SourceFile {
  path: string;
  kind:
    | 'authorization-details'
    | 'organization'
    | 'saml-providers'
    | 'oidc-providers'
    | 'identity-center'
    | 'credential-report'
    | 'resources';
  accountId?: string;
  sha256: string;
}

export interface SnapshotModel {
  accounts: Account[];
  organization?: Organization;
  users: User[];
  groups: Group[];
  roles: Role[];
  policies: ManagedPolicy[];
  instanceProfiles: InstanceProfile[];
  identityProviders: IdentityProvider[];
  /** IAM Identity Center instances, when an ACCOUNT.identity-center.json was given. */
  identityCenter?: IdentityCenterInstance[];
  /** IAM credential reports, one per account at most. */
  credentialReports?: CredentialReport[];
  /** Resources with their policies and settings, when ACCOUNT.resources.json files were given. */
  resources?: Resource[];
  sources: SourceFile[];
}
