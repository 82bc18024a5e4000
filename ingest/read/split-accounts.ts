/**
 * Applies an AccountResolution to one file's read: ARNs whose account part was
 * replaced are rewritten to the file's account (references to them too, so an
 * attached policy still finds its policy), and a file holding several real
 * accounts becomes one read per account, as if each had been exported alone.
 */
import type { AuthorizationDetailsRead } from './authorization-details.ts';
import type { AccountResolution } from './account-resolution.ts';

/** The ARN with its account part read through `accountOf`; AWS-managed policy ARNs (account `aws`) stay. */
function rebaseArn(arn: string, accountOf: (part: string) => string): string {
  const parts = arn.split(':');
  const part = parts[4];
  if (part === undefined || parts.length !== 6) return arn;
  if (part === 'aws' && (parts[5] ?? '').startsWith('policy/')) return arn;
  const account = accountOf(part);
  if (account === part) return arn;
  parts[4] = account;
  return parts.join(':');
}

function rebase(read: AuthorizationDetailsRead, accountOf: (part: string) => string): void {
  const arn = (value: string): string => rebaseArn(value, accountOf);
  const own = (entity: { arn: string; accountId: string; awsManaged?: boolean }): void => {
    if (entity.awsManaged === true) return;
    entity.arn = arn(entity.arn);
    entity.accountId = accountOf(entity.accountId);
  };
  for (const { value: u } of read.users) {
    own(u);
    u.managedPolicyArns = u.managedPolicyArns.map(arn);
    if (u.permissionsBoundaryArn !== undefined) u.permissionsBoundaryArn = arn(u.permissionsBoundaryArn);
  }
  for (const { value: g } of read.groups) {
    own(g);
    g.managedPolicyArns = g.managedPolicyArns.map(arn);
  }
  for (const { value: r } of read.roles) {
    own(r);
    r.managedPolicyArns = r.managedPolicyArns.map(arn);
    if (r.permissionsBoundaryArn !== undefined) r.permissionsBoundaryArn = arn(r.permissionsBoundaryArn);
    r.instanceProfileArns = r.instanceProfileArns.map(arn);
  }
  for (const { value: p } of read.policies) own(p);
  for (const { value: ip } of read.instanceProfiles) {
    own(ip);
    ip.roleArns = ip.roleArns.map(arn);
  }
}

export function splitByAccount(
  read: AuthorizationDetailsRead,
  resolution: AccountResolution,
): AuthorizationDetailsRead[] {
  rebase(read, resolution.accountOf);
  if (resolution.accounts.length <= 1) return [read];
  const main = resolution.main;
  return resolution.accounts.map((accountId) => {
    const mine = <T extends { value: { accountId: string } }>(items: T[]): T[] =>
      items.filter((item) =>
        'awsManaged' in item.value && item.value.awsManaged === true
          ? accountId === main
          : item.value.accountId === accountId,
      );
    return {
      ...read,
      accountId,
      users: mine(read.users),
      groups: mine(read.groups),
      roles: mine(read.roles),
      policies: mine(read.policies),
      instanceProfiles: mine(read.instanceProfiles),
    };
  });
}
