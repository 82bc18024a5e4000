/** Evidence and the sentences a reviewer reads. */
import type {
  EvaluationInput,
  PolicyKind,
  RequestPrincipal,
  StatementRef,
  UnresolvedCondition,
} from '../types.ts';
import { IAM_TYPES, IDENTITY_TYPES, type Candidate, type PathFacts } from './paths.ts';
import type { Hit, TimeNote } from './scan.ts';

export const KIND_LABEL: Record<PolicyKind, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  trust: 'trust policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
  scp: 'SCP',
  rcp: 'RCP',
};

export function statementRef(hit: Hit): StatementRef {
  const ref: StatementRef = {
    policyId: hit.policy.id,
    policyKind: hit.kind,
    statementIndex: hit.statement.index,
    effect: hit.statement.effect,
    statement: hit.statement.raw as Record<string, unknown>,
  };
  if (hit.statement.sid) ref.sid = hit.statement.sid;
  return ref;
}

/** e.g. `trust policy arn:aws:iam::1:role/R, statement 0 ("TrustDev")`. */
export function describe(hit: Pick<Hit, 'kind' | 'policy' | 'statement'>): string {
  const sid = hit.statement.sid ? ` ("${hit.statement.sid}")` : '';
  return `${KIND_LABEL[hit.kind]} ${hit.policy.id || '(unnamed)'}, statement ${hit.statement.index}${sid}`;
}

export function describePrincipal(principal: RequestPrincipal): string {
  return principal.sessionName !== undefined
    ? `${principal.arn} (session ${principal.sessionName})`
    : principal.arn;
}

export function conditionsOf(hit: Hit, mustHold: boolean): UnresolvedCondition[] {
  if (hit.pending.length === 0) return [];
  const source = statementRef(hit);
  return hit.pending.map((p) => ({
    key: p.key,
    operator: p.operator,
    values: [...p.values],
    mustHold,
    source,
  }));
}

export function keyList(hits: readonly Hit[]): string {
  const keys = new Set<string>();
  for (const hit of hits) for (const p of hit.pending) keys.add(p.key);
  return [...keys].join(', ');
}

export function identityWhy(path: readonly Hit[], principal: RequestPrincipal): string {
  if (path.length === 0) return 'The account root user has full access in its own account.';
  const [first, ...rest] = path;
  const limits = rest.map((hit) => `${KIND_LABEL[hit.kind]} ${hit.policy.id} allows it too`);
  return (
    [`${describe(first as Hit)} allows ${describePrincipal(principal)} this action`, ...limits].join('; ') +
    '.'
  );
}

/** The sentence that explains how the chosen candidate grants. */
export function why(candidate: Candidate, f: PathFacts): string {
  const first = candidate.hits[0];
  if (candidate.rule === 'identity' || !first) return identityWhy(candidate.hits, f.principal);
  const where = describe(first);
  const identity = (): string => identityWhy(f.identityPath ?? [], f.principal);
  switch (candidate.rule) {
    case 'non-iam': {
      const type = f.principal.type;
      const who =
        type === 'Service' ? 'service' : type === 'Anonymous' ? 'anonymous caller' : 'identity provider';
      return `${where} grants the ${who} directly.`;
    }
    case 'root':
      return `${where} allows the account root user, which needs no identity-based Allow.`;
    case 'cross-account':
      return `Cross-account: ${where} allows the caller, and so does its own account: ${identity()}`;
    case 'anyone':
      return `${where} allows any principal ("*"); same-account callers need no identity-based Allow.`;
    case 'account':
      return `${where} trusts the account (${first.principalMatch?.entry ?? ''}), so the identity side must allow too: ${identity()}`;
    case 'user':
      return `${where} names the user directly: no identity-based Allow needed in the same account.`;
    case 'user-in-trust':
      return `${where} names the user directly: no identity-based Allow needed, but its permissions boundary (if any) must allow, and does.`;
    case 'role':
      return `${where} names the role directly: no identity-based Allow needed, but its permissions boundary and session policy still limit it, and allow.`;
    case 'session':
      return `${where} names the session directly: no identity-based Allow needed in the same account.`;
  }
}

export interface NoPathFacts {
  input: EvaluationInput;
  principal: RequestPrincipal;
  sameAccount: boolean;
  resourceAllows: readonly Hit[];
  identityBest: Hit | undefined;
  boundaryOk: boolean;
  sessionOk: boolean;
}

export function explainNoPath(f: NoPathFacts): string[] {
  const { input } = f;
  const action = input.request.action;
  const target = input.request.resource.arn;
  const who = describePrincipal(f.principal);
  const trust = input.resourcePolicyKind === 'trust';
  const out: string[] = [];
  const identitySide = (needIdentity: boolean): void => {
    if (!IDENTITY_TYPES.has(f.principal.type)) return;
    if (needIdentity && !f.identityBest) out.push(`No identity-based policy allows ${action} on ${target}.`);
    if (!f.boundaryOk)
      out.push(`The permissions boundary ${input.permissionsBoundary?.id ?? ''} does not allow ${action}.`);
    if (!f.sessionOk) out.push(`No session policy allows ${action}.`);
  };

  if (!IAM_TYPES.has(f.principal.type)) {
    out.push(
      input.resourcePolicy
        ? `The ${KIND_LABEL[trust ? 'trust' : 'resource']} of ${target} does not allow ${who} to ${action}.`
        : `No resource-based policy of ${target} is known, and a ${f.principal.type} caller needs one that allows it.`,
    );
    return out;
  }
  if (trust) {
    if (!input.resourcePolicy)
      out.push(`No trust policy of ${target} is known, and assuming a role needs one that allows it.`);
    else if (f.resourceAllows.length === 0)
      out.push(`The trust policy of ${target} does not allow ${who} to ${action}.`);
    else {
      // A trust naming the principal itself needs no identity Allow in the same account; naming the account does.
      const needIdentity =
        !f.sameAccount || f.resourceAllows.some((hit) => hit.principalMatch?.kind === 'account');
      if (needIdentity) {
        out.push(
          `The trust policy of ${target} allows ${who}${f.sameAccount ? ' through its account' : ''}, so an identity-based Allow is needed as well.`,
        );
      }
      identitySide(needIdentity);
    }
    return out;
  }
  if (!f.sameAccount) {
    if (f.resourceAllows.length === 0) {
      out.push(
        input.resourcePolicy
          ? `Cross-account request: the resource-based policy of ${target} does not allow ${who}.`
          : `Cross-account request: no resource-based policy of ${target} is known, and one must allow ${who}.`,
      );
    }
    identitySide(true);
    return out;
  }
  identitySide(true);
  if (input.resourcePolicy && f.resourceAllows.length === 0)
    out.push(`The resource-based policy of ${target} does not grant ${who} either.`);
  return out;
}

/** Why a condition on aws:CurrentTime, aws:EpochTime or aws:TokenIssueTime was decided without a value. */
export function timeReason(note: TimeNote, notBefore: string): string {
  const where = describe(note);
  const test = `${note.clause.operator} ${note.clause.key} ${note.clause.values.join(' | ')}`;
  const place = where.charAt(0).toUpperCase() + where.slice(1);
  return note.holds
    ? `${place}: "${test}" holds for every request made on or after ${notBefore}.`
    : `${place} cannot apply: "${test}" fails for every request made on or after ${notBefore}.`;
}
