/**
 * Exact simulations: with `contextComplete`, the request context given is the
 * whole request, so a request-time key it does not give is absent (as in
 * AWS's policy simulator), and the operators' missing-key rules decide.
 * Without it, such a key stays a condition for a reviewer to check.
 */
import type { EvaluationInput } from '../../engine/types.ts';
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
  roleRes,
  runCases,
  user,
  withRequest,
} from './helpers.ts';

const alice = user(A, 'alice', { tags: { team: 'red' } });
const target = roleRes(A, 'admin');
const obj = bucketObj('amzn-s3-demo-bucket', 'data.csv', { accountId: A });
const complete = (input: EvaluationInput): EvaluationInput => withRequest(input, { contextComplete: true });

/** s3:GetObject allowed by one identity statement under `condition`, with a complete context. */
const readIf = (condition: Record<string, unknown>): EvaluationInput =>
  complete(idOnly(req(alice, 's3:GetObject', obj), allow('s3:GetObject', '*', { Condition: condition })));

const mfaTrust = [
  grant({ AWS: alice.arn }, 'sts:AssumeRole', {
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  }),
];
const tagsAllow = (operator: string) =>
  idOnly(
    req(alice, 's3:PutObject', obj),
    allow('s3:PutObject', '*', { Condition: { [operator]: { 'aws:TagKeys': ['project', 'owner'] } } }),
  );

const cases: Case[] = [
  {
    name: 'Complete context without aws:MultiFactorAuthPresent: a trust requiring MFA denies',
    cite: CITE.simulator,
    input: complete(assume(alice, target, mfaTrust)),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Near miss: complete context with aws:MultiFactorAuthPresent=true allows without conditions',
    cite: CITE.keyMfa,
    input: complete(assume(alice, target, mfaTrust, [], {}, { 'aws:MultiFactorAuthPresent': true })),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: without the flag the missing MFA key stays a condition that must hold',
    cite: CITE.mfaApi,
    input: assume(alice, target, mfaTrust),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:MultiFactorAuthPresent', mustHold: true }] },
  },
  {
    name: 'Complete context: BoolIfExists false in a Deny applies when the key is absent',
    cite: CITE.condIfExists,
    input: complete(
      idOnly(
        req(alice, 's3:GetObject', obj),
        allow('s3:GetObject'),
        deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
      ),
    ),
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'Near miss: complete context with MFA present, the BoolIfExists Deny does not apply',
    cite: CITE.condIfExists,
    input: complete(
      idOnly(
        req(alice, 's3:GetObject', obj, { 'aws:MultiFactorAuthPresent': 'true' }),
        allow('s3:GetObject'),
        deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
      ),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Complete context: Null true holds for an absent key (long-term keys, no aws:TokenIssueTime)',
    cite: CITE.condNull,
    input: readIf({ Null: { 'aws:TokenIssueTime': 'true' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: complete context: Null false fails for an absent key',
    cite: CITE.condNull,
    input: readIf({ Null: { 'aws:TokenIssueTime': 'false' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Complete context: ForAllValues on an absent key holds',
    cite: CITE.condSets,
    input: complete(tagsAllow('ForAllValues:StringEquals')),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: complete context: ForAnyValue on an absent key fails',
    cite: CITE.condSets,
    input: complete(tagsAllow('ForAnyValue:StringEquals')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Complete context still takes keys the snapshot decides (aws:PrincipalTag) from the snapshot',
    cite: CITE.keyPrincipalTag,
    input: readIf({ StringEquals: { 'aws:PrincipalTag/team': 'red' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: complete context, a principal tag of another value fails',
    cite: CITE.keyPrincipalTag,
    input: readIf({ StringEquals: { 'aws:PrincipalTag/team': 'blue' } }),
    expect: { decision: 'implicitDeny' },
  },
];

runCases('complete request context (contextComplete)', cases);
