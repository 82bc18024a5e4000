/**
 * Findings from the IAM credential report: how people sign in with IAM users
 * and the root user. Each rests on AWS's own guidance:
 * - console users without MFA, and the root user without MFA:
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#enable-mfa-for-privileged-users
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html
 * - root access keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html
 * - access keys unused for a long time: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials
 */
import { reportTimeMs, type CredentialReport, type CredentialReportEntry } from '../credential-report.ts';
import { findingId, type Finding, type Severity } from './finding.ts';
import { UNUSED_AFTER_DAYS } from './trust-findings.ts';

export const SIGN_IN_FINDING_KINDS = [
  'console-user-without-mfa',
  'root-user-without-mfa',
  'root-user-access-key',
  'access-key-unused',
] as const;
export type SignInFindingKind = (typeof SIGN_IN_FINDING_KINDS)[number];

const DAY_MS = 86_400_000;

function evidenceOf(report: CredentialReport, e: CredentialReportEntry): Record<string, unknown> {
  return {
    source: 'IAM credential report',
    accountId: report.accountId,
    ...(report.generatedTime ? { generatedTime: report.generatedTime } : {}),
    user: e.user,
    passwordEnabled: e.passwordEnabled,
    passwordLastUsed: e.passwordLastUsed,
    mfaActive: e.mfaActive,
  };
}

/**
 * The sign-in findings of one account's report, judged at `referenceMs` (the
 * snapshot's reference date, so the same input gives the same findings).
 */
export function signInFindings(report: CredentialReport, referenceMs: number): Finding[] {
  const out: Finding[] = [];
  const add = (
    kind: SignInFindingKind,
    severity: Severity,
    e: CredentialReportEntry,
    title: string,
    why: string,
    extra: Record<string, unknown> = {},
  ) => {
    // The root user has no node of its own: its findings are about the account.
    const subjects = [e.isRoot ? report.accountId : e.arn];
    out.push({
      id: findingId(kind, [...subjects, ...(extra.slot ? [`key-${String(extra.slot)}`] : [])]),
      kind,
      severity,
      title,
      why,
      subjects,
      evidence: { ...evidenceOf(report, e), ...extra },
    });
  };
  for (const e of report.entries) {
    if (e.isRoot) {
      if (!e.mfaActive)
        add(
          'root-user-without-mfa',
          'critical',
          e,
          'Root user without MFA',
          `The root user of account ${report.accountId} has no MFA device: its password alone signs in with every permission in the account.`,
        );
      for (const k of e.accessKeys.filter((x) => x.active))
        add(
          'root-user-access-key',
          'critical',
          e,
          'Root user has an active access key',
          `The root user of account ${report.accountId} has active access key ${k.slot}: whoever holds it acts as root, which no policy in the account can restrict.`,
          { slot: k.slot, lastUsedDate: k.lastUsedDate, lastUsedService: k.lastUsedService },
        );
      continue;
    }
    if (e.passwordEnabled === true && !e.mfaActive)
      add(
        'console-user-without-mfa',
        'high',
        e,
        'Console user without MFA',
        `IAM user ${e.user} can sign in to the console with a password and has no MFA device, so a stolen password is enough; MFA conditions in policies and trust policies cannot hold for this user.`,
      );
    for (const k of e.accessKeys.filter((x) => x.active)) {
      const used = reportTimeMs(k.lastUsedDate);
      const since = used ?? reportTimeMs(k.lastRotated) ?? reportTimeMs(e.userCreationTime);
      if (since === undefined) continue;
      const days = Math.floor((referenceMs - since) / DAY_MS);
      if (days < UNUSED_AFTER_DAYS) continue;
      add(
        'access-key-unused',
        'medium',
        e,
        used === undefined ? 'Active access key never used' : 'Active access key unused for 90 days or more',
        used === undefined
          ? `Access key ${k.slot} of IAM user ${e.user} is active, has existed for ${days} days and has never been used: remove it.`
          : `Access key ${k.slot} of IAM user ${e.user} is active and was last used ${days} days ago (${k.lastUsedService}): remove it or make it inactive.`,
        { slot: k.slot, lastUsedDate: k.lastUsedDate, lastRotated: k.lastRotated, days },
      );
    }
  }
  return out;
}
