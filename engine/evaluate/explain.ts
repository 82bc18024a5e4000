/** Evidence and the sentences a reviewer reads. */
import type { PolicyKind, RequestPrincipal, StatementRef, UnresolvedCondition } from '../types.ts';
import type { Hit } from './scan.ts';

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
export function describe(hit: Hit): string {
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
