/**
 * An index of identity policies by the actions their Allow statements can
 * grant, so that "who can call this action?" reads only the policies that
 * could allow it instead of every principal's.
 *
 * Each Allow statement contributes keys (lower case, as action names compare
 * case-insensitively: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
 *   - `service:action` for an action written without wildcards;
 *   - `service:*` for a pattern with a wildcard in the action part (`s3:Get*`);
 *   - `*` for `*`, a wildcard in the service part, or `NotAction`
 *     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html),
 *     which can match actions of any service.
 * A request for `s3:GetObject` looks up `*`, `s3:*` and `s3:getobject`. The
 * index over-approximates: a policy found by it may still not allow the
 * action (`s3:Put*` is keyed `s3:*`); the evaluator decides.
 */
import { hasWildcard } from './wildcard.ts';
import { parsePolicy } from './parse.ts';
import type { PolicyDocumentJson } from '../model.ts';

export const ANY_ACTION_KEY = '*';

/** The index key of one Action pattern. */
export function actionPatternKey(pattern: string): string {
  const lower = pattern.trim().toLowerCase();
  if (lower === '*') return ANY_ACTION_KEY;
  const colon = lower.indexOf(':');
  if (colon < 0) return hasWildcard(lower) ? ANY_ACTION_KEY : lower;
  const service = lower.slice(0, colon);
  if (hasWildcard(service)) return ANY_ACTION_KEY;
  return hasWildcard(lower.slice(colon + 1)) ? `${service}:*` : lower;
}

/** The keys under which a policy is indexed: one per distinct Action pattern shape of its Allow statements, sorted. */
export function allowActionKeys(document: PolicyDocumentJson | string, id = ''): string[] {
  const keys = new Set<string>();
  for (const st of parsePolicy(document, id).statements) {
    if (st.effect !== 'Allow' || !st.action) continue;
    if (st.action.negated || st.action.matchesAll) {
      keys.add(ANY_ACTION_KEY);
      continue;
    }
    for (const pattern of st.action.patterns) keys.add(actionPatternKey(pattern));
  }
  return [...keys].sort();
}

/** The keys to look up for a request's action: any policy allowing it carries at least one of them. */
export function actionLookupKeys(action: string): string[] {
  const lower = action.trim().toLowerCase();
  const colon = lower.indexOf(':');
  const keys = [ANY_ACTION_KEY, lower];
  if (colon > 0) keys.push(`${lower.slice(0, colon)}:*`);
  return [...new Set(keys)];
}
