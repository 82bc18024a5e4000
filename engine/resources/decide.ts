/**
 * One caller against one resource: every action of the type, decided by the
 * evaluator with the same inputs trust reachability gives it (identity
 * policies, boundary and the caller account's SCPs on the principal side;
 * the resource policy and the resource account's RCPs on the resource side),
 * then the service rules the evaluator does not know (KMS key policies must
 * allow, AWS managed keys and aws/secretsmanager stay in their account, ECR
 * needs ecr:GetAuthorizationToken from an identity policy).
 */
import { evaluate, parsePolicy, type ParsedPolicy } from '../evaluate/index.ts';
import type { SnapshotContext } from '../trust/index.ts';
import { stripUnknowable, type Stripped } from '../trust/unknowable.ts';
import type {
  EvaluationInput,
  EvaluationResult,
  PolicyInput,
  RequestResource,
  StatementRef,
  UnresolvedCondition,
} from '../types.ts';
import type { ActionClasses } from './action-classes.ts';
import { actionsOf, ECR_AUTHORIZATION_TOKEN, requestArn, requestArns } from './actions.ts';
import type { Caller } from './callers.ts';
import {
  accountDecisionKey,
  actionsAllowed,
  DecisionKeys,
  levelsSpecific,
  mayApply,
  principalSpecific,
} from './memo.ts';
import type { ResourcePlan } from './plan.ts';
import type { AccessLevel } from './types.ts';

/** The identity side assumed for callers whose own policies are not in the snapshot: their account allows the request. */
export const CALLER_OWN_POLICIES: PolicyInput = {
  id: 'assumed:caller-own-policies',
  document: {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AssumedByAtlas', Effect: 'Allow', Action: '*', Resource: '*' }],
  },
};

const IAM_REQUEST_TYPES = new Set(['Role', 'User', 'FederatedUser']);

export interface Allowed {
  action: string;
  level: AccessLevel;
  result: EvaluationResult;
  /** Conditions on unknowable caller facts removed from the granting statement (synthetic callers). */
  extraConditions: UnresolvedCondition[];
  /**
   * Set when the decision is that of another action of the same level that the same statements
   * cover (action-classes.ts): `result` is that action's, with the same decision, conditions and
   * evidence, and sentences that name it. Such an entry is never the one a level cites
   * (edges.ts: the first least conditional action of the level, always evaluated itself).
   */
  sameAs?: string;
}

export interface CallerDecision {
  allowed: Allowed[];
  crossAccount: boolean;
  /** The caller's account, when it has one. */
  accountId?: string;
  /** Sentences about service rules that removed or limited access. */
  notes: string[];
  /** Set when the decision was shared from another principal: the ARN its reasons name instead of this caller's. */
  reasonsName?: { from: string; to: string };
}

const NOTHING: ReadonlySet<string> = new Set();

/** Per resource: request targets per action and stripped documents per caller kind, built once. */
export class ResourceSession {
  readonly targets = new Map<string, RequestResource>();
  /**
   * The request context every request to the resource carries: a request to a regional resource goes to
   * its Region's endpoint, which is the Region the request names
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion).
   * One object per resource, so the evaluator's lower-cased view of it is built once.
   */
  readonly context: Record<string, string> | undefined;
  private readonly stripped = new Map<string, Stripped | undefined>();
  /** Decisions shared between principals (memo.ts): key → the first principal's ARN and allowed actions. */
  readonly memo = new Map<string, { arn: string; allowed: Allowed[] }>();
  /** False when the resource policy or the RCPs look at who the principal is, or use NotPrincipal. */
  readonly memoizable: boolean;
  /** Principals the resource policy names (user/role ARNs, and roles of named sessions): never shared. */
  private readonly named = new Set<string>();
  /** Identity policy id → may it apply to this resource (memo.ts, mayApply). */
  private readonly applying = new Map<string, boolean>();
  private readonly arnsLower: string[];
  readonly applies = (input: PolicyInput): boolean => {
    let known = this.applying.get(input.id);
    if (known === undefined) {
      known = mayApply(input, this.plan.type, this.arnsLower);
      this.applying.set(input.id, known);
    }
    return known;
  };

  constructor(readonly plan: ResourcePlan) {
    this.arnsLower = requestArns(plan.type, plan.resource.arn).map((arn) => arn.toLowerCase());
    this.context = plan.resource.region ? { 'aws:RequestedRegion': plan.resource.region } : undefined;
    for (const { action } of actionsOf(plan.type)) {
      const arn = requestArn(plan.type, plan.resource.arn, action);
      this.targets.set(action, arn === plan.target.arn ? plan.target : { ...plan.target, arn });
    }
    let notPrincipal = false;
    for (const st of plan.parsed?.statements ?? []) {
      if (!st.principal) continue;
      if (st.principal.negated) notPrincipal = true;
      for (const arn of st.principal.arns) this.named.add(arn);
      for (const session of st.principal.sessions) {
        const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(session);
        if (m) this.named.add(`role:${m[2]}/${m[3]}`);
      }
    }
    this.memoizable = !notPrincipal && !principalSpecific(plan.policy) && !levelsSpecific(plan.rcps);
  }

  /** The memo key for a caller, when its decision can be shared (memo.ts). */
  memoKey(caller: Caller, keys: DecisionKeys): string | undefined {
    if (!this.memoizable) return undefined;
    const p = caller.principal;
    if (p) {
      if (this.named.has(p.key)) return undefined;
      if (p.role && this.named.has(`role:${p.accountId}/${p.role.name}`)) return undefined;
      return keys.key(p, this.plan.type, this.applies);
    }
    const account = caller.synthetic?.account;
    if (caller.fromKind !== 'Account' || !account) return undefined;
    return accountDecisionKey(account, this.plan.policy, this.plan.rcps);
  }

  strip(
    policy: PolicyInput,
    restricted: boolean,
    unknown: RegExp,
    outsideOrgId: string | undefined,
  ): Stripped | undefined {
    const k = `${restricted}|${unknown.source}|${outsideOrgId ?? ''}`;
    if (this.stripped.has(k)) return this.stripped.get(k);
    const document = policy.document;
    const out =
      typeof document === 'string'
        ? undefined
        : stripUnknowable(
            { id: policy.id, document },
            parsePolicy(document, policy.id).statements,
            (st) => statementRefOf(this.plan, st),
            unknown,
            outsideOrgId,
          );
    this.stripped.set(k, out);
    return out;
  }
}

function statementRefOf(
  plan: ResourcePlan,
  st: { index: number; effect: 'Allow' | 'Deny'; raw: Readonly<Record<string, unknown>> },
): StatementRef {
  const ref: StatementRef = {
    policyId: plan.resource.arn,
    policyKind: 'resource',
    statementIndex: st.index,
    effect: st.effect,
    statement: st.raw as Record<string, unknown>,
  };
  if (typeof st.raw.Sid === 'string') ref.sid = st.raw.Sid;
  return ref;
}

export interface DecideEnv {
  ctx: SnapshotContext;
  counters: { evaluateCalls: number };
  /** Principal key → may it call ecr:GetAuthorizationToken (identity side only). */
  ecrToken: Map<string, boolean>;
  /** Decision keys (memo.ts), with what they are made of per principal, kept for the analysis. */
  keys: DecisionKeys;
  /** Action classes (action-classes.ts), kept for the analysis. */
  classes: ActionClasses;
  /** Actions to leave out for a caller (e.g. GetSecretValue without kms:Decrypt on the secret's key). */
  excluded?: (plan: ResourcePlan, caller: Caller) => { actions: Set<string>; note: string } | undefined;
}

function callerAccountOf(caller: Caller): string | undefined {
  return caller.principal?.accountId ?? caller.synthetic?.account?.id ?? caller.synthetic?.request.accountId;
}

export function decideCaller(session: ResourceSession, caller: Caller, env: DecideEnv): CallerDecision {
  const { plan } = session;
  const accountId = callerAccountOf(caller);
  const crossAccount =
    caller.fromKind === 'Anyone' || (accountId !== undefined && accountId !== plan.resource.accountId);
  const decision: CallerDecision = { allowed: [], crossAccount, notes: [] };
  if (accountId !== undefined) decision.accountId = accountId;
  if (crossAccount && plan.noCrossAccount) return decision;
  if (crossAccount && plan.type === 'ecr-repository' && caller.principal && !ecrTokenAllowed(caller, env))
    return decision;

  const restricted = crossAccount && plan.restricted !== undefined;
  let policy = restricted ? plan.restricted : plan.policy;
  let stripped: Stripped | undefined;
  const base: Omit<EvaluationInput, 'request'> = { identityPolicies: [], rcps: plan.rcps };
  let principal;
  if (caller.principal) {
    const p = caller.principal;
    principal = p.principal;
    base.identityPolicies = p.identityPolicies;
    base.scps = p.account.scps;
    if (p.boundary) base.permissionsBoundary = p.boundary;
  } else {
    const s = caller.synthetic!;
    principal = s.request;
    if (policy) {
      // Anyone outside the snapshot is outside its organization; so is an account known to be.
      const outside =
        caller.fromKind === 'Anyone' || (s.account && !s.account.internal) ? env.ctx.orgId : undefined;
      stripped = session.strip(policy, restricted, s.unknown, outside);
      if (stripped) policy = stripped.policy;
    }
    if (IAM_REQUEST_TYPES.has(s.request.type)) {
      base.identityPolicies = [CALLER_OWN_POLICIES];
      // An account of the organization without IAM data: its SCPs are known and still apply.
      if (s.account?.internal) base.scps = s.account.scps;
    }
  }
  if (policy) {
    base.resourcePolicy = policy;
    base.resourcePolicyKind = plan.policyKind;
  }
  const excluded = env.excluded?.(plan, caller);
  if (excluded) decision.notes.push(excluded.note);
  const memoKey = excluded ? undefined : session.memoKey(caller, env.keys);
  if (memoKey !== undefined) {
    const shared = session.memo.get(memoKey);
    if (shared) {
      decision.allowed = shared.allowed;
      decision.reasonsName = { from: shared.arn, to: principal.arn };
      return decision;
    }
  }

  // Only actions some Allow can grant: the resource policy's, or (where an identity Allow can be enough) the principal's.
  const resourceAllows = policy ? actionsAllowed(policy) : NOTHING;
  // An identity policy none of whose statements can apply to the type's actions on this resource (memo.ts,
  // mayApply) never matches a request here: the evaluator is given the others only.
  if (caller.principal) base.identityPolicies = caller.principal.identityPolicies.filter(session.applies);
  const identityAllows: ReadonlySet<string>[] = [];
  if (caller.principal && plan.policyKind === 'resource') {
    for (const input of base.identityPolicies) identityAllows.push(actionsAllowed(input));
  }
  // Actions that the same statements cover decide alike (action-classes.ts): evaluate the first of each class.
  const actions = actionsOf(plan.type);
  const classes = env.classes.of(plan.type, policiesInPlay(base));
  const decided = new Map<number, Allowed | null>();
  for (let i = 0; i < actions.length; i++) {
    const { action, level } = actions[i]!;
    if (excluded?.actions.has(action)) continue;
    if (!resourceAllows.has(action) && !identityAllows.some((set) => set.has(action))) continue;
    const known = decided.get(classes[i]!);
    if (known !== undefined) {
      if (known) {
        const { result, extraConditions } = known;
        decision.allowed.push({ action, level, result, extraConditions, sameAs: known.action });
      }
      continue;
    }
    const input = {
      ...base,
      request: { principal, action, resource: session.targets.get(action)! },
    } as EvaluationInput;
    if (env.ctx.referenceDate) input.request.notBefore = env.ctx.referenceDate;
    if (session.context) input.request.context = session.context;
    env.counters.evaluateCalls++;
    const result = evaluate(input);
    if (result.decision !== 'allowed') {
      decided.set(classes[i]!, null);
      continue;
    }
    const granting = result.evidence.find((e) => e.policyKind === 'resource' || e.policyKind === 'trust');
    const extra = granting ? (stripped?.removed.get(granting.statementIndex) ?? []) : [];
    const allowed: Allowed = {
      action,
      level,
      result: plan.policyKind === 'trust' ? asKeyPolicy(result) : result,
      extraConditions: extra,
    };
    decided.set(classes[i]!, allowed);
    decision.allowed.push(allowed);
  }
  if (memoKey !== undefined) session.memo.set(memoKey, { arn: principal.arn, allowed: decision.allowed });
  return decision;
}

/** Every policy the evaluator may read for the requests of one caller. */
function policiesInPlay(base: Omit<EvaluationInput, 'request'>): ParsedPolicy[] {
  const inputs: PolicyInput[] = [...base.identityPolicies];
  if (base.permissionsBoundary) inputs.push(base.permissionsBoundary);
  if (base.resourcePolicy) inputs.push(base.resourcePolicy);
  for (const level of base.scps ?? []) inputs.push(...level);
  for (const level of base.rcps ?? []) inputs.push(...level);
  return inputs.map((input) => parsePolicy(input.document, input.id));
}

/** KMS key policies are evaluated as trust policies are (they must allow the caller); report them as resource policies. */
function asKeyPolicy(result: EvaluationResult): EvaluationResult {
  const fix = (ref: StatementRef): StatementRef =>
    ref.policyKind === 'trust' ? { ...ref, policyKind: 'resource' } : ref;
  return {
    ...result,
    evidence: result.evidence.map(fix),
    conditions: result.conditions.map((c) => ({ ...c, source: fix(c.source) })),
    reasons: result.reasons.map((r) =>
      r
        .replace(/\b([Tt])rust policy/g, (_, t: string) => (t === 'T' ? 'Key policy' : 'key policy'))
        .replace(/\btrusts the account\b/g, 'names the account'),
    ),
  };
}

/**
 * ECR: a caller from another account must get an authorization token, and
 * only an identity policy can grant ecr:GetAuthorizationToken (its resource is "*").
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
 */
function ecrTokenAllowed(caller: Caller, env: DecideEnv): boolean {
  const p = caller.principal!;
  const known = env.ecrToken.get(p.key);
  if (known !== undefined) return known;
  const input: EvaluationInput = {
    request: {
      principal: p.principal,
      action: ECR_AUTHORIZATION_TOKEN,
      resource: { arn: '*', accountId: p.accountId },
    },
    identityPolicies: p.identityPolicies,
    scps: p.account.scps,
  };
  if (p.boundary) input.permissionsBoundary = p.boundary;
  env.counters.evaluateCalls++;
  const allowed = evaluate(input).decision === 'allowed';
  env.ecrToken.set(p.key, allowed);
  return allowed;
}
