/**
 * Analyst assumptions: which request-time conditions an attacker is taken to be
 * able to satisfy. Every condition key falls in exactly one category of this
 * table; the Cypher reachability statements filter with the same patterns
 * (passed as parameters), so the table exists once.
 *
 * By default every category is assumed satisfiable: conditional edges count
 * and come back flagged. Setting a category to false drops every edge with a
 * condition key in it, whichever way the condition points (a Deny "unless MFA"
 * depends on MFA as much as an Allow "if MFA").
 */
export const ASSUMPTION_NAMES = ['mfa', 'externalId', 'network', 'federation', 'region', 'other'] as const;
export type AssumptionName = (typeof ASSUMPTION_NAMES)[number];

/** Lower-case full-match patterns (valid as JavaScript and Java regexes) per category; 'other' is everything else. */
export const ASSUMPTION_PATTERNS: Readonly<Record<Exclude<AssumptionName, 'other'>, readonly string[]>> = {
  mfa: ['aws:multifactorauthpresent', 'aws:multifactorauthage'],
  externalId: ['sts:externalid'],
  network: ['aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:vpcsourceip'],
  // SAML keys, and OIDC provider keys, which are prefixed by the issuer's host (token.actions.githubusercontent.com:sub).
  // The host part is matched up to its first dot by a class that excludes the dot, so the match is linear
  // in the key's length (condition keys are policy text; `[^:]*\.[^:]*:` backtracks quadratically).
  federation: ['saml:.*', 'aws:federatedprovider', '[^:.]*\\.[^:]*:.*'],
  region: ['aws:requestedregion'],
};

/** The categories an analyst takes to be unsatisfiable (false); left out means satisfiable. */
export type Assumptions = Partial<Record<AssumptionName, boolean>>;

const compiled = (Object.entries(ASSUMPTION_PATTERNS) as [AssumptionName, readonly string[]][]).map(
  ([name, patterns]) => ({ name, res: patterns.map((p) => new RegExp(`^(?:${p})$`)) }),
);

/** The assumption a condition key depends on. */
export function assumptionOf(key: string): AssumptionName {
  let name = classified.get(key);
  if (name === undefined) {
    name = classify(key);
    if (key.length <= CLASSIFIED_KEY_LENGTH) {
      if (classified.size >= CLASSIFIED_KEPT) classified.clear();
      classified.set(key, name);
    }
  }
  return name;
}

function classify(key: string): AssumptionName {
  const lower = key.toLowerCase();
  for (const { name, res } of compiled) if (res.some((re) => re.test(lower))) return name;
  return 'other';
}

/**
 * Keys classified so far: a snapshot's conditions use few distinct keys, and every hop an answer
 * shows classifies each of its conditions' keys (query/graph.ts toCondition).
 */
const classified = new Map<string, AssumptionName>();
const CLASSIFIED_KEPT = 4096;
/** Longer keys (none AWS defines comes close) are classified each time rather than kept. */
const CLASSIFIED_KEY_LENGTH = 256;

/** Does an edge with these condition keys drop out under the assumptions (as the Cypher filter decides)? */
export function dropsEdge(a: Assumptions = {}, keys: readonly string[]): boolean {
  return keys.some((k) => a[assumptionOf(k)] === false);
}

/** The edge filter's parameters for one set of assumptions. */
export interface AssumptionParams {
  readonly dropPatterns: readonly string[];
  readonly dropOther: boolean;
  readonly knownPatterns: readonly string[];
}

/**
 * Cypher parameters for the edge filter in cypher/queries/reachability.cypher and paths.cypher:
 * one frozen object per combination of the categories set to false, the same object each time
 * (the reachability index keeps what a filter drops by it, query/reach-index.ts).
 */
export function assumptionParams(a: Assumptions = {}): AssumptionParams {
  let mask = 0;
  ASSUMPTION_NAMES.forEach((name, i) => {
    if (a[name] === false) mask |= 1 << i;
  });
  let params = paramsByMask[mask];
  if (!params) paramsByMask[mask] = params = makeParams(a);
  return params;
}
const paramsByMask: AssumptionParams[] = [];

function makeParams(a: Assumptions): AssumptionParams {
  const dropPatterns: string[] = [];
  const knownPatterns: string[] = [];
  for (const [name, patterns] of Object.entries(ASSUMPTION_PATTERNS) as [AssumptionName, string[]][]) {
    knownPatterns.push(...patterns);
    if (a[name] === false) dropPatterns.push(...patterns);
  }
  return Object.freeze({
    dropPatterns: Object.freeze(dropPatterns),
    dropOther: a.other === false,
    knownPatterns: Object.freeze(knownPatterns),
  });
}
