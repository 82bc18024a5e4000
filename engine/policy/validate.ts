/**
 * Checks that depend on where a policy is used (a Principal is required in
 * a bucket policy and forbidden in an identity policy) and checks against
 * the AWS action catalog. Parsing alone cannot know either.
 */
import type { PolicyKind } from '../types.ts';
import { expandActions } from './action.ts';
import type { ParsedPolicy, ParsedStatement } from './parse.ts';
import { problem, type PolicyProblem } from './problems.ts';

function at(st: ParsedStatement, element: string): string {
  return `Statement[${st.index}].${element}`;
}

function kindProblems(st: ParsedStatement, kind: PolicyKind): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const hasPrincipal = st.raw.Principal !== undefined;
  const hasNotPrincipal = st.raw.NotPrincipal !== undefined;
  const hasResource = st.raw.Resource !== undefined || st.raw.NotResource !== undefined;
  switch (kind) {
    case 'identity':
    case 'permissionsBoundary':
    case 'session':
    case 'scp':
      if (hasPrincipal || hasNotPrincipal) {
        out.push(
          problem(
            at(st, hasPrincipal ? 'Principal' : 'NotPrincipal'),
            `a ${kind} policy cannot name a principal`,
          ),
        );
      }
      if (!hasResource && kind !== 'scp')
        out.push(problem(at(st, 'Resource'), 'a statement needs Resource or NotResource'));
      break;
    case 'rcp':
      if (hasNotPrincipal) out.push(problem(at(st, 'NotPrincipal'), 'RCPs do not support NotPrincipal'));
      break;
    case 'trust':
      if (hasNotPrincipal)
        out.push(problem(at(st, 'NotPrincipal'), 'a role trust policy cannot use NotPrincipal'));
      if (!hasPrincipal && !hasNotPrincipal)
        out.push(problem(at(st, 'Principal'), 'a trust policy statement needs a Principal'));
      break;
    case 'resource':
      if (!hasPrincipal && !hasNotPrincipal) {
        out.push(
          problem(
            at(st, 'Principal'),
            'a resource-based policy statement needs a Principal; without one it applies to no one',
          ),
        );
      }
      if (hasNotPrincipal && st.effect === 'Allow') {
        out.push(
          problem(
            at(st, 'NotPrincipal'),
            'NotPrincipal is only supported with Deny; this statement grants nothing',
          ),
        );
      }
      break;
  }
  return out;
}

/** The parse problems plus those that follow from using the policy as `kind`. */
export function validatePolicy(policy: ParsedPolicy, kind: PolicyKind): PolicyProblem[] {
  const out = [...policy.problems];
  for (const st of policy.statements) out.push(...kindProblems(st, kind));
  return out;
}

/** Warnings for action patterns that match nothing in the AWS action catalog (typos, retired actions). */
export async function validatePolicyActions(policy: ParsedPolicy): Promise<PolicyProblem[]> {
  const out: PolicyProblem[] = [];
  for (const st of policy.statements) {
    if (!st.action) continue;
    const element = st.action.negated ? 'NotAction' : 'Action';
    const patterns = st.action.patterns;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = (patterns[i] as string).trim();
      if (pattern === '*') continue;
      if ((await expandActions(pattern)).length === 0) {
        const path =
          patterns.length > 1 || Array.isArray(st.raw[element])
            ? `${at(st, element)}[${i}]`
            : at(st, element);
        out.push(problem(path, `"${pattern}" matches no known AWS action`, 'warning'));
      }
    }
  }
  return out;
}
