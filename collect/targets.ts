/**
 * Which accounts a run reads: the organization's, narrowed by --ou or
 * --accounts; accounts that are not ACTIVE are skipped with the reason
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html).
 */
import type { AccountJob } from './account.ts';
import { accountsUnder, type OrganizationFile } from './organization.ts';
import { CollectError, type AccountEntry, type CollectOptions } from './types.ts';

export function selectAccounts(
  organization: OrganizationFile,
  options: Pick<CollectOptions, 'ou' | 'accounts'>,
): { jobs: AccountJob[]; skipped: AccountEntry[] } {
  let wanted = organization.accounts;
  const ouId = options.ou;
  if (ouId !== undefined) {
    const known =
      organization.organizationalUnits.some((o) => o.id === ouId) ||
      organization.roots.some((r) => r.id === ouId);
    if (!known)
      throw new CollectError(
        `--ou ${ouId}: no such OU or root in organization ${organization.organizationId}; list its OUs with \`aws organizations list-organizational-units-for-parent\`.`,
      );
    const under = new Set(accountsUnder(organization, ouId));
    wanted = wanted.filter((a) => under.has(a.id));
  }
  if (options.accounts !== undefined) {
    const inOrganization = new Set(organization.accounts.map((a) => a.id));
    const unknown = options.accounts.filter((id) => !inOrganization.has(id));
    if (unknown.length)
      throw new CollectError(
        `--accounts: ${unknown.join(', ')} not in organization ${organization.organizationId}; list its accounts with \`aws organizations list-accounts\`.`,
      );
    const only = new Set(options.accounts);
    wanted = wanted.filter((a) => only.has(a.id));
  }
  const jobs: AccountJob[] = [];
  const skipped: AccountEntry[] = [];
  for (const a of wanted) {
    if (a.status === 'ACTIVE') jobs.push({ accountId: a.id, name: a.name });
    else
      skipped.push({
        accountId: a.id,
        name: a.name,
        status: 'skipped',
        reason: `the account is ${a.status}, not ACTIVE`,
        files: [],
        apiCalls: {},
      });
  }
  return { jobs, skipped };
}
