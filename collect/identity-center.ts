/**
 * IAM Identity Center as one account sees it, when it hosts an instance: the
 * instance, its permission sets with their policies, the account assignments,
 * and the identity store's users, groups and memberships. Items are kept as
 * the APIs return them (field names as in the API references:
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/welcome.html and
 * https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/welcome.html);
 * docs/collect.md describes the file.
 */
import {
  paginateListUsers,
  paginateListGroups,
  paginateListGroupMemberships,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  paginateListAccountAssignments,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListInstances,
  paginateListManagedPoliciesInPermissionSet,
  paginateListPermissionSets,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { errorCode } from './aws-errors.ts';
import { parsedOrText, plain } from './output.ts';

export const IDENTITY_CENTER_FORMAT = 'iamatlas-identity-center/1';

export interface IdentityCenterFile {
  Format: typeof IDENTITY_CENTER_FORMAT;
  AccountId: string;
  Region: string;
  Instances: unknown[];
}

async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** The instances this account hosts in the client's Region; none when the account hosts none there. */
export async function collectIdentityCenter(
  sso: SSOAdminClient,
  identityStore: IdentitystoreClient,
  account: { accountId: string; region: string },
): Promise<IdentityCenterFile | undefined> {
  const instances = await all(paginateListInstances({ client: sso }, {}), (p) => p.Instances);
  if (instances.length === 0) return undefined;
  const out: unknown[] = [];
  for (const instance of instances) {
    const InstanceArn = instance.InstanceArn ?? '';
    const storeId = instance.IdentityStoreId ?? '';
    const permissionSetArns = await all(
      paginateListPermissionSets({ client: sso }, { InstanceArn }),
      (p) => p.PermissionSets,
    );
    const permissionSets: unknown[] = [];
    const assignments: unknown[] = [];
    for (const PermissionSetArn of permissionSetArns) {
      const ids = { InstanceArn, PermissionSetArn };
      const described = await sso.send(new DescribePermissionSetCommand(ids));
      const inline = await sso.send(new GetInlinePolicyForPermissionSetCommand(ids));
      const managed = await all(
        paginateListManagedPoliciesInPermissionSet({ client: sso }, ids),
        (p) => p.AttachedManagedPolicies,
      );
      const customer = await all(
        paginateListCustomerManagedPolicyReferencesInPermissionSet({ client: sso }, ids),
        (p) => p.CustomerManagedPolicyReferences,
      );
      const boundary = await permissionsBoundary(sso, ids);
      const accountIds = await all(
        paginateListAccountsForProvisionedPermissionSet({ client: sso }, ids),
        (p) => p.AccountIds,
      );
      for (const AccountId of accountIds)
        assignments.push(
          ...(await all(
            paginateListAccountAssignments({ client: sso }, { ...ids, AccountId }),
            (p) => p.AccountAssignments,
          )),
        );
      permissionSets.push({
        ...(plain(described.PermissionSet) as object),
        // An empty inline policy means none (GetInlinePolicyForPermissionSet may return "").
        InlinePolicy: inline.InlinePolicy ? parsedOrText(inline.InlinePolicy) : null,
        AttachedManagedPolicies: plain(managed),
        CustomerManagedPolicyReferences: plain(customer),
        PermissionsBoundary: boundary === undefined ? null : plain(boundary),
        ProvisionedAccountIds: accountIds,
      });
    }
    const users = await all(
      paginateListUsers({ client: identityStore }, { IdentityStoreId: storeId }),
      (p) => p.Users,
    );
    const groups = await all(
      paginateListGroups({ client: identityStore }, { IdentityStoreId: storeId }),
      (p) => p.Groups,
    );
    const memberships: unknown[] = [];
    for (const group of groups)
      memberships.push(
        ...(await all(
          paginateListGroupMemberships(
            { client: identityStore },
            { IdentityStoreId: storeId, GroupId: group.GroupId },
          ),
          (p) => p.GroupMemberships,
        )),
      );
    out.push({
      ...(plain(instance) as object),
      PermissionSets: permissionSets,
      AccountAssignments: plain(assignments),
      Users: plain(users),
      Groups: plain(groups),
      GroupMemberships: plain(memberships),
    });
  }
  return {
    Format: IDENTITY_CENTER_FORMAT,
    AccountId: account.accountId,
    Region: account.region,
    Instances: out,
  };
}

/** A permission set without a boundary answers ResourceNotFoundException. */
async function permissionsBoundary(
  sso: SSOAdminClient,
  ids: { InstanceArn: string; PermissionSetArn: string },
): Promise<unknown> {
  try {
    return (await sso.send(new GetPermissionsBoundaryForPermissionSetCommand(ids))).PermissionsBoundary;
  } catch (error) {
    if (errorCode(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}
