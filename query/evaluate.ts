/**
 * Live evaluation at query time: `canAssume` (one principal, one role) and
 * `simulate` (one principal, any action and resource). The engine decides on a
 * model slice read back from the graph, with the request context and session
 * policy the caller gives; request-time keys not given come back as conditions,
 * unless the caller says the context is complete (then they are absent).
 * Requests are evaluated as made on or after the snapshot's reference date.
 */
import type { Driver } from 'neo4j-driver';
import { evaluate, parsePolicy } from '../engine/evaluate/index.ts';
import {
  buildSnapshotContext,
  CALLER_OWN_POLICIES,
  type AccountContext,
  type PrincipalContext,
  type SnapshotContext,
} from '../engine/trust/index.ts';
import type {
  ContextValue,
  Decision,
  EvaluationInput,
  PolicyInput,
  RequestPrincipal,
  RequestResource,
  StatementRef,
} from '../engine/types.ts';
import type { PolicyDocumentJson, SnapshotModel } from '../engine/model.ts';
import { parseArgs } from './args.ts';
import { NotInSnapshotError, QueryInputError } from './errors.ts';
import { toCondition, type ConditionOut } from './graph.ts';
import { loadModelSlice, snapshotReferenceDateOf } from './model-slice.ts';
import { nodeByKey, parsePrincipal, parseRoleArn, roleByName, type PrincipalSpec } from './principal.ts';
import { driverOf, type Source } from './cache.ts';
import { canAssumeArgs, simulateArgs, type CanAssumeArgs, type SimulateArgs } from './arg-schemas.ts';

/** Who the request was evaluated as. */
export interface EvaluatedPrincipal {
  /** As given. */
  input: string;
  /** The ARN a policy would name (a session's role ARN, the account root, the service name, the provider ARN). */
  arn: string;
  type: RequestPrincipal['type'];
  accountId?: string;
  sessionName?: string;
  /** True when the principal's own policies are not in the snapshot and were assumed to allow the call. */
  assumedIdentity: boolean;
  /**
   * For an account root ARN, which reading was used: 'root-user' when the
   * account is in the snapshot (the root user itself: no identity policy
   * needed in its own account, only SCPs limit it, it cannot assume roles),
   * 'any-principal' when it is not (any principal of that account, whose own
   * policies are assumed to allow the call).
   */
  rootReading?: RootReading;
}

export type RootReading = 'root-user' | 'any-principal';

export interface EvaluationOutcome {
  allowed: boolean;
  decision: Decision;
  /** Allowed only if these hold at request time (or, mustHold false, do not). */
  conditional: boolean;
  conditions: ConditionOut[];
  evidence: StatementRef[];
  reasons: string[];
  principal: EvaluatedPrincipal;
  action: string;
  resource: string;
  /** The context the evaluation used, as given. */
  context: Record<string, ContextValue>;
  /** True when the context was taken as the whole request (request-time keys not given are absent). */
  contextComplete: boolean;
  /** The snapshot's reference date: the request was evaluated as made on or after it. */
  referenceDate?: string;
}

export interface CanAssumeResult extends EvaluationOutcome {
  role: string;
}

export type SimulateResult = EvaluationOutcome;

/** Who makes the request, with every policy that governs them. */
export interface Caller {
  request: RequestPrincipal;
  identityPolicies: PolicyInput[];
  boundary?: PolicyInput;
  scps: PolicyInput[][];
  assumedIdentity: boolean;
  rootReading?: RootReading;
  notes: string[];
  /** Said of a caller whose own policies were assumed: one sentence for an allow, one for a deny. */
  assumption?: { allowed: string; denied: string };
}

function sessionPolicyInput(policy: CanAssumeArgs['sessionPolicy']): PolicyInput[] | undefined {
  if (policy === undefined) return undefined;
  let document: PolicyDocumentJson | string = policy as PolicyDocumentJson | string;
  if (typeof policy === 'string') {
    try {
      document = JSON.parse(policy) as PolicyDocumentJson;
    } catch (err) {
      throw new QueryInputError(`The session policy is not JSON: ${(err as Error).message}.`);
    }
  }
  const errors = parsePolicy(document, 'session-policy').problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new QueryInputError(
      `The session policy is not a valid policy: ${errors.map((p) => `${p.path || '(document)'}: ${p.message}`).join('; ')}.`,
    );
  return [{ id: 'session-policy', document }];
}

/** Which user or role ARNs the slice must hold for this principal (a session's role is looked up by name). */
async function principalArns(driver: Driver, snapshotId: string, spec: PrincipalSpec): Promise<string[]> {
  if (spec.type === 'user' || spec.type === 'role') return [spec.arn];
  if (spec.type === 'session') {
    const role = await roleByName(driver, snapshotId, spec.accountId, spec.roleName);
    return role ? [role.key] : [];
  }
  return [];
}

/** A user or role of the snapshot as the caller (a role's session when `sessionName` is given). */
export function callerOf(p: PrincipalContext, sessionName?: string): Caller {
  const caller: Caller = {
    request: sessionName === undefined ? p.principal : { ...p.principal, sessionName },
    identityPolicies: p.identityPolicies,
    scps: p.account.scps,
    assumedIdentity: false,
    notes: [],
  };
  if (p.boundary) caller.boundary = p.boundary;
  return caller;
}

function assumedCaller(request: RequestPrincipal, ctx: SnapshotContext, accountId: string): Caller {
  const account = ctx.account(accountId);
  return {
    request,
    identityPolicies: [CALLER_OWN_POLICIES],
    // An organization account's SCPs apply even when its IAM data is not in the snapshot.
    scps: account.internal ? account.scps : [],
    assumedIdentity: true,
    notes: [],
    assumption: assumedIdentityNotes(request.arn),
  };
}

/** What is said of a caller whose own identity policies are not in the snapshot, per decision. */
export function assumedIdentityNotes(arn: string): { allowed: string; denied: string } {
  return {
    allowed: `${arn}: its own identity policies are not in the snapshot, so they are assumed to allow the call (${CALLER_OWN_POLICIES.id}).`,
    denied: `${arn}: its own identity policies are not in the snapshot; even if they allow the call, what the snapshot knows denies it.`,
  };
}

/** An account whose `:root` ARN names its root user (the account is in the snapshot), not any of its principals. */
export function isRootUserAccount(account: AccountContext): boolean {
  return account.hasIamData || account.internal;
}

/** arn:aws:iam::ACCOUNT:root of an account in the snapshot: the root user itself. */
export function rootUserCaller(arn: string, account: AccountContext): Caller {
  const request: RequestPrincipal = { type: 'Root', arn, accountId: account.id };
  if (account.orgId) request.orgId = account.orgId;
  if (account.orgPaths) request.orgPaths = account.orgPaths;
  if (account.inManagementAccount) request.inManagementAccount = true;
  const limits = account.inManagementAccount
    ? 'it is the management account, where SCPs do not apply, so nothing restricts it there'
    : 'only SCPs and explicit denies limit it there';
  return {
    request,
    identityPolicies: [],
    scps: account.scps,
    assumedIdentity: false,
    rootReading: 'root-user',
    notes: [
      `${arn} is read as the root user of account ${account.id}, which is in the snapshot: it needs no identity-based policy in its own account (${limits}); other accounts must allow it in a resource-based policy; it cannot assume roles.`,
    ],
  };
}

async function callerFor(
  driver: Driver,
  snapshotId: string,
  spec: PrincipalSpec,
  ctx: SnapshotContext,
  loaded: string[],
): Promise<Caller> {
  switch (spec.type) {
    case 'user':
    case 'role':
    case 'session': {
      const p = loaded[0] ? ctx.principals.get(loaded[0]) : undefined;
      if (p) {
        if (spec.type !== 'session') return callerOf(p);
        const caller = callerOf(p, spec.sessionName);
        caller.notes.push(`Session ${spec.arn} is evaluated as its role ${p.key}.`);
        return caller;
      }
      const account = ctx.account(spec.accountId);
      if (account.hasIamData)
        throw new NotInSnapshotError(
          `${spec.arn} is not in snapshot ${snapshotId}, although account ${spec.accountId}'s IAM data is: check the ARN (path and name).`,
          spec.arn,
        );
      const name = spec.type === 'session' ? spec.roleName : spec.arn.slice(spec.arn.lastIndexOf('/') + 1);
      const request: RequestPrincipal = {
        type: spec.type === 'user' ? 'User' : 'Role',
        arn:
          spec.type === 'session'
            ? `arn:${spec.arn.split(':')[1]}:iam::${spec.accountId}:role/${spec.roleName}`
            : spec.arn,
        accountId: spec.accountId,
        name,
      };
      if (spec.type === 'session') request.sessionName = spec.sessionName;
      return assumedCaller(request, ctx, spec.accountId);
    }
    case 'root': {
      const account = ctx.account(spec.accountId);
      if (isRootUserAccount(account)) return rootUserCaller(spec.arn, account);
      // Any principal of the account: users may sign with long-term keys, roles with sessions.
      const request: RequestPrincipal = {
        type: 'Role',
        arn: spec.arn,
        accountId: spec.accountId,
        credentials: 'either',
      };
      const caller = assumedCaller(request, ctx, spec.accountId);
      caller.rootReading = 'any-principal';
      caller.notes = [
        `${spec.arn} is read as any principal of account ${spec.accountId}, which is not in the snapshot.`,
      ];
      return caller;
    }
    case 'service':
      return {
        request: { type: 'Service', arn: spec.name },
        identityPolicies: [],
        scps: [],
        assumedIdentity: false,
        notes: [],
      };
    case 'provider': {
      const node = await nodeByKey(driver, snapshotId, spec.arn);
      if (!node)
        throw new NotInSnapshotError(
          `Identity provider ${spec.arn} is not in snapshot ${snapshotId}: no provider list or trust policy names it.`,
          spec.arn,
        );
      return {
        request: { type: spec.provider === 'SAML' ? 'SAML' : 'WebIdentity', arn: spec.arn },
        identityPolicies: [],
        scps: [],
        assumedIdentity: false,
        notes: [],
      };
    }
    case 'anyone':
      throw new QueryInputError('"*" names no single caller; give a principal ARN.');
  }
}

/** The caller's own sentences for this decision: never "assumed to allow" next to a deny. */
export function callerNotes(caller: Pick<Caller, 'notes' | 'assumption'>, allowed: boolean): string[] {
  const notes = [...caller.notes];
  if (caller.assumption) notes.push(allowed ? caller.assumption.allowed : caller.assumption.denied);
  return notes;
}

/** Evaluates one request and reports it as simulate and canAssume do. */
export function outcome(input: EvaluationInput, caller: Caller, principalInput: string): EvaluationOutcome {
  const result = evaluate(input);
  const request = input.request;
  const allowed = result.decision === 'allowed';
  const principal: EvaluatedPrincipal = {
    input: principalInput,
    arn: caller.request.arn,
    type: caller.request.type,
    assumedIdentity: caller.assumedIdentity,
  };
  if (caller.request.accountId) principal.accountId = caller.request.accountId;
  if (caller.request.sessionName) principal.sessionName = caller.request.sessionName;
  if (caller.rootReading) principal.rootReading = caller.rootReading;
  const out: EvaluationOutcome = {
    allowed,
    decision: result.decision,
    conditional: allowed && result.conditions.length > 0,
    conditions: result.conditions.map(toCondition),
    evidence: result.evidence,
    reasons: [...result.reasons, ...callerNotes(caller, allowed)],
    principal,
    action: request.action,
    resource: request.resource.arn,
    context: request.context ?? {},
    contextComplete: request.contextComplete === true,
  };
  if (request.notBefore) out.referenceDate = request.notBefore;
  return out;
}

/** What every live evaluation takes besides the principal, action and resource. */
export interface RequestOptions {
  context: Record<string, ContextValue>;
  contextComplete: boolean;
  referenceDate: string | undefined;
  sessionPolicies: PolicyInput[] | undefined;
}

function baseInput(
  caller: Caller,
  action: string,
  resource: RequestResource,
  options: RequestOptions,
): EvaluationInput {
  const input: EvaluationInput = {
    request: { principal: caller.request, action, resource, context: options.context },
    identityPolicies: caller.identityPolicies,
    scps: caller.scps,
  };
  if (options.contextComplete) input.request.contextComplete = true;
  if (options.referenceDate) input.request.notBefore = options.referenceDate;
  if (caller.boundary) input.permissionsBoundary = caller.boundary;
  if (options.sessionPolicies) input.sessionPolicies = options.sessionPolicies;
  return input;
}

export async function requestOptions(
  driver: Driver,
  snapshotId: string,
  a: { context?: Record<string, ContextValue>; contextComplete?: boolean; sessionPolicy?: unknown },
): Promise<RequestOptions> {
  return {
    context: a.context ?? {},
    contextComplete: a.contextComplete === true,
    referenceDate: await snapshotReferenceDateOf(driver, snapshotId),
    sessionPolicies: sessionPolicyInput(a.sessionPolicy as CanAssumeArgs['sessionPolicy']),
  };
}

/** Can `principal` assume `role` (sts:AssumeRole*), and under which request-time conditions? */
export async function canAssume(
  source: Source,
  snapshotId: string,
  args: CanAssumeArgs,
): Promise<CanAssumeResult> {
  const driver = driverOf(source);
  const a = parseArgs(canAssumeArgs, args);
  const spec = parsePrincipal(a.principal);
  const role = parseRoleArn(a.role);
  const options = await requestOptions(driver, snapshotId, a);
  const loaded = await principalArns(driver, snapshotId, spec);
  const slice = await loadModelSlice(driver, snapshotId, [...loaded, role.arn]);
  const ctx = sliceContext(slice, options);
  const target = ctx.roles.get(role.arn);
  if (!target) throw new NotInSnapshotError(`Role ${role.arn} is not in snapshot ${snapshotId}.`, role.arn);
  const caller = await callerFor(driver, snapshotId, spec, ctx, loaded);
  const action =
    a.action ??
    (caller.request.type === 'SAML'
      ? 'sts:AssumeRoleWithSAML'
      : caller.request.type === 'WebIdentity'
        ? 'sts:AssumeRoleWithWebIdentity'
        : 'sts:AssumeRole');
  const input = baseInput(caller, action, target.resource, options);
  input.resourcePolicy = { id: target.role.arn, document: target.role.trustPolicy };
  input.resourcePolicyKind = 'trust';
  input.rcps = target.account.rcps;
  return { ...outcome(input, caller, a.principal), role: role.arn };
}

export function sliceContext(slice: SnapshotModel, options: RequestOptions): SnapshotContext {
  // The slice holds only part of the snapshot: the whole snapshot's reference date is the one that counts.
  return buildSnapshotContext(slice, options.referenceDate ? { referenceDate: options.referenceDate } : {});
}

/** What a request's resource brings to its evaluation: the resource's facts, RCPs, and a role's trust policy for sts:AssumeRole*. */
export interface RequestTarget {
  resource: RequestResource;
  rcps: PolicyInput[][];
  resourcePolicy?: PolicyInput;
}

/**
 * The resource side of a request on `resourceArn` (`roleArn` when it names a
 * role, which `ctx` must then hold if the snapshot has its account's IAM data).
 */
export function requestTarget(
  ctx: SnapshotContext,
  snapshotId: string,
  action: string,
  resourceArn: string,
  roleArn: string | undefined,
): RequestTarget {
  const assumeRole = /^sts:assumerole/i.test(action);
  const target = roleArn ? ctx.roles.get(roleArn) : undefined;
  if (assumeRole && roleArn && !target) {
    const accountId = roleArn.split(':')[4] ?? '';
    // Only assuming a role needs it to exist (its trust policy decides); any other action may name a resource yet to be made.
    if (ctx.account(accountId).hasIamData)
      throw new NotInSnapshotError(
        `Role ${roleArn} is not in snapshot ${snapshotId}, although account ${accountId}'s IAM data is: ${action} needs the role's trust policy, so check the ARN.`,
        roleArn,
      );
  }
  if (target) {
    const out: RequestTarget = { resource: target.resource, rcps: target.account.rcps };
    if (assumeRole) out.resourcePolicy = { id: target.role.arn, document: target.role.trustPolicy };
    return out;
  }
  const resource: RequestResource = { arn: resourceArn };
  let rcps: PolicyInput[][] = [];
  const accountId = resourceArn === '*' ? undefined : resourceArn.split(':')[4];
  if (accountId && /^\d{12}$/.test(accountId)) {
    const account = ctx.account(accountId);
    resource.accountId = accountId;
    if (account.orgId) resource.orgId = account.orgId;
    if (account.orgPaths) resource.orgPaths = account.orgPaths;
    if (account.inManagementAccount) resource.inManagementAccount = true;
    rcps = account.rcps;
  }
  return { resource, rcps };
}

/** The role ARN a resource names, if it names one. */
export function roleResource(resource: string): string | undefined {
  return /^arn:[^:]+:iam::\d{12}:role\//.test(resource) ? parseRoleArn(resource).arn : undefined;
}

/** The evaluator's input for `caller` making `action` on `target`. */
export function targetInput(
  caller: Caller,
  action: string,
  target: RequestTarget,
  options: RequestOptions,
): EvaluationInput {
  const input = baseInput(caller, action, target.resource, options);
  if (target.resourcePolicy) {
    input.resourcePolicy = target.resourcePolicy;
    input.resourcePolicyKind = 'trust';
  }
  input.rcps = target.rcps;
  return input;
}

/** Evaluates one request: any action on any resource (a role's trust policy is its resource policy for sts:AssumeRole*). */
export async function simulate(
  source: Source,
  snapshotId: string,
  args: SimulateArgs,
): Promise<SimulateResult> {
  const driver = driverOf(source);
  const a = parseArgs(simulateArgs, args);
  const spec = parsePrincipal(a.principal);
  const options = await requestOptions(driver, snapshotId, a);
  const roleArn = roleResource(a.resource);
  const loaded = await principalArns(driver, snapshotId, spec);
  const slice = await loadModelSlice(driver, snapshotId, roleArn ? [...loaded, roleArn] : loaded);
  const ctx = sliceContext(slice, options);
  const caller = await callerFor(driver, snapshotId, spec, ctx, loaded);

  const target = requestTarget(ctx, snapshotId, a.action, a.resource, roleArn);
  const input = targetInput(caller, a.action, target, options);
  return outcome(input, caller, a.principal);
}
