/**
 * What the engine derives about people: CAN_SIGN_IN_AS edges from Identity
 * Center people to the roles their assignments provision, and the findings of
 * Identity Center links and of credential reports. Pure: the model in, rows out.
 */
import { signInFindings } from '../../engine/findings/sign-in-findings.ts';
import type { Finding } from '../../engine/findings/index.ts';
import { linkIdentityCenter, type SignIn } from '../../engine/identity-center/link.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import { snapshotReferenceDate } from '../../engine/reference-date.ts';
import type { ExtraRelSet } from '../load/loader.ts';
import type { Props } from './graph-rows.ts';
import { personKey } from './people-rows.ts';

export function canSignInProps(s: SignIn): Props {
  return {
    accountId: s.accountId,
    permissionSets: [...new Set(s.via.map((v) => v.permissionSetName))].sort(),
    groups: [
      ...new Set(s.via.flatMap((v) => ((v.groupName ?? v.groupId) ? [v.groupName ?? v.groupId!] : []))),
    ].sort(),
    direct: s.via.some((v) => v.groupId === undefined),
    via: JSON.stringify(s.via),
  };
}

export function analysePeople(model: SnapshotModel): { canSignIn: ExtraRelSet; findings: Finding[] } {
  const findings: Finding[] = [];
  const canSignIn: ExtraRelSet = {
    file: 'load/derived',
    name: 'rel-CAN_SIGN_IN_AS',
    type: 'CAN_SIGN_IN_AS',
    rows: [],
  };
  const withIam = new Set(model.accounts.filter((a) => a.hasIamData).map((a) => a.id));
  for (const ic of model.identityCenter ?? []) {
    const links = linkIdentityCenter(ic, model.roles, withIam);
    findings.push(...links.findings);
    for (const s of links.signIns) {
      const from = personKey(ic.identityStoreId, s.personId);
      canSignIn.rows.push({
        key: `CAN_SIGN_IN_AS|${from}|${s.roleArn}`,
        from,
        to: s.roleArn,
        props: canSignInProps(s),
      });
    }
  }
  const snapshotDate = snapshotReferenceDate(model);
  for (const report of model.credentialReports ?? []) {
    const at = report.generatedTime ?? snapshotDate;
    if (at === undefined) continue;
    findings.push(...signInFindings(report, Date.parse(at)));
  }
  return { canSignIn, findings };
}

/** Condition keys that only a request signed with MFA can satisfy when they must hold. */
const MFA_KEYS = new Set(['aws:multifactorauthpresent', 'aws:multifactorauthage']);

/**
 * IAM users the credential report shows without an MFA device, with a note for
 * the edges they start: an MFA condition that must hold cannot hold for them
 * until they enable a device.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
export function usersWithoutMfa(model: SnapshotModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const report of model.credentialReports ?? [])
    for (const e of report.entries)
      if (!e.isRoot && !e.mfaActive)
        out.set(
          e.arn,
          `IAM user ${e.user} has no MFA device (credential report${report.generatedTime ? ` of ${report.generatedTime}` : ''}): the MFA condition on this edge cannot hold for them today.`,
        );
  return out;
}

/** The note for an edge from `from` whose conditions include an MFA key that must hold, if its user has no MFA. */
export function mfaCannotHold(
  noMfa: ReadonlyMap<string, string>,
  from: string,
  conditions: readonly { key: string; mustHold: boolean }[],
): string | undefined {
  const note = noMfa.get(from);
  if (note === undefined) return undefined;
  return conditions.some((c) => c.mustHold && MFA_KEYS.has(c.key.toLowerCase())) ? note : undefined;
}
