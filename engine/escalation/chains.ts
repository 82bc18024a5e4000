/**
 * Capability chains: escalation steps that gain a permission rather than a
 * principal. A source changes itself (joins a group, attaches a managed
 * policy, puts an inline policy, replaces a policy version, drops its
 * permissions boundary) and then uses what the change gave it: another change,
 * or any escalation method. Each change is modelled on a copy of the source's
 * effective policies and every later call is evaluated again on that copy, so
 * a boundary that blocked PutUserPolicy stops blocking it once it is deleted.
 *
 * The search is bounded: at most MAX_CHANGES changes, at most MAX_STATES
 * states per source, breadth-first so the shortest chain to each target wins.
 * Only sources that may make some self change are searched, and only chains
 * that end at administrator access (admin of the account, or a principal that
 * is an administrator) are kept, for targets the source cannot already reach
 * with one direct edge.
 *
 * The calls and their effect:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
import { parsePolicy, resourceMatches, type ParsedPolicy } from '../evaluate/index.ts';
import { defaultDocument, type PrincipalContext } from '../trust/context.ts';
import { statementCovers } from '../trust/index-trust.ts';
import type { PolicyInput } from '../types.ts';
import { ALLOW_ALL, mergeConditions, mergeEvidence, type EscalationContext, type Grant } from './context.ts';
import { ALLOW_ALL_DOCUMENT } from './probes.ts';
import {
  ADMINISTRATOR_ACCESS,
  attachedCustomerPolicies,
  boundaryRemoval,
  resourceOf,
} from './methods/shared.ts';
import { adminTarget, type ChainStep, type EscalationEdge, type EscalationMethod } from './types.ts';

/** Changes to itself a source may make before its last step. */
export const MAX_CHANGES = 3;
/** States (sets of changes) examined per source: bounds the work on a principal allowed many changes. */
export const MAX_STATES = 64;

/** The actions that change a principal's own permissions: the prefilter for sources worth searching. */
const CHANGE_ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachUserPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachGroupPolicy',
  'iam:PutUserPolicy',
  'iam:PutRolePolicy',
  'iam:PutGroupPolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:DeleteUserPermissionsBoundary',
  'iam:PutUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'iam:PutRolePermissionsBoundary',
];

interface State {
  /** The source as it is after `steps`. */
  p: PrincipalContext;
  steps: ChainStep[];
  /** Sorted keys of the changes made, to meet each set of changes once. */
  key: string;
}

interface Change {
  step: ChainStep;
  /** Stable identity of the change (method and what it modifies). */
  id: string;
  /**
   * The policies the change adds. A method that found nothing before can find something after
   * only when they allow one of its actions. Absent when the change may affect any call (a dropped
   * boundary, a policy that allows everything).
   */
  adds?: PolicyInput[];
  apply(p: PrincipalContext): PrincipalContext;
}

const stepOf = (method: string, grant: Grant, modifies: string): ChainStep => ({
  method,
  actions: [grant.action],
  modifies,
  conditions: grant.conditions,
  evidence: grant.evidence,
});

const withIdentity = (p: PrincipalContext, identityPolicies: PolicyInput[]): PrincipalContext => ({
  ...p,
  identityPolicies,
});

/** ARNs an Allow statement for `action` restricts iam:PolicyARN to (the policies it lets one attach). */
function policyArnValues(p: PrincipalContext, action: string): string[] {
  const out: string[] = [];
  for (const input of p.identityPolicies) {
    for (const st of parsePolicy(input.document, input.id).statements) {
      if (st.effect !== 'Allow' || !statementCovers(st, action)) continue;
      const condition = (st.raw as { Condition?: Record<string, Record<string, unknown>> }).Condition;
      if (!condition || typeof condition !== 'object') continue;
      for (const block of Object.values(condition)) {
        if (!block || typeof block !== 'object') continue;
        for (const [key, value] of Object.entries(block)) {
          if (key.toLowerCase() !== 'iam:policyarn') continue;
          for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') out.push(v);
        }
      }
    }
  }
  return out;
}

/** Managed policies the source might attach: AdministratorAccess, and every policy an iam:PolicyARN condition names. */
function attachCandidates(ctx: EscalationContext, p: PrincipalContext, action: string): string[] {
  const out = new Set([ADMINISTRATOR_ACCESS]);
  const values = policyArnValues(p, action);
  if (values.length === 0) return [...out];
  for (const policy of ctx.policyByArn.values()) {
    if (values.some((v) => v === policy.arn || resourceMatches(v, policy.arn))) out.add(policy.arn);
  }
  return [...out];
}

function documentOf(ctx: EscalationContext, arn: string): PolicyInput | undefined {
  const policy = ctx.policyByArn.get(arn);
  if (!policy) return arn === ADMINISTRATOR_ACCESS ? { id: arn, document: ALLOW_ALL_DOCUMENT } : undefined;
  const document = defaultDocument(policy);
  return document ? { id: arn, document } : undefined;
}

/** Per action list and parsed policy: does some Allow statement name one of the actions? */
const relevantCache = new WeakMap<readonly string[], WeakMap<ParsedPolicy, boolean>>();

/**
 * Does one of the policies allow one of `relevant`? A group or managed policy is worth joining or
 * attaching only when it allows some action an escalation method or a self change uses.
 */
function grantsRelevant(inputs: readonly PolicyInput[], relevant: readonly string[]): boolean {
  let cache = relevantCache.get(relevant);
  if (!cache) relevantCache.set(relevant, (cache = new WeakMap()));
  const byPolicy = cache;
  return inputs.some((input) => {
    const parsed = parsePolicy(input.document, input.id);
    const known = byPolicy.get(parsed);
    if (known !== undefined) return known;
    const yes = parsed.statements.some(
      (st) => st.effect === 'Allow' && relevant.some((a) => statementCovers(st, a)),
    );
    byPolicy.set(parsed, yes);
    return yes;
  });
}

/** Every change `p` may make to itself now, each as the step and its effect. */
function changesOf(ctx: EscalationContext, p: PrincipalContext, relevant: readonly string[]): Change[] {
  const out: Change[] = [];
  const self = resourceOf(ctx, p);
  const has = (id: string): boolean => p.identityPolicies.some((i) => i.id === id);
  const groups = p.user ? (ctx.groupsByAccount.get(p.accountId) ?? []) : [];
  const memberOf = groups.filter((g) => p.user?.groupNames.includes(g.name));

  // Join a group: its policies become the member's.
  if (p.user && ctx.mayAllow(p, 'iam:AddUserToGroup')) {
    const user = p.user;
    const others = groups.filter((g) => !user.groupNames.includes(g.name));
    for (const g of ctx.matchTargets(p, 'iam:AddUserToGroup', others, (x) => x.arn)) {
      if (!grantsRelevant(ctx.groupPolicies(g), relevant)) continue;
      const grant = ctx.check(p, 'iam:AddUserToGroup', { arn: g.arn, accountId: g.accountId });
      if (!grant) continue;
      out.push({
        id: `group:${g.arn}`,
        adds: ctx.groupPolicies(g),
        step: stepOf('iam-add-user-to-group', grant, g.arn),
        apply: (q) => ({
          ...withIdentity(q, [...q.identityPolicies, ...ctx.groupPolicies(g)]),
          user: { ...user, groupNames: [...user.groupNames, g.name] },
        }),
      });
    }
  }

  // Attach a managed policy to oneself or to a group one is in (iam:PolicyARN is the policy).
  const attach = (action: string, method: string, target: { arn: string; accountId: string }): void => {
    if (!ctx.mayAllow(p, action)) return;
    if (ctx.matchTargets(p, action, [target.arn], (x) => x).length === 0) return;
    for (const arn of attachCandidates(ctx, p, action)) {
      if (has(arn)) continue;
      const input = documentOf(ctx, arn);
      if (!input || !grantsRelevant([input], relevant)) continue;
      const grant = ctx.check(p, action, target, { context: { 'iam:PolicyARN': arn } });
      if (!grant) continue;
      out.push({
        id: `attach:${arn}`,
        adds: [input],
        step: stepOf(method, grant, arn),
        apply: (q) => withIdentity(q, [...q.identityPolicies, input]),
      });
    }
  };
  if (p.kind === 'User') attach('iam:AttachUserPolicy', 'iam-attach-user-policy', self);
  else attach('iam:AttachRolePolicy', 'iam-attach-role-policy', self);
  for (const g of memberOf)
    attach('iam:AttachGroupPolicy', 'iam-attach-group-policy', { arn: g.arn, accountId: g.accountId });

  // Put an inline policy (it can allow everything) on oneself or on a group one is in.
  const put = (action: string, method: string, target: { arn: string; accountId: string }): void => {
    if (!ctx.mayAllow(p, action) || has(ALLOW_ALL.id)) return;
    if (ctx.matchTargets(p, action, [target.arn], (x) => x).length === 0) return;
    const grant = ctx.check(p, action, target);
    if (!grant) return;
    out.push({
      id: 'inline:allow-all',
      step: stepOf(method, grant, target.arn),
      apply: (q) => withIdentity(q, [...q.identityPolicies, ALLOW_ALL]),
    });
  };
  if (p.kind === 'User') put('iam:PutUserPolicy', 'iam-put-user-policy', self);
  else put('iam:PutRolePolicy', 'iam-put-role-policy', self);
  for (const g of memberOf)
    put('iam:PutGroupPolicy', 'iam-put-group-policy', { arn: g.arn, accountId: g.accountId });

  // A new default version of an attached customer-managed policy (it can allow everything).
  if (ctx.mayAllow(p, 'iam:CreatePolicyVersion')) {
    const policies = attachedCustomerPolicies(ctx, p);
    for (const policy of ctx.matchTargets(p, 'iam:CreatePolicyVersion', policies, (x) => x.arn)) {
      const grant = ctx.check(p, 'iam:CreatePolicyVersion', { arn: policy.arn, accountId: policy.accountId });
      if (!grant || policy.versions.length >= 5) continue;
      out.push({
        id: `version:${policy.arn}`,
        step: stepOf('iam-create-policy-version', grant, policy.arn),
        apply: (q) =>
          withIdentity(
            q,
            q.identityPolicies.map((i) =>
              i.id === policy.arn ? { id: `${policy.arn}#hypothetical`, document: ALLOW_ALL_DOCUMENT } : i,
            ),
          ),
      });
    }
  }

  // Drop one's own permissions boundary (delete it, or replace it with a policy that allows everything).
  const removal = p.boundary ? boundaryRemoval(ctx, p, p) : undefined;
  if (p.boundary && removal) {
    out.push({
      id: 'boundary',
      step: stepOf('iam-delete-permissions-boundary', removal, p.boundary.id),
      apply: (q) => {
        const { boundary: _dropped, ...rest } = q;
        return rest;
      },
    });
  }
  return out;
}

/** Does `p` gain administrator access with this edge (admin of the account, or an administrator principal)? */
const reachesAdmin = (ctx: EscalationContext, e: EscalationEdge, admins: ReadonlySet<string>): boolean =>
  e.gains === 'admin' || ctx.fullAdmins.has(e.to) || admins.has(e.to);

/** The edge `last` found for the changed source, with the chain before it folded in. */
function chained(last: EscalationEdge, steps: ChainStep[]): EscalationEdge {
  const edge: EscalationEdge = {
    ...last,
    actions: [...new Set([...steps.flatMap((s) => s.actions), ...last.actions])],
    conditions: mergeConditions(...steps.map((s) => s.conditions), last.conditions),
    evidence: mergeEvidence(...steps.map((s) => s.evidence), last.evidence),
    chain: steps,
  };
  return edge;
}

/**
 * Capability chains of every source the analysis has not already made an
 * administrator. `direct` are the edges found without chains; `admins` the
 * principals that are administrators (full access or self-grant).
 */
export function findChains(
  ctx: EscalationContext,
  methods: readonly EscalationMethod[],
  direct: readonly EscalationEdge[],
  admins: ReadonlySet<string>,
): EscalationEdge[] {
  const reached = new Map<string, Set<string>>();
  for (const e of direct) {
    if (e.needsRuntime) continue;
    const set = reached.get(e.from) ?? new Set<string>();
    set.add(e.to);
    reached.set(e.from, set);
  }
  const relevant = [...new Set([...CHANGE_ACTIONS, ...methods.flatMap((m) => m.actions)])];
  const out: EscalationEdge[] = [];
  for (const source of [...ctx.sources]) {
    if (admins.has(source.key)) continue;
    if (!CHANGE_ACTIONS.some((a) => ctx.mayAllow(source, a))) continue;
    const already = reached.get(source.key) ?? new Set<string>();
    if (already.has(adminTarget(source.accountId))) continue;
    const found = new Set<string>();
    const mine: EscalationEdge[] = [];
    const seen = new Set<string>(['']);
    let frontier: State[] = [{ p: source, steps: [], key: '' }];
    let states = 0;
    for (let depth = 1; depth <= MAX_CHANGES && frontier.length > 0; depth++) {
      const next: State[] = [];
      for (const state of frontier) {
        if (states >= MAX_STATES) break;
        for (const change of changesOf(ctx, state.p, relevant)) {
          const ids = state.key ? [...state.key.split('\u0000'), change.id] : [change.id];
          const key = ids.sort().join('\u0000');
          if (seen.has(key) || states >= MAX_STATES) continue;
          seen.add(key);
          states++;
          const p = change.apply(state.p);
          const steps = [...state.steps, change.step];
          next.push({ p, steps, key });
          const admin = adminTarget(p.accountId);
          // The last change alone may make it an administrator.
          if (!found.has(admin) && ctx.wouldBeAdmin(p, {})) {
            found.add(admin);
            const last = steps[steps.length - 1]!;
            const edge: EscalationEdge = {
              from: source.key,
              to: admin,
              method: last.method,
              catalogIds: methods.find((m) => m.id === last.method)?.catalogIds ?? [],
              actions: [...new Set(steps.flatMap((s) => s.actions))],
              gains: 'admin',
              conditions: mergeConditions(...steps.map((s) => s.conditions)),
              evidence: mergeEvidence(...steps.map((s) => s.evidence)),
              crossAccount: false,
              modifies: last.modifies,
            };
            if (steps.length > 1) edge.chain = steps.slice(0, -1);
            mine.push(edge);
            continue;
          }
          if (found.has(admin)) continue;
          // Or any method, evaluated with what the changes gave it (only those the change can help).
          for (const method of methods) {
            if (method.phase === 2 && depth >= MAX_CHANGES) continue;
            if (change.adds && !grantsRelevant(change.adds, method.actions)) continue;
            for (const e of ctx.findAs(p, () => method.find(ctx))) {
              if (e.to === source.key || already.has(e.to) || found.has(e.to)) continue;
              if (!reachesAdmin(ctx, e, admins)) continue;
              found.add(e.to);
              mine.push(chained(e, steps));
            }
          }
        }
      }
      frontier = next;
    }
    // An administrator of the account controls every principal in it: once a chain gains admin,
    // chains that only take over principals say nothing more.
    const admin = mine.filter((e) => e.gains === 'admin');
    out.push(...(admin.length > 0 ? admin : mine));
  }
  return out;
}
