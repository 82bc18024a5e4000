/**
 * What each trust-policy statement names, as written (the raw `TRUSTS` edges).
 * Whether anyone can really assume the role is the engine's job; this only
 * records who is named, by which form, under which effect and conditions.
 */
import { parsePolicy } from '../../engine/evaluate/index.ts';
import type { PolicyDocumentJson } from '../../engine/model.ts';

export type TrustTargetKind =
  | 'account'
  | 'user'
  | 'role'
  | 'assumed-role'
  | 'federated-user'
  | 'unique-id'
  | 'service'
  | 'federated'
  | 'anyone'
  | 'other';

export interface TrustTarget {
  key: string;
  kind: TrustTargetKind;
  accountId?: string;
  name?: string;
  providerType?: 'SAML' | 'OIDC' | 'web-identity';
  /** For a role session (assumed-role ARN): the session name; key and name are then the role's. */
  sessionName?: string;
}

export interface TrustEdge {
  statementIndex: number;
  sid?: string;
  effect: string;
  actions: string[];
  notActions: string[];
  conditions?: Record<string, unknown>;
  notPrincipal: boolean;
  /** The Principal element's key as written: AWS, Service, Federated, CanonicalUser, or * for a bare "*". */
  principalType: string;
  principalValue: string;
  target: TrustTarget;
}

const asList = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):([a-z-]+)\/?(.*)$/;
const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{8,}$/;

export function classifyAwsPrincipal(value: string): TrustTarget {
  if (value === '*') return { key: '*', kind: 'anyone' };
  if (ACCOUNT_ID.test(value)) return { key: value, kind: 'account', accountId: value };
  const m = IAM_ARN.exec(value);
  if (m) {
    const [, partition, , accountId, type, rest] = m;
    if (type === 'root') return { key: accountId!, kind: 'account', accountId };
    const name = rest!.slice(rest!.lastIndexOf('/') + 1);
    if (type === 'user') return { key: value, kind: 'user', accountId, name };
    if (type === 'role') return { key: value, kind: 'role', accountId, name };
    if (type === 'assumed-role') {
      // A role session is matched as its role (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#sts-session-principals);
      // the session ARN carries no role path, so graph-rows finds the role by account and name.
      const slash = rest!.indexOf('/');
      if (slash > 0) {
        const roleName = rest!.slice(0, slash);
        return {
          key: `arn:${partition}:iam::${accountId}:role/${roleName}`,
          kind: 'assumed-role',
          accountId,
          name: roleName,
          sessionName: rest!.slice(slash + 1),
        };
      }
      return { key: value, kind: 'assumed-role', accountId, name: rest };
    }
    if (type === 'federated-user') return { key: value, kind: 'federated-user', accountId, name };
    return { key: value, kind: 'other', accountId, name: rest };
  }
  // A deleted principal shows up as its unique id (AIDA..., AROA...).
  if (UNIQUE_ID.test(value)) return { key: value, kind: 'unique-id', name: value };
  return { key: value, kind: 'other', name: value };
}

function classifyFederated(value: string): TrustTarget {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):(saml-provider|oidc-provider)\/(.+)$/.exec(value);
  if (m) {
    return {
      key: value,
      kind: 'federated',
      accountId: m[1],
      name: m[3],
      providerType: m[2] === 'saml-provider' ? 'SAML' : 'OIDC',
    };
  }
  // Public web identity providers (accounts.google.com, cognito-identity.amazonaws.com, ...).
  return { key: value, kind: 'federated', name: value, providerType: 'web-identity' };
}

/**
 * Statements come from the engine's parser (the same parse, cached, that trust
 * analysis uses), so both read a trust policy's statements the same way.
 */
export function trustTargets(doc: PolicyDocumentJson, policyId = ''): TrustEdge[] {
  const out: TrustEdge[] = [];
  for (const { index: statementIndex, raw: st } of parsePolicy(doc, policyId).statements) {
    const notPrincipal = st.NotPrincipal !== undefined;
    const principal = notPrincipal ? st.NotPrincipal : st.Principal;
    const base = {
      statementIndex,
      sid: typeof st.Sid === 'string' ? st.Sid : undefined,
      effect: String(st.Effect ?? ''),
      actions: asList(st.Action),
      notActions: asList(st.NotAction),
      conditions:
        st.Condition && typeof st.Condition === 'object'
          ? (st.Condition as Record<string, unknown>)
          : undefined,
      notPrincipal,
    };
    if (principal === '*') {
      out.push({ ...base, principalType: '*', principalValue: '*', target: { key: '*', kind: 'anyone' } });
      continue;
    }
    if (!principal || typeof principal !== 'object') continue;
    for (const [type, values] of Object.entries(principal as Record<string, unknown>)) {
      for (const value of asList(values)) {
        let target: TrustTarget;
        if (type === 'AWS') target = classifyAwsPrincipal(value);
        else if (type === 'Service') target = { key: value, kind: 'service', name: value };
        else if (type === 'Federated') target = classifyFederated(value);
        else target = { key: `${type}:${value}`, kind: 'other', name: value };
        out.push({ ...base, principalType: type, principalValue: value, target });
      }
    }
  }
  return out;
}
