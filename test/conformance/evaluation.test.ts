/**
 * Topic 3: evaluation logic — explicit deny everywhere, implicit deny, SCPs,
 * RCPs, permissions boundaries, session policies, the same-account
 * resource-policy table (R5), trust policies and cross-account requests.
 */
import type { EvaluationInput, PolicyInput } from '../../engine/types.ts';
import {
  A,
  B,
  CITE,
  type Case,
  EXT,
  MGMT,
  ORG,
  allow,
  assume,
  bucketObj,
  deny,
  doc,
  fullAccessLevel,
  grant,
  idOnly,
  pol,
  refuse,
  req,
  role,
  roleRes,
  rootUser,
  runCases,
  scpLevel,
  sessionArn,
  user,
} from './helpers.ts';

const alice = user(A, 'alice');
const app = role(A, 'app');
const obj = bucketObj('amzn-s3-demo-bucket', 'data.csv', { accountId: A });
const BUCKET_ARN = 'arn:aws:s3:::amzn-s3-demo-bucket/*';
const target = roleRes(A, 'target');

const boundary = (...statements: Record<string, unknown>[]): PolicyInput =>
  pol(doc(...statements), `arn:aws:iam::${A}:policy/boundary`);
const sessionPol = (...statements: Record<string, unknown>[]): PolicyInput[] => [
  pol(doc(...statements), 'session-policy'),
];

/** s3:GetObject on the bucket, with a bucket policy and optional identity statements. */
function bucket(
  principal = alice,
  bucketStatements: Record<string, unknown>[] = [],
  identityStatements: Record<string, unknown>[] = [],
  more: Partial<EvaluationInput> = {},
  resource = obj,
): EvaluationInput {
  const input: EvaluationInput = {
    request: req(principal, 's3:GetObject', resource),
    identityPolicies: identityStatements.length ? [pol(doc(...identityStatements))] : [],
    ...more,
  };
  if (bucketStatements.length)
    input.resourcePolicy = pol(doc(...bucketStatements), 'arn:aws:s3:::amzn-s3-demo-bucket#policy');
  return input;
}
const toPrincipal = (arn: string, extra: Record<string, unknown> = {}) =>
  grant({ AWS: arn }, 's3:GetObject', { Resource: BUCKET_ARN, ...extra });

// ---------------------------------------------------------------------------
const explicitDeny: Case[] = [
  {
    name: 'Identity Deny overrides identity Allow',
    cite: CITE.denyAllow,
    input: idOnly(
      req(alice, 's3:GetObject', obj),
      allow('s3:*'),
      deny('s3:GetObject', '*', { Sid: 'NoGet' }),
    ),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'identity', sid: 'NoGet' }] },
  },
  {
    name: 'Resource-policy Deny overrides identity Allow',
    cite: CITE.denyAllow,
    input: bucket(
      alice,
      [refuse({ AWS: alice.arn }, 's3:*', { Resource: BUCKET_ARN, Sid: 'BucketDeny' })],
      [allow('s3:*')],
    ),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'resource', sid: 'BucketDeny' }] },
  },
  {
    name: 'Resource-policy Deny overrides a resource-policy Allow for the same principal',
    cite: CITE.denyAllow,
    input: bucket(alice, [toPrincipal(alice.arn), refuse('*', 's3:GetObject', { Resource: BUCKET_ARN })]),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'resource', statementIndex: 1 }] },
  },
  {
    name: 'Identity Deny overrides a resource-policy grant naming the user',
    cite: CITE.denyAllow,
    input: bucket(alice, [toPrincipal(alice.arn)], [deny('s3:GetObject')]),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'identity' }] },
  },
  {
    name: 'Permissions-boundary Deny overrides identity Allow',
    cite: CITE.boundaries,
    input: {
      ...idOnly(req(alice, 's3:GetObject', obj), allow('*')),
      permissionsBoundary: boundary(allow('*'), deny('s3:GetObject', '*', { Sid: 'BDeny' })),
    },
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'permissionsBoundary', sid: 'BDeny' }] },
  },
  {
    name: 'Session-policy Deny overrides identity Allow',
    cite: CITE.sessionPolicies,
    input: {
      ...idOnly(req(app, 's3:GetObject', obj), allow('*')),
      sessionPolicies: sessionPol(allow('*'), deny('s3:GetObject')),
    },
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'session' }] },
  },
  {
    name: 'SCP Deny at the OU level overrides identity Allow',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(alice, 's3:GetObject', obj), allow('*')),
      scps: [
        fullAccessLevel(),
        [...fullAccessLevel(), pol(doc(deny('s3:GetObject', '*', { Sid: 'OuDeny' })), 'p-ou-deny')],
        fullAccessLevel(),
      ],
    },
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'scp', sid: 'OuDeny' }] },
  },
  {
    name: 'RCP Deny overrides a bucket-policy grant and identity Allow',
    cite: CITE.rcpEval,
    input: bucket(alice, [toPrincipal(alice.arn)], [allow('*')], {
      rcps: [
        [
          pol(doc(allow('*')), 'p-RCPFullAWSAccess'),
          pol(
            doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*', Sid: 'RcpDeny' }),
            'p-rcp-deny',
          ),
        ],
      ],
    }),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'rcp', sid: 'RcpDeny' }] },
  },
  {
    name: 'Trust-policy Deny overrides a trust-policy Allow',
    cite: CITE.denyAllow,
    input: assume(alice, target, [
      grant({ AWS: alice.arn }, 'sts:AssumeRole'),
      refuse({ AWS: alice.arn }, 'sts:AssumeRole', { Sid: 'TrustDeny' }),
    ]),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'trust', sid: 'TrustDeny' }] },
  },
  {
    name: 'Identity Deny on sts:AssumeRole overrides a trust naming the user',
    cite: CITE.denyAllow,
    input: assume(alice, target, [grant({ AWS: alice.arn }, 'sts:AssumeRole')], [deny('sts:AssumeRole')]),
    expect: { decision: 'explicitDeny' },
  },
];

// ---------------------------------------------------------------------------
const implicitDeny: Case[] = [
  {
    name: 'No policy at all: implicit deny',
    cite: CITE.denyAllow,
    input: idOnly(req(alice, 's3:GetObject', obj)),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Identity Allow for another action only: implicit deny',
    cite: CITE.denyAllow,
    input: idOnly(req(alice, 's3:GetObject', obj), allow('s3:PutObject')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Identity Allow for another resource only: implicit deny',
    cite: CITE.denyAllow,
    input: idOnly(req(alice, 's3:GetObject', obj), allow('s3:GetObject', 'arn:aws:s3:::other-bucket/*')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'A permissions boundary alone grants nothing',
    cite: CITE.boundaries,
    input: { ...idOnly(req(alice, 's3:GetObject', obj)), permissionsBoundary: boundary(allow('*')) },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'An SCP Allow alone grants nothing',
    cite: CITE.scps,
    input: { ...idOnly(req(alice, 's3:GetObject', obj)), scps: [fullAccessLevel(), fullAccessLevel()] },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'A session policy alone grants nothing',
    cite: CITE.sessionPolicies,
    input: { ...idOnly(req(app, 's3:GetObject', obj)), sessionPolicies: sessionPol(allow('*')) },
    expect: { decision: 'implicitDeny' },
  },
];

// ---------------------------------------------------------------------------
const memberAlice = user(A, 'alice', { orgId: ORG });
const scps: Case[] = [
  {
    name: 'SCP FullAWSAccess at root, OU and account + identity Allow: allowed',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(memberAlice, 's3:GetObject', obj), allow('s3:GetObject')),
      scps: [fullAccessLevel(), fullAccessLevel(), fullAccessLevel()],
    },
    expect: { decision: 'allowed', evidence: [{ policyKind: 'identity' }] },
  },
  {
    name: 'SCP allow-list at the OU without the action: implicit deny even with FullAWSAccess elsewhere',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(memberAlice, 's3:GetObject', obj), allow('*')),
      scps: [fullAccessLevel(), scpLevel(allow('ec2:*')), fullAccessLevel()],
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'SCP allow-list at the OU that includes the action: allowed',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(memberAlice, 'ec2:RunInstances', { arn: '*' }), allow('*')),
      scps: [fullAccessLevel(), scpLevel(allow('ec2:*')), fullAccessLevel()],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'SCP allow-list at the account level without the action: implicit deny',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(memberAlice, 's3:GetObject', obj), allow('*')),
      scps: [fullAccessLevel(), fullAccessLevel(), scpLevel(allow('ec2:*'))],
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'SCP allow-list at the root without the action: implicit deny',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(memberAlice, 's3:GetObject', obj), allow('*')),
      scps: [scpLevel(allow('ec2:*')), fullAccessLevel(), fullAccessLevel()],
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Two SCPs at one level: an Allow in either is enough for that level',
    cite: CITE.scpEval,
    input: {
      ...idOnly(req(memberAlice, 's3:GetObject', obj), allow('*')),
      scps: [
        fullAccessLevel(),
        [pol(doc(allow('ec2:*')), 'p-ec2'), pol(doc(allow('s3:*')), 'p-s3')],
        fullAccessLevel(),
      ],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'SCPs do not apply to principals in the management account',
    cite: CITE.scps,
    input: {
      ...idOnly(
        req(
          user(MGMT, 'admin', { orgId: ORG, inManagementAccount: true }),
          's3:GetObject',
          bucketObj('mgmt-bucket', 'x', { accountId: MGMT }),
        ),
        allow('*'),
      ),
      scps: [scpLevel(deny('*'), allow('*'))],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'SCPs do not apply to service-linked roles',
    cite: CITE.scps,
    input: {
      ...idOnly(
        req(
          role(A, 'AWSServiceRoleForExample', {
            path: '/aws-service-role/example.amazonaws.com/',
            serviceLinkedRole: true,
            orgId: ORG,
          }),
          's3:GetObject',
          obj,
        ),
        allow('*'),
      ),
      scps: [fullAccessLevel(), scpLevel(deny('*'), allow('*'))],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'SCPs restrict the root user of a member account (Deny)',
    cite: CITE.scps,
    input: {
      ...idOnly(req(rootUser(A, { orgId: ORG }), 's3:GetObject', obj)),
      scps: [fullAccessLevel(), scpLevel(allow('*'), deny('s3:*'))],
    },
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'scp' }] },
  },
  {
    name: 'The root user of an account has full access to its own resources by default',
    cite: CITE.denyAllow,
    input: idOnly(req(rootUser(A), 's3:GetObject', obj)),
    expect: { decision: 'allowed' },
    note: 'Policy evaluation logic: the root user has full access to the account unless an SCP/explicit deny limits it (rules file R1).',
  },
  {
    name: 'SCP Deny with ArnNotLike aws:PrincipalArn exempts the named role',
    cite: CITE.scpEval,
    input: {
      ...idOnly(
        req(role(A, 'BreakGlass', { orgId: ORG }), 'iam:CreateUser', { arn: `arn:aws:iam::${A}:user/x` }),
        allow('*'),
      ),
      scps: [
        [
          ...fullAccessLevel(),
          pol(
            doc(
              deny('iam:*', '*', {
                Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/BreakGlass` } },
              }),
            ),
            'p-iam-guard',
          ),
        ],
      ],
    },
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'SCP Deny with ArnNotLike aws:PrincipalArn denies other roles',
    cite: CITE.scpEval,
    input: {
      ...idOnly(
        req(role(A, 'Dev', { orgId: ORG }), 'iam:CreateUser', { arn: `arn:aws:iam::${A}:user/x` }),
        allow('*'),
      ),
      scps: [
        [
          ...fullAccessLevel(),
          pol(
            doc(
              deny('iam:*', '*', {
                Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/BreakGlass` } },
              }),
            ),
            'p-iam-guard',
          ),
        ],
      ],
    },
    expect: { decision: 'explicitDeny' },
  },
  {
    name: "The caller's SCPs apply to a cross-account AssumeRole (caller in B denied by its SCP)",
    cite: CITE.crossAccount,
    input: assume(
      user(B, 'eve', { orgId: ORG }),
      target,
      [grant({ AWS: `arn:aws:iam::${B}:user/eve` }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
      {
        scps: [fullAccessLevel(), scpLevel(allow('*'), deny('sts:AssumeRole'))],
      },
    ),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'scp' }] },
  },
];

// ---------------------------------------------------------------------------
const rcpDenyExternal = (): PolicyInput[][] => [
  [
    pol(doc(allow('*')), 'p-RCPFullAWSAccess'),
    pol(
      doc({
        Sid: 'EnforceOrgIdentities',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*', 'sts:AssumeRole'],
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } },
      }),
      'p-rcp-org-only',
    ),
  ],
];
const external = user(EXT, 'mallory');
const rcps: Case[] = [
  {
    name: 'RCP denies a principal outside the organization access to a member-account bucket',
    cite: CITE.rcps,
    input: bucket(
      external,
      [toPrincipal(external.arn)],
      [allow('s3:GetObject')],
      { rcps: rcpDenyExternal() },
      bucketObj('amzn-s3-demo-bucket', 'data.csv', { accountId: A, orgId: ORG }),
    ),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'rcp', sid: 'EnforceOrgIdentities' }] },
  },
  {
    name: 'RCP does not deny a principal of the organization',
    cite: CITE.rcps,
    input: bucket(
      user(B, 'eve', { orgId: ORG }),
      [toPrincipal(`arn:aws:iam::${B}:user/eve`)],
      [allow('s3:GetObject')],
      { rcps: rcpDenyExternal() },
      bucketObj('amzn-s3-demo-bucket', 'data.csv', { accountId: A, orgId: ORG }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'RCPs do not apply to resources in the management account',
    cite: CITE.rcps,
    input: bucket(
      external,
      [toPrincipal(external.arn, { Resource: 'arn:aws:s3:::mgmt-bucket/*' })],
      [allow('s3:GetObject')],
      { rcps: rcpDenyExternal() },
      bucketObj('mgmt-bucket', 'x', { accountId: MGMT, orgId: ORG, inManagementAccount: true }),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'RCP restricts sts:AssumeRole on a member-account role by an external principal',
    cite: CITE.rcps,
    input: assume(
      external,
      roleRes(A, 'target', { orgId: ORG }),
      [grant({ AWS: external.arn }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
      { rcps: rcpDenyExternal() },
    ),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'rcp' }] },
  },
  {
    name: 'RCPFullAWSAccess alone does not grant access',
    cite: CITE.rcps,
    input: bucket(alice, [], [], { rcps: [[pol(doc(allow('*')), 'p-RCPFullAWSAccess')]] }),
    expect: { decision: 'implicitDeny' },
  },
];

// ---------------------------------------------------------------------------
const boundaries: Case[] = [
  {
    name: 'Boundary intersects identity: action in both is allowed',
    cite: CITE.boundaries,
    input: {
      ...idOnly(req(alice, 's3:GetObject', obj), allow(['s3:*', 'iam:*'])),
      permissionsBoundary: boundary(allow('s3:*')),
    },
    expect: { decision: 'allowed', evidence: [{ policyKind: 'identity' }] },
  },
  {
    name: 'Boundary intersects identity: action only in identity is implicitly denied',
    cite: CITE.boundaries,
    input: {
      ...idOnly(req(alice, 'iam:CreateUser', { arn: `arn:aws:iam::${A}:user/x` }), allow(['s3:*', 'iam:*'])),
      permissionsBoundary: boundary(allow('s3:*')),
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Boundary intersects identity: action only in the boundary is implicitly denied',
    cite: CITE.boundaries,
    input: {
      ...idOnly(req(alice, 'ec2:RunInstances', { arn: '*' }), allow('s3:*')),
      permissionsBoundary: boundary(allow(['s3:*', 'ec2:*'])),
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Boundary on a role session: intersects the role identity policy',
    cite: CITE.boundaries,
    input: {
      ...idOnly(req(app, 'sqs:SendMessage', { arn: `arn:aws:sqs:us-east-1:${A}:q` }), allow('*')),
      permissionsBoundary: boundary(allow('s3:*')),
    },
    expect: { decision: 'implicitDeny' },
  },
];

// ---------------------------------------------------------------------------
const sessions: Case[] = [
  {
    name: 'Session policy intersects identity: action in both is allowed',
    cite: CITE.sessionPolicies,
    input: {
      ...idOnly(req(app, 's3:GetObject', obj), allow('s3:*')),
      sessionPolicies: sessionPol(allow('s3:GetObject')),
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'Session policy intersects identity: action only in identity is implicitly denied',
    cite: CITE.sessionPolicies,
    input: {
      ...idOnly(req(app, 's3:PutObject', obj), allow('s3:*')),
      sessionPolicies: sessionPol(allow('s3:GetObject')),
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Session policy cannot grant beyond the identity policy',
    cite: CITE.sessionPolicies,
    input: {
      ...idOnly(req(app, 'ec2:RunInstances', { arn: '*' }), allow('s3:*')),
      sessionPolicies: sessionPol(allow('*')),
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Boundary and session policy together: all three must allow',
    cite: CITE.denyAllow,
    input: {
      ...idOnly(req(app, 's3:GetObject', obj), allow('*')),
      permissionsBoundary: boundary(allow('s3:*')),
      sessionPolicies: sessionPol(allow('s3:GetObject')),
    },
    expect: { decision: 'allowed' },
  },
];

// ---------------------------------------------------------------------------
// Same account: which implicit denies a resource-based grant survives (rules file R5).
const sameAccountResource: Case[] = [
  {
    name: 'Bucket policy naming the user ARN grants alone (no identity policy)',
    cite: CITE.evalBasics,
    input: bucket(alice, [toPrincipal(alice.arn, { Sid: 'UserGrant' })]),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'resource', sid: 'UserGrant' }] },
  },
  {
    name: 'Bucket policy naming the user ARN: a boundary that does not allow is not limiting',
    cite: CITE.boundaries,
    input: bucket(alice, [toPrincipal(alice.arn)], [], { permissionsBoundary: boundary(allow('ec2:*')) }),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Bucket policy naming the role ARN grants a session of the role (no identity policy, no boundary)',
    cite: CITE.evalBasics,
    input: bucket(app, [toPrincipal(app.arn)]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Bucket policy naming the role ARN is limited by the role boundary',
    cite: CITE.boundaries,
    input: bucket(app, [toPrincipal(app.arn)], [], { permissionsBoundary: boundary(allow('ec2:*')) }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Bucket policy naming the role ARN is limited by the session policy',
    cite: CITE.denyAllow,
    input: bucket(app, [toPrincipal(app.arn)], [], { sessionPolicies: sessionPol(allow('ec2:*')) }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Bucket policy naming the role session ARN is not limited by the boundary',
    cite: CITE.boundaries,
    input: bucket(app, [toPrincipal(sessionArn(app))], [], { permissionsBoundary: boundary(allow('ec2:*')) }),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Bucket policy naming the role session ARN is not limited by the session policy',
    cite: CITE.sessionPolicies,
    input: bucket(app, [toPrincipal(sessionArn(app))], [], { sessionPolicies: sessionPol(allow('ec2:*')) }),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Bucket policy naming the account root needs an identity Allow even in the same account',
    cite: CITE.principalAccounts,
    input: bucket(alice, [toPrincipal(`arn:aws:iam::${A}:root`)]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Bucket policy naming the account root + identity Allow: allowed',
    cite: CITE.principalAccounts,
    input: bucket(alice, [toPrincipal(`arn:aws:iam::${A}:root`)], [allow('s3:GetObject')]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Bucket policy naming the account root: the boundary still limits',
    cite: CITE.boundaries,
    input: bucket(alice, [toPrincipal(`arn:aws:iam::${A}:root`)], [allow('s3:GetObject')], {
      permissionsBoundary: boundary(allow('ec2:*')),
    }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Principal "*" with an aws:PrincipalArn condition is not limited by the boundary',
    cite: CITE.principalRoles,
    input: bucket(
      app,
      [
        grant('*', 's3:GetObject', {
          Resource: BUCKET_ARN,
          Condition: { ArnEquals: { 'aws:PrincipalArn': app.arn } },
        }),
      ],
      [],
      {
        permissionsBoundary: boundary(allow('ec2:*')),
      },
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Principal "*" with an aws:PrincipalArn condition for another role does not grant',
    cite: CITE.keyPrincipalArn,
    input: bucket(app, [
      grant('*', 's3:GetObject', {
        Resource: BUCKET_ARN,
        Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/other` } },
      }),
    ]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Same account: identity Allow alone suffices when the resource policy does not name the caller',
    cite: CITE.evalBasics,
    input: bucket(alice, [toPrincipal(`arn:aws:iam::${A}:user/bob`)], [allow('s3:GetObject')]),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'identity' }] },
  },
];

// ---------------------------------------------------------------------------
const trust: Case[] = [
  {
    name: 'Identity Allow for sts:AssumeRole without a trust naming the caller never suffices',
    cite: CITE.evalBasics,
    input: assume(
      alice,
      target,
      [grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole', '*')],
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'No trust policy given at all: identity Allow alone does not assume the role',
    cite: CITE.evalBasics,
    input: {
      request: req(alice, 'sts:AssumeRole', target),
      identityPolicies: [pol(doc(allow('sts:AssumeRole')))],
      resourcePolicyKind: 'trust',
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust allowing "sts:AssumeRole*" covers sts:AssumeRole',
    cite: CITE.action,
    input: assume(alice, target, [grant({ AWS: alice.arn }, 'sts:AssumeRole*')]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Trust allowing only sts:AssumeRoleWithSAML does not cover sts:AssumeRole',
    cite: CITE.action,
    input: assume(
      alice,
      target,
      [grant({ AWS: alice.arn }, 'sts:AssumeRoleWithSAML')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'A role can re-assume itself when its trust names its own ARN',
    cite: CITE.trustRole,
    input: assume(app, roleRes(A, 'app'), [grant({ AWS: app.arn }, 'sts:AssumeRole')]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'No implicit self-trust: a role whose trust names someone else cannot re-assume itself',
    cite: CITE.trustRole,
    input: assume(
      app,
      roleRes(A, 'app'),
      [grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'The root user cannot call AssumeRole even when the trust names the account',
    cite: CITE.assumeRoleApi,
    input: assume(rootUser(A), target, [grant({ AWS: `arn:aws:iam::${A}:root` }, 'sts:AssumeRole')]),
    expect: { decision: ['implicitDeny', 'explicitDeny'] },
    note: 'The STS reference says only that access is denied; no Deny statement exists, so either deny kind is accepted.',
  },
  {
    name: 'Trust naming the user ARN (same account), caller boundary does not allow sts:AssumeRole',
    cite: CITE.trustRole,
    input: assume(alice, target, [grant({ AWS: alice.arn }, 'sts:AssumeRole')], [], {
      permissionsBoundary: boundary(allow('s3:*')),
    }),
    expect: { decision: 'implicitDeny' },
    skip: 'A1: the trust-policy guide says the boundary must allow sts:AssumeRole; the R5 table says a user-ARN grant is not limited by the boundary',
  },
];

// ---------------------------------------------------------------------------
const eve = user(B, 'eve');
const crossAccount: Case[] = [
  {
    name: 'Cross-account: trust names the caller ARN but the caller has no identity Allow',
    cite: CITE.crossAccount,
    input: assume(eve, target, [grant({ AWS: eve.arn }, 'sts:AssumeRole')]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Cross-account: trust names the caller ARN and the caller has an identity Allow',
    cite: CITE.crossAccount,
    input: assume(
      eve,
      target,
      [grant({ AWS: eve.arn }, 'sts:AssumeRole', { Sid: 'TrustEve' })],
      [allow('sts:AssumeRole', target.arn, { Sid: 'EveMay' })],
    ),
    expect: {
      decision: 'allowed',
      evidence: [
        { policyKind: 'trust', sid: 'TrustEve' },
        { policyKind: 'identity', sid: 'EveMay' },
      ],
    },
  },
  {
    name: "Cross-account: trust names the caller's account root and the caller has an identity Allow",
    cite: CITE.principalAccounts,
    input: assume(
      eve,
      target,
      [grant({ AWS: `arn:aws:iam::${B}:root` }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Cross-account: identity Allow but the trust names another account',
    cite: CITE.crossAccount,
    input: assume(
      eve,
      target,
      [grant({ AWS: `arn:aws:iam::${EXT}:root` }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: "Cross-account: the caller's boundary limits even a trust naming the caller directly",
    cite: CITE.crossAccount,
    input: assume(eve, target, [grant({ AWS: eve.arn }, 'sts:AssumeRole')], [allow('sts:AssumeRole')], {
      permissionsBoundary: boundary(allow('s3:*')),
    }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Cross-account bucket: bucket policy names the role, the role session has an identity Allow',
    cite: CITE.crossAccount,
    input: bucket(
      role(B, 'reader'),
      [toPrincipal(`arn:aws:iam::${B}:role/reader`)],
      [allow('s3:GetObject', BUCKET_ARN)],
    ),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'resource' }, { policyKind: 'identity' }] },
  },
  {
    name: 'Cross-account bucket: bucket policy names the role, but no identity Allow',
    cite: CITE.crossAccount,
    input: bucket(role(B, 'reader'), [toPrincipal(`arn:aws:iam::${B}:role/reader`)]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Cross-account bucket: identity Allow but no bucket policy',
    cite: CITE.crossAccount,
    input: bucket(role(B, 'reader'), [], [allow('s3:GetObject')]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Cross-account bucket: session policy of the caller limits the grant',
    cite: CITE.crossAccount,
    input: bucket(
      role(B, 'reader'),
      [toPrincipal(`arn:aws:iam::${B}:role/reader`)],
      [allow('s3:GetObject')],
      { sessionPolicies: sessionPol(allow('ec2:*')) },
    ),
    expect: { decision: 'implicitDeny' },
  },
];

runCases('conformance: evaluation — explicit deny wins everywhere', explicitDeny);
runCases('conformance: evaluation — implicit deny', implicitDeny);
runCases('conformance: evaluation — SCPs', scps);
runCases('conformance: evaluation — RCPs', rcps);
runCases('conformance: evaluation — permissions boundaries', boundaries);
runCases('conformance: evaluation — session policies', sessions);
runCases('conformance: evaluation — same-account resource policies (R5)', sameAccountResource);
runCases('conformance: evaluation — trust policies', trust);
runCases('conformance: evaluation — cross-account', crossAccount);
