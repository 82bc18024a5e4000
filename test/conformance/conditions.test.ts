/**
 * Topic 2: condition operators — every operator family, IfExists, Null,
 * ForAnyValue / ForAllValues, AND/OR logic and key-name case.
 *
 * Keys are given in `request.context` (or `absentKeys`) so that every case is
 * decided; unresolved request-time keys are covered in static-conditions.test.ts.
 */
import type { ContextValue, Decision } from '../../engine/types.ts';
import { A, CITE, type Case, allow, bucketObj, deny, idOnly, req, runCases, user } from './helpers.ts';

const alice = user(A, 'alice');
const obj = bucketObj('amzn-s3-demo-bucket', 'x');

/** Identity Allow for s3:GetObject guarded by `condition`, with the given request context. */
function cond(
  name: string,
  cite: string,
  condition: Record<string, Record<string, unknown>>,
  context: Record<string, ContextValue>,
  decision: Decision,
  absentKeys?: string[],
): Case {
  return {
    name,
    cite,
    input: idOnly(
      req(alice, 's3:GetObject', obj, context, absentKeys),
      allow('s3:GetObject', '*', { Condition: condition }),
    ),
    expect: { decision, ...(decision === 'allowed' ? { conditions: [] } : {}) },
  };
}

/** Identity Allow * plus a Deny guarded by `condition`. */
function denyCond(
  name: string,
  cite: string,
  condition: Record<string, Record<string, unknown>>,
  context: Record<string, ContextValue>,
  decision: Decision,
  absentKeys?: string[],
): Case {
  return {
    name,
    cite,
    input: idOnly(
      req(alice, 's3:GetObject', obj, context, absentKeys),
      allow('*'),
      deny('*', '*', { Condition: condition }),
    ),
    expect: { decision, ...(decision === 'allowed' ? { conditions: [] } : {}) },
  };
}

const ENV = 'aws:RequestTag/env';

const strings: Case[] = [
  cond(
    'StringEquals: exact value matches',
    CITE.condString,
    { StringEquals: { [ENV]: 'prod' } },
    { [ENV]: 'prod' },
    'allowed',
  ),
  cond(
    'StringEquals: is case-sensitive',
    CITE.condString,
    { StringEquals: { [ENV]: 'prod' } },
    { [ENV]: 'PROD' },
    'implicitDeny',
  ),
  cond(
    'StringEquals: another value does not match',
    CITE.condString,
    { StringEquals: { [ENV]: 'prod' } },
    { [ENV]: 'dev' },
    'implicitDeny',
  ),
  cond(
    'StringNotEquals: a different value matches',
    CITE.condString,
    { StringNotEquals: { [ENV]: 'prod' } },
    { [ENV]: 'dev' },
    'allowed',
  ),
  cond(
    'StringNotEquals: the same value does not match',
    CITE.condString,
    { StringNotEquals: { [ENV]: 'prod' } },
    { [ENV]: 'prod' },
    'implicitDeny',
  ),
  cond(
    'StringEqualsIgnoreCase: ignores case',
    CITE.condString,
    { StringEqualsIgnoreCase: { [ENV]: 'prod' } },
    { [ENV]: 'PrOd' },
    'allowed',
  ),
  cond(
    'StringEqualsIgnoreCase: different value still fails',
    CITE.condString,
    { StringEqualsIgnoreCase: { [ENV]: 'prod' } },
    { [ENV]: 'dev' },
    'implicitDeny',
  ),
  cond(
    'StringNotEqualsIgnoreCase: same value in other case does not match',
    CITE.condString,
    { StringNotEqualsIgnoreCase: { [ENV]: 'prod' } },
    { [ENV]: 'PROD' },
    'implicitDeny',
  ),
  cond(
    'StringNotEqualsIgnoreCase: different value matches',
    CITE.condString,
    { StringNotEqualsIgnoreCase: { [ENV]: 'prod' } },
    { [ENV]: 'dev' },
    'allowed',
  ),
  cond(
    'StringLike: * wildcard',
    CITE.condString,
    { StringLike: { [ENV]: 'prod-*' } },
    { [ENV]: 'prod-eu-1' },
    'allowed',
  ),
  cond(
    'StringLike: ? matches exactly one character',
    CITE.condString,
    { StringLike: { [ENV]: 'prod-?' } },
    { [ENV]: 'prod-eu' },
    'implicitDeny',
  ),
  cond(
    'StringLike: is case-sensitive',
    CITE.condString,
    { StringLike: { [ENV]: 'Prod-*' } },
    { [ENV]: 'prod-eu' },
    'implicitDeny',
  ),
  cond(
    'StringLike: without a wildcard it is a full match',
    CITE.condString,
    { StringLike: { [ENV]: 'prod' } },
    { [ENV]: 'prod-eu' },
    'implicitDeny',
  ),
  cond(
    'StringNotLike: a non-matching value matches',
    CITE.condString,
    { StringNotLike: { [ENV]: 'prod-*' } },
    { [ENV]: 'dev-eu' },
    'allowed',
  ),
  cond(
    'StringNotLike: a matching value does not match',
    CITE.condString,
    { StringNotLike: { [ENV]: 'prod-*' } },
    { [ENV]: 'prod-eu' },
    'implicitDeny',
  ),
  cond(
    'StringEquals: key absent from the request → false',
    CITE.condOps,
    { StringEquals: { [ENV]: 'prod' } },
    {},
    'implicitDeny',
    [ENV],
  ),
  cond(
    'StringNotEquals: key absent from the request → true',
    CITE.condOps,
    { StringNotEquals: { [ENV]: 'prod' } },
    {},
    'allowed',
    [ENV],
  ),
  cond(
    'StringNotLike: key absent from the request → true',
    CITE.condOps,
    { StringNotLike: { [ENV]: 'prod-*' } },
    {},
    'allowed',
    [ENV],
  ),
];

const NUM = 's3:max-keys';
const numeric: Case[] = [
  cond(
    'NumericEquals: equal',
    CITE.condNumeric,
    { NumericEquals: { [NUM]: '10' } },
    { [NUM]: 10 },
    'allowed',
  ),
  cond(
    'NumericEquals: not equal',
    CITE.condNumeric,
    { NumericEquals: { [NUM]: '10' } },
    { [NUM]: 11 },
    'implicitDeny',
  ),
  cond(
    'NumericNotEquals: different',
    CITE.condNumeric,
    { NumericNotEquals: { [NUM]: '10' } },
    { [NUM]: 11 },
    'allowed',
  ),
  cond(
    'NumericNotEquals: equal',
    CITE.condNumeric,
    { NumericNotEquals: { [NUM]: '10' } },
    { [NUM]: 10 },
    'implicitDeny',
  ),
  cond(
    'NumericLessThan: 5 < 10',
    CITE.condNumeric,
    { NumericLessThan: { [NUM]: '10' } },
    { [NUM]: 5 },
    'allowed',
  ),
  cond(
    'NumericLessThan: 10 is not < 10',
    CITE.condNumeric,
    { NumericLessThan: { [NUM]: '10' } },
    { [NUM]: 10 },
    'implicitDeny',
  ),
  cond(
    'NumericLessThanEquals: 10 <= 10',
    CITE.condNumeric,
    { NumericLessThanEquals: { [NUM]: '10' } },
    { [NUM]: 10 },
    'allowed',
  ),
  cond(
    'NumericLessThanEquals: 11 is not <= 10',
    CITE.condNumeric,
    { NumericLessThanEquals: { [NUM]: '10' } },
    { [NUM]: 11 },
    'implicitDeny',
  ),
  cond(
    'NumericGreaterThan: 11 > 10',
    CITE.condNumeric,
    { NumericGreaterThan: { [NUM]: '10' } },
    { [NUM]: 11 },
    'allowed',
  ),
  cond(
    'NumericGreaterThan: 9 is not > 10',
    CITE.condNumeric,
    { NumericGreaterThan: { [NUM]: '10' } },
    { [NUM]: 9 },
    'implicitDeny',
  ),
  cond(
    'NumericGreaterThanEquals: 10 >= 10',
    CITE.condNumeric,
    { NumericGreaterThanEquals: { [NUM]: '10' } },
    { [NUM]: 10 },
    'allowed',
  ),
  cond(
    'NumericGreaterThanEquals: 9 is not >= 10',
    CITE.condNumeric,
    { NumericGreaterThanEquals: { [NUM]: '10' } },
    { [NUM]: 9 },
    'implicitDeny',
  ),
  cond(
    'Numeric: context value given as a string is compared numerically',
    CITE.condNumeric,
    { NumericLessThan: { [NUM]: '100' } },
    { [NUM]: '20' },
    'allowed',
  ),
];

const NOW = 'aws:CurrentTime';
const dates: Case[] = [
  cond(
    'DateLessThan: earlier time matches',
    CITE.condDate,
    { DateLessThan: { [NOW]: '2030-01-01T00:00:00Z' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'allowed',
  ),
  cond(
    'DateLessThan: later time does not match',
    CITE.condDate,
    { DateLessThan: { [NOW]: '2020-01-01T00:00:00Z' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'implicitDeny',
  ),
  cond(
    'DateGreaterThan: later time matches',
    CITE.condDate,
    { DateGreaterThan: { [NOW]: '2020-01-01T00:00:00Z' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'allowed',
  ),
  cond(
    'DateGreaterThan: earlier time does not match',
    CITE.condDate,
    { DateGreaterThan: { [NOW]: '2030-01-01T00:00:00Z' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'implicitDeny',
  ),
  cond(
    'DateEquals: same instant',
    CITE.condDate,
    { DateEquals: { [NOW]: '2025-06-01T12:00:00Z' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'allowed',
  ),
  cond(
    'DateNotEquals: different instant',
    CITE.condDate,
    { DateNotEquals: { [NOW]: '2025-06-01T12:00:00Z' } },
    { [NOW]: '2025-06-02T12:00:00Z' },
    'allowed',
  ),
  cond(
    'DateLessThanEquals: equal instant matches',
    CITE.condDate,
    { DateLessThanEquals: { [NOW]: '2025-06-01T12:00:00Z' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'allowed',
  ),
  cond(
    'DateGreaterThanEquals: earlier instant does not match',
    CITE.condDate,
    { DateGreaterThanEquals: { [NOW]: '2025-06-01T12:00:00Z' } },
    { [NOW]: '2025-05-31T12:00:00Z' },
    'implicitDeny',
  ),
  cond(
    'DateLessThan: policy value in epoch seconds (1893456000 = 2030-01-01)',
    CITE.condDate,
    { DateLessThan: { [NOW]: '1893456000' } },
    { [NOW]: '2025-06-01T12:00:00Z' },
    'allowed',
  ),
];

const MFA = 'aws:MultiFactorAuthPresent';
const bools: Case[] = [
  cond(
    'Bool: true matches true',
    CITE.condBool,
    { Bool: { 'aws:SecureTransport': 'true' } },
    { 'aws:SecureTransport': true },
    'allowed',
  ),
  cond(
    'Bool: false does not match true',
    CITE.condBool,
    { Bool: { 'aws:SecureTransport': 'true' } },
    { 'aws:SecureTransport': false },
    'implicitDeny',
  ),
  cond(
    'Bool: context value given as the string "true"',
    CITE.condBool,
    { Bool: { 'aws:SecureTransport': 'true' } },
    { 'aws:SecureTransport': 'true' },
    'allowed',
  ),
  cond('Bool: key absent → false', CITE.condOps, { Bool: { [MFA]: 'true' } }, {}, 'implicitDeny', [MFA]),
  denyCond(
    'Deny + Bool MFA=false does not fire when the key is absent (long-term keys)',
    CITE.mfaApi,
    { Bool: { [MFA]: 'false' } },
    {},
    'allowed',
    [MFA],
  ),
  denyCond(
    'Deny + BoolIfExists MFA=false fires when the key is absent',
    CITE.condIfExists,
    { BoolIfExists: { [MFA]: 'false' } },
    {},
    'explicitDeny',
    [MFA],
  ),
  denyCond(
    'Deny + BoolIfExists MFA=false does not fire when MFA is present',
    CITE.condIfExists,
    { BoolIfExists: { [MFA]: 'false' } },
    { [MFA]: true },
    'allowed',
  ),
];

const BIN = 'aws:RequestTag/blob';
const binary: Case[] = [
  cond(
    'BinaryEquals: same base64 value matches',
    CITE.condBinary,
    { BinaryEquals: { [BIN]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
    { [BIN]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' },
    'allowed',
  ),
  cond(
    'BinaryEquals: a different value does not match',
    CITE.condBinary,
    { BinaryEquals: { [BIN]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
    { [BIN]: 'T3RoZXJWYWx1ZQ==' },
    'implicitDeny',
  ),
];

const IP = 'aws:SourceIp';
const ips: Case[] = [
  cond(
    'IpAddress: IPv4 inside the CIDR',
    CITE.condIp,
    { IpAddress: { [IP]: '203.0.113.0/24' } },
    { [IP]: '203.0.113.45' },
    'allowed',
  ),
  cond(
    'IpAddress: IPv4 outside the CIDR',
    CITE.condIp,
    { IpAddress: { [IP]: '203.0.113.0/24' } },
    { [IP]: '198.51.100.1' },
    'implicitDeny',
  ),
  cond(
    'IpAddress: /32 matches the single address',
    CITE.condIp,
    { IpAddress: { [IP]: '203.0.113.45/32' } },
    { [IP]: '203.0.113.45' },
    'allowed',
  ),
  cond(
    'NotIpAddress: address outside the CIDR matches',
    CITE.condIp,
    { NotIpAddress: { [IP]: '203.0.113.0/24' } },
    { [IP]: '198.51.100.1' },
    'allowed',
  ),
  cond(
    'NotIpAddress: address inside the CIDR does not match',
    CITE.condIp,
    { NotIpAddress: { [IP]: '203.0.113.0/24' } },
    { [IP]: '203.0.113.7' },
    'implicitDeny',
  ),
  cond(
    'IpAddress: IPv6 inside the CIDR',
    CITE.condIp,
    { IpAddress: { [IP]: '2001:DB8:1234:5678::/64' } },
    { [IP]: '2001:db8:1234:5678::1' },
    'allowed',
  ),
  cond(
    'IpAddress: IPv6 outside the CIDR',
    CITE.condIp,
    { IpAddress: { [IP]: '2001:DB8:1234:5678::/64' } },
    { [IP]: '2001:db8:1234:9999::1' },
    'implicitDeny',
  ),
  cond(
    'IpAddress: list of IPv4 and IPv6 CIDRs (OR)',
    CITE.condIp,
    { IpAddress: { [IP]: ['192.0.2.0/24', '2001:DB8:1234:5678::/64'] } },
    { [IP]: '2001:db8:1234:5678:abcd::9' },
    'allowed',
  ),
  cond(
    'IpAddress: IPv4 address against an IPv6-only list does not match',
    CITE.condIp,
    { IpAddress: { [IP]: '2001:DB8:1234:5678::/64' } },
    { [IP]: '203.0.113.45' },
    'implicitDeny',
  ),
];

const SRC = 'aws:SourceArn';
const TOPIC = `arn:aws:sns:us-east-1:${A}:alerts`;
const arns: Case[] = [
  cond(
    'ArnEquals: identical ARN',
    CITE.condArn,
    { ArnEquals: { [SRC]: TOPIC } },
    { [SRC]: TOPIC },
    'allowed',
  ),
  cond(
    'ArnEquals: different resource',
    CITE.condArn,
    { ArnEquals: { [SRC]: TOPIC } },
    { [SRC]: `arn:aws:sns:us-east-1:${A}:other` },
    'implicitDeny',
  ),
  cond(
    'ArnLike: wildcards in region and resource',
    CITE.condArn,
    { ArnLike: { [SRC]: `arn:aws:sns:*:${A}:*` } },
    { [SRC]: TOPIC },
    'allowed',
  ),
  cond(
    'ArnLike: account differs',
    CITE.condArn,
    { ArnLike: { [SRC]: `arn:aws:sns:*:222222222222:*` } },
    { [SRC]: TOPIC },
    'implicitDeny',
  ),
  cond(
    'ArnNotEquals: a different ARN matches',
    CITE.condArn,
    { ArnNotEquals: { [SRC]: TOPIC } },
    { [SRC]: `arn:aws:sns:us-east-1:${A}:other` },
    'allowed',
  ),
  cond(
    'ArnNotLike: a matching ARN does not match',
    CITE.condArn,
    { ArnNotLike: { [SRC]: `arn:aws:sns:*:${A}:*` } },
    { [SRC]: TOPIC },
    'implicitDeny',
  ),
  cond(
    'ArnNotLike: key absent → true',
    CITE.condOps,
    { ArnNotLike: { [SRC]: `arn:aws:sns:*:${A}:*` } },
    {},
    'allowed',
    [SRC],
  ),
  cond(
    'ArnLike: key absent → false',
    CITE.condOps,
    { ArnLike: { [SRC]: `arn:aws:sns:*:${A}:*` } },
    {},
    'implicitDeny',
    [SRC],
  ),
];

const TIT = 'aws:TokenIssueTime';
const nulls: Case[] = [
  cond('Null "true": key absent matches', CITE.condNull, { Null: { [TIT]: 'true' } }, {}, 'allowed', [TIT]),
  cond(
    'Null "true": key present does not match',
    CITE.condNull,
    { Null: { [TIT]: 'true' } },
    { [TIT]: '2025-06-01T12:00:00Z' },
    'implicitDeny',
  ),
  cond(
    'Null "false": key present matches',
    CITE.condNull,
    { Null: { [TIT]: 'false' } },
    { [TIT]: '2025-06-01T12:00:00Z' },
    'allowed',
  ),
  cond(
    'Null "false": key absent does not match',
    CITE.condNull,
    { Null: { [TIT]: 'false' } },
    {},
    'implicitDeny',
    [TIT],
  ),
];

const ifExists: Case[] = [
  cond(
    'StringEqualsIfExists: key absent → true',
    CITE.condIfExists,
    { StringEqualsIfExists: { [ENV]: 'prod' } },
    {},
    'allowed',
    [ENV],
  ),
  cond(
    'StringEqualsIfExists: key present with another value → false',
    CITE.condIfExists,
    { StringEqualsIfExists: { [ENV]: 'prod' } },
    { [ENV]: 'dev' },
    'implicitDeny',
  ),
  cond(
    'NumericLessThanIfExists: key present and in range',
    CITE.condIfExists,
    { NumericLessThanIfExists: { [NUM]: '10' } },
    { [NUM]: 3 },
    'allowed',
  ),
  denyCond(
    'Deny + StringNotEqualsIfExists: key absent → the Deny applies',
    CITE.condIfExists,
    { StringNotEqualsIfExists: { [ENV]: 'prod' } },
    {},
    'explicitDeny',
    [ENV],
  ),
];

const TK = 'aws:TagKeys';
const sets: Case[] = [
  cond(
    'ForAnyValue:StringEquals: one request value in the policy set',
    CITE.condSets,
    { 'ForAnyValue:StringEquals': { [TK]: ['env', 'team'] } },
    { [TK]: ['env', 'cost'] },
    'allowed',
  ),
  cond(
    'ForAnyValue:StringEquals: no request value in the policy set',
    CITE.condSets,
    { 'ForAnyValue:StringEquals': { [TK]: ['env', 'team'] } },
    { [TK]: ['cost', 'owner'] },
    'implicitDeny',
  ),
  cond(
    'ForAnyValue: key absent → false',
    CITE.condSets,
    { 'ForAnyValue:StringEquals': { [TK]: ['env'] } },
    {},
    'implicitDeny',
    [TK],
  ),
  cond(
    'ForAnyValue: empty set → false',
    CITE.condSets,
    { 'ForAnyValue:StringEquals': { [TK]: ['env'] } },
    { [TK]: [] },
    'implicitDeny',
  ),
  cond(
    'ForAllValues:StringEquals: every request value in the policy set',
    CITE.condSets,
    { 'ForAllValues:StringEquals': { [TK]: ['env', 'team'] } },
    { [TK]: ['env', 'team'] },
    'allowed',
  ),
  cond(
    'ForAllValues:StringEquals: one request value outside the set',
    CITE.condSets,
    { 'ForAllValues:StringEquals': { [TK]: ['env', 'team'] } },
    { [TK]: ['env', 'cost'] },
    'implicitDeny',
  ),
  cond(
    'ForAllValues: key absent → true (beware in Allow)',
    CITE.condSets,
    { 'ForAllValues:StringEquals': { [TK]: ['env'] } },
    {},
    'allowed',
    [TK],
  ),
  cond(
    'ForAllValues: empty set → true',
    CITE.condSets,
    { 'ForAllValues:StringEquals': { [TK]: ['env'] } },
    { [TK]: [] },
    'allowed',
  ),
  cond(
    'ForAnyValue:StringLike: wildcard against a multivalued key',
    CITE.condSets,
    { 'ForAnyValue:StringLike': { [TK]: 'cost*' } },
    { [TK]: ['env', 'costcenter'] },
    'allowed',
  ),
  denyCond(
    'Deny + ForAllValues:StringNotLike key1*: request [key2:audit] is denied',
    CITE.condSets,
    { 'ForAllValues:StringNotLike': { [TK]: 'key1*' } },
    { [TK]: ['key2:audit'] },
    'explicitDeny',
  ),
  denyCond(
    'Deny + ForAllValues:StringNotLike key1*: request [key1:legal] is not denied',
    CITE.condSets,
    { 'ForAllValues:StringNotLike': { [TK]: 'key1*' } },
    { [TK]: ['key1:legal'] },
    'allowed',
  ),
  denyCond(
    'Deny + ForAllValues:StringNotLike: key absent → the Deny applies',
    CITE.condSets,
    { 'ForAllValues:StringNotLike': { [TK]: 'key1*' } },
    {},
    'explicitDeny',
    [TK],
  ),
];

const logic: Case[] = [
  cond(
    'Multiple values for one key are ORed',
    CITE.condMulti,
    { StringEquals: { [ENV]: ['dev', 'prod'] } },
    { [ENV]: 'prod' },
    'allowed',
  ),
  cond(
    'Negated operator with multiple values is a NOR: a listed value fails',
    CITE.condMulti,
    { StringNotEquals: { [ENV]: ['dev', 'prod'] } },
    { [ENV]: 'prod' },
    'implicitDeny',
  ),
  cond(
    'Negated operator with multiple values is a NOR: an unlisted value passes',
    CITE.condMulti,
    { StringNotEquals: { [ENV]: ['dev', 'prod'] } },
    { [ENV]: 'test' },
    'allowed',
  ),
  cond(
    'Multiple keys under one operator are ANDed: both hold',
    CITE.condMulti,
    { StringEquals: { [ENV]: 'prod', 'aws:RequestTag/team': 'red' } },
    { [ENV]: 'prod', 'aws:RequestTag/team': 'red' },
    'allowed',
  ),
  cond(
    'Multiple keys under one operator are ANDed: one fails',
    CITE.condMulti,
    { StringEquals: { [ENV]: 'prod', 'aws:RequestTag/team': 'red' } },
    { [ENV]: 'prod', 'aws:RequestTag/team': 'blue' },
    'implicitDeny',
  ),
  cond(
    'Multiple operators are ANDed: one fails',
    CITE.condMulti,
    { StringEquals: { [ENV]: 'prod' }, IpAddress: { [IP]: '203.0.113.0/24' } },
    { [ENV]: 'prod', [IP]: '198.51.100.1' },
    'implicitDeny',
  ),
  cond(
    'Multiple operators are ANDed: all hold',
    CITE.condMulti,
    { StringEquals: { [ENV]: 'prod' }, IpAddress: { [IP]: '203.0.113.0/24' } },
    { [ENV]: 'prod', [IP]: '203.0.113.9' },
    'allowed',
  ),
  cond(
    'Condition key names are case-insensitive (policy AWS:SOURCEIP)',
    CITE.condKeyCase,
    { IpAddress: { 'AWS:SOURCEIP': '203.0.113.0/24' } },
    { [IP]: '203.0.113.9' },
    'allowed',
  ),
  cond(
    'Condition key names are case-insensitive (context aws:sourceip)',
    CITE.condKeyCase,
    { IpAddress: { [IP]: '203.0.113.0/24' } },
    { 'aws:sourceip': '203.0.113.9' },
    'allowed',
  ),
];

runCases('conformance: conditions — string operators', strings);
runCases('conformance: conditions — numeric operators', numeric);
runCases('conformance: conditions — date operators', dates);
runCases('conformance: conditions — Bool', bools);
runCases('conformance: conditions — BinaryEquals', binary);
runCases('conformance: conditions — IP address operators', ips);
runCases('conformance: conditions — ARN operators', arns);
runCases('conformance: conditions — Null', nulls);
runCases('conformance: conditions — ...IfExists', ifExists);
runCases('conformance: conditions — ForAnyValue / ForAllValues', sets);
runCases('conformance: conditions — AND / OR / key-name case', logic);
