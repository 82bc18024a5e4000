/**
 * Which statements must apply for a resource-based Allow to grant: the R5
 * table for the same account (how the policy names the principal decides
 * which implicit denies the grant survives), both sides across accounts
 * (R6), and the trust-policy rule for users (the trust-policy guide).
 */
import type { RequestPrincipal } from '../types.ts';
import type { Hit } from './scan.ts';

/** Principals whose requests are signed with IAM credentials: SCPs and account principals concern them. */
export const IAM_TYPES = new Set<RequestPrincipal['type']>(['User', 'Role', 'Root', 'FederatedUser']);
/** Principals that carry identity-based policies (the root user has implicit full access instead). */
export const IDENTITY_TYPES = new Set<RequestPrincipal['type']>(['User', 'Role', 'FederatedUser']);

/** Which rule let a resource-based Allow (or the identity side alone) grant; decides the sentence in `reasons`. */
export type Rule =
  | 'identity'
  | 'non-iam'
  | 'root'
  | 'cross-account'
  | 'anyone'
  | 'account'
  | 'user'
  | 'user-in-trust'
  | 'role'
  | 'session';

export interface Candidate {
  rule: Rule;
  /** Every statement that must apply for this way to grant; the resource-based one first. */
  hits: Hit[];
}

export interface PathFacts {
  principal: RequestPrincipal;
  sameAccount: boolean;
  trust: boolean;
  identityPath: Hit[] | undefined;
  boundaryBest: Hit | undefined;
  boundaryOk: boolean;
  sessionOk: boolean;
  limits: Hit[];
}

/**
 * The statements that must all apply for a resource-based Allow to grant
 * (rules R4–R6 and the R5 table), or undefined when it cannot.
 */
export function resourceCandidate(hit: Hit, f: PathFacts): Candidate | undefined {
  const type = f.principal.type;
  if (!IAM_TYPES.has(type)) return { rule: 'non-iam', hits: [hit] };
  if (type === 'Root') return { rule: 'root', hits: [hit] };
  if (!f.sameAccount) return f.identityPath && { rule: 'cross-account', hits: [hit, ...f.identityPath] };
  const match = hit.principalMatch;
  switch (match?.kind) {
    case 'anyone':
      return { rule: 'anyone', hits: [hit] };
    case 'account':
      return f.identityPath && { rule: 'account', hits: [hit, ...f.identityPath] };
    case 'exact-principal':
      switch (match.exact) {
        case 'user':
          // The trust-policy guide: a user named in a trust policy is still limited by its permissions boundary.
          if (!f.trust) return { rule: 'user', hits: [hit] };
          if (!f.boundaryOk) return undefined;
          return { rule: 'user-in-trust', hits: f.boundaryBest ? [hit, f.boundaryBest] : [hit] };
        case 'role':
          return f.boundaryOk && f.sessionOk ? { rule: 'role', hits: [hit, ...f.limits] } : undefined;
        default:
          return { rule: 'session', hits: [hit] };
      }
    default:
      return undefined;
  }
}
