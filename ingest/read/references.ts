/**
 * References between IAM entities that the snapshot cannot resolve. They are
 * warnings, not problems: a filtered export is legitimate, but the person
 * must know the analysis is blind to those policies and groups.
 */
import type { Group, ManagedPolicy, Role, User } from '../../engine/model.ts';
import type { InputProblem } from './problems.ts';

/** Beyond this many distinct missing references, one summary line says how many more. */
const LIMIT = 20;

export function checkReferences(
  iam: { users: User[]; groups: Group[]; roles: Role[]; policies: ManagedPolicy[] },
  sourceOf: (accountId: string) => string,
  warnings: InputProblem[],
): void {
  const policyArns = new Set(iam.policies.map((p) => p.arn));
  const missingPolicies = new Map<string, { accountId: string; count: number }>();
  const note = (arn: string | undefined, accountId: string): void => {
    if (arn === undefined || policyArns.has(arn)) return;
    const entry = missingPolicies.get(arn) ?? { accountId, count: 0 };
    entry.count++;
    missingPolicies.set(arn, entry);
  };
  for (const p of [...iam.users, ...iam.groups, ...iam.roles]) {
    for (const arn of p.managedPolicyArns) note(arn, p.accountId);
    if ('permissionsBoundaryArn' in p) note(p.permissionsBoundaryArn, p.accountId);
  }
  report(
    [...missingPolicies].map(([arn, { accountId, count }]) => ({
      file: sourceOf(accountId),
      jsonPath: 'Policies',
      message: `managed policy ${arn} is attached to ${count} ${count === 1 ? 'principal' : 'principals'} but is in no Policies list, so its permissions are unknown to the analysis`,
    })),
    'managed policies',
    warnings,
  );

  const groupArnsByName = new Set(iam.groups.map((g) => `${g.accountId}/${g.name}`));
  const missingGroups = new Map<string, { accountId: string; name: string; count: number }>();
  for (const u of iam.users) {
    for (const name of u.groupNames) {
      const key = `${u.accountId}/${name}`;
      if (groupArnsByName.has(key)) continue;
      const entry = missingGroups.get(key) ?? { accountId: u.accountId, name, count: 0 };
      entry.count++;
      missingGroups.set(key, entry);
    }
  }
  report(
    [...missingGroups.values()].map(({ accountId, name, count }) => ({
      file: sourceOf(accountId),
      jsonPath: 'GroupDetailList',
      message: `group ${name} of account ${accountId} has ${count} ${count === 1 ? 'member' : 'members'} in GroupList but is not in GroupDetailList, so its policies are unknown to the analysis`,
    })),
    'groups',
    warnings,
  );
}

function report(found: InputProblem[], what: string, warnings: InputProblem[]): void {
  warnings.push(...found.slice(0, LIMIT));
  const first = found[0];
  if (found.length > LIMIT && first !== undefined) {
    warnings.push({
      file: first.file,
      jsonPath: '',
      message: `... and ${found.length - LIMIT} more missing ${what}`,
    });
  }
}
