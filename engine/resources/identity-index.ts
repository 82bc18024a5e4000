/**
 * The identity side of the prefilter: per principal, the identity-policy
 * Allow statements that can grant one of a resource type's actions (indexed
 * by the type), keyed by the resources they name: exact ARNs in a map,
 * wildcard patterns in lists per (type, resource account, caller account).
 * Like the trust index (engine/trust/index-trust.ts) it over-approximates:
 * the evaluator decides every candidate with the full rules.
 *
 * Statements are read once per policy document (managed policies are shared
 * by many principals), so the work grows with policies plus attachments.
 */
import { globFromString, matchGlob, parsePolicy, type ParsedPolicy } from '../evaluate/index.ts';
import type { PrincipalContext, SnapshotContext } from '../trust/index.ts';
import { ANALYSED_TYPES, coversType, type AnalysedType } from './actions.ts';
import { AnalysisCache } from './analysis-cache.ts';

interface IndexedStatement {
  types: AnalysedType[];
  /** Resource patterns as written; `any` for `*`, NotResource, no Resource or a policy variable. */
  patterns: 'any' | string[];
}

interface WildEntry {
  principal: PrincipalContext;
  test: (arn: string) => boolean;
}

const ALWAYS = (): boolean => true;
const WILDCARD = /[*?]/;

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

const statementCache = new AnalysisCache<ParsedPolicy, IndexedStatement[]>();

function indexPolicy(parsed: ParsedPolicy): IndexedStatement[] {
  const known = statementCache.get(parsed);
  if (known) return known;
  const out: IndexedStatement[] = [];
  for (const st of parsed.statements) {
    if (st.effect !== 'Allow') continue;
    const types = ANALYSED_TYPES.filter((type) => coversType(st, type));
    if (types.length === 0) continue;
    const patterns = asList(st.raw.Resource);
    const any = !st.resource || st.resource.negated || patterns.some((p) => p === '*' || p.includes('${'));
    out.push({ types, patterns: any ? 'any' : patterns });
  }
  statementCache.set(parsed, out);
  return out;
}

export class IdentityResourceIndex {
  /** Exact resource ARN → principals whose identity policies name it. */
  private readonly exact = new Map<string, Set<PrincipalContext>>();
  /** `type|resource account or *` → caller account → entries. */
  private readonly wild = new Map<string, Map<string, WildEntry[]>>();
  statements = 0;

  constructor(ctx: SnapshotContext) {
    for (const principal of ctx.principals.values()) this.addPrincipal(principal);
  }

  private addWild(type: AnalysedType, target: string, entry: WildEntry): void {
    const k = `${type}|${target}`;
    let byCaller = this.wild.get(k);
    if (!byCaller) this.wild.set(k, (byCaller = new Map()));
    const list = byCaller.get(entry.principal.accountId);
    if (list) list.push(entry);
    else byCaller.set(entry.principal.accountId, [entry]);
  }

  private addPrincipal(principal: PrincipalContext): void {
    for (const input of principal.identityPolicies) {
      for (const st of indexPolicy(parsePolicy(input.document, input.id))) {
        this.statements++;
        for (const type of st.types) {
          if (st.patterns === 'any') {
            this.addWild(type, '*', { principal, test: ALWAYS });
            continue;
          }
          for (const pattern of st.patterns) {
            if (!WILDCARD.test(pattern)) {
              let set = this.exact.get(pattern);
              if (!set) this.exact.set(pattern, (set = new Set()));
              set.add(principal);
              continue;
            }
            const account = pattern.split(':')[4] ?? '';
            const target = account === '' || WILDCARD.test(account) ? '*' : account;
            const glob = globFromString(pattern);
            this.addWild(type, target, { principal, test: (arn) => matchGlob(glob, arn) });
          }
        }
      }
    }
  }

  /** Principals of `callerAccount` whose identity policies may allow one of the type's actions on one of `arns`. */
  candidatesInAccount(
    type: AnalysedType,
    arns: readonly string[],
    resourceAccount: string,
    callerAccount: string,
  ): Set<PrincipalContext> {
    const out = new Set<PrincipalContext>();
    for (const arn of arns)
      for (const p of this.exact.get(arn) ?? []) if (p.accountId === callerAccount) out.add(p);
    for (const target of [resourceAccount, '*']) {
      for (const entry of this.wild.get(`${type}|${target}`)?.get(callerAccount) ?? []) {
        if (!out.has(entry.principal) && arns.some((arn) => entry.test(arn))) out.add(entry.principal);
      }
    }
    return out;
  }

  /** Does some principal of `callerAccount` have an identity Allow that may cover one of the type's actions on `arns`? */
  anyCandidateInAccount(
    type: AnalysedType,
    arns: readonly string[],
    resourceAccount: string,
    callerAccount: string,
  ): boolean {
    for (const arn of arns)
      for (const p of this.exact.get(arn) ?? []) if (p.accountId === callerAccount) return true;
    for (const target of [resourceAccount, '*']) {
      for (const entry of this.wild.get(`${type}|${target}`)?.get(callerAccount) ?? []) {
        if (arns.some((arn) => entry.test(arn))) return true;
      }
    }
    return false;
  }
}
