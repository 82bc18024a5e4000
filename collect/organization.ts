/**
 * The AWS Organizations tree as organization.json (the shape in
 * docs/graph-model.md#input-files): roots, OUs, accounts, and the SCPs and
 * RCPs with their targets. Calls, all read-only:
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html,
 * ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent,
 * ListPolicies, DescribePolicy and ListTargetsForPolicy.
 */
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
  type OrganizationsClient,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { errorCode, describeAwsError, isAccessDenied } from './aws-errors.ts';
import { parsedOrText } from './output.ts';

export interface OrganizationFile {
  organizationId: string;
  managementAccountId: string;
  roots: { id: string; name: string }[];
  organizationalUnits: { id: string; name: string; parentId: string }[];
  accounts: { id: string; name: string; parentId: string; status: string; email?: string }[];
  policies: {
    id: string;
    name: string;
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
    description?: string;
    awsManaged?: boolean;
    document: unknown;
    targets: string[];
  }[];
}

export type OrganizationOutcome =
  { ok: true; organization: OrganizationFile } | { ok: false; reason: string };

const POLICY_TYPES: ('SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY')[] = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
];

/**
 * Reads the organization, or says why it cannot: an account outside any
 * organization, or a caller that is neither the management account nor a
 * delegated administrator (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html).
 */
function noAccess(error: unknown): OrganizationOutcome {
  return {
    ok: false,
    reason: `no access to AWS Organizations' structure (${describeAwsError(error)}); run collect from the management account or a delegated administrator to read the whole organization`,
  };
}

export async function collectOrganization(client: OrganizationsClient): Promise<OrganizationOutcome> {
  let described;
  try {
    described = await client.send(new DescribeOrganizationCommand({}));
  } catch (error) {
    if (errorCode(error) === 'AWSOrganizationsNotInUseException')
      return { ok: false, reason: 'the caller’s account is not in an organization' };
    if (isAccessDenied(error)) return noAccess(error);
    throw error;
  }
  const org = described.Organization;
  const organizationId = org?.Id ?? '';
  const managementAccountId = org?.MasterAccountId ?? '';
  // Any member account may describe its organization; listing it takes the management account or a
  // delegated administrator (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html).
  try {
    return { ok: true, organization: await readTree(client, organizationId, managementAccountId) };
  } catch (error) {
    if (isAccessDenied(error)) return noAccess(error);
    throw error;
  }
}

async function readTree(
  client: OrganizationsClient,
  organizationId: string,
  managementAccountId: string,
): Promise<OrganizationFile> {
  const file: OrganizationFile = {
    organizationId,
    managementAccountId,
    roots: [],
    organizationalUnits: [],
    accounts: [],
    policies: [],
  };
  for await (const page of paginateListRoots({ client }, {}))
    for (const r of page.Roots ?? []) file.roots.push({ id: r.Id ?? '', name: r.Name ?? '' });

  // Breadth first from each root: the OUs and accounts under every parent.
  const parents = file.roots.map((r) => r.id);
  for (let i = 0; i < parents.length; i++) {
    const parentId = parents[i] ?? '';
    for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId }))
      for (const ou of page.OrganizationalUnits ?? []) {
        file.organizationalUnits.push({ id: ou.Id ?? '', name: ou.Name ?? '', parentId });
        parents.push(ou.Id ?? '');
      }
    for await (const page of paginateListAccountsForParent({ client }, { ParentId: parentId }))
      for (const a of page.Accounts ?? [])
        file.accounts.push({
          id: a.Id ?? '',
          name: a.Name ?? '',
          parentId,
          status: a.Status ?? a.State ?? 'UNKNOWN',
          ...(a.Email === undefined ? {} : { email: a.Email }),
        });
  }

  for (const type of POLICY_TYPES) {
    for await (const page of paginateListPolicies({ client }, { Filter: type as PolicyType }))
      for (const summary of page.Policies ?? []) {
        const id = summary.Id ?? '';
        const described = await client.send(new DescribePolicyCommand({ PolicyId: id }));
        const targets: string[] = [];
        for await (const t of paginateListTargetsForPolicy({ client }, { PolicyId: id }))
          for (const target of t.Targets ?? []) if (target.TargetId) targets.push(target.TargetId);
        const content = described.Policy?.Content ?? '';
        file.policies.push({
          id,
          name: summary.Name ?? '',
          type,
          ...(summary.Description ? { description: summary.Description } : {}),
          ...(summary.AwsManaged === true ? { awsManaged: true } : {}),
          document: parsedOrText(content),
          targets,
        });
      }
  }
  return file;
}

/** The accounts under an OU, its child OUs included. */
export function accountsUnder(organization: OrganizationFile, ouId: string): string[] {
  const within = new Set([ouId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const ou of organization.organizationalUnits)
      if (within.has(ou.parentId) && !within.has(ou.id)) {
        within.add(ou.id);
        grew = true;
      }
  }
  return organization.accounts.filter((a) => within.has(a.parentId)).map((a) => a.id);
}
