/**
 * Everything the escalation methods share: per-principal indexes of which
 * resources their Allow statements name for an action (so targets come from
 * the policies, not from pairing every principal with every other one), the
 * candidate targets of each account, the roles each service may assume, and
 * one way to ask the evaluator "may P do A on R" with P's identity policies,
 * boundary and SCPs.
 *
 * IAM has no resource-based policies on users, groups, roles or managed
 * policies, and the services below only pass roles of the caller's own
 * account, so every method works inside the source's account; other accounts
 * are reached through CAN_ASSUME.
 */
import {
  evaluate,
  parsePolicy,
  resourceMatches,
  type ParsedPolicy,
  type ParsedStatement,
} from '../evaluate/index.ts';
import type { Group, ManagedPolicy, PolicyDocumentJson, SnapshotModel } from '../model.ts';
import {
  defaultDocument,
  inlinePolicyId,
  type PrincipalContext,
  type RoleTarget,
  type SnapshotContext,
} from '../trust/context.ts';
import { actionApplies } from '../policy/action.ts';
import type { CanAssumeEdge } from '../trust/reachability.ts';
import type {
  ContextValue,
  EvaluationInput,
  EvaluationResult,
  PolicyInput,
  RequestResource,
  StatementRef,
  UnresolvedCondition,
} from '../types.ts';
import { Inventory } from './inventory.ts';
import { ADMIN_PROBES, ALLOW_ALL_DOCUMENT, probeResource } from './probes.ts';
import type { AdminInfo, EscalationEdge } from './types.ts';

/** One allowed call: the conditions it needs and the statements that allow it. */
export interface Grant {
  action: string;
  resource: string;
  conditions: UnresolvedCondition[];
  evidence: StatementRef[];
}

export interface CheckOptions {
  context?: Record<string, ContextValue>;
  absentKeys?: string[];
  /** Replaces the principal's identity policies (hypothetical changes). */
  identityPolicies?: PolicyInput[];
  dropBoundary?: boolean;
  resourcePolicy?: PolicyInput;
  resourcePolicyKind?: 'resource' | 'trust';
  /** RCP levels of the resource account, for services RCPs cover (STS). */
  rcps?: PolicyInput[][];
}

/** A role the service may assume, with the trust conditions that still apply to it. */
export interface ServiceRole {
  target: RoleTarget;
  edge: CanAssumeEdge;
  conditions: UnresolvedCondition[];
}

/**
 * An edge an existing-resource method would have had without the inventory
 * (a `needsRuntime` edge), left out because the inventory decides it:
 * no listed resource of the type runs as the role (`no-resource`), or some do
 * but the caller's calls are not allowed on any of them (`not-allowed`).
 */
export interface InventoryRemoval {
  from: string;
  to: string;
  method: string;
  reason: 'no-resource' | 'not-allowed';
  /** The same, in words, naming the account and the resource type. */
  detail: string;
}

/** One hop a source already controls: itself, a role it can assume, a principal phase 1 lets it take over. */
export interface Controlled {
  principal: PrincipalContext;
  /** Absent for the source itself. */
  conditions: UnresolvedCondition[];
  evidence: StatementRef[];
  /** The hop's method: 'CAN_ASSUME' or an escalation method id. */
  hop?: string;
  hopActions: string[];
}

export const ALLOW_ALL: PolicyInput = { id: 'hypothetical:allow-all', document: ALLOW_ALL_DOCUMENT };

const DEFAULT_REGION = 'us-east-1';
/** The federated principal of Cognito identity pools, indexed with the service principals. */
export const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';
let nextContextId = 0;
const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

const conditionKey = (c: UnresolvedCondition): string =>
  `${c.source.policyId}\u0000${c.source.policyKind}\u0000${c.source.statementIndex}\u0000${c.key}\u0000${c.operator}\u0000${c.mustHold}\u0000${c.values.join('\u0001')}`;
const refKey = (r: StatementRef): string => `${r.policyId}\u0000${r.policyKind}\u0000${r.statementIndex}`;

export function mergeConditions(
  ...lists: readonly (readonly UnresolvedCondition[])[]
): UnresolvedCondition[] {
  const out = new Map<string, UnresolvedCondition>();
  for (const list of lists) for (const c of list) if (!out.has(conditionKey(c))) out.set(conditionKey(c), c);
  return [...out.values()];
}

export function mergeEvidence(...lists: readonly (readonly StatementRef[])[]): StatementRef[] {
  const out = new Map<string, StatementRef>();
  for (const list of lists) for (const r of list) if (!out.has(refKey(r))) out.set(refKey(r), r);
  return [...out.values()];
}

const ANYWHERE: readonly string[] = ['*'];

/** The resource patterns an Allow statement names (`*` for NotResource or none). */
const resourcePatterns = (st: ParsedStatement): readonly string[] =>
  !st.resource || st.resource.negated ? ANYWHERE : asList(st.raw.Resource);

/** Is the statement an Allow whose Action/NotAction covers the action (in lower case)? */
const allowsAction = (st: ParsedStatement, actionLower: string): boolean =>
  st.effect === 'Allow' && st.action !== undefined && actionApplies(st.action, actionLower);

/** Resource patterns of a policy's Allow statements for `action` (`*` for NotResource or none). */
function allowPatterns(policy: ParsedPolicy, action: string): string[] {
  const lower = action.toLowerCase();
  const out: string[] = [];
  for (const st of policy.statements) if (allowsAction(st, lower)) out.push(...resourcePatterns(st));
  return out;
}

/** Does some Allow statement of the policy name a resource pattern for the action (`allowPatterns` not empty)? */
function allowsSome(policy: ParsedPolicy, actionLower: string): boolean {
  return policy.statements.some((st) => allowsAction(st, actionLower) && resourcePatterns(st).length > 0);
}

/** Answers per action slot (0 not asked yet, 1 no, 2 yes), in an object so whoever shares it sees it grow. */
interface SlotAnswers {
  answers: Uint8Array;
}

const answerAt = (s: SlotAnswers, slot: number): number => (slot < s.answers.length ? s.answers[slot]! : 0);

function answer(s: SlotAnswers, slot: number, yes: boolean): boolean {
  if (slot >= s.answers.length) {
    const grown = new Uint8Array(Math.max(slot + 1, s.answers.length * 2));
    grown.set(s.answers);
    s.answers = grown;
  }
  s.answers[slot] = yes ? 2 : 1;
  return yes;
}

/** A statement list as the prefilter knows it: its number (for a list of policies' key) and its own answers. */
interface StatementList extends SlotAnswers {
  id: number;
}

/**
 * The prefilter's answers for one list of identity policies. Principals whose
 * policies parse to the same statement lists, in the same order, share one; each
 * statement list's own answers are shared by every list that holds it.
 */
interface AllowMemo extends SlotAnswers {
  parsed: ParsedPolicy[];
  lists: SlotAnswers[];
}

/** A service's trust condition on the source account is met by a resource the attacker creates in that account. */
function serviceTrustConditions(edge: CanAssumeEdge, accountId: string): UnresolvedCondition[] {
  return edge.conditions.filter(
    (c) =>
      !(
        c.mustHold &&
        /^aws:sourceaccount$/i.test(c.key) &&
        /^String(Equals|Like)(IfExists)?$/.test(c.operator) &&
        c.values.includes(accountId)
      ),
  );
}

export class EscalationContext {
  readonly model: SnapshotModel;
  readonly snapshot: SnapshotContext;
  readonly requestContext: Record<string, ContextValue>;
  evaluateCalls = 0;
  /** Principals that may act as escalation sources (set by the analysis: no service-linked roles, no full admins). */
  sources: PrincipalContext[] = [];
  fullAdmins = new Map<string, AdminInfo>();
  /**
   * Which roles existing-resource methods may target: every role the service
   * trusts, or only administrators (each power user would otherwise get an
   * edge to every EC2 and Lambda role of its account, none of them decided).
   */
  runtimeTargets: 'all' | 'admins' = 'admins';
  /** Phase 1 edges that hand over a principal with nothing needed at run time, by source. */
  readonly takeovers = new Map<string, EscalationEdge[]>();
  /** Which listed resources run as which role (model.resources). */
  readonly inventory: Inventory;
  /** Edges the inventory decided away, one per (source, target, method). */
  readonly inventoryRemovals = new Map<string, InventoryRemoval>();
  /** Set while `findAs` runs a method for a changed copy of a source (nothing is recorded then). */
  private hypothetical = false;

  private readonly assumeFrom = new Map<string, CanAssumeEdge[]>();
  private readonly assumePair = new Map<string, CanAssumeEdge>();
  private readonly serviceRoleIndex = new Map<string, Map<string, ServiceRole[]>>();
  private readonly withProfile = new Set<string>();
  private readonly usersByAccount = new Map<string, PrincipalContext[]>();
  private readonly rolesByAccount = new Map<string, RoleTarget[]>();
  readonly groupsByAccount = new Map<string, Group[]>();
  readonly groupByArn = new Map<string, Group>();
  private readonly groupByName = new Map<string, Group>();
  readonly groupMembers = new Map<string, PrincipalContext[]>();
  readonly policyByArn = new Map<string, ManagedPolicy>();
  private readonly probeCache = new Map<string, Grant | null>();
  /** The prefilter's memo: a slot per action asked about, answers per identity-policy list. */
  private readonly actionSlots = new Map<string, number>();
  /** Each slot's action in lower case, as action matchers take it. */
  private readonly slotActions: string[] = [];
  /**
   * A Map, not a WeakMap: the lists are the principals' own and live as long as this context, and
   * a lookup in a WeakMap of a hundred thousand keys cost several times as much (the prefilter asks
   * tens of millions of times at 100,000 roles).
   */
  private readonly memoByList = new Map<readonly PolicyInput[], AllowMemo>();
  private readonly memoBySignature = new Map<string, AllowMemo>();
  private readonly statementLists = new Map<readonly ParsedStatement[], StatementList>();
  private readonly patternCache = new Map<readonly ParsedStatement[], Map<string, string[]>>();
  /** A number per principal context object: a modified copy (capability chains) caches apart from the original. */
  private readonly contextIds = new WeakMap<PrincipalContext, number>();

  constructor(
    model: SnapshotModel,
    snapshot: SnapshotContext,
    canAssume: readonly CanAssumeEdge[],
    requestContext: Record<string, ContextValue> = {},
  ) {
    this.model = model;
    this.snapshot = snapshot;
    this.requestContext = requestContext;
    this.inventory = new Inventory(model);
    for (const e of canAssume) {
      // Cognito identity pools hand out their roles through web identity federation with the
      // cognito-identity.amazonaws.com provider: https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
      if (
        e.fromKind === 'ServicePrincipal' ||
        (e.fromKind === 'IdentityProvider' && e.from === COGNITO_IDENTITY)
      ) {
        const target = snapshot.roles.get(e.to);
        if (!target || target.role.serviceLinked) continue;
        let byAccount = this.serviceRoleIndex.get(e.from);
        if (!byAccount) this.serviceRoleIndex.set(e.from, (byAccount = new Map()));
        const list = byAccount.get(target.role.accountId) ?? [];
        list.push({ target, edge: e, conditions: serviceTrustConditions(e, target.role.accountId) });
        byAccount.set(target.role.accountId, list);
        continue;
      }
      if (e.fromKind !== 'User' && e.fromKind !== 'Role') continue;
      const list = this.assumeFrom.get(e.from);
      if (list) list.push(e);
      else this.assumeFrom.set(e.from, [e]);
      this.assumePair.set(`${e.from}\u0000${e.to}`, e);
    }
    for (const ip of model.instanceProfiles) for (const r of ip.roleArns) this.withProfile.add(r);
    for (const r of model.roles) if (r.instanceProfileArns.length > 0) this.withProfile.add(r.arn);
    for (const p of snapshot.principals.values()) {
      if (p.kind !== 'User') continue;
      const list = this.usersByAccount.get(p.accountId) ?? [];
      list.push(p);
      this.usersByAccount.set(p.accountId, list);
    }
    for (const t of snapshot.roles.values()) {
      if (t.role.serviceLinked) continue;
      const list = this.rolesByAccount.get(t.role.accountId) ?? [];
      list.push(t);
      this.rolesByAccount.set(t.role.accountId, list);
    }
    for (const g of model.groups) {
      this.groupByArn.set(g.arn, g);
      this.groupByName.set(`${g.accountId}/${g.name}`, g);
      const list = this.groupsByAccount.get(g.accountId) ?? [];
      list.push(g);
      this.groupsByAccount.set(g.accountId, list);
    }
    for (const u of model.users) {
      const p = snapshot.principals.get(u.arn);
      if (!p) continue;
      for (const name of u.groupNames) {
        const g = this.groupByName.get(`${u.accountId}/${name}`);
        if (!g) continue;
        const list = this.groupMembers.get(g.arn) ?? [];
        list.push(p);
        this.groupMembers.set(g.arn, list);
      }
    }
    for (const p of model.policies) this.policyByArn.set(p.arn, p);
  }

  // -------------------------------------------------------------------------
  // What a principal's Allow statements name
  // -------------------------------------------------------------------------

  /** Resource patterns of the principal's identity Allow statements for `action`, variables filled in where known. */
  patterns(p: PrincipalContext, action: string): string[] {
    const out: string[] = [];
    for (const parsed of this.allowMemo(p.identityPolicies).parsed) {
      for (const pattern of this.allowPatterns(parsed, action)) {
        const filled = pattern.includes('${') ? fillVariables(pattern, p) : pattern;
        if (filled !== undefined) out.push(filled);
      }
    }
    return out;
  }

  /** A prefilter: some identity Allow statement names the action (the evaluator still decides). */
  mayAllow(p: PrincipalContext, action: string): boolean {
    let slot = this.actionSlots.get(action);
    if (slot === undefined) {
      this.actionSlots.set(action, (slot = this.actionSlots.size));
      this.slotActions.push(action.toLowerCase());
    }
    const memo = this.allowMemo(p.identityPolicies);
    const known = answerAt(memo, slot);
    if (known !== 0) return known === 2;
    const { parsed, lists } = memo;
    for (let i = 0; i < parsed.length; i++) {
      const list = lists[i]!;
      const own = answerAt(list, slot);
      if (own === 0 ? answer(list, slot, allowsSome(parsed[i]!, this.slotActions[slot]!)) : own === 2)
        return answer(memo, slot, true);
    }
    return answer(memo, slot, false);
  }

  /**
   * `allowPatterns`, remembered per statement list for as long as this context lives (a policy
   * parsed under several ids, one managed policy attached to many principals, shares its statements).
   */
  private allowPatterns(policy: ParsedPolicy, action: string): string[] {
    let byAction = this.patternCache.get(policy.statements);
    if (!byAction) this.patternCache.set(policy.statements, (byAction = new Map()));
    let out = byAction.get(action);
    if (!out) byAction.set(action, (out = allowPatterns(policy, action)));
    return out;
  }

  private allowMemo(identity: readonly PolicyInput[]): AllowMemo {
    const known = this.memoByList.get(identity);
    if (known) return known;
    const parsed = identity.map((input) => parsePolicy(input.document, input.id));
    const lists = parsed.map((x) => this.statementList(x.statements));
    const key = lists.map((l) => l.id).join(',');
    let memo = this.memoBySignature.get(key);
    if (!memo) this.memoBySignature.set(key, (memo = { parsed, lists, answers: new Uint8Array(64) }));
    this.memoByList.set(identity, memo);
    return memo;
  }

  private statementList(statements: readonly ParsedStatement[]): StatementList {
    let known = this.statementLists.get(statements);
    if (known === undefined)
      this.statementLists.set(
        statements,
        (known = { id: this.statementLists.size, answers: new Uint8Array(64) }),
      );
    return known;
  }

  /** Every group (one alternative of each) may be allowed. */
  mayAllowSteps(p: PrincipalContext, steps: readonly (readonly string[])[]): boolean {
    return steps.every((alternatives) => alternatives.some((a) => this.mayAllow(p, a)));
  }

  /** Candidates of the source's account whose ARN one of its Allow patterns for `action` may name. */
  matchTargets<T>(
    p: PrincipalContext,
    action: string,
    candidates: readonly T[],
    arnOf: (t: T) => string,
  ): T[] {
    const service = action.split(':')[0]?.toLowerCase() ?? '';
    const patterns = this.patterns(p, action).filter((pattern) => {
      if (pattern === '*') return true;
      const s = pattern.split(':')[2];
      return s === undefined || s === '*' || s.toLowerCase() === service;
    });
    if (patterns.length === 0) return [];
    if (patterns.includes('*')) return [...candidates];
    const exact = new Set(patterns.filter((x) => !x.includes('*') && !x.includes('?')));
    const wild = patterns.filter((x) => x.includes('*') || x.includes('?'));
    return candidates.filter((t) => {
      const arn = arnOf(t);
      return exact.has(arn) || wild.some((w) => resourceMatches(w, arn));
    });
  }

  usersOf(accountId: string): PrincipalContext[] {
    return this.usersByAccount.get(accountId) ?? [];
  }

  rolesOf(accountId: string): RoleTarget[] {
    return this.rolesByAccount.get(accountId) ?? [];
  }

  /** Roles of `accountId` that `service` (e.g. lambda.amazonaws.com) may assume. */
  serviceRoles(service: string, accountId: string): ServiceRole[] {
    return this.serviceRoleIndex.get(service)?.get(accountId) ?? [];
  }

  /** A group's policies as evaluator input (managed default versions, then inline). */
  groupPolicies(g: Group): PolicyInput[] {
    const out: PolicyInput[] = [];
    for (const arn of g.managedPolicyArns) {
      const policy = this.policyByArn.get(arn);
      const document = policy ? defaultDocument(policy) : undefined;
      if (document) out.push({ id: arn, document });
    }
    for (const ip of g.inlinePolicies)
      out.push({ id: inlinePolicyId(g.arn, ip.name), document: ip.document });
    return out;
  }

  hasInstanceProfile(roleArn: string): boolean {
    return this.withProfile.has(roleArn);
  }

  /** The CAN_ASSUME edges that start at a user or role (every account). */
  assumableFrom(from: string): readonly CanAssumeEdge[] {
    return this.assumeFrom.get(from) ?? [];
  }

  assumeEdge(from: string, to: string): CanAssumeEdge | undefined {
    return this.assumePair.get(`${from}\u0000${to}`);
  }

  /**
   * Run `find` as if `p` (a modified copy of a source) were the only source: the methods then
   * evaluate every call with its changed policies. Roles it can assume and principals it took
   * over are looked up by its key, so they stay those of the original.
   */
  findAs<T>(p: PrincipalContext, find: () => T): T {
    const saved = this.sources;
    const savedHypothetical = this.hypothetical;
    this.sources = [p];
    this.hypothetical = true;
    try {
      return find();
    } finally {
      this.sources = saved;
      this.hypothetical = savedHypothetical;
    }
  }

  /** Record an edge the inventory decided away (not for the changed copies capability chains try). */
  noteInventoryRemoval(removal: InventoryRemoval): void {
    if (this.hypothetical) return;
    const key = `${removal.from}\u0000${removal.to}\u0000${removal.method}`;
    if (!this.inventoryRemovals.has(key)) this.inventoryRemovals.set(key, removal);
  }

  /** The source itself, the roles it can assume, and the principals phase 1 lets it take over. */
  controlled(p: PrincipalContext): Controlled[] {
    const out: Controlled[] = [{ principal: p, conditions: [], evidence: [], hopActions: [] }];
    const seen = new Set([p.key]);
    for (const e of this.assumeFrom.get(p.key) ?? []) {
      const target = this.snapshot.principals.get(e.to);
      if (!target || seen.has(e.to) || target.role?.serviceLinked) continue;
      seen.add(e.to);
      out.push({
        principal: target,
        conditions: e.conditions,
        evidence: e.evidence,
        hop: 'CAN_ASSUME',
        hopActions: e.actions,
      });
    }
    for (const e of this.takeovers.get(p.key) ?? []) {
      const target = this.snapshot.principals.get(e.to);
      if (!target || seen.has(e.to)) continue;
      seen.add(e.to);
      out.push({
        principal: target,
        conditions: e.conditions,
        evidence: e.evidence,
        hop: e.method,
        hopActions: e.actions,
      });
    }
    return out;
  }

  // -------------------------------------------------------------------------
  // Asking the evaluator
  // -------------------------------------------------------------------------

  evaluateFor(
    p: PrincipalContext,
    action: string,
    resource: RequestResource,
    options: CheckOptions = {},
  ): EvaluationResult {
    const context = options.context ? { ...this.requestContext, ...options.context } : this.requestContext;
    const input: EvaluationInput = {
      request: { principal: p.principal, action, resource, context },
      identityPolicies: options.identityPolicies ?? p.identityPolicies,
      scps: p.account.scps,
    };
    if (options.absentKeys) input.request.absentKeys = options.absentKeys;
    if (this.snapshot.referenceDate) input.request.notBefore = this.snapshot.referenceDate;
    if (p.boundary && !options.dropBoundary) input.permissionsBoundary = p.boundary;
    if (options.resourcePolicy) {
      input.resourcePolicy = options.resourcePolicy;
      input.resourcePolicyKind = options.resourcePolicyKind ?? 'resource';
    }
    if (options.rcps) input.rcps = options.rcps;
    this.evaluateCalls++;
    return evaluate(input);
  }

  /** The grant when the evaluator allows the call (perhaps under conditions), else undefined. */
  check(
    p: PrincipalContext,
    action: string,
    resource: RequestResource | string,
    options: CheckOptions = {},
  ): Grant | undefined {
    const res: RequestResource = typeof resource === 'string' ? { arn: resource } : resource;
    const result = this.evaluateFor(p, action, res, options);
    if (result.decision !== 'allowed') return undefined;
    return { action, resource: res.arn, conditions: result.conditions, evidence: result.evidence };
  }

  /**
   * May `p` call a non-IAM action on some resource it could create? Tried on a
   * default ARN and on an instance of each of its Allow patterns for the
   * action (so `function:app-*` is tried as `function:app-atlas-probe`); the
   * grant needing the fewest conditions wins. Cached per principal and action.
   */
  checkCreatable(
    p: PrincipalContext,
    action: string,
    template: string,
    options: CheckOptions = {},
  ): Grant | undefined {
    let id = this.contextIds.get(p);
    if (id === undefined) this.contextIds.set(p, (id = nextContextId++));
    const cacheKey = `${p.key}\u0000${id}\u0000${action}\u0000${template}\u0000${JSON.stringify(options)}`;
    const cached = this.probeCache.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    let best: Grant | undefined;
    if (this.mayAllow(p, action)) {
      const service = action.split(':')[0]?.toLowerCase() ?? '';
      const candidates = new Set([fillTemplate(template, p.accountId)]);
      for (const pattern of this.patterns(p, action)) {
        const arn = instantiate(pattern, service, p.accountId);
        if (arn) candidates.add(arn);
        if (candidates.size >= 5) break;
      }
      for (const arn of candidates) {
        const grant = this.check(p, action, { arn, accountId: p.accountId }, options);
        if (grant && (!best || grant.conditions.length < best.conditions.length)) best = grant;
        if (best && best.conditions.length === 0) break;
      }
    }
    this.probeCache.set(cacheKey, best ?? null);
    return best;
  }

  /** One grant per step (the least conditional alternative), or undefined when a step is not allowed. */
  checkSteps(p: PrincipalContext, steps: readonly Step[]): Grant[] | undefined {
    const grants: Grant[] = [];
    for (const step of steps) {
      let best: Grant | undefined;
      for (const action of step.anyOf) {
        const grant = this.checkCreatable(p, action, step.resource);
        if (grant && (!best || grant.conditions.length < best.conditions.length)) best = grant;
      }
      if (!best) return undefined;
      grants.push(best);
    }
    return grants;
  }

  /**
   * Would `p` be an administrator of its account after a change (its identity
   * policies replaced, its boundary removed)? Same probes as the admin check.
   */
  wouldBeAdmin(
    p: PrincipalContext,
    change: { identityPolicies?: PolicyInput[]; dropBoundary?: boolean },
  ): { conditions: UnresolvedCondition[] } | undefined {
    let conditions: UnresolvedCondition[] = [];
    for (const probe of ADMIN_PROBES) {
      const options: CheckOptions = {};
      if (change.identityPolicies) options.identityPolicies = change.identityPolicies;
      if (change.dropBoundary) options.dropBoundary = true;
      const grant = this.check(p, probe.action, probeResource(probe, p.accountId), options);
      if (!grant) return undefined;
      // Only conditions from the fixed parts (SCPs, boundary) matter; the granted policy has none.
      conditions = mergeConditions(conditions, grant.conditions);
    }
    return { conditions };
  }

  /** Build an edge from grants, merging their conditions and evidence. */
  edge(
    from: PrincipalContext,
    to: string,
    method: { id: string; catalogIds: string[]; needsRuntime?: string },
    gains: 'principal' | 'admin',
    grants: readonly Grant[],
    extra: {
      conditions?: readonly UnresolvedCondition[];
      evidence?: readonly StatementRef[];
      actions?: readonly string[];
      caveats?: string[];
      via?: string;
      modifies?: string;
      needsRuntime?: string;
    } = {},
  ): EscalationEdge {
    const edge: EscalationEdge = {
      from: from.key,
      to,
      method: method.id,
      catalogIds: method.catalogIds,
      actions: [...new Set([...grants.map((g) => g.action), ...(extra.actions ?? [])])],
      gains,
      conditions: mergeConditions(...grants.map((g) => g.conditions), extra.conditions ?? []),
      evidence: mergeEvidence(...grants.map((g) => g.evidence), extra.evidence ?? []),
      crossAccount: false,
    };
    const needsRuntime = extra.needsRuntime ?? method.needsRuntime;
    if (needsRuntime) edge.needsRuntime = needsRuntime;
    if (extra.caveats && extra.caveats.length > 0) edge.caveats = extra.caveats;
    if (extra.via) edge.via = extra.via;
    if (extra.modifies) edge.modifies = extra.modifies;
    return edge;
  }
}

/** One call of a method: any one of `anyOf`, on a resource the caller may create (`{account}`, `{region}` filled in). */
export interface Step {
  anyOf: string[];
  resource: string;
}

function fillTemplate(template: string, account: string): string {
  return template.replaceAll('{account}', account).replaceAll('{region}', DEFAULT_REGION);
}

/** A concrete ARN the pattern names, or undefined when the pattern is for another service. */
function instantiate(pattern: string, service: string, account: string): string | undefined {
  if (pattern === '*') return undefined;
  const parts = pattern.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = 'aws', svc = '', region = '', acct = ''] = parts;
  if (svc !== '*' && svc.toLowerCase() !== service) return undefined;
  const concrete = (s: string, fill: string): string =>
    s.includes('*') || s.includes('?') ? (s === '*' ? fill : s.replaceAll('*', '').replaceAll('?', 'x')) : s;
  const resource = parts.slice(5).join(':').replaceAll('*', 'atlas-probe').replaceAll('?', 'x');
  return [
    'arn',
    partition.includes('*') ? 'aws' : partition,
    service,
    concrete(region, region === '' ? '' : DEFAULT_REGION),
    concrete(acct, account),
    resource,
  ].join(':');
}

/**
 * Policy variables in a Resource pattern, for the prefilter only: the ones the
 * snapshot knows are filled in (so `user/${aws:username}` names the caller
 * alone), the others become `*`. Undefined: the pattern can match nothing.
 */
function fillVariables(pattern: string, p: PrincipalContext): string | undefined {
  let dead = false;
  const filled = pattern.replace(/\$\{([^}]*)\}/g, (_m, inner: string) => {
    const name = inner.split(',')[0]?.trim().toLowerCase() ?? '';
    if (name === '*' || name === '?' || name === '$') return name;
    if (name === 'aws:username') {
      if (p.kind === 'User' && p.user) return p.user.name;
      dead = true;
      return '';
    }
    if (name === 'aws:principalaccount') return p.accountId;
    if (name.startsWith('aws:principaltag/')) {
      const tag = name.slice('aws:principaltag/'.length);
      const value = Object.entries(p.principal.tags ?? {}).find(([k]) => k.toLowerCase() === tag)?.[1];
      if (value !== undefined) return value;
    }
    return '*';
  });
  return dead ? undefined : filled;
}

/** Identity policies of `p` with managed policy `arn` replaced by `document` (users: also through groups). */
export function withPolicyReplaced(
  p: PrincipalContext,
  arn: string,
  document: PolicyDocumentJson,
): PolicyInput[] {
  return p.identityPolicies.map((input) =>
    input.id === arn ? { id: `${arn}#hypothetical`, document } : input,
  );
}
