/**
 * A caller's allowed actions on a resource → one CAN_ACCESS edge with one
 * entry per access level. Each level cites the least conditional decision
 * among its actions (its statement, evidence, conditions and reasons);
 * `actions` lists every action of the level the caller is allowed. Principals
 * sharing a decision (memo.ts) share the levels too: the edge says whose name
 * their reasons carry (`renamed`).
 */
import type { StatementRef, UnresolvedCondition } from '../types.ts';
import { S3_OBJECT_ACTIONS } from './actions.ts';
import type { Caller } from './callers.ts';
import { CALLER_OWN_POLICIES, type Allowed, type CallerDecision } from './decide.ts';
import type { Interner } from './intern.ts';
import type { ResourcePlan } from './plan.ts';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type AccessVia,
  type CanAccessEdge,
  type LevelAccess,
} from './types.ts';

function conditionCount(a: Allowed): number {
  return a.result.conditions.length + a.extraConditions.length;
}

/** An ACL grant appended to the bucket policy is cited as `BUCKET#acl`, statement = its grant's position. */
function citeAcl(plan: ResourcePlan, ref: StatementRef): StatementRef {
  if (ref.policyKind !== 'resource' || ref.statementIndex < plan.policyStatements) return ref;
  return {
    ...ref,
    policyId: `${plan.resource.arn}#acl`,
    statementIndex: ref.statementIndex - plan.policyStatements,
  };
}

/** Evidence and conditions as edges cite them; shared by every edge citing the same decision (memo.ts). */
const citedCache = new WeakMap<Allowed, { evidence: StatementRef[]; conditions: UnresolvedCondition[] }>();

function cited(
  plan: ResourcePlan,
  a: Allowed,
  intern: Interner,
): { evidence: StatementRef[]; conditions: UnresolvedCondition[] } {
  let out = citedCache.get(a);
  if (!out) {
    out = {
      evidence: intern.refList(
        a.result.evidence.filter((e) => e.policyId !== CALLER_OWN_POLICIES.id).map((e) => citeAcl(plan, e)),
      ),
      conditions: intern.conditionList([
        ...a.result.conditions.map((c) => ({ ...c, source: citeAcl(plan, c.source) })),
        ...a.extraConditions,
      ]),
    };
    citedCache.set(a, out);
  }
  return out;
}

interface LevelGroup {
  level: AccessLevel;
  /** The least conditional decision of the level: the one the edge cites. */
  rep: Allowed;
  actions: string[];
  /** Some action is an S3 object action. */
  objects: boolean;
}

/** Allowed actions grouped by level; computed once per decision, shared by the principals it is shared with. */
const levelCache = new WeakMap<Allowed[], LevelGroup[]>();

function byLevel(allowed: Allowed[]): LevelGroup[] {
  let out = levelCache.get(allowed);
  if (out) return out;
  out = [];
  for (const level of ACCESS_LEVELS) {
    const of = allowed.filter((a) => a.level === level);
    if (of.length === 0) continue;
    // An entry sharing another action's decision (decide.ts, `sameAs`) follows that action in the same level
    // with as many conditions, so it is never the first least conditional one: the cited entry is exact.
    let rep = of[0]!;
    for (const a of of) if (a.sameAs === undefined && conditionCount(a) < conditionCount(rep)) rep = a;
    out.push({
      level,
      rep,
      actions: of.map((a) => a.action),
      objects: of.some((a) => S3_OBJECT_ACTIONS.has(a.action)),
    });
  }
  levelCache.set(allowed, out);
  return out;
}

/** The levels of a shared decision, computed once for the principals it is shared with (same kind and account). */
const sharedLevels = new WeakMap<Allowed[], LevelAccess[]>();

/** The caller's edge into the resource, or undefined when it is allowed nothing. */
export function accessEdge(
  plan: ResourcePlan,
  caller: Caller,
  decision: CallerDecision,
  intern: Interner,
): CanAccessEdge | undefined {
  if (decision.allowed.length === 0) return undefined;
  const callerAccount =
    decision.accountId === undefined ? undefined : (caller.principal?.account ?? caller.synthetic?.account);
  const crossOrganization =
    caller.fromKind === 'Anyone' ||
    (decision.crossAccount &&
      callerAccount !== undefined &&
      callerAccount.internal !== plan.account.internal);
  const edge: CanAccessEdge = {
    from: caller.key,
    fromKind: caller.fromKind,
    to: plan.resource.arn,
    crossAccount: decision.crossAccount,
    crossOrganization,
    levels: [],
  };
  // A principal's levels depend on the decision, its kind and account only (memo.ts): share them.
  if (caller.principal) {
    let levels = sharedLevels.get(decision.allowed);
    if (!levels) {
      const { reasonsName: _named, ...own } = decision;
      levels = accessLevels(plan, caller, own, intern);
      sharedLevels.set(decision.allowed, levels);
    }
    edge.levels = levels;
    if (decision.reasonsName) edge.renamed = decision.reasonsName;
    return edge;
  }
  edge.levels = accessLevels(plan, caller, decision, intern);
  return edge;
}

function accessLevels(
  plan: ResourcePlan,
  caller: Caller,
  decision: CallerDecision,
  intern: Interner,
): LevelAccess[] {
  const out: LevelAccess[] = [];
  for (const { level, rep, actions, objects } of byLevel(decision.allowed)) {
    const { evidence, conditions } = cited(plan, rep, intern);
    const resourceStatement = evidence.find((e) => e.policyKind === 'resource');
    const fromAcl = resourceStatement?.policyId.endsWith('#acl') === true;
    const identitySide =
      evidence.some((e) => e.policyKind === 'identity') ||
      ((caller.fromKind === 'Account' || caller.fromKind === 'ExternalPrincipal') && decision.crossAccount);
    const via: AccessVia = !resourceStatement
      ? 'identity-policy'
      : fromAcl
        ? 's3-acl'
        : identitySide
          ? 'both'
          : 'resource-policy';
    const isPublic =
      caller.fromKind === 'Anyone' &&
      resourceStatement !== undefined &&
      (fromAcl || plan.publicStatements.has(resourceStatement.statementIndex));

    // Only the first sentence names the principal; a shared decision's names the principal it was made for.
    const shared = decision.reasonsName;
    const [first = '', ...rest] = rep.result.reasons;
    const reasons = [shared === undefined ? first : first.split(shared.from).join(shared.to), ...rest];
    if (rep.extraConditions.length > 0) {
      reasons.push(
        `The snapshot does not describe this caller, so these conditions of the resource policy stay requirements: ${[...new Set(rep.extraConditions.map((c) => c.key))].join(', ')}.`,
      );
    }
    if (caller.fromKind === 'Account' && caller.synthetic?.account?.hasIamData) {
      reasons.push(
        `Stands for the principals of account ${caller.key} whose own identity policies allow the request: the resource policy grants to "*", so each also needs an identity-based Allow (and its boundary and SCPs).`,
      );
    } else if (
      (caller.fromKind === 'Account' || caller.fromKind === 'ExternalPrincipal') &&
      decision.crossAccount
    ) {
      reasons.push(
        `The caller's own account is not in the snapshot: its identity policies are assumed to allow the request (${CALLER_OWN_POLICIES.id}).`,
      );
    }
    if (objects) {
      reasons.push(`Object actions were evaluated on ${plan.resource.arn}/* (every object of the bucket).`);
    }
    reasons.push(...plan.notes, ...decision.notes);

    const entry: LevelAccess = {
      level,
      actions,
      via,
      public: isPublic,
      conditional: conditions.length > 0,
      conditions,
      evidence,
      reasons: reasons.map((r) => intern.string(r)),
    };
    if (resourceStatement) entry.resourceStatement = resourceStatement;
    out.push(entry);
  }
  return out;
}
