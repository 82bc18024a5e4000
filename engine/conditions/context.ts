/**
 * The values of condition keys for one request. Keys about the principal and
 * the resource are decided from the snapshot (a missing one is ABSENT, as AWS
 * would leave it out of the request context); every other key is request-time
 * and UNKNOWN unless the caller put it in `request.context` or
 * `request.absentKeys`.
 */
import { arnAccount, arnResourceName } from '../policy/arn.ts';
import type { ContextValue, EvaluationRequest, RequestPrincipal, RequestResource } from '../types.ts';
import { timeBound, type TimeBound } from './time-bound.ts';

/** The key is not in the request context: AWS would send no value. */
export const ABSENT: unique symbol = Symbol('absent');
/** The key's value is only known at request time and the caller did not give it. */
export const UNKNOWN: unique symbol = Symbol('unknown');

export type KeyValue = string | readonly string[] | typeof ABSENT | typeof UNKNOWN;

export interface KeyLookup {
  /** `keyLower` is the condition key in lower case (key names are case-insensitive). */
  get(keyLower: string): KeyValue;
  /** For an UNKNOWN time key: the earliest value the request can carry, when known. */
  timeBound?(keyLower: string): TimeBound | undefined;
}

const lowerContextCache = new WeakMap<Record<string, ContextValue>, Map<string, KeyValue>>();
const absentKeysCache = new WeakMap<string[], Set<string>>();

function contextString(value: string | boolean | number): string {
  return typeof value === 'string' ? value : String(value);
}

/** Lower-cased view of a request context, built once per context object so bulk callers that reuse it pay once. */
function lowerContext(context: Record<string, ContextValue>): Map<string, KeyValue> {
  let map = lowerContextCache.get(context);
  if (!map) {
    map = new Map();
    for (const [key, value] of Object.entries(context)) {
      map.set(key.toLowerCase(), Array.isArray(value) ? value.map(contextString) : contextString(value));
    }
    lowerContextCache.set(context, map);
  }
  return map;
}

function lowerAbsentKeys(keys: string[]): Set<string> {
  let set = absentKeysCache.get(keys);
  if (!set) {
    set = new Set(keys.map((key) => key.toLowerCase()));
    absentKeysCache.set(keys, set);
  }
  return set;
}

/** Tag keys compare case-insensitively, like condition key names; an exact match wins when both exist. */
function tagValue(tags: Record<string, string> | undefined, tagKeyLower: string): KeyValue {
  if (!tags) return ABSENT;
  for (const [key, value] of Object.entries(tags)) {
    if (key.toLowerCase() === tagKeyLower) return value;
  }
  return ABSENT;
}

const IAM_PRINCIPAL_TYPES = new Set(['User', 'Role', 'Root', 'FederatedUser']);

function principalAccount(principal: RequestPrincipal): string | undefined {
  if (principal.accountId) return principal.accountId;
  return IAM_PRINCIPAL_TYPES.has(principal.type) ? arnAccount(principal.arn) : undefined;
}

export function resourceAccount(resource: RequestResource): string | undefined {
  return resource.accountId ?? arnAccount(resource.arn);
}

/** aws:PrincipalType as AWS reports it. Federated callers of AssumeRoleWith* are unsigned: no value. */
const PRINCIPAL_TYPE: Partial<Record<RequestPrincipal['type'], string>> = {
  User: 'User',
  Role: 'AssumedRole',
  Root: 'Account',
  FederatedUser: 'FederatedUser',
  Anonymous: 'Anonymous',
};

function principalKey(keyLower: string, principal: RequestPrincipal): KeyValue | undefined {
  const iam = IAM_PRINCIPAL_TYPES.has(principal.type);
  switch (keyLower) {
    case 'aws:principalarn':
      return iam ? principal.arn : ABSENT;
    case 'aws:principalaccount':
      return principalAccount(principal) ?? ABSENT;
    case 'aws:principalorgid':
      return principal.orgId ?? ABSENT;
    case 'aws:principalorgpaths':
      return principal.orgPaths && principal.orgPaths.length > 0 ? principal.orgPaths : ABSENT;
    case 'aws:principaltype':
      return PRINCIPAL_TYPE[principal.type] ?? ABSENT;
    case 'aws:principalisawsservice':
      if (principal.type === 'Service') return 'true';
      return iam ? 'false' : ABSENT;
    case 'aws:principalservicename':
      return principal.type === 'Service' ? principal.arn : ABSENT;
    case 'aws:username':
      return principal.type === 'User' ? (principal.name ?? arnResourceName(principal.arn)) : ABSENT;
    case 'aws:userid':
      return userId(principal);
    case 'aws:tokenissuetime':
      // Long-term access keys sign without it; otherwise it is a request-time value.
      return principal.credentials === 'long-term' ? ABSENT : undefined;
  }
  if (keyLower.startsWith('aws:principaltag/')) {
    return iam ? tagValue(principal.tags, keyLower.slice('aws:principaltag/'.length)) : ABSENT;
  }
  return undefined;
}

/**
 * aws:userid always has a value for IAM principals, so a snapshot that lacks
 * the unique id (or, for a role session, the session name the caller will
 * choose) leaves it UNKNOWN rather than ABSENT.
 */
function userId(principal: RequestPrincipal): KeyValue {
  switch (principal.type) {
    case 'User':
      return principal.uniqueId ?? UNKNOWN;
    case 'Role':
      return principal.uniqueId && principal.sessionName !== undefined
        ? `${principal.uniqueId}:${principal.sessionName}`
        : UNKNOWN;
    case 'Root':
      return principalAccount(principal) ?? UNKNOWN;
    case 'FederatedUser': {
      const account = principalAccount(principal);
      const name = principal.name ?? arnResourceName(principal.arn);
      return account ? `${account}:${name}` : UNKNOWN;
    }
    case 'Anonymous':
      return 'anonymous';
    default:
      return ABSENT;
  }
}

function resourceKey(keyLower: string, resource: RequestResource): KeyValue | undefined {
  switch (keyLower) {
    case 'aws:resourceaccount':
      // Every resource has an owner; an unknown owner is a gap in the snapshot, not an absent key.
      return resourceAccount(resource) ?? UNKNOWN;
    case 'aws:resourceorgid':
      return resource.orgId ?? ABSENT;
    case 'aws:resourceorgpaths':
      return resource.orgPaths && resource.orgPaths.length > 0 ? resource.orgPaths : ABSENT;
  }
  if (keyLower.startsWith('aws:resourcetag/')) {
    return tagValue(resource.tags, keyLower.slice('aws:resourcetag/'.length));
  }
  if (keyLower.startsWith('iam:resourcetag/')) {
    return tagValue(resource.tags, keyLower.slice('iam:resourcetag/'.length));
  }
  return undefined;
}

/** True for keys whose value the snapshot decides (principal and resource facts). */
export function isSnapshotKey(key: string): boolean {
  const probe: RequestPrincipal = { type: 'User', arn: '' };
  const keyLower = key.toLowerCase();
  return principalKey(keyLower, probe) !== undefined || resourceKey(keyLower, { arn: '' }) !== undefined;
}

/**
 * Condition-key values for one request. The caller's explicit context wins
 * (it may carry session tags or a simulated value), then its list of absent
 * keys, then what the snapshot says.
 */
export class RequestKeys implements KeyLookup {
  private readonly context: Map<string, KeyValue> | undefined;
  private readonly absent: Set<string> | undefined;
  private readonly notBeforeMs: number | undefined;

  constructor(private readonly request: EvaluationRequest) {
    this.context = request.context ? lowerContext(request.context) : undefined;
    this.absent = request.absentKeys ? lowerAbsentKeys(request.absentKeys) : undefined;
    const notBefore = request.notBefore === undefined ? NaN : Date.parse(request.notBefore);
    this.notBeforeMs = Number.isFinite(notBefore) ? notBefore : undefined;
  }

  get(keyLower: string): KeyValue {
    const given = this.context?.get(keyLower);
    if (given !== undefined) return given;
    if (this.absent?.has(keyLower)) return ABSENT;
    return (
      principalKey(keyLower, this.request.principal) ??
      resourceKey(keyLower, this.request.resource) ??
      // A complete context is the whole request: what it does not give, AWS would not send.
      (this.request.contextComplete ? ABSENT : UNKNOWN)
    );
  }

  timeBound(keyLower: string): TimeBound | undefined {
    if (this.notBeforeMs === undefined) return undefined;
    return timeBound(keyLower, this.notBeforeMs, this.request.principal);
  }
}
