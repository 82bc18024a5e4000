/**
 * Topic 1: the policy language — document shape, Version, encodings, Action /
 * NotAction, Resource / NotResource, Principal / NotPrincipal, policy variables.
 */
import {
  A,
  B,
  CITE,
  type Case,
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
  runCases,
  servicePrincipal,
  sessionArn,
  user,
} from './helpers.ts';

const alice = user(A, 'alice');
const bob = user(A, 'bob');
const obj = bucketObj('amzn-s3-demo-bucket', 'reports/q1.csv', { accountId: A });
const get = (r = obj, p = alice) => req(p, 's3:GetObject', r);

// ---------------------------------------------------------------------------
const documentShape: Case[] = [
  {
    name: 'Statement as a single object (no array) is evaluated',
    cite: CITE.statement,
    input: {
      request: get(),
      identityPolicies: [pol({ Version: '2012-10-17', Statement: allow('s3:GetObject', '*') })],
    },
    expect: { decision: 'allowed', evidence: [{ policyKind: 'identity', statementIndex: 0 }] },
  },
  {
    name: 'Statement array: the matching second statement allows',
    cite: CITE.statement,
    input: idOnly(get(), allow('ec2:StartInstances'), allow('s3:GetObject', '*', { Sid: 'Second' })),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'identity', sid: 'Second', statementIndex: 1 }] },
  },
  {
    name: 'Action as a one-element list behaves like the string form',
    cite: CITE.grammar,
    input: idOnly(get(), allow(['s3:GetObject'], ['*'])),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action list: any listed action matches (OR)',
    cite: CITE.action,
    input: idOnly(get(), allow(['sqs:SendMessage', 'ec2:StartInstances', 's3:GetObject'])),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Resource list: any listed ARN matches (OR)',
    cite: CITE.resource,
    input: idOnly(
      get(),
      allow('s3:GetObject', ['arn:aws:s3:::other/*', 'arn:aws:s3:::amzn-s3-demo-bucket/*']),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Version 2008-10-17 policies still grant when they use no variables',
    cite: CITE.version,
    input: {
      request: get(),
      identityPolicies: [pol({ Version: '2008-10-17', Statement: [allow('s3:GetObject')] })],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'Policy document given as a JSON string',
    cite: CITE.urlEncoded,
    input: { request: get(), identityPolicies: [pol(JSON.stringify(doc(allow('s3:GetObject'))))] },
    expect: { decision: 'allowed' },
  },
  {
    name: 'Policy document given URL-encoded (as GetAccountAuthorizationDetails returns it)',
    cite: CITE.urlEncoded,
    input: {
      request: get(),
      identityPolicies: [
        pol(
          encodeURIComponent(
            JSON.stringify(doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*'))),
          ),
        ),
      ],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'URL-encoded Deny document is decoded and its Deny applies',
    cite: CITE.urlEncoded,
    input: {
      request: get(),
      identityPolicies: [
        pol(doc(allow('s3:*'))),
        pol(encodeURIComponent(JSON.stringify(doc(deny('s3:GetObject'))))),
      ],
    },
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'URL-encoded trust policy names the caller',
    cite: CITE.urlEncoded,
    input: {
      request: req(alice, 'sts:AssumeRole', roleRes(A, 'target')),
      identityPolicies: [],
      resourcePolicy: pol(
        encodeURIComponent(JSON.stringify(doc(grant({ AWS: alice.arn }, 'sts:AssumeRole')))),
      ),
      resourcePolicyKind: 'trust',
    },
    expect: { decision: 'allowed', evidence: [{ policyKind: 'trust' }] },
  },
];

// ---------------------------------------------------------------------------
const versionAndVariables: Case[] = [
  {
    name: 'Version 2012-10-17: ${aws:username} in Resource is substituted',
    cite: CITE.varsResource,
    input: idOnly(
      get(bucketObj('home', 'alice/notes.txt')),
      allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: "Version 2012-10-17: ${aws:username} does not match another user's folder",
    cite: CITE.varsResource,
    input: idOnly(
      get(bucketObj('home', 'bob/notes.txt')),
      allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Version 2008-10-17: ${aws:username} is a literal string, not substituted',
    cite: CITE.version,
    input: {
      request: get(bucketObj('home', 'alice/notes.txt')),
      identityPolicies: [
        pol({
          Version: '2008-10-17',
          Statement: [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')],
        }),
      ],
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Version 2008-10-17: the literal text ${aws:username} matches itself',
    cite: CITE.version,
    input: {
      request: get(bucketObj('home', '${aws:username}/notes.txt')),
      identityPolicies: [
        pol({
          Version: '2008-10-17',
          Statement: [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')],
        }),
      ],
    },
    expect: { decision: 'allowed' },
  },
  {
    name: 'Missing Version defaults to 2008-10-17: variables are literal',
    cite: CITE.version,
    input: {
      request: get(bucketObj('home', 'alice/notes.txt')),
      identityPolicies: [pol({ Statement: [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')] })],
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Variable with no value (aws:username for a role session) in Resource matches nothing',
    cite: CITE.varsNoValue,
    input: idOnly(
      req(role(A, 'app'), 's3:GetObject', bucketObj('home', 'app/notes.txt')),
      allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: '${aws:userid} for a role session resolves to ROLEID:session-name',
    cite: CITE.varsPrincipalTable,
    input: idOnly(
      req(
        role(A, 'app', { uniqueId: 'AROAEXAMPLEROLEID1234' }),
        's3:GetObject',
        bucketObj('home', 'AROAEXAMPLEROLEID1234:session1/x'),
      ),
      allow('s3:GetObject', 'arn:aws:s3:::home/${aws:userid}/*'),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: '${aws:PrincipalTag/team} in Resource is substituted from the principal tags',
    cite: CITE.varsResource,
    input: idOnly(
      req(user(A, 'carol', { tags: { team: 'red' } }), 's3:GetObject', bucketObj('red-data', 'x')),
      allow('s3:GetObject', 'arn:aws:s3:::${aws:PrincipalTag/team}-data/*'),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: '${aws:PrincipalTag/team} with the tag missing matches no resource',
    cite: CITE.varsNoValue,
    input: idOnly(
      req(user(A, 'carol'), 's3:GetObject', bucketObj('red-data', 'x')),
      allow('s3:GetObject', 'arn:aws:s3:::${aws:PrincipalTag/team}-data/*'),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: "Default value ${aws:PrincipalTag/team, 'shared'} is used when the tag is missing",
    cite: CITE.varsDefault,
    input: idOnly(
      req(user(A, 'carol'), 's3:GetObject', bucketObj('shared-data', 'x')),
      allow('s3:GetObject', "arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}-data/*"),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Default value is not used when the tag is present',
    cite: CITE.varsDefault,
    input: idOnly(
      req(user(A, 'carol', { tags: { team: 'red' } }), 's3:GetObject', bucketObj('shared-data', 'x')),
      allow('s3:GetObject', "arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}-data/*"),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: '${*} stands for a literal asterisk: matches the key containing *',
    cite: CITE.varsSpecial,
    input: idOnly(
      get(bucketObj('b', 'literal*star')),
      allow('s3:GetObject', 'arn:aws:s3:::b/literal${*}star'),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: '${*} is not a wildcard: does not match other characters',
    cite: CITE.varsSpecial,
    input: idOnly(
      get(bucketObj('b', 'literalXYZstar')),
      allow('s3:GetObject', 'arn:aws:s3:::b/literal${*}star'),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: '${?} stands for a literal question mark',
    cite: CITE.varsSpecial,
    input: idOnly(get(bucketObj('b', 'what?')), allow('s3:GetObject', 'arn:aws:s3:::b/what${?}')),
    expect: { decision: 'allowed' },
  },
  {
    name: '${?} is not a single-character wildcard',
    cite: CITE.varsSpecial,
    input: idOnly(get(bucketObj('b', 'whatX')), allow('s3:GetObject', 'arn:aws:s3:::b/what${?}')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: '${$} stands for a literal dollar sign',
    cite: CITE.varsSpecial,
    input: idOnly(get(bucketObj('b', 'price$5')), allow('s3:GetObject', 'arn:aws:s3:::b/price${$}5')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Variable in a Condition value (StringLike s3:prefix "${aws:username}/*") matches',
    cite: CITE.varsCondition,
    input: idOnly(
      req(alice, 's3:ListBucket', res('arn:aws:s3:::home'), { 's3:prefix': 'alice/docs' }),
      allow('s3:ListBucket', 'arn:aws:s3:::home', {
        Condition: { StringLike: { 's3:prefix': ['${aws:username}/*'] } },
      }),
    ),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Variable in a Condition value does not match another user prefix',
    cite: CITE.varsCondition,
    input: idOnly(
      req(alice, 's3:ListBucket', res('arn:aws:s3:::home'), { 's3:prefix': 'bob/docs' }),
      allow('s3:ListBucket', 'arn:aws:s3:::home', {
        Condition: { StringLike: { 's3:prefix': ['${aws:username}/*'] } },
      }),
    ),
    expect: { decision: 'implicitDeny' },
  },
];

// ---------------------------------------------------------------------------
const actions: Case[] = [
  {
    name: 'Action match is case-insensitive (policy upper, request mixed)',
    cite: CITE.action,
    input: idOnly(req(alice, 'iam:ListAccessKeys', res(alice.arn)), allow('IAM:listaccesskeys')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action match is case-insensitive (request lower-case)',
    cite: CITE.action,
    input: idOnly(req(alice, 's3:getobject', obj), allow('s3:GetObject')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action "s3:*" matches every S3 action',
    cite: CITE.action,
    input: idOnly(get(), allow('s3:*')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action "s3:*" does not match another service',
    cite: CITE.action,
    input: idOnly(req(alice, 'ec2:RunInstances', res('*')), allow('s3:*')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Action "*" matches any action of any service',
    cite: CITE.action,
    input: idOnly(
      req(alice, 'dynamodb:PutItem', res(`arn:aws:dynamodb:us-east-1:${A}:table/Books`)),
      allow('*'),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action "iam:*AccessKey*" matches iam:CreateAccessKey',
    cite: CITE.action,
    input: idOnly(req(alice, 'iam:CreateAccessKey', res(alice.arn)), allow('iam:*AccessKey*')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action "s3:Get*" does not match s3:PutObject',
    cite: CITE.action,
    input: idOnly(req(alice, 's3:PutObject', obj), allow('s3:Get*')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Action "?" matches exactly one character (s3:GetObjec? ~ s3:GetObject)',
    cite: CITE.action,
    input: idOnly(get(), allow('s3:GetObjec?')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Action "?" does not match several characters (s3:GetObj? !~ s3:GetObject)',
    cite: CITE.action,
    input: idOnly(get(), allow('s3:GetObj?')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Action "?" does not match zero characters (s3:GetObject? !~ s3:GetObject)',
    cite: CITE.action,
    input: idOnly(get(), allow('s3:GetObject?')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Only * and ? are wildcards: "." is literal (s3:Get.bject !~ s3:GetObject)',
    cite: CITE.action,
    input: idOnly(get(), allow('s3:Get.bject')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Allow + NotAction: actions not listed are allowed',
    cite: CITE.notAction,
    input: idOnly(get(), { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Allow + NotAction: a listed action is not allowed',
    cite: CITE.notAction,
    input: idOnly(req(alice, 'iam:CreateUser', res(`arn:aws:iam::${A}:user/x`)), {
      Effect: 'Allow',
      NotAction: 'iam:*',
      Resource: '*',
    }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'NotAction matching is case-insensitive too',
    cite: CITE.notAction,
    input: idOnly(req(alice, 'iam:CreateUser', res(`arn:aws:iam::${A}:user/x`)), {
      Effect: 'Allow',
      NotAction: 'IAM:*',
      Resource: '*',
    }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Deny + NotAction denies every action not listed',
    cite: CITE.notAction,
    input: idOnly(get(), allow('*'), { Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' }),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'identity', statementIndex: 1 }] },
  },
  {
    name: 'Deny + NotAction leaves the listed actions to the Allow',
    cite: CITE.notAction,
    input: idOnly(req(alice, 'iam:ListUsers', res('*')), allow('*'), {
      Effect: 'Deny',
      NotAction: ['iam:*'],
      Resource: '*',
    }),
    expect: { decision: 'allowed' },
  },
];

// ---------------------------------------------------------------------------
const resources: Case[] = [
  {
    name: 'Resource exact ARN match',
    cite: CITE.resource,
    input: idOnly(get(), allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Resource "*" wildcard in the resource part',
    cite: CITE.resource,
    input: idOnly(get(), allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Resource matching is case-sensitive in the resource part',
    cite: CITE.resource,
    input: idOnly(get(), allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/Reports/*')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Resource "?" matches one character (file?.txt ~ file1.txt)',
    cite: CITE.resource,
    input: idOnly(get(bucketObj('b', 'file1.txt')), allow('s3:GetObject', 'arn:aws:s3:::b/file?.txt')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Resource "?" does not match two characters (file?.txt !~ file10.txt)',
    cite: CITE.resource,
    input: idOnly(get(bucketObj('b', 'file10.txt')), allow('s3:GetObject', 'arn:aws:s3:::b/file?.txt')),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Resource wildcard in the region field',
    cite: CITE.resource,
    input: idOnly(
      req(alice, 'dynamodb:GetItem', res(`arn:aws:dynamodb:us-east-1:${A}:table/Books`)),
      allow('dynamodb:GetItem', `arn:aws:dynamodb:*:${A}:table/Books`),
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Resource in another account does not match an ARN naming this account',
    cite: CITE.resource,
    input: idOnly(
      req(alice, 'dynamodb:GetItem', res(`arn:aws:dynamodb:us-east-1:${B}:table/Books`)),
      allow('dynamodb:GetItem', `arn:aws:dynamodb:us-east-1:${A}:table/Books`),
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Resource "*" matches all resources',
    cite: CITE.resource,
    input: idOnly(get(), allow('s3:GetObject', '*')),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Allow + NotResource: resources outside the list are allowed',
    cite: CITE.notResource,
    input: idOnly(get(), { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Allow + NotResource: a listed resource is not allowed',
    cite: CITE.notResource,
    input: idOnly(get(bucketObj('secret', 'x')), {
      Effect: 'Allow',
      Action: 's3:GetObject',
      NotResource: 'arn:aws:s3:::secret/*',
    }),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Deny + NotResource denies every resource not listed',
    cite: CITE.notResource,
    input: idOnly(get(), allow('s3:*'), {
      Effect: 'Deny',
      Action: 's3:*',
      NotResource: ['arn:aws:s3:::ok', 'arn:aws:s3:::ok/*'],
    }),
    expect: { decision: 'explicitDeny' },
  },
  {
    name: 'Deny + NotResource leaves the listed resources to the Allow',
    cite: CITE.notResource,
    input: idOnly(get(bucketObj('ok', 'x')), allow('s3:*'), {
      Effect: 'Deny',
      Action: 's3:*',
      NotResource: ['arn:aws:s3:::ok', 'arn:aws:s3:::ok/*'],
    }),
    expect: { decision: 'allowed' },
  },
];

// ---------------------------------------------------------------------------
const target = roleRes(A, 'target');
const bucketPolicyInput = (
  principal = alice,
  statements = [
    grant({ AWS: alice.arn }, 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }),
  ],
  idStatements: Record<string, unknown>[] = [],
) => ({
  request: get(obj, principal),
  identityPolicies: idStatements.length ? [pol(doc(...idStatements))] : [],
  resourcePolicy: pol(doc(...statements), 'arn:aws:s3:::amzn-s3-demo-bucket#policy'),
});

const principals: Case[] = [
  {
    name: 'Trust naming the user ARN (same account) allows without identity policy',
    cite: CITE.assumeRoleApi,
    input: assume(alice, target, [grant({ AWS: alice.arn }, 'sts:AssumeRole')]),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'trust' }] },
  },
  {
    name: 'Trust principal given as a list: a listed user matches',
    cite: CITE.principalUsers,
    input: assume(alice, target, [grant({ AWS: [bob.arn, alice.arn] }, 'sts:AssumeRole')]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Trust naming another user does not match the caller',
    cite: CITE.principalUsers,
    input: assume(alice, target, [grant({ AWS: bob.arn }, 'sts:AssumeRole')], [allow('sts:AssumeRole')]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust naming the account root ARN needs an identity Allow (same account): none given',
    cite: CITE.principalAccounts,
    input: assume(alice, target, [grant({ AWS: `arn:aws:iam::${A}:root` }, 'sts:AssumeRole')]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust naming the account root ARN + identity Allow: allowed (delegates to the account, not only root)',
    cite: CITE.principalAccounts,
    input: assume(
      alice,
      target,
      [grant({ AWS: `arn:aws:iam::${A}:root` }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole', target.arn)],
    ),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'trust' }, { policyKind: 'identity' }] },
  },
  {
    name: 'Trust naming the bare account id is the same as the root ARN (no identity Allow)',
    cite: CITE.principalAccounts,
    input: assume(alice, target, [grant({ AWS: A }, 'sts:AssumeRole')]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust naming the bare account id + identity Allow: allowed',
    cite: CITE.principalAccounts,
    input: assume(alice, target, [grant({ AWS: A }, 'sts:AssumeRole')], [allow('sts:AssumeRole')]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Trust naming another account root does not match a caller of this account',
    cite: CITE.principalAccounts,
    input: assume(
      alice,
      target,
      [grant({ AWS: `arn:aws:iam::${B}:root` }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust holding the unique id of a deleted user matches no current principal',
    cite: CITE.principalRoles,
    input: assume(
      user(A, 'alice', { uniqueId: 'AIDANEWALICE000000001' }),
      target,
      [grant({ AWS: 'AIDAOLDALICE000000001' }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'implicitDeny' },
    note: 'A recreated user with the same name gets a new unique id and does not match (IAM identifiers § Unique identifiers).',
  },
  {
    name: 'Trust holding the unique id of a deleted role matches no role session',
    cite: CITE.uniqueIds,
    input: assume(
      role(A, 'app', { uniqueId: 'AROANEWAPP00000000001' }),
      target,
      [grant({ AWS: 'AROAOLDAPP00000000001' }, 'sts:AssumeRole')],
      [allow('sts:AssumeRole')],
    ),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Trust naming a role ARN matches a session of that role (same account)',
    cite: CITE.principalRoles,
    input: assume(role(A, 'app'), target, [grant({ AWS: `arn:aws:iam::${A}:role/app` }, 'sts:AssumeRole')]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Trust naming a pathed role ARN matches a session of that role',
    cite: CITE.principalRoles,
    input: assume(role(A, 'app', { path: '/team/' }), target, [
      grant({ AWS: `arn:aws:iam::${A}:role/team/app` }, 'sts:AssumeRole'),
    ]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Service principal named in the trust matches that service',
    cite: CITE.principalServices,
    input: assume(servicePrincipal('ec2.amazonaws.com'), target, [
      grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'),
    ]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Service principal list: a listed service matches',
    cite: CITE.principalServices,
    input: assume(servicePrincipal('lambda.amazonaws.com'), target, [
      grant({ Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, 'sts:AssumeRole'),
    ]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Service principal named in the trust does not match another service',
    cite: CITE.principalServices,
    input: assume(servicePrincipal('lambda.amazonaws.com'), target, [
      grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'),
    ]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Federated SAML provider in the trust matches AssumeRoleWithSAML from that provider',
    cite: CITE.principalFederated,
    input: {
      request: req(
        { type: 'SAML', arn: `arn:aws:iam::${A}:saml-provider/Corp` },
        'sts:AssumeRoleWithSAML',
        target,
        { 'saml:aud': 'https://signin.aws.amazon.com/saml' },
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
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Federated principal from another provider does not match',
    cite: CITE.principalFederated,
    input: {
      request: req(
        { type: 'SAML', arn: `arn:aws:iam::${A}:saml-provider/Other` },
        'sts:AssumeRoleWithSAML',
        target,
      ),
      identityPolicies: [],
      resourcePolicy: pol(
        doc(grant({ Federated: `arn:aws:iam::${A}:saml-provider/Corp` }, 'sts:AssumeRoleWithSAML')),
      ),
      resourcePolicyKind: 'trust',
    },
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Federated OIDC provider in the trust matches AssumeRoleWithWebIdentity',
    cite: CITE.principalFederated,
    input: {
      request: req(
        { type: 'WebIdentity', arn: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` },
        'sts:AssumeRoleWithWebIdentity',
        target,
        { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' },
      ),
      identityPolicies: [],
      resourcePolicy: pol(
        doc(
          grant(
            { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` },
            'sts:AssumeRoleWithWebIdentity',
            {
              Condition: {
                StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
              },
            },
          ),
        ),
      ),
      resourcePolicyKind: 'trust',
    },
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Principal "*" in a bucket policy: same-account user needs no identity Allow',
    cite: CITE.principalAnon,
    input: bucketPolicyInput(alice, [
      grant('*', 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }),
    ]),
    expect: { decision: 'allowed', evidence: [{ policyKind: 'resource' }] },
  },
  {
    name: 'Principal {"AWS":"*"} is equivalent to "*" (same-account user, no identity Allow)',
    cite: CITE.principalAnon,
    input: bucketPolicyInput(alice, [
      grant({ AWS: '*' }, 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }),
    ]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Principal "*": a principal of another account still needs an identity Allow',
    cite: CITE.principalAnon,
    input: bucketPolicyInput(user(B, 'eve'), [
      grant('*', 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }),
    ]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Principal "*": a principal of another account with an identity Allow is allowed',
    cite: CITE.principalAnon,
    input: bucketPolicyInput(
      user(B, 'eve'),
      [grant('*', 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' })],
      [allow('s3:GetObject')],
    ),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Principal naming a role session ARN matches that session',
    cite: CITE.principalSessions,
    input: bucketPolicyInput(role(A, 'app'), [
      grant({ AWS: sessionArn(role(A, 'app')) }, 's3:GetObject', { Resource: '*' }),
    ]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'Principal naming a role session ARN does not match another session of the role',
    cite: CITE.principalSessions,
    input: bucketPolicyInput(role(A, 'app', { sessionName: 'other' }), [
      grant({ AWS: sessionArn(role(A, 'app')) }, 's3:GetObject', { Resource: '*' }),
    ]),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'NotPrincipal with Deny: a principal not listed is denied',
    cite: CITE.notPrincipal,
    input: bucketPolicyInput(
      alice,
      [
        grant('*', 's3:GetObject', { Resource: '*' }),
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: [bob.arn, `arn:aws:iam::${A}:root`] },
          Action: 's3:*',
          Resource: '*',
        },
      ],
      [allow('s3:GetObject')],
    ),
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'resource', statementIndex: 1 }] },
  },
  {
    name: 'NotPrincipal with Deny: the listed principal (with its account) is exempt',
    cite: CITE.notPrincipal,
    input: bucketPolicyInput(bob, [
      grant({ AWS: bob.arn }, 's3:GetObject', { Resource: '*' }),
      {
        Effect: 'Deny',
        NotPrincipal: { AWS: [bob.arn, `arn:aws:iam::${A}:root`] },
        Action: 's3:*',
        Resource: '*',
      },
    ]),
    expect: { decision: 'allowed' },
  },
  {
    name: 'NotPrincipal with Deny always denies a principal that has a permissions boundary',
    cite: CITE.notPrincipalBoundary,
    input: {
      ...bucketPolicyInput(bob, [
        grant({ AWS: bob.arn }, 's3:GetObject', { Resource: '*' }),
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: [bob.arn, `arn:aws:iam::${A}:root`] },
          Action: 's3:*',
          Resource: '*',
        },
      ]),
      identityPolicies: [pol(doc(allow('*')))],
      permissionsBoundary: pol(doc(allow('*')), `arn:aws:iam::${A}:policy/boundary`),
    },
    expect: { decision: 'explicitDeny' },
  },
];

runCases('conformance: policy language — document shape, encodings', documentShape);
runCases('conformance: policy language — Version and policy variables', versionAndVariables);
runCases('conformance: policy language — Action / NotAction', actions);
runCases('conformance: policy language — Resource / NotResource', resources);
runCases('conformance: policy language — Principal / NotPrincipal', principals);
