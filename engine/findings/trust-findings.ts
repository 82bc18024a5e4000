/**
 * Risky trust policies, read from what the trust text allows (a grant that an
 * RCP or a Deny blocks in practice is still reported: the text is one
 * change away from working).
 *
 * Decisions worth knowing:
 * - "External" follows the architecture: an account not in organization.json
 *   and not the management account. Without organization.json, every account
 *   whose IAM data is not in the snapshot is external.
 * - trust-to-account-root covers accounts of the organization only (external
 *   account roots get the external-trust-* kinds): medium across accounts,
 *   low within one. A root trust narrowed by aws:PrincipalArn / aws:userid is
 *   not reported: it already names specific principals.
 * - unused-cross-account-role compares against the newest date found in the
 *   snapshot itself (creation, last-use and update dates), never the clock,
 *   so the same snapshot always gives the same findings. A role never used
 *   counts from its creation date.
 */
import type { SnapshotModel } from '../model.ts';
import { snapshotReferenceDate } from '../reference-date.ts';
import type { StatementRef } from '../types.ts';
import { buildSnapshotContext, type SnapshotContext } from '../trust/context.ts';
import { indexRoleTrust, type RoleTrust, type TrustStatementInfo } from '../trust/index-trust.ts';
import { parsePolicy } from '../policy/parse.ts';
import { clauseTimeRulesOut } from './expired-statements.ts';
import { findingId, type Finding, type Severity } from './finding.ts';

export { snapshotReferenceDate };

export const TRUST_FINDING_KINDS = [
  'trust-open-to-anyone',
  'external-trust-without-external-id',
  'external-trust-with-external-id',
  'trust-to-account-root',
  'federated-trust-without-subject-condition',
  'unused-cross-account-role',
  'not-principal-with-allow',
  'trust-statement-expired',
] as const;
export type TrustFindingKind = (typeof TRUST_FINDING_KINDS)[number];

export const UNUSED_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

/** Condition keys that narrow a "*" or account trust down to known principals. */
const NARROWING_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
]);
const SPECIFIC_PRINCIPAL_KEYS = new Set(['aws:principalarn', 'aws:userid']);

export interface TrustFindingOptions {
  context?: SnapshotContext;
  trusts?: RoleTrust[];
  /** Overrides the snapshot's own reference date (ISO 8601). */
  referenceDate?: string;
}

function positiveKeys(st: TrustStatementInfo): Map<string, string> {
  // key (lower case) → operator, for operators that require a value (not negated, not Null).
  const out = new Map<string, string>();
  const condition = st.raw.Condition;
  if (!condition || typeof condition !== 'object') return out;
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (!block || typeof block !== 'object') continue;
    const bare = operator.replace(/^For(Any|All)Value:/, '');
    if (/Not/.test(bare) || bare === 'Null') continue;
    for (const key of Object.keys(block as Record<string, unknown>)) out.set(key.toLowerCase(), operator);
  }
  return out;
}

function hasKey(st: TrustStatementInfo, predicate: (keyLower: string) => boolean): boolean {
  return st.conditionKeys.some((k) => predicate(k.toLowerCase()));
}

function ref(trust: RoleTrust, st: TrustStatementInfo): StatementRef {
  const r: StatementRef = {
    policyId: trust.role.arn,
    policyKind: 'trust',
    statementIndex: st.index,
    effect: st.effect,
    statement: st.raw as Record<string, unknown>,
  };
  if (st.sid !== undefined) r.sid = st.sid;
  return r;
}

function where(trust: RoleTrust, st: TrustStatementInfo): string {
  return `statement ${st.index}${st.sid ? ` ("${st.sid}")` : ''} of the trust policy of ${trust.role.arn}`;
}

function accountOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}

export function trustFindings(model: SnapshotModel, options: TrustFindingOptions = {}): Finding[] {
  const ctx = options.context ?? buildSnapshotContext(model);
  const trusts = options.trusts ?? model.roles.map(indexRoleTrust);
  const referenceDate = options.referenceDate ?? snapshotReferenceDate(model);
  const reference = referenceDate ? Date.parse(referenceDate) : undefined;
  const out = new Map<string, Finding>();

  const report = (
    kind: TrustFindingKind,
    severity: Severity,
    subjects: string[],
    title: string,
    why: string,
    evidence: Record<string, unknown>,
  ): void => {
    const id = findingId(kind, subjects);
    const existing = out.get(id);
    if (existing) {
      // The same subjects named again by another statement: one finding, every statement as evidence.
      const statements = existing.evidence.statements as StatementRef[];
      statements.push(...(evidence.statements as StatementRef[]));
      if (SEVERITY_RANK[severity] < SEVERITY_RANK[existing.severity]) {
        existing.severity = severity;
        existing.why = why;
      }
      return;
    }
    out.set(id, { id, kind, severity, title, why, subjects, evidence });
  };

  for (const trust of trusts) {
    const role = trust.role;
    const roleArn = role.arn;
    const roleAccount = role.accountId;
    let crossAccount = false;
    const parsed = reference !== undefined ? parsePolicy(trust.document, roleArn).statements : [];
    for (const st of trust.statements) {
      if (st.effect !== 'Allow') continue;
      const statements = [ref(trust, st)];

      // A statement no request since the reference date can meet grants nothing: say so, and nothing else.
      const parsedStatement = parsed.find((p) => p.index === st.index);
      const expired =
        reference !== undefined && parsedStatement
          ? clauseTimeRulesOut(parsedStatement, reference)
          : undefined;
      if (expired) {
        report(
          'trust-statement-expired',
          'info',
          [roleArn],
          'Trust statement ruled out by time',
          `${capitalize(where(trust, st))} requires ${expired.operator} ${expired.key} ${expired.values.join(' | ')}, which no request made on or after the snapshot's reference date ${referenceDate ?? ''} can meet, so it lets nobody assume the role (no CAN_ASSUME edge comes from it). Remove the statement, or fix its date if access was meant to continue.`,
          {
            statements,
            condition: { operator: expired.operator, key: expired.key, values: expired.values },
            referenceDate,
          },
        );
        continue;
      }

      if (st.notPrincipal) {
        report(
          'not-principal-with-allow',
          'high',
          [roleArn],
          'NotPrincipal used with Allow',
          `${capitalize(where(trust, st))} combines "Effect": "Allow" with NotPrincipal. AWS does not support NotPrincipal with Allow (it is meant for Deny only); read literally it would grant everyone except the listed principals. Rewrite it with Principal and conditions.`,
          { statements },
        );
        continue;
      }
      if (st.actions.length === 0) continue;

      if (st.anyone) {
        crossAccount = true;
        const narrowing = [...positiveKeys(st).keys()].filter((k) => NARROWING_KEYS.has(k));
        const severity: Severity =
          st.conditionKeys.length === 0 ? 'critical' : narrowing.length > 0 ? 'medium' : 'high';
        const condText =
          st.conditionKeys.length === 0
            ? ' without any condition, so any AWS principal in any account can assume it (principals of other accounts only need their own permission to call sts:AssumeRole)'
            : narrowing.length > 0
              ? `, narrowed by conditions on ${narrowing.join(', ')}; check that they admit only the principals you mean`
              : ` with conditions (${st.conditionKeys.join(', ')}) that do not say who the caller is, so principals of any account can still assume it when they meet them`;
        report(
          'trust-open-to-anyone',
          severity,
          [roleArn, '*'],
          'Role trust open to anyone',
          `${capitalize(where(trust, st))} names the principal "*"${condText}.`,
          { statements, conditionKeys: st.conditionKeys },
        );
      }

      // Accounts and principals the statement names, by account.
      const named = new Map<string, string[]>();
      const note = (account: string, entry: string): void => {
        const list = named.get(account);
        if (list) list.push(entry);
        else named.set(account, [entry]);
      };
      for (const [account, entry] of st.accounts) note(account, entry);
      for (const arn of [...st.arns, ...st.sessions]) {
        const account = accountOfArn(arn);
        if (account) note(account, arn);
      }
      for (const [account, entries] of named) {
        if (account !== roleAccount) crossAccount = true;
        const accountCtx = ctx.account(account);
        if (!accountCtx.internal) {
          const withId = hasKey(st, (k) => k === 'sts:externalid');
          const kind = withId ? 'external-trust-with-external-id' : 'external-trust-without-external-id';
          report(
            kind,
            withId ? 'low' : 'high',
            [roleArn, account],
            withId
              ? 'Trust to an external account, with ExternalId'
              : 'Trust to an external account without ExternalId',
            withId
              ? `${capitalize(where(trust, st))} trusts ${entries.join(', ')}, an account outside the organization, and requires sts:ExternalId. This is the pattern AWS recommends for third parties; review that the vendor is still in use.`
              : `${capitalize(where(trust, st))} trusts ${entries.join(', ')}, an account outside the organization, without an sts:ExternalId condition. If that account is a third party serving many customers, anyone there who learns this role's ARN can have the vendor assume it on their behalf (the confused-deputy problem).`,
            { statements, trusted: entries, externalAccount: account },
          );
        }
      }
      for (const [account, entry] of st.accounts) {
        const accountCtx = ctx.account(account);
        if (!accountCtx.internal) continue;
        if (hasKey(st, (k) => SPECIFIC_PRINCIPAL_KEYS.has(k))) continue;
        const same = account === roleAccount;
        report(
          'trust-to-account-root',
          same ? 'low' : 'medium',
          [roleArn, account],
          'Role trusts a whole account',
          `${capitalize(where(trust, st))} trusts the account ${entry} rather than specific roles or users: every principal of account ${account} whose identity policies allow sts:AssumeRole on this role can assume it, now and after any later change to that account.${same ? ' Within one account this is common, but naming the intended roles is tighter.' : ' Name the intended role ARNs instead.'}`,
          { statements, trusted: [entry], sameAccount: same },
        );
      }

      for (const provider of st.federated) {
        const saml = provider.includes(':saml-provider/');
        if (saml) {
          if (hasKey(st, (k) => k === 'saml:aud')) continue;
          report(
            'federated-trust-without-subject-condition',
            'medium',
            [roleArn, provider],
            'SAML trust without SAML:aud',
            `${capitalize(where(trust, st))} trusts the SAML provider ${provider} without a SAML:aud condition, so assertions meant for another audience of that provider are accepted.`,
            { statements, provider, providerType: 'SAML' },
          );
        } else {
          if (hasKey(st, (k) => k.endsWith(':sub'))) continue;
          report(
            'federated-trust-without-subject-condition',
            'high',
            [roleArn, provider],
            'OIDC trust without a subject condition',
            `${capitalize(where(trust, st))} trusts the OIDC provider ${provider} without a condition on its :sub claim, so any identity that provider issues tokens to (for a shared issuer such as GitHub Actions: any repository) can assume the role.`,
            { statements, provider, providerType: 'OIDC' },
          );
        }
      }
    }

    if (crossAccount && !role.serviceLinked && reference !== undefined) {
      const last = role.lastUsed?.lastUsedDate;
      const since = last ?? role.createDate;
      const t = since ? Date.parse(since) : Number.NaN;
      if (Number.isFinite(t)) {
        const days = Math.floor((reference - t) / DAY_MS);
        if (days >= UNUSED_AFTER_DAYS) {
          report(
            'unused-cross-account-role',
            'low',
            [roleArn],
            'Cross-account role unused for 90 days or more',
            `${roleArn} can be assumed from other accounts but ${last ? `was last used ${last}` : `has never been used since its creation on ${since}`}, ${days} days before the snapshot's reference date ${referenceDate}. Unused cross-account access is standing risk: remove the role or its cross-account trust.`,
            {
              statements: [],
              lastUsedDate: last ?? null,
              createDate: role.createDate ?? null,
              days,
              referenceDate,
            },
          );
        }
      }
    }
  }
  return [...out.values()];
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
