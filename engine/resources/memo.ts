/**
 * Reusing one principal's decision for another. Within one resource, two
 * principals of the same kind and account get the same answer when the
 * policies that can matter are the same objects and none of them looks at
 * who the principal is: the identity policies with a statement (Allow or
 * Deny) that may apply to one of the type's actions on the resource (by
 * action and Resource pattern; the others are never cited and never
 * decide), the boundary, the account's
 * SCPs, the resource policy and RCPs, none testing the principal's ARN,
 * tags, user id or name or using a policy variable, and the resource policy
 * naming neither of them (nor using NotPrincipal). aws:PrincipalOrgID and
 * aws:PrincipalAccount follow from the account, which is part of the key.
 * The copy's reasons name its own principal.
 */
import {
  globFromString,
  matchGlob,
  parsePolicy,
  type GlobToken,
  type ParsedPolicy,
} from '../evaluate/index.ts';
import type { AccountContext, PrincipalContext } from '../trust/index.ts';
import type { PolicyInput } from '../types.ts';
import { actionsOf, ANALYSED_TYPES, coveredActions, coversType, type AnalysedType } from './actions.ts';
import { AnalysisCache } from './analysis-cache.ts';

const PRINCIPAL_SPECIFIC =
  /\$\{|aws:principalarn|aws:principaltag|aws:userid|aws:username|aws:principalservicename|aws:sourceidentity/i;

const relevantCache = new AnalysisCache<ParsedPolicy, ReadonlySet<AnalysedType>>();
const allowCache = new AnalysisCache<ParsedPolicy, ReadonlySet<string>>();

/** The analysed actions some Allow statement of the policy covers (whatever its resource or conditions). */
export function actionsAllowed(input: PolicyInput): ReadonlySet<string> {
  const parsed = parsePolicy(input.document, input.id);
  const known = allowCache.get(parsed);
  if (known) return known;
  const out = new Set<string>();
  for (const type of ANALYSED_TYPES) {
    let mask = 0;
    for (const st of parsed.statements) if (st.effect === 'Allow') mask |= coveredActions(st, type);
    if (mask === 0) continue;
    actionsOf(type).forEach(({ action }, i) => {
      if (mask & (1 << i)) out.add(action);
    });
  }
  allowCache.set(parsed, out);
  return out;
}
const specificCache = new AnalysisCache<object, boolean>();

/** The types one of whose actions some statement of the policy covers. */
export function typesCovered(input: PolicyInput): ReadonlySet<AnalysedType> {
  const parsed = parsePolicy(input.document, input.id);
  const known = relevantCache.get(parsed);
  if (known) return known;
  const out = new Set<AnalysedType>();
  for (const type of ANALYSED_TYPES) {
    if (parsed.statements.some((st) => coversType(st, type))) out.add(type);
  }
  relevantCache.set(parsed, out);
  return out;
}

/** Does the policy look at who the principal is (its ARN, tags, ids, a variable)? */
export function principalSpecific(input: PolicyInput | undefined): boolean {
  if (!input) return false;
  const document = input.document;
  if (typeof document === 'string') return PRINCIPAL_SPECIFIC.test(document);
  const known = specificCache.get(document);
  if (known !== undefined) return known;
  const specific = PRINCIPAL_SPECIFIC.test(JSON.stringify(document));
  specificCache.set(document, specific);
  return specific;
}

const levelsCache = new AnalysisCache<PolicyInput[][], boolean>();

/** Do organization policy levels look at who the principal is? */
export function levelsSpecific(levels: PolicyInput[][]): boolean {
  const known = levelsCache.get(levels);
  if (known !== undefined) return known;
  const specific = levels.some((level) => level.some((p) => principalSpecific(p)));
  levelsCache.set(levels, specific);
  return specific;
}

interface StatementReach {
  types: ReadonlySet<AnalysedType>;
  /** Lower-case resource globs; undefined when the statement may match any resource (`*`, NotResource, a variable). */
  globs?: GlobToken[][];
}

const reachCache = new AnalysisCache<ParsedPolicy, StatementReach[]>();

/** Per statement (Allow or Deny): the types one of whose actions it covers, and the resources it may match. */
function statementReach(parsed: ParsedPolicy): StatementReach[] {
  let out = reachCache.get(parsed);
  if (out) return out;
  out = [];
  for (const st of parsed.statements) {
    const types = new Set(ANALYSED_TYPES.filter((type) => coversType(st, type)));
    if (types.size === 0) continue;
    const raw = st.raw.Resource;
    const patterns = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.map(String) : [];
    const any =
      !st.resource || st.resource.negated || patterns.length === 0 || patterns.some((x) => x.includes('${'));
    out.push(any ? { types } : { types, globs: patterns.map((x) => globFromString(x.toLowerCase())) });
  }
  reachCache.set(parsed, out);
  return out;
}

/**
 * Can some statement of the policy (Allow or Deny) apply to one of the type's actions on one of
 * `arns` (lower case)? A policy that cannot is never cited and never decides, so principals that
 * differ only by such policies decide alike. Matching ignores case, which can only say "may apply"
 * more often than the evaluator.
 */
export function mayApply(input: PolicyInput, type: AnalysedType, arns: readonly string[]): boolean {
  if (!typesCovered(input).has(type)) return false;
  for (const st of statementReach(parsePolicy(input.document, input.id))) {
    if (!st.types.has(type)) continue;
    if (!st.globs) return true;
    if (st.globs.some((glob) => arns.some((arn) => matchGlob(glob, arn)))) return true;
  }
  return false;
}

/** How an identity policy may apply to a type's resources: never, whatever the ARN, or depending on the ARN. */
type Reach = 'never' | 'always' | 'by-arn';

/** What a principal's decision key is made of, for one type (DecisionKeys.keyParts). */
type KeyParts =
  { fixed: string | undefined } | { head: string; policies: { input: PolicyInput; byArn: boolean }[] };

/**
 * Decision keys for one analysis. What each principal's key is made of per type, and each identity
 * policy's reach per type, are worked out once and kept until the analysis ends (not on the
 * snapshot's objects, which outlive it).
 */
export class DecisionKeys {
  private readonly reach = new Map<PolicyInput, Map<AnalysedType, Reach>>();
  private readonly parts = new Map<PrincipalContext, Map<AnalysedType, KeyParts>>();

  private reachOf(input: PolicyInput, type: AnalysedType): Reach {
    let byType = this.reach.get(input);
    if (!byType) {
      byType = new Map();
      for (const st of statementReach(parsePolicy(input.document, input.id))) {
        for (const t of st.types) {
          if (byType.get(t) !== 'always') byType.set(t, st.globs ? 'by-arn' : 'always');
        }
      }
      this.reach.set(input, byType);
    }
    return byType.get(type) ?? 'never';
  }

  /**
   * Per principal and type, what its decision key is made of: `fixed` when the key is the same for
   * every resource of the type (no identity policy whose reach depends on the ARN), else the head
   * of the key and the policies that may apply (`byArn`: only on some ARNs), in attachment order.
   */
  private keyParts(p: PrincipalContext, type: AnalysedType): KeyParts {
    let byType = this.parts.get(p);
    if (!byType) this.parts.set(p, (byType = new Map()));
    let parts = byType.get(type);
    if (parts) return parts;
    const head = `${p.kind}|${p.accountId}|${p.principal.serviceLinkedRole === true}|${p.boundary?.id ?? ''}|`;
    if (
      p.principal.sessionName !== undefined ||
      levelsSpecific(p.account.scps) ||
      (p.boundary !== undefined && principalSpecific(p.boundary))
    ) {
      parts = { fixed: undefined };
    } else {
      const policies: { input: PolicyInput; byArn: boolean }[] = [];
      let specific = false;
      for (const input of p.identityPolicies) {
        const reach = this.reachOf(input, type);
        if (reach === 'never') continue;
        if (reach === 'always' && principalSpecific(input)) specific = true;
        policies.push({ input, byArn: reach === 'by-arn' });
      }
      if (specific) parts = { fixed: undefined };
      else if (policies.every((x) => !x.byArn))
        parts = { fixed: head + policies.map((x) => x.input.id).join('\u0000') };
      else parts = { head, policies };
    }
    byType.set(type, parts);
    return parts;
  }

  /**
   * The key under which a principal's decision on one resource of the type can be shared, or
   * undefined when it cannot. `applies` says whether an identity policy may apply to the resource
   * (mayApply, cached per resource by the caller); only those are part of the key. Policies that may
   * apply to every resource of the type, or to none, are sorted out once per principal and type.
   */
  key(p: PrincipalContext, type: AnalysedType, applies: (input: PolicyInput) => boolean): string | undefined {
    const parts = this.keyParts(p, type);
    if (!('head' in parts)) return parts.fixed;
    const ids: string[] = [];
    for (const { input, byArn } of parts.policies) {
      if (byArn && !applies(input)) continue;
      if (principalSpecific(input)) return undefined;
      ids.push(input.id);
    }
    return parts.head + ids.join('\u0000');
  }
}

const ACCOUNT_SPECIFIC = /aws:principalaccount/i;
const accountCache = new AnalysisCache<object, boolean>();

function mentionsAccount(input: PolicyInput): boolean {
  const document = input.document;
  if (typeof document === 'string') return ACCOUNT_SPECIFIC.test(document);
  let known = accountCache.get(document);
  if (known === undefined)
    accountCache.set(document, (known = ACCOUNT_SPECIFIC.test(JSON.stringify(document))));
  return known;
}

/**
 * The key under which an account caller's decision (callers.ts: the principals of an account reached
 * through "*") can be shared with another account's: same organization facts and SCP policies, and no
 * policy in play testing aws:PrincipalAccount or who the principal is.
 */
export function accountDecisionKey(
  account: AccountContext,
  resourcePolicy: PolicyInput | undefined,
  rcps: PolicyInput[][],
): string | undefined {
  const documents = [resourcePolicy, ...rcps.flat(), ...account.scps.flat()];
  if (documents.some((input) => input && mentionsAccount(input))) return undefined;
  if (levelsSpecific(account.scps)) return undefined;
  const scps = account.scps.map((level) => level.map((p) => p.id).join(',')).join('/');
  return `account|${account.internal}|${account.orgId ?? ''}|${(account.orgPaths ?? []).join(',')}|${scps}`;
}
