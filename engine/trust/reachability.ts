/**
 * CAN_ASSUME: who can call sts:AssumeRole* on which role, decided by the
 * evaluator with every rule (trust policy, identity policies, boundary, the
 * caller's SCPs, the role account's RCPs, conditions).
 *
 * Candidates come from what each trust statement names (index-trust.ts), so
 * the work grows with policy size and edges, not principals × roles:
 *   exact user/role ARN   → that principal
 *   account (id / :root)  → principals of that account whose identity policies
 *                           may allow sts:AssumeRole on the role; an account
 *                           without IAM data in the snapshot → its Account node
 *   "*"                   → the Anyone node, the role account's principals
 *                           (same-account "*" needs no identity Allow), and
 *                           principals elsewhere whose identity may allow it
 *   Service / Federated   → the ServicePrincipal / IdentityProvider node
 *   unique id             → nothing: the principal it named was deleted
 *
 * Callers the snapshot knows nothing about (accounts or principals without
 * IAM data, services, identity providers, anyone) are evaluated as a
 * synthetic caller whose own account is assumed to allow the call: its
 * identity side is the single policy `assumed:caller-own-policies` allowing
 * sts:AssumeRole*, and it has no SCPs. Only the trust policy, the role
 * account's RCPs and the conditions the snapshot can decide count. Conditions
 * on facts about such a caller that the snapshot cannot know (its ARN, tags,
 * organization) are kept on the edge as requirements instead of being read as
 * absent.
 */
import { evaluate } from '../evaluate/index.ts';
import type { SnapshotModel } from '../model.ts';
import type {
  EvaluationInput,
  EvaluationResult,
  PolicyInput,
  RequestPrincipal,
  StatementRef,
  UnresolvedCondition,
} from '../types.ts';
import {
  buildSnapshotContext,
  type AccountContext,
  type PrincipalContext,
  type RoleTarget,
  type SnapshotContext,
} from './context.ts';
import {
  ASSUME_ROLE,
  ASSUME_ROLE_WITH_SAML,
  ASSUME_ROLE_WITH_WEB_IDENTITY,
  IdentityAssumeIndex,
  indexRoleTrust,
  type AssumeAction,
  type RoleTrust,
  type TrustStatementInfo,
} from './index-trust.ts';
import {
  stripUnknowable,
  UNKNOWN_FOR_ACCOUNT,
  UNKNOWN_FOR_ANYONE,
  UNKNOWN_FOR_ARN,
  UNKNOWN_FOR_INTERNAL_ACCOUNT,
  type Stripped,
} from './unknowable.ts';

export type AssumeMechanism = 'AssumeRole' | 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity' | 'service';
export type AssumeVia =
  'exact-principal' | 'account' | 'anyone' | 'service' | 'federated' | 'external-account';

export interface CanAssumeEdge {
  /** Node key of the caller: user/role ARN, account id, service name, provider ARN, `*`, or an external principal ARN. */
  from: string;
  /** The role ARN. */
  to: string;
  fromKind:
    'User' | 'Role' | 'Account' | 'ExternalPrincipal' | 'ServicePrincipal' | 'IdentityProvider' | 'Anyone';
  actions: string[];
  mechanism: AssumeMechanism;
  via: AssumeVia;
  crossAccount: boolean;
  crossOrganization: boolean;
  conditional: boolean;
  conditions: UnresolvedCondition[];
  trustStatement: StatementRef;
  identityStatements: StatementRef[];
  /** Every statement the decision rests on (trust, identity, boundary, SCPs, RCPs). */
  evidence: StatementRef[];
  roleChaining: boolean;
  /** Role chaining caps the session at one hour whatever the role's MaxSessionDuration. */
  maxSessionSeconds?: number;
  /** The session name when the trust policy names a role session rather than the role. */
  sessionName?: string;
  reasons: string[];
}

export interface ReachabilityStats {
  roles: number;
  serviceLinkedRoles: number;
  candidates: number;
  evaluateCalls: number;
  edges: number;
  conditionalEdges: number;
  /** Trust entries naming a deleted principal (unique id), or a principal missing from an account whose IAM data is loaded. */
  unmatchedTrustEntries: number;
  identityAssumeStatements: number;
}

export interface TrustAnalysis {
  edges: CanAssumeEdge[];
  stats: ReachabilityStats;
  context: SnapshotContext;
  trusts: RoleTrust[];
}

/** The counters of the last `analyseTrust` run (tests use them to check the work is not quadratic). */
export const reachabilityStats: ReachabilityStats = emptyStats();

function emptyStats(): ReachabilityStats {
  return {
    roles: 0,
    serviceLinkedRoles: 0,
    candidates: 0,
    evaluateCalls: 0,
    edges: 0,
    conditionalEdges: 0,
    unmatchedTrustEntries: 0,
    identityAssumeStatements: 0,
  };
}

/** The identity side assumed for callers whose own policies are not in the snapshot. */
export const CALLER_OWN_POLICIES: PolicyInput = {
  id: 'assumed:caller-own-policies',
  document: {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AssumedByAtlas', Effect: 'Allow', Action: 'sts:AssumeRole*', Resource: '*' }],
  },
};

function mechanismOf(action: AssumeAction): AssumeMechanism {
  return action === ASSUME_ROLE
    ? 'AssumeRole'
    : action === ASSUME_ROLE_WITH_SAML
      ? 'AssumeRoleWithSAML'
      : 'AssumeRoleWithWebIdentity';
}

function trustRef(trust: RoleTrust, st: TrustStatementInfo): StatementRef {
  const ref: StatementRef = {
    policyId: trust.role.arn,
    policyKind: 'trust',
    statementIndex: st.index,
    effect: st.effect,
    statement: st.raw as Record<string, unknown>,
  };
  if (st.sid !== undefined) ref.sid = st.sid;
  return ref;
}

/**
 * Shares identical evidence objects between edges: a snapshot of 100,000 roles
 * has hundreds of thousands of edges citing the same few thousand statements
 * (FullAWSAccess at every SCP level, AdministratorAccess, ...).
 */
class Interner {
  private readonly refs = new Map<string, StatementRef>();
  private readonly conditions = new Map<string, UnresolvedCondition>();
  private readonly lines = new Map<string, string>();

  private refKey(r: StatementRef): string {
    return `${r.policyId}\u0000${r.policyKind}\u0000${r.statementIndex}`;
  }

  ref(r: StatementRef): StatementRef {
    const k = this.refKey(r);
    const known = this.refs.get(k);
    if (known) return known;
    this.refs.set(k, r);
    return r;
  }

  condition(c: UnresolvedCondition): UnresolvedCondition {
    const k = `${this.refKey(c.source)}\u0000${c.key}\u0000${c.operator}\u0000${c.mustHold}\u0000${c.values.join('\u0001')}`;
    const known = this.conditions.get(k);
    if (known) return known;
    const shared = { ...c, source: this.ref(c.source) };
    this.conditions.set(k, shared);
    return shared;
  }

  private readonly actionLists = new Map<string, string[]>();

  /** One list per action: most edges carry the same one (never mutated; merging makes a new list). */
  actions(action: AssumeAction): string[] {
    let list = this.actionLists.get(action);
    if (!list) {
      list = [action];
      this.actionLists.set(action, list);
    }
    return list;
  }

  /** Reason sentences after the first repeat across edges (SCP/RCP summaries); the first names the caller. */
  reasons(lines: readonly string[]): string[] {
    return lines.map((line, i) => {
      if (i === 0) return line;
      const known = this.lines.get(line);
      if (known !== undefined) return known;
      this.lines.set(line, line);
      return line;
    });
  }
}

interface Candidate {
  from: string;
  fromKind: CanAssumeEdge['fromKind'];
  action: AssumeAction;
  /** A principal of the snapshot, or undefined for synthetic callers. */
  principal?: PrincipalContext;
  synthetic?: { request: RequestPrincipal; account?: AccountContext; unknown: RegExp; via: AssumeVia };
}

export interface AnalyseOptions {
  /** Reuse a context built by the caller (the findings share it). */
  context?: SnapshotContext;
}

export function analyseTrust(model: SnapshotModel, options: AnalyseOptions = {}): TrustAnalysis {
  const ctx = options.context ?? buildSnapshotContext(model);
  const stats = emptyStats();
  const identityIndex = new IdentityAssumeIndex(ctx);
  stats.identityAssumeStatements = identityIndex.statements;
  const edges: CanAssumeEdge[] = [];
  const trusts: RoleTrust[] = [];
  const interner = new Interner();
  const rolesByAccountName = new Map<string, PrincipalContext>();
  for (const p of ctx.principals.values())
    if (p.kind === 'Role') rolesByAccountName.set(`${p.accountId}/${p.role?.name ?? ''}`, p);

  for (const target of ctx.roles.values()) {
    stats.roles++;
    const trust = indexRoleTrust(target.role);
    trusts.push(trust);
    const serviceLinked = target.role.serviceLinked;
    if (serviceLinked) stats.serviceLinkedRoles++;
    const trustInput: PolicyInput = { id: target.role.arn, document: trust.document };
    const candidates = new Map<string, Candidate>();
    const add = (c: Candidate): void => {
      const k = `${c.from}\u0000${c.action}`;
      if (!candidates.has(k)) candidates.set(k, c);
    };
    const addPrincipal = (p: PrincipalContext, action: AssumeAction): void =>
      add({ from: p.key, fromKind: p.kind, action, principal: p });

    for (const st of trust.statements) {
      if (st.effect !== 'Allow' || st.notPrincipal || st.actions.length === 0) continue;
      const assumeRole = st.actions.includes(ASSUME_ROLE);
      for (const service of st.services) {
        if (!assumeRole) continue;
        add({
          from: service,
          fromKind: 'ServicePrincipal',
          action: ASSUME_ROLE,
          synthetic: {
            request: { type: 'Service', arn: service },
            unknown: UNKNOWN_FOR_ANYONE,
            via: 'service',
          },
        });
      }
      for (const provider of st.federated) {
        const saml = provider.includes(':saml-provider/');
        const action = saml ? ASSUME_ROLE_WITH_SAML : ASSUME_ROLE_WITH_WEB_IDENTITY;
        if (!st.actions.includes(action)) continue;
        const providerAccount = /^arn:[^:]+:iam::(\d{12}):/.exec(provider)?.[1];
        const request: RequestPrincipal = { type: saml ? 'SAML' : 'WebIdentity', arn: provider };
        add({
          from: provider,
          fromKind: 'IdentityProvider',
          action,
          synthetic: {
            request,
            account: providerAccount ? ctx.account(providerAccount) : undefined,
            unknown: UNKNOWN_FOR_ANYONE,
            via: 'federated',
          },
        });
      }
      // Service-linked roles can only be assumed by their service: nothing else is a candidate.
      if (serviceLinked || !assumeRole) continue;

      if (st.anyone) {
        add({
          from: '*',
          fromKind: 'Anyone',
          action: ASSUME_ROLE,
          synthetic: {
            request: { type: 'Role', arn: '*', credentials: 'either' },
            unknown: UNKNOWN_FOR_ANYONE,
            via: 'anyone',
          },
        });
        for (const p of ctx.principalsByAccount.get(target.role.accountId) ?? [])
          addPrincipal(p, ASSUME_ROLE);
        for (const p of identityIndex.candidatesAnywhere(target.role.arn, target.role.accountId))
          addPrincipal(p, ASSUME_ROLE);
      }
      for (const arn of st.arns) {
        const known = ctx.principals.get(arn);
        if (known) {
          addPrincipal(known, ASSUME_ROLE);
          continue;
        }
        const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(user|role|federated-user)\//.exec(arn);
        const account = m?.[1] ? ctx.account(m[1]) : undefined;
        if (!account || account.hasIamData) {
          // IAM would have stored a unique id had the principal existed: nobody matches.
          stats.unmatchedTrustEntries++;
          continue;
        }
        const type = m?.[2] === 'user' ? 'User' : m?.[2] === 'role' ? 'Role' : 'FederatedUser';
        add({
          from: arn,
          fromKind: 'ExternalPrincipal',
          action: ASSUME_ROLE,
          synthetic: {
            request: { type, arn, accountId: account.id },
            account,
            unknown: UNKNOWN_FOR_ARN,
            via: 'external-account',
          },
        });
      }
      for (const session of st.sessions) {
        const m = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(session);
        if (!m) continue;
        const [, accountId = '', roleName = '', sessionName = ''] = m;
        const role = rolesByAccountName.get(`${accountId}/${roleName}`);
        if (role) {
          // The caller chooses the session name, so the role can always produce this session.
          add({
            from: role.key,
            fromKind: 'Role',
            action: ASSUME_ROLE,
            principal: { ...role, principal: { ...role.principal, sessionName } },
          });
          continue;
        }
        const account = ctx.account(accountId);
        if (account.hasIamData) {
          stats.unmatchedTrustEntries++;
          continue;
        }
        add({
          from: session,
          fromKind: 'ExternalPrincipal',
          action: ASSUME_ROLE,
          synthetic: {
            request: {
              type: 'Role',
              arn: `arn:aws:iam::${accountId}:role/${roleName}`,
              accountId,
              name: roleName,
              sessionName,
            },
            account,
            unknown: UNKNOWN_FOR_ARN,
            via: 'external-account',
          },
        });
      }
      for (const accountId of st.accounts.keys()) {
        const account = ctx.account(accountId);
        if (account.hasIamData) {
          for (const p of identityIndex.candidatesInAccount(
            target.role.arn,
            target.role.accountId,
            accountId,
          ))
            addPrincipal(p, ASSUME_ROLE);
          continue;
        }
        // Any principal of the account: users may sign with long-term keys, roles with sessions.
        const request: RequestPrincipal = {
          type: 'Role',
          arn: `arn:aws:iam::${accountId}:root`,
          accountId,
          credentials: 'either',
        };
        if (account.orgId) request.orgId = account.orgId;
        if (account.orgPaths) request.orgPaths = account.orgPaths;
        add({
          from: accountId,
          fromKind: 'Account',
          action: ASSUME_ROLE,
          synthetic: {
            request,
            account,
            unknown: account.internal ? UNKNOWN_FOR_INTERNAL_ACCOUNT : UNKNOWN_FOR_ACCOUNT,
            via: 'external-account',
          },
        });
      }
      stats.unmatchedTrustEntries += st.uniqueIds.length;
    }

    stats.candidates += candidates.size;
    const byFrom = new Map<string, CanAssumeEdge>();
    const strippedCache = new Map<RegExp, Stripped | undefined>();
    for (const c of candidates.values()) {
      let input: EvaluationInput;
      let stripped: Stripped | undefined;
      if (c.principal) {
        const p = c.principal;
        input = {
          request: { principal: p.principal, action: c.action, resource: target.resource },
          identityPolicies: p.identityPolicies,
          resourcePolicy: trustInput,
          resourcePolicyKind: 'trust',
          scps: p.account.scps,
          rcps: target.account.rcps,
        };
        if (p.boundary) input.permissionsBoundary = p.boundary;
      } else {
        const s = c.synthetic!;
        if (!strippedCache.has(s.unknown)) {
          strippedCache.set(
            s.unknown,
            stripUnknowable(
              { id: target.role.arn, document: trust.document },
              trust.statements,
              (st) => trustRef(trust, st),
              s.unknown,
              s.account && !s.account.internal ? ctx.orgId : undefined,
            ),
          );
        }
        stripped = strippedCache.get(s.unknown);
        const iam =
          s.request.type === 'Role' || s.request.type === 'User' || s.request.type === 'FederatedUser';
        input = {
          request: { principal: s.request, action: c.action, resource: target.resource },
          identityPolicies: iam ? [CALLER_OWN_POLICIES] : [],
          resourcePolicy: stripped?.policy ?? trustInput,
          resourcePolicyKind: 'trust',
          rcps: target.account.rcps,
        };
        // An account of the organization without IAM data: its SCPs are known and still apply.
        if (iam && s.account?.internal) input.scps = s.account.scps;
      }
      // Requests are made on or after the snapshot's reference date: time conditions it decides count.
      if (ctx.referenceDate) input.request.notBefore = ctx.referenceDate;
      stats.evaluateCalls++;
      const result = evaluate(input);
      if (result.decision !== 'allowed') continue;
      const edge = toEdge(c, result, trust, target, interner, stripped);
      if (!edge) continue;
      const previous = byFrom.get(edge.from);
      if (!previous) byFrom.set(edge.from, edge);
      else {
        // One edge per (caller, role): merge the actions, keep the least conditional evidence.
        const actions = [...new Set([...previous.actions, ...edge.actions])];
        const keep = edge.conditions.length < previous.conditions.length ? edge : previous;
        byFrom.set(edge.from, { ...keep, actions });
      }
    }
    for (const edge of byFrom.values()) {
      edges.push(edge);
      if (edge.conditional) stats.conditionalEdges++;
    }
  }
  stats.edges = edges.length;
  Object.assign(reachabilityStats, stats);
  return { edges, stats, context: ctx, trusts };
}

function toEdge(
  c: Candidate,
  result: EvaluationResult,
  trust: RoleTrust,
  target: RoleTarget,
  interner: Interner,
  stripped: Stripped | undefined,
): CanAssumeEdge | undefined {
  const found = result.evidence.find((e) => e.policyKind === 'trust');
  if (!found) return undefined;
  const trustStatement = interner.ref(found);
  const st = trust.statements.find((s) => s.index === trustStatement.statementIndex);
  const conditions = result.conditions.map((c) => interner.condition(c));
  const extra = stripped?.removed.get(trustStatement.statementIndex);
  if (extra) conditions.push(...extra.map((c) => interner.condition(c)));
  const evidence: StatementRef[] = [];
  for (const e of result.evidence) if (e.policyId !== CALLER_OWN_POLICIES.id) evidence.push(interner.ref(e));
  const roleAccount = target.account;

  let via: AssumeVia;
  let crossAccount: boolean;
  let crossOrganization: boolean;
  if (c.principal) {
    const p = c.principal;
    via = st?.anyone
      ? 'anyone'
      : st &&
          (st.arns.includes(p.key) ||
            st.sessions.some((s) => s.includes(`:assumed-role/${p.role?.name ?? '\u0000'}/`)))
        ? 'exact-principal'
        : 'account';
    crossAccount = p.accountId !== roleAccount.id;
    crossOrganization = crossAccount && p.account.internal !== roleAccount.internal;
  } else {
    const s = c.synthetic!;
    via = s.via;
    const callerAccount = s.account?.id ?? s.request.accountId;
    if (via === 'anyone') {
      crossAccount = true;
      crossOrganization = true;
    } else if (via === 'service') {
      crossAccount = false;
      crossOrganization = false;
    } else {
      crossAccount = callerAccount !== undefined && callerAccount !== roleAccount.id;
      crossOrganization = crossAccount && (s.account ? s.account.internal !== roleAccount.internal : false);
    }
  }
  const roleChaining = c.fromKind === 'Role';
  const edge: CanAssumeEdge = {
    from: c.from,
    to: target.role.arn,
    fromKind: c.fromKind,
    actions: interner.actions(c.action),
    mechanism: via === 'service' ? 'service' : mechanismOf(c.action),
    via,
    crossAccount,
    crossOrganization,
    conditional: conditions.length > 0,
    conditions,
    trustStatement,
    identityStatements: evidence.filter((e) => e.policyKind === 'identity'),
    evidence,
    roleChaining,
    reasons: interner.reasons(result.reasons),
  };
  if (c.synthetic && c.synthetic.request.type !== 'Service' && via !== 'federated') {
    edge.reasons.push(
      `The caller's own account is not in the snapshot: its identity policies are assumed to allow ${c.action} (${CALLER_OWN_POLICIES.id}).`,
    );
  }
  if (roleChaining) edge.maxSessionSeconds = 3600;
  // A trust naming a role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) matched that role's session.
  const sessionName = c.principal?.principal.sessionName ?? c.synthetic?.request.sessionName;
  if (sessionName !== undefined) edge.sessionName = sessionName;
  return edge;
}
