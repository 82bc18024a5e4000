/**
 * The account list: every account the organization names, plus every account
 * that has IAM data, identity providers or resources in the snapshot.
 */
import type { Account, IdentityProvider } from '../../engine/model.ts';
import type { Resource } from '../../engine/resources/model.ts';
import type { OrganizationRead } from './organization.ts';
import type { InputProblem } from './problems.ts';

export function buildAccounts(
  organization: OrganizationRead | undefined,
  iamAccountIds: ReadonlySet<string>,
  providers: readonly IdentityProvider[],
  sourceOf: (accountId: string) => string,
  warnings: InputProblem[],
  resources: readonly Pick<Resource, 'accountId' | 'source'>[] = [],
): Account[] {
  const accounts = new Map<string, Account>();
  for (const a of organization?.accounts ?? []) {
    accounts.set(a.id, {
      id: a.id,
      name: a.name,
      ...(a.email === undefined ? {} : { email: a.email }),
      status: a.status,
      parentId: a.parentId,
      hasIamData: iamAccountIds.has(a.id),
      inOrganization: true,
    });
  }
  /*
   * Without organization.json nothing says which accounts belong together, so
   * no account is marked inOrganization, even a lone one: the flag means "listed
   * by organization.json" and nothing else, which keeps it predictable for the
   * engine and the UI. (The model.ts comment also allows "the only account".)
   */
  for (const id of iamAccountIds) {
    if (accounts.has(id)) continue;
    accounts.set(id, { id, hasIamData: true, inOrganization: false });
    if (organization !== undefined) {
      warnings.push({
        file: sourceOf(id),
        jsonPath: '',
        message: `account ${id} has IAM data but is not in ${organization.file}; it is marked as outside the organization, so no SCP or RCP of the organization is applied to it`,
      });
    }
  }
  for (const p of providers) {
    if (accounts.has(p.accountId)) continue;
    accounts.set(p.accountId, { id: p.accountId, hasIamData: false, inOrganization: false });
    warnings.push({
      file: sourceOf(p.accountId),
      jsonPath: '',
      message: `identity providers of account ${p.accountId}, which has no authorization-details file${organization === undefined ? '' : ' and is not in the organization'}`,
    });
  }
  for (const r of resources) {
    if (accounts.has(r.accountId)) continue;
    accounts.set(r.accountId, { id: r.accountId, hasIamData: false, inOrganization: false });
    warnings.push({
      file: r.source.path,
      jsonPath: r.source.jsonPath,
      message: `resources of account ${r.accountId}, which has no authorization-details file${organization === undefined ? '' : ' and is not in the organization'}; they are kept, and only callers named in their policies can be analysed`,
    });
  }
  if (organization !== undefined) {
    const without = organization.accounts.filter((a) => !iamAccountIds.has(a.id));
    if (without.length > 0) {
      const ids = without.slice(0, 5).map((a) => `${a.id} (${a.name})`);
      warnings.push({
        file: organization.file,
        jsonPath: 'accounts',
        message: `${without.length} of ${organization.accounts.length} organization accounts have no authorization-details file, so their users and roles are not in the snapshot: ${ids.join(', ')}${without.length > 5 ? ', ...' : ''}`,
      });
    }
  }
  return [...accounts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
