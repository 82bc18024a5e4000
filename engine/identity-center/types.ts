/**
 * IAM Identity Center as its APIs describe it: people and groups in the
 * identity store, permission sets, and account assignments. Pure data.
 * - Identity Store API: https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/welcome.html
 * - SSO Admin API: https://docs.aws.amazon.com/singlesignon/latest/APIReference/welcome.html
 */
import type { PolicyDocumentJson } from '../model.ts';

export interface ExternalId {
  issuer: string;
  id: string;
}

/** An identity-store user: a person who signs in through Identity Center. */
export interface Person {
  /** The identity store's UserId. */
  id: string;
  identityStoreId: string;
  userName?: string;
  displayName?: string;
  emails: string[];
  externalIds: ExternalId[];
  /** ENABLED or DISABLED; absent in older exports (then taken as enabled). */
  status?: string;
}

/** An identity-store group. Groups hold users only: the store cannot nest groups. */
export interface PeopleGroup {
  id: string;
  identityStoreId: string;
  displayName?: string;
  description?: string;
  externalIds: ExternalId[];
  /** UserIds of the members. */
  memberIds: string[];
}

export interface CustomerManagedPolicyReference {
  name: string;
  path: string;
}

export interface PermissionSet {
  arn: string;
  name: string;
  description?: string;
  /** ISO-8601 duration, e.g. PT1H. */
  sessionDuration?: string;
  relayState?: string;
  inlinePolicy?: PolicyDocumentJson;
  awsManagedPolicyArns: string[];
  customerManagedPolicies: CustomerManagedPolicyReference[];
  permissionsBoundary?: { managedPolicyArn: string } | { customerManaged: CustomerManagedPolicyReference };
  /** Accounts the permission set is provisioned to (a role exists there), when collected. */
  provisionedAccountIds?: string[];
}

export interface AccountAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: 'USER' | 'GROUP';
  /** A UserId or GroupId, by principalType. */
  principalId: string;
}

export interface IdentityCenterInstance {
  instanceArn: string;
  identityStoreId: string;
  /** The account that holds the instance (the management account for an organization instance). */
  ownerAccountId?: string;
  region?: string;
  people: Person[];
  groups: PeopleGroup[];
  permissionSets: PermissionSet[];
  assignments: AccountAssignment[];
}
