/**
 * Conditions that time has already decided. A request made on or after the
 * snapshot's reference date (`notBefore`) has aws:CurrentTime and
 * aws:EpochTime at or after it, and, when signed with temporary credentials,
 * aws:TokenIssueTime at most 36 hours before it. A condition no such request
 * meets makes its statement not apply; one every such request meets holds.
 * IAM users and the root user may sign with long-term access keys, which
 * carry no aws:TokenIssueTime at all.
 */
import type { EvaluationInput, RequestPrincipal } from '../../engine/types.ts';
import {
  A,
  CITE,
  type Case,
  allow,
  assume,
  bucketObj,
  deny,
  grant,
  idOnly,
  req,
  role,
  roleRes,
  runCases,
  user,
  withRequest,
} from './helpers.ts';

const NOT_BEFORE = '2024-06-01T00:00:00.000Z';
const alice = user(A, 'alice');
const app = role(A, 'app');
const target = roleRes(A, 'admin');
const obj = bucketObj('amzn-s3-demo-bucket', 'data.csv', { accountId: A });
const at = (input: EvaluationInput): EvaluationInput => withRequest(input, { notBefore: NOT_BEFORE });

const trustWhen = (caller: RequestPrincipal, condition: Record<string, unknown>): EvaluationInput =>
  at(assume(caller, target, [grant({ AWS: caller.arn }, 'sts:AssumeRole', { Condition: condition })]));
const readWhen = (caller: RequestPrincipal, condition: Record<string, unknown>): EvaluationInput =>
  at(idOnly(req(caller, 's3:GetObject', obj), allow('s3:GetObject', '*', { Condition: condition })));

const cases: Case[] = [
  {
    name: 'DateLessThan aws:TokenIssueTime long before the reference date: the trust statement cannot apply',
    cite: CITE.keyTokenIssueTime,
    input: trustWhen(app, { DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Near miss: DateLessThan aws:TokenIssueTime after the reference date stays a condition',
    cite: CITE.keyTokenIssueTime,
    input: trustWhen(app, { DateLessThan: { 'aws:TokenIssueTime': '2030-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:TokenIssueTime', mustHold: true }] },
  },
  {
    name: 'DateGreaterThan aws:TokenIssueTime 2020 holds for every role session used after the reference date',
    cite: CITE.keyTokenIssueTime,
    input: trustWhen(app, { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: DateGreaterThan aws:TokenIssueTime a day before the reference date stays a condition (a session may be up to 36 hours old)',
    cite: CITE.getSessionToken,
    input: trustWhen(app, { DateGreaterThan: { 'aws:TokenIssueTime': '2024-05-31T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:TokenIssueTime', mustHold: true }] },
  },
  {
    name: 'IAM user: DateGreaterThan aws:TokenIssueTime 2020 stays a condition (long-term keys send no aws:TokenIssueTime)',
    cite: CITE.keyTokenIssueTime,
    input: trustWhen(alice, { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:TokenIssueTime', mustHold: true }] },
  },
  {
    name: 'IAM user: DateLessThan aws:TokenIssueTime 2020 cannot apply (with a session or without one)',
    cite: CITE.condOps,
    input: trustWhen(alice, { DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'IAM user: DateLessThanIfExists aws:TokenIssueTime 2020 stays a condition (holds with long-term keys)',
    cite: CITE.condIfExists,
    input: trustWhen(alice, { DateLessThanIfExists: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:TokenIssueTime', mustHold: true }] },
  },
  {
    name: 'Role session: DateLessThanIfExists aws:TokenIssueTime 2020 cannot apply (a session always has the key)',
    cite: CITE.condIfExists,
    input: trustWhen(app, { DateLessThanIfExists: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'DateLessThan aws:CurrentTime before the reference date: the Allow has expired',
    cite: CITE.keyCurrentTime,
    input: readWhen(alice, { DateLessThan: { 'aws:CurrentTime': '2023-12-31T23:59:59Z' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Near miss: DateLessThan aws:CurrentTime after the reference date stays a condition',
    cite: CITE.keyCurrentTime,
    input: readWhen(alice, { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:CurrentTime', mustHold: true }] },
  },
  {
    name: 'DateGreaterThan aws:CurrentTime before the reference date holds',
    cite: CITE.keyCurrentTime,
    input: readWhen(alice, { DateGreaterThan: { 'aws:CurrentTime': '2023-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'NumericLessThan aws:EpochTime before the reference date: the Allow has expired',
    cite: CITE.keyEpochTime,
    input: readWhen(alice, { NumericLessThan: { 'aws:EpochTime': '1700000000' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Near miss: NumericGreaterThan aws:EpochTime before the reference date holds',
    cite: CITE.keyEpochTime,
    input: readWhen(alice, { NumericGreaterThan: { 'aws:EpochTime': '1700000000' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'A Deny that expired before the reference date no longer denies',
    cite: CITE.keyCurrentTime,
    input: at(
      idOnly(
        req(alice, 's3:GetObject', obj),
        allow('s3:GetObject'),
        deny('*', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2022-01-01T00:00:00Z' } } }),
      ),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: without notBefore, the same expired-looking Deny stays a condition that must not hold',
    cite: CITE.keyCurrentTime,
    input: idOnly(
      req(alice, 's3:GetObject', obj),
      allow('s3:GetObject'),
      deny('*', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2022-01-01T00:00:00Z' } } }),
    ),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:CurrentTime', mustHold: false }] },
  },
  {
    name: 'A value given in the context wins over the reference date',
    cite: CITE.keyCurrentTime,
    input: withRequest(readWhen(alice, { DateLessThan: { 'aws:CurrentTime': '2023-12-31T23:59:59Z' } }), {
      context: { 'aws:CurrentTime': '2023-06-01T00:00:00Z' },
    }),
    expect: { decision: 'allowed', conditions: [] },
  },
];

runCases('time conditions decided by the reference date (notBefore)', cases);
