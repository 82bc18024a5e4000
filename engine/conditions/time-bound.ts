/**
 * Time keys whose value the request has not given but which can only lie at
 * or after a known date (the request's `notBefore`, normally the snapshot's
 * reference date). aws:CurrentTime and aws:EpochTime are in every request;
 * aws:TokenIssueTime only in requests signed with temporary credentials
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-tokenissuetime),
 * which were issued at most 36 hours before the request: the longest session
 * any STS call grants (GetSessionToken,
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html).
 *
 * A Date (or, for aws:EpochTime, Numeric) condition on such a key is decided
 * when every time from the bound on gives the same answer: "DateLessThan
 * aws:CurrentTime 2020-01-01" fails for a request made in 2024, "DateGreaterThan
 * aws:TokenIssueTime 2020-01-01" holds for a role session used in 2024.
 */
import type { RequestPrincipal } from '../types.ts';
import { parseDate } from './date.ts';
import { onMissingKey } from './if-exists.ts';
import { evaluateNull, nullOperator } from './null.ts';
import type { ParsedOperator } from './operator.ts';

export interface TimeBound {
  /** The key's value is at or after this time (epoch milliseconds). */
  earliestMs: number;
  /** 'maybe': the key may also be absent (aws:TokenIssueTime for callers that can sign with long-term keys). */
  present: 'always' | 'maybe';
}

export const TIME_KEYS: ReadonlySet<string> = new Set([
  'aws:currenttime',
  'aws:epochtime',
  'aws:tokenissuetime',
]);

/** GetSessionToken and GetFederationToken sessions last up to 129,600 seconds. */
const LONGEST_SESSION_MS = 129_600 * 1000;

/** The bound on a time key for a request made at or after `notBefore`, or undefined when there is none. */
export function timeBound(
  keyLower: string,
  notBeforeMs: number,
  principal: RequestPrincipal,
): TimeBound | undefined {
  if (keyLower === 'aws:currenttime' || keyLower === 'aws:epochtime')
    return { earliestMs: notBeforeMs, present: 'always' };
  if (keyLower !== 'aws:tokenissuetime') return undefined;
  const earliestMs = notBeforeMs - LONGEST_SESSION_MS;
  switch (principal.credentials ?? DEFAULT_CREDENTIALS[principal.type]) {
    case 'temporary':
      return { earliestMs, present: 'always' };
    case 'either':
      return { earliestMs, present: 'maybe' };
    default:
      // Long-term keys: the key is absent, which the caller's context lookup already says.
      return undefined;
  }
}

/** A role session and a federated user always sign with temporary credentials; users and the root user may use either. */
const DEFAULT_CREDENTIALS: Partial<Record<RequestPrincipal['type'], 'temporary' | 'either'>> = {
  Role: 'temporary',
  FederatedUser: 'temporary',
  User: 'either',
  Root: 'either',
};

type Over = 'always' | 'never' | 'maybe';

/** Does "actual OP expected" hold for every actual >= earliest, for none, or for some? */
function compareFrom(op: string, earliest: number, expected: number): Over {
  switch (op) {
    case 'Equals':
      return expected < earliest ? 'never' : 'maybe';
    case 'LessThan':
      return earliest >= expected ? 'never' : 'maybe';
    case 'LessThanEquals':
      return earliest > expected ? 'never' : 'maybe';
    case 'GreaterThan':
      return earliest > expected ? 'always' : 'maybe';
    case 'GreaterThanEquals':
      return earliest >= expected ? 'always' : 'maybe';
    default:
      return 'maybe';
  }
}

/** The clause's answer when the key is present with some value at or after the bound. */
function whenPresent(
  parsed: ParsedOperator,
  values: readonly string[],
  keyLower: string,
  earliestMs: number,
): boolean | undefined {
  const name = parsed.def.name;
  const date = name.startsWith('Date');
  const epoch = name.startsWith('Numeric') && keyLower === 'aws:epochtime';
  if (!date && !epoch) return undefined;
  const op = name.replace(/^(Date|Numeric)/, '').replace(/^NotEquals$/, 'Equals');
  // aws:EpochTime is whole seconds; compared numerically, so is the bound.
  const earliest = date ? earliestMs : Math.floor(earliestMs / 1000);
  let any: Over = 'never';
  for (const value of values) {
    const expected = date ? parseDate(value) : Number(value.trim());
    if (expected === undefined || !Number.isFinite(expected)) return undefined;
    const over = compareFrom(op, earliest, expected);
    if (over === 'always') {
      any = 'always';
      break;
    }
    if (over === 'maybe') any = 'maybe';
  }
  if (any === 'maybe') return undefined;
  // Several values: OR for positive operators, NOR for negated ones.
  return (any === 'always') !== parsed.def.negated;
}

/** true / false when every request from the bound on decides the clause the same way, else undefined. */
export function evaluateOnBound(
  parsed: ParsedOperator,
  values: readonly string[],
  keyLower: string,
  bound: TimeBound,
): boolean | undefined {
  const isNull = parsed.def === nullOperator;
  const present = isNull
    ? evaluateNull(values, true)
    : whenPresent(parsed, values, keyLower, bound.earliestMs);
  if (bound.present === 'always' || present === undefined) return present;
  const absent = isNull ? evaluateNull(values, false) : onMissingKey(parsed);
  return present === absent ? present : undefined;
}
