/**
 * AWS's published policy evaluation logic for one request (rule numbers
 * R1–R18 in comments refer to the team's IAM evaluation-rules reference):
 *   1. an applicable Deny in any policy decides;
 *   2. every RCP level (resource side) and every SCP level (principal side)
 *      must allow;
 *   3. then a path that allows: in the same account the identity side OR a
 *      resource-based grant (which implicit denies that grant survives depends
 *      on how it names the principal); across accounts both sides; for role
 *      trust policies the trust policy always, plus the identity side when it
 *      only names the account.
 * Statements whose conditions need request-time values count as applying
 * conditionally; the result says which conditions must (or must not) hold.
 */
import { RequestKeys, resourceAccount } from '../conditions/context.ts';
import { arnAccount, splitArn } from '../policy/arn.ts';
import { parsePolicy, type ParsedPolicy } from '../policy/parse.ts';
import type {
  EvaluationInput,
  EvaluationResult,
  PolicyInput,
  PolicyKind,
  RequestPrincipal,
  UnresolvedCondition,
} from '../types.ts';
import { conditionsOf, describe, explainNoPath, keyList, statementRef, timeReason, why } from './explain.ts';
import { IAM_TYPES, IDENTITY_TYPES, resourceCandidate, type Candidate, type PathFacts } from './paths.ts';
import { bestAllow, scanPolicies, type Hit, type Scan, type ScanContext } from './scan.ts';

function parseAll(inputs: readonly PolicyInput[] | undefined): ParsedPolicy[] {
  if (!inputs || inputs.length === 0) return [];
  return inputs.map((p) => parsePolicy(p.document, p.id));
}

function pendingCount(hits: readonly Hit[]): number {
  let n = 0;
  for (const hit of hits) n += hit.pending.length;
  return n;
}

function principalAccountOf(principal: RequestPrincipal): string | undefined {
  return principal.accountId ?? (IAM_TYPES.has(principal.type) ? arnAccount(principal.arn) : undefined);
}

function levelIds(level: readonly PolicyInput[] | undefined): string {
  return level && level.length > 0 ? level.map((p) => p.id).join(', ') : 'no policy attached';
}

export function evaluate(input: EvaluationInput): EvaluationResult {
  const { request } = input;
  const { principal } = request;
  const action = request.action;
  const target = request.resource.arn;
  const reasons: string[] = [];
  const denies: Hit[] = [];

  const hasIdentity = IDENTITY_TYPES.has(principal.type);
  const boundaryPolicy = hasIdentity && input.permissionsBoundary ? input.permissionsBoundary : undefined;
  const ctx: Mutable<ScanContext> = {
    principal,
    actionLower: action.toLowerCase(),
    arnParts: splitArn(target),
    keys: new RequestKeys(request),
    notPrincipalIgnoresExemptions: boundaryPolicy !== undefined,
  };
  if (request.notBefore !== undefined) ctx.timeNotes = [];
  const identity = hasIdentity ? scan(input.identityPolicies, 'identity', ctx, denies) : undefined;
  const boundary = boundaryPolicy ? scan([boundaryPolicy], 'permissionsBoundary', ctx, denies) : undefined;
  const session =
    hasIdentity && input.sessionPolicies?.length
      ? scan(input.sessionPolicies, 'session', ctx, denies)
      : undefined;
  const resourceKind = input.resourcePolicyKind ?? 'resource';
  const resource = input.resourcePolicy ? scan([input.resourcePolicy], resourceKind, ctx, denies) : undefined;

  const scpLevels = input.scps ?? [];
  const scps =
    scpLevels.length > 0 && scpsApplyTo(principal, reasons) ? scanLevels(scpLevels, 'scp', ctx, denies) : [];
  const rcpLevels = input.rcps ?? [];
  const rcps =
    rcpLevels.length > 0 && rcpsApplyTo(input, reasons) ? scanLevels(rcpLevels, 'rcp', ctx, denies) : [];

  if (ctx.timeNotes && request.notBefore !== undefined) {
    for (const line of new Set(ctx.timeNotes.map((note) => timeReason(note, request.notBefore ?? ''))))
      reasons.push(line);
  }

  // 1. Explicit deny.
  const deny = firstUnconditional(denies);
  if (deny) {
    return {
      decision: 'explicitDeny',
      conditions: [],
      evidence: [statementRef(deny)],
      reasons: [`Explicit deny: ${describe(deny)} denies ${action} on ${target}.`, ...reasons],
    };
  }

  // The root user may not call AssumeRole, whatever the trust policy says.
  if (principal.type === 'Root' && ctx.actionLower.startsWith('sts:assumerole')) {
    return implicitDeny(['The account root user cannot assume roles.', ...reasons]);
  }

  // 2. Organization policies: every level must allow.
  const orgGrants: Hit[] = [];
  const failures: string[] = [];
  orgGate(rcps, rcpLevels, 'RCP', action, orgGrants, failures);
  orgGate(scps, scpLevels, 'SCP', action, orgGrants, failures);

  // 3. Resource-based and identity-based paths.
  const principalAccount = principalAccountOf(principal);
  const targetAccount = resourceAccount(request.resource);
  if (targetAccount === undefined && target.startsWith('arn:') && IAM_TYPES.has(principal.type)) {
    reasons.push(`The account owning ${target} is unknown; evaluated as the caller's own account.`);
  }
  const sameAccount =
    principalAccount !== undefined && (targetAccount === undefined || targetAccount === principalAccount);

  const identityBest = identity ? bestAllow(identity.allows) : undefined;
  const boundaryBest = boundary ? bestAllow(boundary.allows) : undefined;
  const sessionBest = session ? bestAllow(session.allows) : undefined;
  const boundaryOk = !boundary || boundaryBest !== undefined;
  const sessionOk = !session || sessionBest !== undefined;
  const limits: Hit[] = [];
  if (boundaryBest) limits.push(boundaryBest);
  if (sessionBest) limits.push(sessionBest);
  const identityPath: Hit[] | undefined =
    principal.type === 'Root'
      ? []
      : identityBest && boundaryOk && sessionOk
        ? [identityBest, ...limits]
        : undefined;

  const facts: PathFacts = {
    principal,
    sameAccount,
    trust: resourceKind === 'trust',
    identityPath,
    boundaryBest,
    boundaryOk,
    sessionOk,
    limits,
  };
  let chosen: Candidate | undefined;
  if (resourceKind === 'resource' && sameAccount && identityPath)
    chosen = { rule: 'identity', hits: identityPath };
  for (const hit of resource?.allows ?? []) {
    if (chosen && pendingCount(chosen.hits) === 0) break;
    const candidate = resourceCandidate(hit, facts);
    if (candidate && (!chosen || pendingCount(candidate.hits) < pendingCount(chosen.hits)))
      chosen = candidate;
  }

  if (!chosen) {
    failures.push(
      ...explainNoPath({
        input,
        principal,
        sameAccount,
        resourceAllows: resource?.allows ?? [],
        identityBest,
        boundaryOk,
        sessionOk,
      }),
    );
  }
  if (failures.length > 0 || !chosen) return implicitDeny([...failures, ...reasons]);

  // Allowed, possibly on conditions.
  const grants = [...chosen.hits, ...orgGrants];
  const conditions: UnresolvedCondition[] = [];
  for (const hit of grants) conditions.push(...conditionsOf(hit, true));
  for (const hit of denies) conditions.push(...conditionsOf(hit, false));

  const out = [capitalize(why(chosen, facts))];
  if (scps.length > 0) out.push(`SCPs allow ${action} at all ${scps.length} level(s).`);
  if (rcps.length > 0) out.push(`RCPs allow ${action} at all ${rcps.length} level(s).`);
  const conditional = grants.filter(isConditional);
  if (conditional.length > 0) {
    out.push(`Allowed only if these request-time conditions hold: ${keyList(conditional)}.`);
  }
  for (const hit of denies) {
    out.push(
      `Allowed only if the conditions of the Deny in ${describe(hit)} do not hold (${keyList([hit])}).`,
    );
  }
  return {
    decision: 'allowed',
    conditions,
    evidence: grants.map(statementRef),
    reasons: [...out, ...reasons],
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function isConditional(hit: Hit): boolean {
  return hit.pending.length > 0;
}

function firstUnconditional(hits: readonly Hit[]): Hit | undefined {
  for (const hit of hits) if (hit.pending.length === 0) return hit;
  return undefined;
}

function scan(
  inputs: readonly PolicyInput[] | undefined,
  kind: PolicyKind,
  ctx: ScanContext,
  denies: Hit[],
): Scan {
  return scanPolicies(parseAll(inputs), kind, ctx, { allows: [], denies });
}

function scanLevels(
  levels: readonly PolicyInput[][],
  kind: PolicyKind,
  ctx: ScanContext,
  denies: Hit[],
): Scan[] {
  const out: Scan[] = [];
  for (const level of levels) out.push(scan(level, kind, ctx, denies));
  return out;
}

/** Organization policies grant nothing but must allow at every level from the root down. */
function orgGate(
  levels: readonly Scan[],
  inputs: readonly PolicyInput[][],
  label: string,
  action: string,
  grants: Hit[],
  failures: string[],
): void {
  for (let i = 0; i < levels.length; i++) {
    const best = bestAllow((levels[i] as Scan).allows);
    if (best) grants.push(best);
    else
      failures.push(
        `No ${label} at level ${i + 1} of ${levels.length} (${levelIds(inputs[i])}) allows ${action}.`,
      );
  }
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function implicitDeny(reasons: string[]): EvaluationResult {
  return { decision: 'implicitDeny', conditions: [], evidence: [], reasons };
}

/** SCPs limit IAM principals of member accounts, except in the management account and service-linked roles. */
function scpsApplyTo(principal: RequestPrincipal, reasons: string[]): boolean {
  if (!IAM_TYPES.has(principal.type)) {
    reasons.push(`SCPs do not apply: the caller is not an IAM principal (${principal.type}).`);
    return false;
  }
  if (principal.inManagementAccount) {
    reasons.push('SCPs do not apply: the caller is in the management account.');
    return false;
  }
  if (principal.serviceLinkedRole) {
    reasons.push('SCPs do not apply: the caller is a service-linked role.');
    return false;
  }
  return true;
}

/** RCPs limit access to resources of member accounts, except requests made by AWS service principals. */
function rcpsApplyTo(input: EvaluationInput, reasons: string[]): boolean {
  if (input.request.resource.inManagementAccount) {
    reasons.push('RCPs do not apply: the resource is in the management account.');
    return false;
  }
  if (input.request.principal.type === 'Service') {
    reasons.push('RCPs do not apply: the caller is an AWS service principal.');
    return false;
  }
  return true;
}
