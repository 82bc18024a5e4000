/**
 * Reusing one principal's decision for another. Within one resource, two
 * principals of the same kind and account get the same answer when the
 * policies that can matter are the same objects and none of them looks at
 * who the principal is: the identity policies with a statement (Allow or
 * Deny) covering one of the type's actions, the boundary, the account's
 * SCPs, the resource policy and RCPs, none testing the principal's ARN,
 * tags, user id or name or using a policy variable, and the resource policy
 * naming neither of them (nor using NotPrincipal). aws:PrincipalOrgID and
 * aws:PrincipalAccount follow from the account, which is part of the key.
 * The copy's reasons name its own principal.
 */
import { parsePolicy, type ParsedPolicy } from '../evaluate/index.ts';
import type { AccountContext, PrincipalContext } from '../trust/index.ts';
import type { PolicyInput } from '../types.ts';
import { actionsOf, ANALYSED_TYPES, covers, coversType, mayCover, type AnalysedType } from './actions.ts';

const PRINCIPAL_SPECIFIC =
  /\$\{|aws:principalarn|aws:principaltag|aws:userid|aws:username|aws:principalservicename|aws:sourceidentity/i;

const relevantCache = new WeakMap<ParsedPolicy, ReadonlySet<AnalysedType>>();
const allowCache = new WeakMap<ParsedPolicy, ReadonlySet<string>>();

/** The analysed actions some Allow statement of the policy covers (whatever its resource or conditions). */
export function actionsAllowed(input: PolicyInput): ReadonlySet<string> {
  const parsed = parsePolicy(input.document, input.id);
  const known = allowCache.get(parsed);
  if (known) return known;
  const out = new Set<string>();
  for (const type of ANALYSED_TYPES) {
    const statements = parsed.statements.filter((st) => st.effect === 'Allow' && mayCover(st, type));
    if (statements.length === 0) continue;
    for (const { action } of actionsOf(type)) {
      if (statements.some((st) => covers(st, action))) out.add(action);
    }
  }
  allowCache.set(parsed, out);
  return out;
}
const specificCache = new WeakMap<object, boolean>();

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

const levelsCache = new WeakMap<PolicyInput[][], boolean>();

/** Do organization policy levels look at who the principal is? */
export function levelsSpecific(levels: PolicyInput[][]): boolean {
  const known = levelsCache.get(levels);
  if (known !== undefined) return known;
  const specific = levels.some((level) => level.some((p) => principalSpecific(p)));
  levelsCache.set(levels, specific);
  return specific;
}

/** The key under which a principal's decision on one resource can be shared, or undefined when it cannot. */
export function decisionKey(type: AnalysedType, p: PrincipalContext): string | undefined {
  if (p.principal.sessionName !== undefined || levelsSpecific(p.account.scps)) return undefined;
  if (p.boundary && principalSpecific(p.boundary)) return undefined;
  const ids: string[] = [];
  for (const input of p.identityPolicies) {
    if (!typesCovered(input).has(type)) continue;
    if (principalSpecific(input)) return undefined;
    ids.push(input.id);
  }
  return `${p.kind}|${p.accountId}|${p.principal.serviceLinkedRole === true}|${p.boundary?.id ?? ''}|${ids.join('\u0000')}`;
}

const ACCOUNT_SPECIFIC = /aws:principalaccount/i;
const accountCache = new WeakMap<object, boolean>();

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
