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
