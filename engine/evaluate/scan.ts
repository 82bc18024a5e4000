/**
 * Does one statement apply to the request? Action first (cheapest, most
 * selective), then principal, resource, and conditions. The answer is a
 * `Hit` carrying whatever could not be decided from the snapshot.
 */
import {
  evaluateClause,
  evaluateConditions,
  TIME_KEYS,
  type ConditionClause,
  type ConditionResult,
} from '../conditions/index.ts';
import { UNKNOWN, type KeyLookup } from '../conditions/context.ts';
import { actionApplies } from '../policy/action.ts';
import type { ParsedPolicy, ParsedStatement } from '../policy/parse.ts';
import { matchPrincipal, notPrincipalExempts, type PrincipalMatch } from '../policy/principal.ts';
import { matchResourcePatterns, type ArnPattern } from '../policy/resource.ts';
import type { PolicyKind, RequestPrincipal } from '../types.ts';

/** A condition the snapshot cannot decide (a Condition clause, or a Resource pattern with a request-time variable). */
export interface Pending {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

export interface Hit {
  readonly policy: ParsedPolicy;
  readonly kind: PolicyKind;
  readonly statement: ParsedStatement;
  /** Empty when the statement applies whatever the request-time context. */
  readonly pending: readonly Pending[];
  /** How the Principal element matched (resource and trust policies only). */
  readonly principalMatch: PrincipalMatch | undefined;
}

export interface ScanContext {
  readonly principal: RequestPrincipal;
  readonly actionLower: string;
  readonly arnParts: readonly string[];
  readonly keys: KeyLookup;
  /** AWS: a NotPrincipal Deny always denies an IAM principal that has a permissions boundary. */
  readonly notPrincipalIgnoresExemptions: boolean;
  /** When the request has a `notBefore`: the time conditions it decided, for the reasons. */
  readonly timeNotes?: TimeNote[];
}

/** A condition on a time key that the request's `notBefore` decided. */
export interface TimeNote {
  readonly policy: ParsedPolicy;
  readonly kind: PolicyKind;
  readonly statement: ParsedStatement;
  readonly clause: ConditionClause;
  /** False: no request from `notBefore` on meets it, so the statement cannot apply. */
  readonly holds: boolean;
}

export interface Scan {
  readonly allows: Hit[];
  readonly denies: Hit[];
}

const NOTHING: readonly Pending[] = Object.freeze([]);

/** The Resource patterns whose match waits on request-time variables, as one pending condition. */
function pendingResource(patterns: readonly ArnPattern[], negated: boolean, keys: KeyLookup): Pending {
  const variables = new Set<string>();
  for (const pattern of patterns) {
    for (const variable of pattern.variables)
      if (keys.get(variable.keyLower) === UNKNOWN) variables.add(variable.key);
  }
  return {
    key: [...variables].join(', '),
    operator: negated ? 'NotResource' : 'Resource',
    values: patterns.map((pattern) => pattern.source),
  };
}

/** Stands for "a NotPrincipal Deny covers the caller": no Principal entry matched, so there is nothing to cite. */
const NOT_PRINCIPAL_APPLIES: PrincipalMatch = Object.freeze({ kind: 'none' });

/** How the statement's principal element covers the caller, or undefined when it does not. */
function principalApplies(st: ParsedStatement, ctx: ScanContext): PrincipalMatch | undefined {
  const matcher = st.principal;
  // A resource-based statement without a principal applies to no one.
  if (!matcher) return undefined;
  if (!matcher.negated) {
    const match = matchPrincipal(matcher, ctx.principal);
    return match.kind === 'none' ? undefined : match;
  }
  // NotPrincipal with Allow is unsupported by AWS: it grants nothing.
  if (st.effect === 'Allow') return undefined;
  if (!ctx.notPrincipalIgnoresExemptions && notPrincipalExempts(matcher, ctx.principal)) return undefined;
  return NOT_PRINCIPAL_APPLIES;
}

export function statementApplies(
  policy: ParsedPolicy,
  kind: PolicyKind,
  st: ParsedStatement,
  ctx: ScanContext,
): Hit | undefined {
  if (!st.action || !actionApplies(st.action, ctx.actionLower)) return undefined;

  let principalMatch: PrincipalMatch | undefined;
  if (kind === 'resource' || kind === 'trust') {
    principalMatch = principalApplies(st, ctx);
    if (!principalMatch) return undefined;
  }

  let pending: Pending[] | undefined;
  if (st.resource) {
    const matched = matchResourcePatterns(st.resource, ctx.arnParts, ctx.keys);
    if (typeof matched === 'boolean') {
      if (matched === st.resource.negated) return undefined;
    } else {
      pending = [pendingResource(matched, st.resource.negated, ctx.keys)];
    }
  }

  if (st.conditions.length > 0) {
    const result = evaluateConditions(st.conditions, ctx.keys);
    if (ctx.timeNotes) noteTime(policy, kind, st, ctx, result, ctx.timeNotes);
    if (result.state === 'false') return undefined;
    if (result.state === 'unknown')
      pending = pending ? [...pending, ...result.unresolved] : [...result.unresolved];
  }
  return { policy, kind, statement: st, pending: pending ?? NOTHING, principalMatch };
}

/** Records the time clauses the bound decided: the failing one if the statement fails, else those that hold. */
function noteTime(
  policy: ParsedPolicy,
  kind: PolicyKind,
  statement: ParsedStatement,
  ctx: ScanContext,
  result: ConditionResult,
  notes: TimeNote[],
): void {
  const held: TimeNote[] = [];
  for (const clause of statement.conditions) {
    if (!TIME_KEYS.has(clause.keyLower) || ctx.keys.get(clause.keyLower) !== UNKNOWN) continue;
    const decided = evaluateClause(clause, ctx.keys);
    if (decided === UNKNOWN) continue;
    if (!decided) {
      notes.push({ policy, kind, statement, clause, holds: false });
      return;
    }
    held.push({ policy, kind, statement, clause, holds: true });
  }
  if (result.state !== 'false') notes.push(...held);
}

export function scanPolicies(
  policies: readonly ParsedPolicy[],
  kind: PolicyKind,
  ctx: ScanContext,
  into: Scan,
): Scan {
  for (const policy of policies) {
    for (const st of policy.statements) {
      const hit = statementApplies(policy, kind, st, ctx);
      if (hit) (st.effect === 'Allow' ? into.allows : into.denies).push(hit);
    }
  }
  return into;
}

/** The Allow to cite: an unconditional one if any, else the one needing the fewest request-time conditions. */
export function bestAllow(allows: readonly Hit[]): Hit | undefined {
  let best: Hit | undefined;
  for (const hit of allows) {
    if (hit.pending.length === 0) return hit;
    if (!best || hit.pending.length < best.pending.length) best = hit;
  }
  return best;
}
