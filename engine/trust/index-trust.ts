/**
 * Indexes that let reachability find candidate (caller, role) pairs without
 * pairing every principal with every role:
 *
 * - per role, the trust-policy Allow statements that can grant one of the
 *   sts:AssumeRole* actions, with what their Principal names;
 * - per principal, the identity-policy Allow statements that can grant
 *   sts:AssumeRole, keyed by the role they name: exact role ARNs in a map,
 *   wildcard patterns in lists per (target account, caller account).
 *
 * Both are over-approximations (prefilters): the evaluator decides every
 * candidate with the full rules, Deny statements and conditions included.
 */
import { globFromString, matchGlob, parsePolicy, type ParsedStatement } from '../evaluate/index.ts';
import type { PolicyDocumentJson, Role } from '../model.ts';
import type { PrincipalContext, SnapshotContext } from './context.ts';

export const ASSUME_ROLE = 'sts:AssumeRole';
export const ASSUME_ROLE_WITH_SAML = 'sts:AssumeRoleWithSAML';
export const ASSUME_ROLE_WITH_WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
export const ASSUME_ACTIONS = [ASSUME_ROLE, ASSUME_ROLE_WITH_SAML, ASSUME_ROLE_WITH_WEB_IDENTITY] as const;
export type AssumeAction = (typeof ASSUME_ACTIONS)[number];

/**
 * Does a parsed statement's Action/NotAction cover `action`? Uses the patterns
 * compiled at parse time and leaves the evaluator's per-statement memo alone:
 * callers asking about many actions keep their own answers, for as long as they run.
 */
export function statementCovers(st: ParsedStatement, action: string): boolean {
  const matcher = st.action;
  if (!matcher) return false;
  if (matcher.matchesAll) return !matcher.negated;
  const lower = action.toLowerCase();
  const matched = matcher.exact.has(lower) || matcher.globs.some((glob) => matchGlob(glob, lower));
  return matched !== matcher.negated;
}

const asList = (v: unknown): string[] =>
  v === undefined || v === null
    ? []
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? [v]
        : [];

/** What one trust-policy statement names, with entries as written (they are the graph's node keys). */
export interface TrustStatementInfo {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  notPrincipal: boolean;
  /** The sts:AssumeRole* actions the statement's Action element covers. */
  actions: AssumeAction[];
  anyone: boolean;
  /** 12-digit account id → entry as written. */
  accounts: Map<string, string>;
  /** User, role and federated-user ARNs as written. */
  arns: string[];
  /** Assumed-role session ARNs. */
  sessions: string[];
  services: string[];
  federated: string[];
  uniqueIds: string[];
  conditionKeys: string[];
  raw: Readonly<Record<string, unknown>>;
  statement: ParsedStatement;
}

export interface RoleTrust {
  role: Role;
  /** The trust policy as the evaluator's input (one object per role, so it is parsed once). */
  document: PolicyDocumentJson;
  statements: TrustStatementInfo[];
}

function conditionKeys(raw: Readonly<Record<string, unknown>>): string[] {
  const condition = raw.Condition;
  if (!condition || typeof condition !== 'object') return [];
  const keys: string[] = [];
  for (const block of Object.values(condition as Record<string, unknown>)) {
    if (block && typeof block === 'object') keys.push(...Object.keys(block as Record<string, unknown>));
  }
  return keys;
}

export function indexRoleTrust(role: Role): RoleTrust {
  const parsed = parsePolicy(role.trustPolicy, role.arn);
  const statements: TrustStatementInfo[] = [];
  for (const st of parsed.statements) {
    const matcher = st.principal;
    if (!matcher) continue;
    const raw = st.raw;
    const principalRaw = (matcher.negated ? raw.NotPrincipal : raw.Principal) as unknown;
    const byType =
      principalRaw && typeof principalRaw === 'object' && !Array.isArray(principalRaw)
        ? (principalRaw as Record<string, unknown>)
        : {};
    const info: TrustStatementInfo = {
      index: st.index,
      effect: st.effect,
      notPrincipal: matcher.negated,
      actions: ASSUME_ACTIONS.filter((a) => statementCovers(st, a)),
      anyone: matcher.anyone,
      accounts: new Map(matcher.accounts),
      arns: [...matcher.arns],
      sessions: [...matcher.sessions],
      services: asList(byType.Service).filter((s) => s !== '*'),
      federated: asList(byType.Federated).filter((s) => s !== '*'),
      uniqueIds: [...matcher.uniqueIds],
      conditionKeys: conditionKeys(raw),
      raw,
      statement: st,
    };
    if (st.sid !== undefined) info.sid = st.sid;
    statements.push(info);
  }
  return { role, document: role.trustPolicy, statements };
}

// ---------------------------------------------------------------------------
// Identity-side index: who may call sts:AssumeRole on which role.
// ---------------------------------------------------------------------------

interface WildEntry {
  principal: PrincipalContext;
  test: (roleArn: string) => boolean;
}

const ALWAYS = (): boolean => true;

/**
 * A prefilter for an ARN pattern: `*` and `?` are wildcards, everything else
 * literal, and `*` may span colons (an over-approximation of the evaluator's
 * part-by-part ARN match). Case-sensitive, as Resource ARNs are. The glob
 * matcher is linear in the ARN for any pattern; a regular expression built
 * from the pattern backtracks exponentially in its stars.
 */
function patternTest(pattern: string): (arn: string) => boolean {
  const glob = globFromString(pattern);
  return (arn) => matchGlob(glob, arn);
}

export class IdentityAssumeIndex {
  /** Role ARN → principals whose identity policies name it exactly. */
  private readonly exact = new Map<string, Set<PrincipalContext>>();
  /** Target account (or '*' when the pattern's account is a wildcard) → caller account → entries. */
  private readonly wild = new Map<string, Map<string, WildEntry[]>>();
  statements = 0;

  constructor(ctx: SnapshotContext) {
    for (const principal of ctx.principals.values()) this.addPrincipal(principal);
  }

  private addWild(target: string, entry: WildEntry): void {
    let byCaller = this.wild.get(target);
    if (!byCaller) this.wild.set(target, (byCaller = new Map()));
    const list = byCaller.get(entry.principal.accountId);
    if (list) list.push(entry);
    else byCaller.set(entry.principal.accountId, [entry]);
  }

  private addPrincipal(principal: PrincipalContext): void {
    for (const input of principal.identityPolicies) {
      const parsed = parsePolicy(input.document, input.id);
      for (const st of parsed.statements) {
        if (st.effect !== 'Allow' || !statementCovers(st, ASSUME_ROLE)) continue;
        this.statements++;
        const resource = st.resource;
        // No Resource element, NotResource, or variables: cannot be keyed; the evaluator decides.
        if (!resource || resource.negated) {
          this.addWild('*', { principal, test: ALWAYS });
          continue;
        }
        for (const pattern of asList(st.raw.Resource)) {
          if (pattern === '*' || pattern.includes('${')) {
            this.addWild('*', { principal, test: ALWAYS });
            continue;
          }
          if (!pattern.includes('*') && !pattern.includes('?')) {
            let set = this.exact.get(pattern);
            if (!set) this.exact.set(pattern, (set = new Set()));
            set.add(principal);
            continue;
          }
          const parts = pattern.split(':');
          const account = parts.length >= 6 ? (parts[4] ?? '') : '*';
          const target = account === '' || account.includes('*') || account.includes('?') ? '*' : account;
          this.addWild(target, { principal, test: patternTest(pattern) });
        }
      }
    }
  }

  /** Principals of `callerAccount` whose identity policies may allow sts:AssumeRole on `roleArn`. */
  candidatesInAccount(roleArn: string, roleAccount: string, callerAccount: string): Set<PrincipalContext> {
    const out = new Set<PrincipalContext>();
    for (const p of this.exact.get(roleArn) ?? []) if (p.accountId === callerAccount) out.add(p);
    for (const target of [roleAccount, '*']) {
      for (const entry of this.wild.get(target)?.get(callerAccount) ?? []) {
        if (!out.has(entry.principal) && entry.test(roleArn)) out.add(entry.principal);
      }
    }
    return out;
  }

  /** Principals of any account whose identity policies may allow sts:AssumeRole on `roleArn`. */
  candidatesAnywhere(roleArn: string, roleAccount: string): Set<PrincipalContext> {
    const out = new Set<PrincipalContext>(this.exact.get(roleArn) ?? []);
    for (const target of [roleAccount, '*']) {
      for (const list of this.wild.get(target)?.values() ?? []) {
        for (const entry of list)
          if (!out.has(entry.principal) && entry.test(roleArn)) out.add(entry.principal);
      }
    }
    return out;
  }
}
