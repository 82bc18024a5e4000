/**
 * Topic 4: which condition keys are decided from the snapshot, and which come
 * back as request-time requirements (`conditions`), with mustHold true from an
 * Allow and false from a Deny.
 *
 * Snapshot-derived keys: aws:PrincipalArn, aws:PrincipalAccount,
 * aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalTag/*,
 * aws:ResourceTag/*, iam:ResourceTag/*, aws:PrincipalType, aws:userid,
 * aws:username. A tag the snapshot does not show is an absent key (decided).
 *
 * The reporting convention (conditions on an allowed result) is IAM Atlas's
 * own (rules file R18); the truth values it rests on are AWS's (R14).
 */
import type { EvaluationInput } from '../../engine/types.ts';
import {
  A,
  B,
  CITE,
  type Case,
  EXT,
  ORG,
  ORG_PATH,
  OTHER_ORG,
  allow,
  assume,
  bucketObj,
  deny,
  doc,
  grant,
  idOnly,
  pol,
  req,
  res,
  role,
  roleRes,
  rootUser,
  runCases,
  user,
} from './helpers.ts';

const obj = bucketObj('amzn-s3-demo-bucket', 'x', { accountId: A });
const alice = user(A, 'alice', {
  orgId: ORG,
  orgPaths: [ORG_PATH],
  tags: { team: 'red' },
  uniqueId: 'AIDAALICEEXAMPLE00001',
});
const app = role(A, 'app', {
  orgId: ORG,
  orgPaths: [ORG_PATH],
  tags: { team: 'blue' },
  uniqueId: 'AROAAPPEXAMPLE0000001',
});

type CondBlock = Record<string, Record<string, unknown>>;

/** Identity Allow for s3:GetObject with `condition`, for `principal`. */
function allowIf(
  principal = alice,
  condition: CondBlock,
  resource = obj,
  context?: Record<string, string | boolean | number>,
): EvaluationInput {
  return idOnly(
    req(principal, 's3:GetObject', resource, context),
    allow('s3:GetObject', '*', { Condition: condition }),
  );
}

const decided: Case[] = [
  {
    name: 'aws:PrincipalArn of a user is decided (match)',
    cite: CITE.keyPrincipalArn,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalArn': alice.arn } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalArn of a user is decided (no match)',
    cite: CITE.keyPrincipalArn,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:user/bob` } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalArn of a role session is the role ARN (ArnLike)',
    cite: CITE.keyPrincipalArn,
    input: allowIf(app, { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/app` } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalAccount is decided (match)',
    cite: CITE.keyPrincipalAccount,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalAccount': A } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalAccount is decided (other account)',
    cite: CITE.keyPrincipalAccount,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalAccount': B } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalOrgID of the principal organization is decided',
    cite: CITE.keyPrincipalOrgId,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalOrgID': ORG } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalOrgID of another organization can never hold: implicit deny',
    cite: CITE.keyPrincipalOrgId,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalOrgID': OTHER_ORG } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalOrgID is absent for a principal outside any organization (Allow fails)',
    cite: CITE.keyPrincipalOrgId,
    input: allowIf(
      user(EXT, 'mallory'),
      { StringEquals: { 'aws:PrincipalOrgID': ORG } },
      bucketObj('amzn-s3-demo-bucket', 'x', { accountId: EXT }),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Deny StringNotEquals aws:PrincipalOrgID: absent key (no organization) → the Deny applies',
    cite: CITE.condOps,
    input: idOnly(
      req(user(EXT, 'mallory'), 's3:GetObject', bucketObj('b', 'x', { accountId: EXT })),
      allow('*'),
      deny('*', '*', { Condition: { StringNotEquals: { 'aws:PrincipalOrgID': ORG } } }),
    ),
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'aws:PrincipalOrgPaths with ForAnyValue:StringLike on the OU path is decided',
    cite: CITE.keyPrincipalOrgPaths,
    input: allowIf(alice, {
      'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/r-ab12/ou-ab12-11111111/*`] },
    }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalOrgPaths naming another OU does not hold',
    cite: CITE.keyPrincipalOrgPaths,
    input: allowIf(alice, {
      'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/r-ab12/ou-ab12-22222222/*`] },
    }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalTag/team matching the tag is decided',
    cite: CITE.keyPrincipalTag,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalTag/team': 'red' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalTag/team with another value is decided (no match)',
    cite: CITE.keyPrincipalTag,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalTag of a role session comes from the role tags',
    cite: CITE.keyPrincipalTag,
    input: allowIf(app, { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalTag absent on the principal: the key is absent, decided (Allow fails)',
    cite: CITE.keyPrincipalTag,
    input: allowIf(user(A, 'dave', { orgId: ORG }), { StringEquals: { 'aws:PrincipalTag/team': 'red' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalTag absent: Deny with StringNotEquals applies (negated operator, missing key)',
    cite: CITE.condOps,
    input: idOnly(
      req(user(A, 'dave'), 's3:GetObject', obj),
      allow('*'),
      deny('*', '*', { Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } } }),
    ),
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'Null aws:PrincipalTag/team "false" is decided from the tags',
    cite: CITE.condNull,
    input: allowIf(alice, { Null: { 'aws:PrincipalTag/team': 'false' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:ResourceTag/env from the resource tags is decided (match)',
    cite: CITE.keyResourceTag,
    input: allowIf(
      alice,
      { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
      bucketObj('amzn-s3-demo-bucket', 'x', { accountId: A, tags: { env: 'prod' } }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:ResourceTag/env absent on the resource: decided, the Allow fails',
    cite: CITE.keyResourceTag,
    input: allowIf(
      alice,
      { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
      bucketObj('amzn-s3-demo-bucket', 'x', { accountId: A, tags: {} }),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'iam:ResourceTag/team from the role tags is decided',
    cite: CITE.keyIamResourceTag,
    input: idOnly(
      req(alice, 'iam:GetRole', roleRes(A, 'target', { tags: { team: 'red' } })),
      allow('iam:GetRole', '*', { Condition: { StringEquals: { 'iam:ResourceTag/team': 'red' } } }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:ResourceTag/team equal to ${aws:PrincipalTag/team} (variable) is decided',
    cite: CITE.varsCondition,
    input: allowIf(
      alice,
      { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      bucketObj('amzn-s3-demo-bucket', 'x', { accountId: A, tags: { team: 'red' } }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:ResourceTag/team differing from ${aws:PrincipalTag/team} does not hold',
    cite: CITE.varsCondition,
    input: allowIf(
      alice,
      { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      bucketObj('amzn-s3-demo-bucket', 'x', { accountId: A, tags: { team: 'blue' } }),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'aws:PrincipalType is "User" for an IAM user',
    cite: CITE.keyPrincipalType,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalType': 'User' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalType is "AssumedRole" for a role session',
    cite: CITE.keyPrincipalType,
    input: allowIf(app, { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:PrincipalType is "Account" for the root user',
    cite: CITE.keyPrincipalType,
    // The root user has no identity policies; the Deny sits in an SCP of its member account.
    input: {
      ...idOnly(req(rootUser(A, { orgId: ORG }), 's3:GetObject', obj)),
      scps: [
        [
          pol(
            doc(
              allow('*'),
              deny('*', '*', { Condition: { StringEquals: { 'aws:PrincipalType': 'Account' } } }),
            ),
            'p-deny-root',
          ),
        ],
      ],
    },
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'aws:userid of a user is its unique id',
    cite: CITE.varsPrincipalTable,
    input: allowIf(alice, { StringEquals: { 'aws:userid': 'AIDAALICEEXAMPLE00001' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:userid of a role session is ROLEID:session-name',
    cite: CITE.varsPrincipalTable,
    input: allowIf(app, { StringLike: { 'aws:userid': 'AROAAPPEXAMPLE0000001:*' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:username of a user is its friendly name',
    cite: CITE.varsPrincipalTable,
    input: allowIf(alice, { StringEquals: { 'aws:username': 'alice' } }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'aws:username is not present for a role session (decided: the Allow fails)',
    cite: CITE.varsPrincipalTable,
    input: allowIf(app, { StringEquals: { 'aws:username': 'app' } }),
    expect: { decision: 'implicitDeny' },
  },
];

// ---------------------------------------------------------------------------
const MFA = 'aws:MultiFactorAuthPresent';
const target = roleRes(A, 'target');
const eve = user(B, 'eve');

const requestTime: Case[] = [
  {
    name: 'Allow + Bool MFA=true, MFA unknown: allowed with MFA required (mustHold=true)',
    cite: CITE.keyMfa,
    input: allowIf(alice, { Bool: { [MFA]: 'true' } }),
    expect: { decision: 'allowed', conditions: [{ key: MFA, mustHold: true }] },
  },
  {
    name: 'Allow + Bool MFA=true, MFA true in context: allowed unconditionally',
    cite: CITE.keyMfa,
    input: allowIf(alice, { Bool: { [MFA]: 'true' } }, obj, { [MFA]: true }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Allow + Bool MFA=true, MFA false in context: implicit deny',
    cite: CITE.keyMfa,
    input: allowIf(alice, { Bool: { [MFA]: 'true' } }, obj, { [MFA]: false }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Allow + Bool MFA=true, MFA known absent: implicit deny',
    cite: CITE.condOps,
    input: idOnly(
      req(alice, 's3:GetObject', obj, undefined, [MFA]),
      allow('s3:GetObject', '*', { Condition: { Bool: { [MFA]: 'true' } } }),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Context keys are case-insensitive: AWS:MULTIFACTORAUTHPRESENT decides the key',
    cite: CITE.condKeyCase,
    input: allowIf(alice, { Bool: { [MFA]: 'true' } }, obj, { 'AWS:MULTIFACTORAUTHPRESENT': true }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Deny + BoolIfExists MFA=false, MFA unknown: allowed only if the Deny condition does not hold (mustHold=false)',
    cite: CITE.mfaApi,
    input: idOnly(
      req(alice, 's3:GetObject', obj),
      allow('*'),
      deny('*', '*', { Condition: { BoolIfExists: { [MFA]: 'false' } } }),
    ),
    expect: { decision: 'allowed', conditions: [{ key: MFA, mustHold: false }] },
  },
  {
    name: 'Deny + BoolIfExists MFA=false, MFA true in context: allowed unconditionally',
    cite: CITE.mfaApi,
    input: idOnly(
      req(alice, 's3:GetObject', obj, { [MFA]: true }),
      allow('*'),
      deny('*', '*', { Condition: { BoolIfExists: { [MFA]: 'false' } } }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Deny + BoolIfExists MFA=false, MFA false in context: explicit deny',
    cite: CITE.mfaApi,
    input: idOnly(
      req(alice, 's3:GetObject', obj, { [MFA]: false }),
      allow('*'),
      deny('*', '*', { Condition: { BoolIfExists: { [MFA]: 'false' } } }),
    ),
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'Trust with sts:ExternalId, ExternalId unknown: allowed with the ExternalId required',
    cite: CITE.externalId,
    input: assume(
      eve,
      target,
      [
        grant({ AWS: `arn:aws:iam::${B}:root` }, 'sts:AssumeRole', {
          Condition: { StringEquals: { 'sts:ExternalId': 'Unique-1234' } },
        }),
      ],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'allowed', conditions: [{ key: 'sts:ExternalId', mustHold: true }] },
  },
  {
    name: 'Trust with sts:ExternalId, matching ExternalId in context: allowed unconditionally',
    cite: CITE.externalId,
    input: assume(
      eve,
      target,
      [
        grant({ AWS: `arn:aws:iam::${B}:root` }, 'sts:AssumeRole', {
          Condition: { StringEquals: { 'sts:ExternalId': 'Unique-1234' } },
        }),
      ],
      [allow('sts:AssumeRole')],
      {},
      { 'sts:ExternalId': 'Unique-1234' },
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Trust with sts:ExternalId, wrong ExternalId in context: implicit deny',
    cite: CITE.externalId,
    input: assume(
      eve,
      target,
      [
        grant({ AWS: `arn:aws:iam::${B}:root` }, 'sts:AssumeRole', {
          Condition: { StringEquals: { 'sts:ExternalId': 'Unique-1234' } },
        }),
      ],
      [allow('sts:AssumeRole')],
      {},
      { 'sts:ExternalId': 'guess' },
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust requiring MFA for the same-account user: allowed with MFA required',
    cite: CITE.mfaApi,
    input: assume(alice, target, [
      grant({ AWS: alice.arn }, 'sts:AssumeRole', { Condition: { Bool: { [MFA]: 'true' } } }),
    ]),
    expect: {
      decision: 'allowed',
      conditions: [{ key: MFA, mustHold: true }],
      evidence: [{ policyKind: 'trust' }],
    },
  },
  {
    name: 'Allow + IpAddress aws:SourceIp, IP unknown: allowed with the source IP required',
    cite: CITE.keySourceIp,
    input: allowIf(alice, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:SourceIp', mustHold: true }] },
  },
  {
    name: 'Deny + NotIpAddress aws:SourceIp, IP unknown: allowed unless the Deny condition holds',
    cite: CITE.keySourceIp,
    input: idOnly(
      req(alice, 's3:GetObject', obj),
      allow('*'),
      deny('*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    ),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:SourceIp', mustHold: false }] },
  },
  {
    name: 'Allow + aws:SourceIp given in context inside the CIDR: allowed unconditionally',
    cite: CITE.keySourceIp,
    input: allowIf(alice, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, obj, {
      'aws:SourceIp': '203.0.113.10',
    }),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Trust with aws:SourceIdentity, unknown: allowed with the source identity required',
    cite: CITE.keySourceIdentity,
    input: assume(alice, target, [
      grant({ AWS: alice.arn }, 'sts:AssumeRole', {
        Condition: { StringLike: { 'aws:SourceIdentity': 'admin-*' } },
      }),
    ]),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:SourceIdentity', mustHold: true }] },
  },
  {
    name: 'Allow + aws:RequestTag/project, unknown: allowed with the request tag required',
    cite: CITE.keyRequestTag,
    input: idOnly(
      req(alice, 'ec2:CreateTags', res(`arn:aws:ec2:us-east-1:${A}:instance/i-1`)),
      allow('ec2:CreateTags', '*', { Condition: { StringEquals: { 'aws:RequestTag/project': 'atlas' } } }),
    ),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:RequestTag/project', mustHold: true }] },
  },
  {
    name: 'Allow + DateLessThan aws:CurrentTime, time unknown: allowed with the time window required',
    cite: CITE.keyCurrentTime,
    input: allowIf(alice, { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }),
    expect: { decision: 'allowed', conditions: [{ key: 'aws:CurrentTime', mustHold: true }] },
  },
  {
    name: 'SAML trust with saml:aud, unknown: allowed with saml:aud required',
    cite: CITE.samlKeys,
    input: {
      request: req(
        { type: 'SAML', arn: `arn:aws:iam::${A}:saml-provider/Corp` },
        'sts:AssumeRoleWithSAML',
        target,
      ),
      identityPolicies: [],
      resourcePolicy: pol(
        doc(
          grant({ Federated: `arn:aws:iam::${A}:saml-provider/Corp` }, 'sts:AssumeRoleWithSAML', {
            Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
          }),
        ),
      ),
      resourcePolicyKind: 'trust',
    },
    expect: { decision: 'allowed', conditions: [{ key: 'saml:aud', mustHold: true }] },
  },
  {
    name: 'GitHub OIDC trust with :sub and :aud, unknown: allowed with both claims required',
    cite: CITE.oidcKeys,
    input: {
      request: req(
        { type: 'WebIdentity', arn: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` },
        'sts:AssumeRoleWithWebIdentity',
        target,
      ),
      identityPolicies: [],
      resourcePolicy: pol(
        doc(
          grant(
            { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` },
            'sts:AssumeRoleWithWebIdentity',
            {
              Condition: {
                StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
                StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
              },
            },
          ),
        ),
      ),
      resourcePolicyKind: 'trust',
    },
    expect: {
      decision: 'allowed',
      conditions: [
        { key: 'token.actions.githubusercontent.com:sub', mustHold: true },
        { key: 'token.actions.githubusercontent.com:aud', mustHold: true },
      ],
    },
  },
  {
    name: 'Static key holds + request-time key unknown: only the request-time key is reported',
    cite: CITE.condMulti,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalOrgID': ORG }, Bool: { [MFA]: 'true' } }),
    expect: { decision: 'allowed', conditions: [{ key: MFA, mustHold: true }] },
  },
  {
    name: 'Static key can never hold (other org) + request-time key unknown: implicit deny',
    cite: CITE.keyPrincipalOrgId,
    input: allowIf(alice, { StringEquals: { 'aws:PrincipalOrgID': OTHER_ORG }, Bool: { [MFA]: 'true' } }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Deny that can never apply (other org) leaves the Allow unconditional',
    cite: CITE.keyPrincipalOrgId,
    input: idOnly(
      req(alice, 's3:GetObject', obj),
      allow('*'),
      deny('*', '*', {
        Condition: { StringEquals: { 'aws:PrincipalOrgID': OTHER_ORG }, Bool: { [MFA]: 'false' } },
      }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Conditional Allow plus unconditional Allow for the same request: unconditionally allowed',
    cite: CITE.denyAllow,
    input: idOnly(
      req(alice, 's3:GetObject', obj),
      allow('s3:GetObject', '*', { Condition: { Bool: { [MFA]: 'true' } } }),
      allow('s3:GetObject'),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
];

runCases('conformance: static conditions — decided from the snapshot', decided);
runCases('conformance: static conditions — request-time keys', requestTime);
