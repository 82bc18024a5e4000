/**
 * Who already is an administrator. "Full access": every probe in probes.ts
 * (IAM writes, PassRole, AssumeRole, compute, data, keys, secrets) is allowed
 * on its own account's resources after SCPs, boundary and denies; request-time
 * conditions (a region SCP, MFA) are kept with the verdict. "Self-grant" comes
 * later, from the escalation edges: a principal that can make itself an
 * administrator in one call (analyseEscalation fills those in).
 */
import type { PrincipalContext } from '../trust/context.ts';
import type { StatementRef, UnresolvedCondition } from '../types.ts';
import { mergeConditions, mergeEvidence, type EscalationContext } from './context.ts';
import { ADMIN_PROBES, probeResource } from './probes.ts';
import type { AdminInfo, EscalationEdge } from './types.ts';

function notAdmin(p: PrincipalContext, reason: string): AdminInfo {
  return { principal: p.key, accountId: p.accountId, admin: false, reason, evidence: [], conditions: [] };
}

export function fullAccessCheck(ctx: EscalationContext, p: PrincipalContext): AdminInfo {
  if (p.role?.serviceLinked) return notAdmin(p, 'service-linked role: only its AWS service can use it');
  for (const probe of ADMIN_PROBES) {
    if (!ctx.mayAllow(p, probe.action)) return notAdmin(p, `no identity policy allows ${probe.action}`);
  }
  let conditions: UnresolvedCondition[] = [];
  let evidence: StatementRef[] = [];
  for (const probe of ADMIN_PROBES) {
    const arn = probeResource(probe, p.accountId);
    const result = ctx.evaluateFor(p, probe.action, { arn });
    if (result.decision !== 'allowed') {
      return notAdmin(p, `${probe.action} on ${arn} is ${result.decision}: ${result.reasons.join(' ')}`);
    }
    conditions = mergeConditions(conditions, result.conditions);
    // The first probe's statements are the evidence; the others usually repeat them.
    if (evidence.length === 0) evidence = mergeEvidence(result.evidence);
  }
  const policies = [...new Set(evidence.filter((e) => e.policyKind === 'identity').map((e) => e.policyId))];
  const when =
    conditions.length > 0
      ? ` when ${[...new Set(conditions.map((c) => c.key))].join(', ')} hold as required`
      : '';
  return {
    principal: p.key,
    accountId: p.accountId,
    admin: true,
    kind: 'full-access',
    reason: `allowed every probed sensitive action (${ADMIN_PROBES.map((x) => x.action).join(', ')}) in account ${p.accountId} through ${policies.join(', ') || 'its policies'}${when}`,
    evidence,
    conditions,
  };
}

/** The self-grant verdict from the best edge by which a principal makes itself an administrator. */
export function selfGrantAdmin(p: PrincipalContext, edge: EscalationEdge, title: string): AdminInfo {
  const target = edge.modifies ? ` on ${edge.modifies}` : '';
  return {
    principal: p.key,
    accountId: p.accountId,
    admin: true,
    kind: 'self-grant',
    reason: `can grant itself full access: ${title} (${edge.actions.join(', ')}${target})`,
    evidence: edge.evidence,
    conditions: edge.conditions,
    method: edge.method,
  };
}
