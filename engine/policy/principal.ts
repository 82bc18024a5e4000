/**
 * Principal / NotPrincipal matching against the caller. Principals take no
 * partial wildcards: only `*` on its own means everyone. How a statement
 * matched matters to the evaluator: naming the account delegates to the
 * account's own policies, naming the exact principal grants directly.
 */
import { arnResourceName, splitArn } from './arn.ts';
import { problem, type PolicyProblem } from './problems.ts';
import type { RequestPrincipal } from '../types.ts';

export type PrincipalMatchKind = 'anyone' | 'account' | 'exact-principal' | 'service' | 'federated' | 'none';

/** Which exact principal a statement named: decides which implicit denies a same-account grant survives. */
export type ExactPrincipalKind = 'user' | 'role' | 'role-session' | 'federated-user';

export interface PrincipalMatch {
  kind: PrincipalMatchKind;
  exact?: ExactPrincipalKind;
  /** The Principal entry that matched, as written. */
  entry?: string;
}

export interface PrincipalMatcher {
  /** True for NotPrincipal. */
  readonly negated: boolean;
  readonly anyone: boolean;
  /** Account id → entry as written (`123456789012` or `arn:aws:iam::123456789012:root`). */
  readonly accounts: ReadonlyMap<string, string>;
  /** User, role and federated-user ARNs. */
  readonly arns: ReadonlySet<string>;
  /** Assumed-role session ARNs. */
  readonly sessions: ReadonlySet<string>;
  /** Service principals in lower case. */
  readonly services: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
  /** Unique ids (AIDA…, AROA…): IAM shows these for deleted principals; they match no one. */
  readonly uniqueIds: readonly string[];
  readonly canonicalUsers: readonly string[];
}

const NONE: PrincipalMatch = Object.freeze({ kind: 'none' });
const ANYONE: PrincipalMatch = Object.freeze({ kind: 'anyone', entry: '*' });

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[a-z-]+:iam::(\d{12}):root$/;
const IAM_ENTITY_ARN = /^arn:[a-z-]+:iam::\d{12}:(user|role)\/.+$/;
const SESSION_ARN = /^arn:[a-z-]+:sts::\d{12}:assumed-role\/[^/]+\/.+$/;
const FEDERATED_USER_ARN = /^arn:[a-z-]+:sts::\d{12}:federated-user\/.+$/;
const UNIQUE_ID = /^A(IDA|ROA|IPA|GPA|NPA|NVA|SIA|KIA|CCA|PKA)[A-Z0-9]{12,}$/;
const PRINCIPAL_KEYS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const NO_ACCOUNTS: ReadonlyMap<string, string> = new Map();
const NO_NAMES: ReadonlySet<string> = new Set();
const NO_LIST: readonly string[] = Object.freeze([]);

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

export function compilePrincipalMatcher(
  raw: unknown,
  negated: boolean,
  path: string,
  problems: PolicyProblem[],
): PrincipalMatcher {
  let anyone = false;
  const accounts = new Map<string, string>();
  const arns = new Set<string>();
  const sessions = new Set<string>();
  const services = new Set<string>();
  const federated = new Set<string>();
  const uniqueIds: string[] = [];
  const canonicalUsers: string[] = [];

  if (raw === '*') {
    anyone = true;
  } else if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(problem(path, 'expected "*" or an object with AWS, Service, Federated or CanonicalUser'));
  } else {
    for (const [type, value] of Object.entries(raw)) {
      if (!PRINCIPAL_KEYS.has(type)) {
        problems.push(
          problem(
            `${path}.${type}`,
            `unknown principal type "${type}" (expected AWS, Service, Federated or CanonicalUser)`,
          ),
        );
        continue;
      }
      list(value).forEach((entry, i) => {
        const at = Array.isArray(value) ? `${path}.${type}[${i}]` : `${path}.${type}`;
        if (typeof entry !== 'string') {
          problems.push(problem(at, 'expected a string'));
          return;
        }
        if (entry === '*' && (type === 'AWS' || type === 'Service' || type === 'Federated')) {
          // {"AWS": "*"} is documented as equivalent to "*"; a service or provider "*" is treated the same.
          anyone = anyone || type === 'AWS';
          if (type !== 'AWS')
            problems.push(problem(at, `"${type}": "*" is not a valid principal`, 'warning'));
          return;
        }
        if (entry.includes('*') || entry.includes('?')) {
          problems.push(
            problem(at, `"${entry}": principals take no partial wildcards; this entry matches no one`),
          );
          return;
        }
        switch (type) {
          case 'AWS':
            addAwsEntry(entry, at, { accounts, arns, sessions, uniqueIds }, problems);
            break;
          case 'Service':
            services.add(entry.toLowerCase());
            break;
          case 'Federated':
            federated.add(entry);
            break;
          case 'CanonicalUser':
            canonicalUsers.push(entry);
            problems.push(
              problem(
                at,
                'CanonicalUser principals (S3 canonical ids) are not modelled; this entry matches no one',
                'warning',
              ),
            );
            break;
        }
      });
    }
  }
  // Most statements name one kind of principal: the kinds they leave empty share one empty collection.
  return {
    negated,
    anyone,
    accounts: accounts.size > 0 ? accounts : NO_ACCOUNTS,
    arns: arns.size > 0 ? arns : NO_NAMES,
    sessions: sessions.size > 0 ? sessions : NO_NAMES,
    services: services.size > 0 ? services : NO_NAMES,
    federated: federated.size > 0 ? federated : NO_NAMES,
    uniqueIds: uniqueIds.length > 0 ? uniqueIds : NO_LIST,
    canonicalUsers: canonicalUsers.length > 0 ? canonicalUsers : NO_LIST,
  };
}

function addAwsEntry(
  entry: string,
  at: string,
  into: { accounts: Map<string, string>; arns: Set<string>; sessions: Set<string>; uniqueIds: string[] },
  problems: PolicyProblem[],
): void {
  const root = ROOT_ARN.exec(entry);
  if (ACCOUNT_ID.test(entry)) into.accounts.set(entry, entry);
  else if (root?.[1]) into.accounts.set(root[1], entry);
  else if (IAM_ENTITY_ARN.test(entry) || FEDERATED_USER_ARN.test(entry)) into.arns.add(entry);
  else if (SESSION_ARN.test(entry)) into.sessions.add(entry);
  else if (UNIQUE_ID.test(entry)) {
    into.uniqueIds.push(entry);
    problems.push(
      problem(
        at,
        `"${entry}" is a unique id: the principal it named was deleted, so it matches no one`,
        'warning',
      ),
    );
  } else
    problems.push(
      problem(at, `"${entry}" is not an account id, account root ARN, user, role or session ARN`),
    );
}

/** The assumed-role session ARN of a role caller, when its session name is known. */
export function sessionArnOf(principal: RequestPrincipal): string | undefined {
  if (principal.type !== 'Role' || principal.sessionName === undefined) return undefined;
  const parts = splitArn(principal.arn);
  const name = principal.name ?? arnResourceName(principal.arn);
  return `arn:${parts[1] ?? 'aws'}:sts::${parts[4] ?? principal.accountId ?? ''}:assumed-role/${name}/${principal.sessionName}`;
}

function isIamPrincipal(principal: RequestPrincipal): boolean {
  return (
    principal.type === 'User' ||
    principal.type === 'Role' ||
    principal.type === 'Root' ||
    principal.type === 'FederatedUser'
  );
}

function accountOf(principal: RequestPrincipal): string | undefined {
  return principal.accountId ?? (isIamPrincipal(principal) ? splitArn(principal.arn)[4] : undefined);
}

/**
 * How a Principal element matches the caller, most permissive first: `*`,
 * then the exact principal, a service or identity provider, then the account.
 * NotPrincipal is the evaluator's business (see `notPrincipalExempts`).
 */
export function matchPrincipal(matcher: PrincipalMatcher, principal: RequestPrincipal): PrincipalMatch {
  if (matcher.anyone) return ANYONE;
  switch (principal.type) {
    case 'Role': {
      const session = sessionArnOf(principal);
      if (session !== undefined && matcher.sessions.has(session)) {
        return { kind: 'exact-principal', exact: 'role-session', entry: session };
      }
      if (matcher.arns.has(principal.arn))
        return { kind: 'exact-principal', exact: 'role', entry: principal.arn };
      break;
    }
    case 'User':
      if (matcher.arns.has(principal.arn))
        return { kind: 'exact-principal', exact: 'user', entry: principal.arn };
      break;
    case 'FederatedUser':
      if (matcher.arns.has(principal.arn)) {
        return { kind: 'exact-principal', exact: 'federated-user', entry: principal.arn };
      }
      break;
    case 'Service':
      return matcher.services.has(principal.arn.toLowerCase())
        ? { kind: 'service', entry: principal.arn }
        : NONE;
    case 'SAML':
    case 'WebIdentity':
      return matcher.federated.has(principal.arn) ? { kind: 'federated', entry: principal.arn } : NONE;
    default:
      break;
  }
  if (isIamPrincipal(principal)) {
    const account = accountOf(principal);
    const entry = account === undefined ? undefined : matcher.accounts.get(account);
    if (entry !== undefined) return { kind: 'account', entry };
  }
  return NONE;
}

/**
 * Does a NotPrincipal list exempt the caller from its Deny? AWS may check the
 * account, then the role, then the session, so every link must be listed:
 * the account for any IAM principal, plus the user (or federated user), or
 * for a role session both the role and the session. A session whose name is
 * not known yet is exempt when some session of that role is listed, since
 * the caller picks the name.
 */
export function notPrincipalExempts(matcher: PrincipalMatcher, principal: RequestPrincipal): boolean {
  if (matcher.anyone) return true;
  switch (principal.type) {
    case 'Service':
      return matcher.services.has(principal.arn.toLowerCase());
    case 'SAML':
    case 'WebIdentity':
      return matcher.federated.has(principal.arn);
    case 'Anonymous':
      return false;
    default:
      break;
  }
  const account = accountOf(principal);
  if (account === undefined || !matcher.accounts.has(account)) return false;
  switch (principal.type) {
    case 'Root':
      return true;
    case 'User':
    case 'FederatedUser':
      return matcher.arns.has(principal.arn);
    case 'Role': {
      if (!matcher.arns.has(principal.arn)) return false;
      const session = sessionArnOf(principal);
      if (session !== undefined) return matcher.sessions.has(session);
      const prefix = `:assumed-role/${principal.name ?? arnResourceName(principal.arn)}/`;
      for (const listed of matcher.sessions)
        if (listed.includes(prefix) && listed.includes(`::${account}:`)) return true;
      return false;
    }
    default:
      return false;
  }
}
