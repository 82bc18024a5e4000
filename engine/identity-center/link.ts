/**
 * Joins Identity Center to IAM: each account assignment (a person, or a group
 * and through it its members, given a permission set in an account) reaches the
 * role provisioned for that permission set in that account. Only assignments
 * give access: a permission set provisioned to 90 accounts but assigned in 3
 * reaches roles in 3. An assignment whose role is missing, and a provisioned
 * role no assignment is left for, are findings.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
import { findingId, type Finding } from '../findings/finding.ts';
import type { Role } from '../model.ts';
import { permissionSetNameOf } from './provisioned-roles.ts';
import type { AccountAssignment, IdentityCenterInstance } from './types.ts';

/** One way a person reaches a role: the assignment, and the group it was made to if not to the person. */
export interface SignInVia {
  assignment: AccountAssignment;
  permissionSetName: string;
  groupId?: string;
  groupName?: string;
}

/** A person can sign in as a role, for the reasons listed in `via`. */
export interface SignIn {
  personId: string;
  roleArn: string;
  accountId: string;
  via: SignInVia[];
}

export interface IdentityCenterLinks {
  signIns: SignIn[];
  findings: Finding[];
  /** Assignments to accounts whose IAM data is not in the snapshot: no role to link to, no finding either. */
  unresolved: AccountAssignment[];
  /** People left out of sign-ins because the identity store has them disabled. */
  disabledPeople: string[];
}

export const IDENTITY_CENTER_FINDING_KINDS = [
  'assignment-role-missing',
  'provisioned-role-unassigned',
  'assignment-principal-unknown',
] as const;

export function linkIdentityCenter(
  ic: IdentityCenterInstance,
  roles: readonly Role[],
  accountsWithIamData: ReadonlySet<string>,
): IdentityCenterLinks {
  const findings = new Map<string, Finding>();
  const report = (f: Omit<Finding, 'id'>, idParts: string[]) => {
    const id = findingId(f.kind, idParts);
    if (!findings.has(id)) findings.set(id, { id, ...f });
  };
  const psByArn = new Map(ic.permissionSets.map((p) => [p.arn, p]));
  const people = new Map(ic.people.map((p) => [p.id, p]));
  const groups = new Map(ic.groups.map((g) => [g.id, g]));
  // (account, permission set name) → provisioned roles; more than one when an old one was left behind.
  const provisioned = new Map<string, Role[]>();
  for (const r of roles) {
    const name = permissionSetNameOf(r);
    if (name === undefined) continue;
    const key = `${r.accountId}\u0000${name}`;
    provisioned.set(key, [...(provisioned.get(key) ?? []), r]);
  }

  const signIns = new Map<string, SignIn>();
  const unresolved: AccountAssignment[] = [];
  const disabled = new Set<string>();
  const assigned = new Set<string>();
  const reach = (personId: string, role: Role, via: SignInVia) => {
    const person = people.get(personId);
    if (!person) return;
    if (person.status !== undefined && person.status.toUpperCase() === 'DISABLED') {
      disabled.add(personId);
      return;
    }
    const key = `${personId}\u0000${role.arn}`;
    const s = signIns.get(key) ?? { personId, roleArn: role.arn, accountId: role.accountId, via: [] };
    s.via.push(via);
    signIns.set(key, s);
  };

  for (const a of ic.assignments) {
    const ps = psByArn.get(a.permissionSetArn);
    const psName = ps?.name;
    const principalKnown = a.principalType === 'USER' ? people.has(a.principalId) : groups.has(a.principalId);
    if (!principalKnown)
      report(
        {
          kind: 'assignment-principal-unknown',
          severity: 'low',
          title: 'Assignment to a user or group the identity store does not hold',
          why: `An assignment in account ${a.accountId} gives ${psName ?? a.permissionSetArn} to ${a.principalType.toLowerCase()} ${a.principalId}, which is not among the identity store's ${a.principalType === 'USER' ? 'users' : 'groups'}: it was deleted, or the export is incomplete.`,
          subjects: [a.permissionSetArn],
          evidence: { assignment: a },
        },
        [a.accountId, a.permissionSetArn, a.principalType, a.principalId],
      );
    if (psName === undefined) continue;
    assigned.add(`${a.accountId}\u0000${psName}`);
    if (!accountsWithIamData.has(a.accountId)) {
      unresolved.push(a);
      continue;
    }
    const found = provisioned.get(`${a.accountId}\u0000${psName}`) ?? [];
    if (found.length === 0) {
      report(
        {
          kind: 'assignment-role-missing',
          severity: 'medium',
          title: 'Assignment without its provisioned role',
          why: `Permission set ${psName} is assigned in account ${a.accountId}, but the account has no role AWSReservedSSO_${psName}_… under /aws-reserved/sso.amazonaws.com/: provisioning failed or the role was deleted, so the assignment gives no access until the permission set is provisioned again.`,
          subjects: [a.permissionSetArn],
          evidence: { assignment: a, permissionSetName: psName },
        },
        [a.accountId, a.permissionSetArn],
      );
      continue;
    }
    for (const role of found) {
      if (a.principalType === 'USER')
        reach(a.principalId, role, { assignment: a, permissionSetName: psName });
      else {
        const g = groups.get(a.principalId);
        for (const member of g?.memberIds ?? [])
          reach(member, role, {
            assignment: a,
            permissionSetName: psName,
            groupId: a.principalId,
            ...(g?.displayName ? { groupName: g.displayName } : {}),
          });
      }
    }
  }

  for (const [key, rs] of provisioned) {
    if (assigned.has(key)) continue;
    for (const role of rs)
      report(
        {
          kind: 'provisioned-role-unassigned',
          severity: 'low',
          title: 'Provisioned Identity Center role with no assignment',
          why: `Role ${role.name} in account ${role.accountId} was provisioned for permission set ${key.split('\u0000')[1]}, but no assignment of it is left in that account: nobody signs in through it, and it keeps its permissions until removed.`,
          subjects: [role.arn],
          evidence: { roleArn: role.arn, permissionSetName: key.split('\u0000')[1] },
        },
        [role.arn],
      );
  }

  return {
    signIns: [...signIns.values()],
    findings: [...findings.values()],
    unresolved,
    disabledPeople: [...disabled].sort(),
  };
}
