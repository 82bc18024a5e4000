import { describe, expect, it } from 'vitest';
import type { EvaluationInput, PolicyInput, RequestPrincipal } from '../types.ts';
import { evaluate } from './index.ts';

const A = '111111111111';
const B = '222222222222';
const ROLE = `arn:aws:iam::${A}:role/Target`;
const BUCKET = 'arn:aws:s3:::shared-bucket/report.csv';

const alice: RequestPrincipal = {
  type: 'User',
  arn: `arn:aws:iam::${A}:user/alice`,
  accountId: A,
  name: 'alice',
  uniqueId: 'AIDAALICE',
};
const app: RequestPrincipal = {
  type: 'Role',
  arn: `arn:aws:iam::${A}:role/app`,
  accountId: A,
  name: 'app',
  sessionName: 'i-123',
  uniqueId: 'AROAAPP',
};
const outsider: RequestPrincipal = {
  type: 'User',
  arn: `arn:aws:iam::${B}:user/bob`,
  accountId: B,
  name: 'bob',
};

let n = 0;
function policy(statements: Record<string, unknown>[], id = `policy-${++n}`): PolicyInput {
  return { id, document: { Version: '2012-10-17', Statement: statements } };
}
const allow = (action: string, resource = '*', extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});
const deny = (action: string, resource = '*', extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...extra,
});
const trusting = (principal: unknown, extra: Record<string, unknown> = {}) =>
  policy([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }], `${ROLE}#trust`);
const FULL = policy([allow('*')], 'FullAWSAccess');

function assume(
  principal: RequestPrincipal,
  rest: Partial<EvaluationInput> = {},
  context?: EvaluationInput['request']['context'],
): EvaluationInput {
  return {
    request: { principal, action: 'sts:AssumeRole', resource: { arn: ROLE }, context },
    identityPolicies: [],
    resourcePolicyKind: 'trust',
    ...rest,
  };
}

function getObject(
  principal: RequestPrincipal,
  rest: Partial<EvaluationInput> = {},
  accountId = A,
): EvaluationInput {
  return {
    request: { principal, action: 's3:GetObject', resource: { arn: BUCKET, accountId } },
    identityPolicies: [],
    ...rest,
  };
}

describe('R1 default and explicit deny', () => {
  it('denies implicitly when nothing allows', () => {
    const r = evaluate(getObject(alice));
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons.join(' ')).toMatch(/No identity-based policy allows s3:GetObject/);
  });

  it('an explicit Deny in any policy type overrides every Allow', () => {
    const denyAll = [deny('s3:*')];
    const cases: Partial<EvaluationInput>[] = [
      { identityPolicies: [policy([allow('*')]), policy(denyAll)] },
      { identityPolicies: [policy([allow('*')])], permissionsBoundary: policy([allow('*'), ...denyAll]) },
      { identityPolicies: [policy([allow('*')])], sessionPolicies: [policy([allow('*'), ...denyAll])] },
      { identityPolicies: [policy([allow('*')])], scps: [[FULL], [policy(denyAll)]] },
      {
        identityPolicies: [policy([allow('*')])],
        rcps: [[FULL, policy([{ ...deny('s3:*'), Principal: '*' }])]],
      },
      {
        identityPolicies: [policy([allow('*')])],
        resourcePolicy: policy([{ ...deny('s3:*'), Principal: { AWS: app.arn } }]),
      },
    ];
    for (const [i, rest] of cases.entries()) {
      const r = evaluate(getObject(app, rest));
      expect([i, r.decision]).toEqual([i, 'explicitDeny']);
      expect(r.evidence).toHaveLength(1);
      expect(r.evidence[0]?.effect).toBe('Deny');
    }
  });

  it('evidence names the deciding Deny', () => {
    const denying = policy(
      [allow('*'), { Sid: 'NoS3', ...deny('s3:GetObject') }],
      'arn:aws:iam::111111111111:policy/guard',
    );
    const r = evaluate(getObject(alice, { identityPolicies: [denying] }));
    expect(r.evidence).toEqual([
      {
        policyId: 'arn:aws:iam::111111111111:policy/guard',
        policyKind: 'identity',
        statementIndex: 1,
        sid: 'NoS3',
        effect: 'Deny',
        statement: { Sid: 'NoS3', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
      },
    ]);
    expect(r.reasons[0]).toMatch(
      /^Explicit deny: identity-based policy arn:aws:iam::111111111111:policy\/guard, statement 1 \("NoS3"\)/,
    );
  });
});

describe('R3/R4 role trust in the same account', () => {
  const idAllow = policy([allow('sts:AssumeRole', ROLE)]);

  it('an identity Allow alone never suffices: the trust policy must allow', () => {
    expect(evaluate(assume(alice, { identityPolicies: [idAllow] })).decision).toBe('implicitDeny');
    const r = evaluate(
      assume(alice, {
        identityPolicies: [idAllow],
        resourcePolicy: trusting({ AWS: `arn:aws:iam::${A}:role/other` }),
      }),
    );
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons.join(' ')).toMatch(/trust policy of .* does not allow/);
  });

  it('a trust naming the account needs an identity Allow too (either form of the account)', () => {
    for (const account of [A, `arn:aws:iam::${A}:root`]) {
      expect(evaluate(assume(alice, { resourcePolicy: trusting({ AWS: account }) })).decision).toBe(
        'implicitDeny',
      );
      const r = evaluate(
        assume(alice, { identityPolicies: [idAllow], resourcePolicy: trusting({ AWS: account }) }),
      );
      expect(r.decision).toBe('allowed');
      expect(r.evidence.map((e) => e.policyKind)).toEqual(['trust', 'identity']);
    }
  });

  it('a trust naming the user grants without an identity Allow', () => {
    const r = evaluate(assume(alice, { resourcePolicy: trusting({ AWS: alice.arn }) }));
    expect(r.decision).toBe('allowed');
    expect(r.conditions).toEqual([]);
    expect(r.evidence.map((e) => e.policyKind)).toEqual(['trust']);
    expect(r.reasons[0]).toMatch(/names the user directly/);
  });

  it('a user named in a trust policy is still limited by its permissions boundary (trust-policy guide)', () => {
    const trust = trusting({ AWS: alice.arn });
    expect(
      evaluate(assume(alice, { resourcePolicy: trust, permissionsBoundary: policy([allow('s3:*')]) }))
        .decision,
    ).toBe('implicitDeny');
    const ok = evaluate(
      assume(alice, { resourcePolicy: trust, permissionsBoundary: policy([allow('sts:AssumeRole')]) }),
    );
    expect(ok.decision).toBe('allowed');
    expect(ok.evidence.map((e) => e.policyKind)).toEqual(['trust', 'permissionsBoundary']);
  });

  it('a trust naming the role ARN grants its sessions without identity Allow, within boundary and session policy', () => {
    const trust = trusting({ AWS: app.arn });
    expect(evaluate(assume(app, { resourcePolicy: trust })).decision).toBe('allowed');
    expect(
      evaluate(assume(app, { resourcePolicy: trust, permissionsBoundary: policy([allow('s3:*')]) })).decision,
    ).toBe('implicitDeny');
    expect(
      evaluate(assume(app, { resourcePolicy: trust, sessionPolicies: [policy([allow('s3:*')])] })).decision,
    ).toBe('implicitDeny');
    expect(
      evaluate(assume(app, { resourcePolicy: trust, permissionsBoundary: policy([allow('sts:*')]) }))
        .decision,
    ).toBe('allowed');
  });

  it('there is no implicit self-trust', () => {
    const self = { ...app, arn: ROLE, name: 'Target' };
    expect(evaluate(assume(self, { identityPolicies: [policy([allow('*')])] })).decision).toBe(
      'implicitDeny',
    );
    expect(evaluate(assume(self, { resourcePolicy: trusting({ AWS: ROLE }) })).decision).toBe('allowed');
  });

  it('the root user cannot assume roles even when the trust names its account', () => {
    const root: RequestPrincipal = { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A };
    const r = evaluate(assume(root, { resourcePolicy: trusting({ AWS: A }) }));
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons).toEqual(['The account root user cannot assume roles.']);
  });

  it('a role whose trust policy is not known cannot be assumed', () => {
    expect(evaluate(assume(alice, { identityPolicies: [idAllow] })).reasons).toContain(
      `No trust policy of ${ROLE} is known, and assuming a role needs one that allows it.`,
    );
  });
});

describe('R5 same-account resource-based grants', () => {
  const bucketPolicy = (principal: unknown, extra: Record<string, unknown> = {}) =>
    policy([{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: BUCKET, ...extra }]);
  const narrowBoundary = policy([allow('ec2:*')]);
  const narrowSession = [policy([allow('ec2:*')])];

  it('a user ARN grant is limited by neither identity policy nor boundary', () => {
    expect(
      evaluate(
        getObject(alice, {
          resourcePolicy: bucketPolicy({ AWS: alice.arn }),
          permissionsBoundary: narrowBoundary,
        }),
      ).decision,
    ).toBe('allowed');
  });

  it('a role ARN grant needs no identity Allow but is limited by boundary and session policy', () => {
    const rp = bucketPolicy({ AWS: app.arn });
    expect(evaluate(getObject(app, { resourcePolicy: rp })).decision).toBe('allowed');
    expect(
      evaluate(getObject(app, { resourcePolicy: rp, permissionsBoundary: narrowBoundary })).decision,
    ).toBe('implicitDeny');
    expect(evaluate(getObject(app, { resourcePolicy: rp, sessionPolicies: narrowSession })).decision).toBe(
      'implicitDeny',
    );
  });

  it('a session ARN grant is limited by nothing but explicit denies', () => {
    const rp = bucketPolicy({ AWS: `arn:aws:sts::${A}:assumed-role/app/i-123` });
    expect(
      evaluate(
        getObject(app, {
          resourcePolicy: rp,
          permissionsBoundary: narrowBoundary,
          sessionPolicies: narrowSession,
        }),
      ).decision,
    ).toBe('allowed');
  });

  it('an account grant goes through the identity side: identity, boundary and session must allow', () => {
    const rp = bucketPolicy({ AWS: A });
    expect(evaluate(getObject(app, { resourcePolicy: rp })).decision).toBe('implicitDeny');
    const id = [policy([allow('s3:GetObject')])];
    expect(evaluate(getObject(app, { resourcePolicy: rp, identityPolicies: id })).decision).toBe('allowed');
    expect(
      evaluate(
        getObject(app, { resourcePolicy: rp, identityPolicies: id, permissionsBoundary: narrowBoundary }),
      ).decision,
    ).toBe('implicitDeny');
  });

  it('"*" with an aws:PrincipalArn condition is not limited by boundary or session policy', () => {
    const rp = bucketPolicy('*', { Condition: { ArnEquals: { 'aws:PrincipalArn': app.arn } } });
    const r = evaluate(
      getObject(app, {
        resourcePolicy: rp,
        permissionsBoundary: narrowBoundary,
        sessionPolicies: narrowSession,
      }),
    );
    expect(r.decision).toBe('allowed');
    expect(r.conditions).toEqual([]);
    expect(evaluate(getObject(alice, { resourcePolicy: rp })).decision).toBe('implicitDeny');
  });

  it('identity or resource: an identity Allow alone suffices in the same account', () => {
    expect(
      evaluate(
        getObject(alice, { identityPolicies: [policy([allow('s3:Get*', 'arn:aws:s3:::shared-bucket/*')])] }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('R6 cross-account', () => {
  const crossTrust = trusting({ AWS: outsider.arn });
  const idAllow = policy([allow('sts:AssumeRole', ROLE)]);

  it('needs both the trust (or resource) policy and the caller’s identity side', () => {
    expect(evaluate(assume(outsider, { resourcePolicy: crossTrust })).decision).toBe('implicitDeny');
    expect(evaluate(assume(outsider, { identityPolicies: [idAllow] })).decision).toBe('implicitDeny');
    const r = evaluate(assume(outsider, { resourcePolicy: crossTrust, identityPolicies: [idAllow] }));
    expect(r.decision).toBe('allowed');
    expect(r.reasons[0]).toMatch(/^Cross-account/);
    expect(
      evaluate(assume(outsider, { resourcePolicy: trusting({ AWS: B }), identityPolicies: [idAllow] }))
        .decision,
    ).toBe('allowed');
  });

  it('a direct grant never bypasses the caller’s boundary across accounts', () => {
    const r = evaluate(
      assume(outsider, {
        resourcePolicy: crossTrust,
        identityPolicies: [idAllow],
        permissionsBoundary: policy([allow('s3:*')]),
      }),
    );
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons.join(' ')).toMatch(/permissions boundary .* does not allow/);
  });

  it('"*" across accounts still needs an identity Allow', () => {
    expect(
      evaluate(getObject(outsider, { resourcePolicy: policy([{ ...allow('s3:*'), Principal: '*' }]) }))
        .decision,
    ).toBe('implicitDeny');
  });

  it('without a resource-based policy, cross-account access is denied', () => {
    const r = evaluate(getObject(outsider, { identityPolicies: [policy([allow('*')])] }));
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons[0]).toMatch(/Cross-account request/);
  });
});

describe('R7/R8 boundaries and session policies', () => {
  it('a boundary grants nothing by itself and intersects with identity policies', () => {
    expect(evaluate(getObject(alice, { permissionsBoundary: policy([allow('*')]) })).decision).toBe(
      'implicitDeny',
    );
    const id = [policy([allow('s3:*')])];
    expect(
      evaluate(
        getObject(alice, { identityPolicies: id, permissionsBoundary: policy([allow('s3:GetObject')]) }),
      ).decision,
    ).toBe('allowed');
    expect(
      evaluate(
        getObject(alice, { identityPolicies: id, permissionsBoundary: policy([allow('s3:PutObject')]) }),
      ).decision,
    ).toBe('implicitDeny');
  });

  it('session policies intersect; any one of them may allow', () => {
    const id = [policy([allow('*')])];
    expect(
      evaluate(
        getObject(app, {
          identityPolicies: id,
          sessionPolicies: [policy([allow('ec2:*')]), policy([allow('s3:Get*')])],
        }),
      ).decision,
    ).toBe('allowed');
    expect(
      evaluate(getObject(app, { identityPolicies: id, sessionPolicies: [policy([allow('ec2:*')])] }))
        .decision,
    ).toBe('implicitDeny');
    expect(
      evaluate(
        getObject(app, {
          identityPolicies: [policy([allow('ec2:*')])],
          sessionPolicies: [policy([allow('*')])],
        }),
      ).decision,
    ).toBe('implicitDeny');
  });

  it('a NotPrincipal Deny always denies a principal with a boundary (R7)', () => {
    const rp = policy([
      { Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, A] }, Action: 's3:*', Resource: '*' },
    ]);
    expect(evaluate(getObject(alice, { resourcePolicy: rp })).decision).toBe('allowed');
    expect(
      evaluate(getObject(alice, { resourcePolicy: rp, permissionsBoundary: policy([allow('*')]) })).decision,
    ).toBe('explicitDeny');
  });
});

describe('R9/R10 SCPs and RCPs', () => {
  const id = [policy([allow('*')])];

  it('every SCP level from the root down must allow', () => {
    expect(
      evaluate(getObject(alice, { identityPolicies: id, scps: [[FULL], [FULL], [FULL]] })).decision,
    ).toBe('allowed');
    const allowList = policy([allow('ec2:*')], 'p-ec2only');
    const r = evaluate(getObject(alice, { identityPolicies: id, scps: [[FULL], [allowList], [FULL]] }));
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons[0]).toBe('No SCP at level 2 of 3 (p-ec2only) allows s3:GetObject.');
  });

  it('SCPs also limit direct resource-based grants', () => {
    const rp = policy([{ ...allow('s3:*'), Principal: { AWS: alice.arn } }]);
    expect(
      evaluate(getObject(alice, { resourcePolicy: rp, scps: [[policy([allow('ec2:*')])]] })).decision,
    ).toBe('implicitDeny');
    expect(
      evaluate(
        assume(alice, {
          resourcePolicy: trusting({ AWS: alice.arn }),
          scps: [[policy([deny('sts:*'), allow('*')])]],
        }),
      ).decision,
    ).toBe('explicitDeny');
  });

  it('SCPs do not apply to the management account or service-linked roles', () => {
    const none = [[policy([allow('ec2:*')])]];
    expect(
      evaluate(getObject({ ...alice, inManagementAccount: true }, { identityPolicies: id, scps: none }))
        .decision,
    ).toBe('allowed');
    const slr = { ...app, serviceLinkedRole: true };
    const r = evaluate(getObject(slr, { identityPolicies: id, scps: [[policy([deny('*'), allow('*')])]] }));
    expect(r.decision).toBe('allowed');
    expect(r.reasons).toContain('SCPs do not apply: the caller is a service-linked role.');
  });

  it('RCPs must allow at every level; not for management-account resources or service principals', () => {
    const rcpDeny = policy([
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } },
      },
    ]);
    expect(evaluate(getObject(alice, { identityPolicies: id, rcps: [[FULL, rcpDeny]] })).decision).toBe(
      'explicitDeny',
    );
    expect(
      evaluate(getObject({ ...alice, orgId: 'o-1' }, { identityPolicies: id, rcps: [[FULL, rcpDeny]] }))
        .decision,
    ).toBe('allowed');
    expect(evaluate(getObject(alice, { identityPolicies: id, rcps: [[FULL], []] })).decision).toBe(
      'implicitDeny',
    );
    const mgmt = { ...getObject(alice, { identityPolicies: id, rcps: [[rcpDeny]] }) };
    mgmt.request.resource.inManagementAccount = true;
    expect(evaluate(mgmt).decision).toBe('allowed');
    const cloudtrail: RequestPrincipal = { type: 'Service', arn: 'cloudtrail.amazonaws.com' };
    const rp = policy([{ ...allow('s3:GetObject'), Principal: { Service: 'cloudtrail.amazonaws.com' } }]);
    expect(
      evaluate(
        getObject(cloudtrail, { resourcePolicy: rp, rcps: [[rcpDeny]], scps: [[policy([deny('*')])]] }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('R11/R12 principals', () => {
  it('service and federated principals are granted by the trust policy alone', () => {
    const ec2: RequestPrincipal = { type: 'Service', arn: 'ec2.amazonaws.com' };
    expect(
      evaluate(assume(ec2, { resourcePolicy: trusting({ Service: 'ec2.amazonaws.com' }) })).decision,
    ).toBe('allowed');
    expect(
      evaluate(assume(ec2, { resourcePolicy: trusting({ Service: 'lambda.amazonaws.com' }) })).decision,
    ).toBe('implicitDeny');
    const provider = `arn:aws:iam::${A}:saml-provider/Okta`;
    const saml: RequestPrincipal = { type: 'SAML', arn: provider };
    const trust = policy([
      {
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
    ]);
    const r = evaluate({
      ...assume(saml, { resourcePolicy: trust }),
      request: { principal: saml, action: 'sts:AssumeRoleWithSAML', resource: { arn: ROLE } },
    });
    expect(r.decision).toBe('allowed');
    expect(r.conditions.map((c) => [c.key, c.mustHold])).toEqual([['SAML:aud', true]]);
  });

  it('NotPrincipal with Allow grants nothing', () => {
    const rp = policy([
      { Effect: 'Allow', NotPrincipal: { AWS: outsider.arn }, Action: 's3:*', Resource: '*' },
    ]);
    expect(evaluate(getObject(alice, { resourcePolicy: rp })).decision).toBe('implicitDeny');
  });

  it('a resource-policy statement without any principal applies to no one', () => {
    expect(evaluate(getObject(alice, { resourcePolicy: policy([allow('s3:*')]) })).decision).toBe(
      'implicitDeny',
    );
  });
});

describe('R13 NotAction and NotResource', () => {
  it('Allow + NotAction allows everything not listed', () => {
    const id = [policy([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])];
    expect(evaluate(getObject(alice, { identityPolicies: id })).decision).toBe('allowed');
    expect(
      evaluate({
        ...getObject(alice, { identityPolicies: id }),
        request: {
          principal: alice,
          action: 'iam:CreateUser',
          resource: { arn: `arn:aws:iam::${A}:user/x` },
        },
      }).decision,
    ).toBe('implicitDeny');
  });

  it('Deny + NotResource denies everything else', () => {
    const id = [
      policy([allow('*'), { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::shared-bucket/*' }]),
    ];
    expect(evaluate(getObject(alice, { identityPolicies: id })).decision).toBe('allowed');
    const other = getObject(alice, { identityPolicies: id });
    other.request.resource = { arn: 'arn:aws:s3:::private/x', accountId: A };
    expect(evaluate(other).decision).toBe('explicitDeny');
  });
});

describe('R14/R18 request-time conditions', () => {
  const mfaTrust = trusting(
    { AWS: alice.arn },
    { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
  );

  it('an Allow on a request-time key is allowed if the condition holds', () => {
    const r = evaluate(assume(alice, { resourcePolicy: mfaTrust }));
    expect(r.decision).toBe('allowed');
    expect(r.conditions).toMatchObject([
      {
        key: 'aws:MultiFactorAuthPresent',
        operator: 'Bool',
        values: ['true'],
        mustHold: true,
        source: { policyKind: 'trust', statementIndex: 0 },
      },
    ]);
    expect(r.reasons.join(' ')).toMatch(
      /only if these request-time conditions hold: aws:MultiFactorAuthPresent/,
    );
  });

  it('a known context decides it', () => {
    expect(
      evaluate(assume(alice, { resourcePolicy: mfaTrust }, { 'aws:MultiFactorAuthPresent': true })),
    ).toMatchObject({ decision: 'allowed', conditions: [] });
    expect(
      evaluate(assume(alice, { resourcePolicy: mfaTrust }, { 'aws:MultiFactorAuthPresent': false })).decision,
    ).toBe('implicitDeny');
    const absent = assume(alice, { resourcePolicy: mfaTrust });
    absent.request.absentKeys = ['aws:MultiFactorAuthPresent'];
    expect(evaluate(absent).decision).toBe('implicitDeny');
  });

  it('a Deny on a request-time key leaves the decision allowed, unless its conditions hold', () => {
    const guard = policy([
      allow('*'),
      deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    ]);
    const r = evaluate(getObject(alice, { identityPolicies: [guard] }));
    expect(r.decision).toBe('allowed');
    expect(r.conditions).toMatchObject([
      {
        key: 'aws:MultiFactorAuthPresent',
        operator: 'BoolIfExists',
        values: ['false'],
        mustHold: false,
        source: { effect: 'Deny', statementIndex: 1 },
      },
    ]);
    expect(r.reasons.join(' ')).toMatch(/do not hold/);
    // Access keys send no MFA key at all: BoolIfExists fires.
    const keys = getObject(alice, { identityPolicies: [guard] });
    keys.request.absentKeys = ['aws:MultiFactorAuthPresent'];
    expect(evaluate(keys).decision).toBe('explicitDeny');
  });

  it('prefers an unconditional Allow as evidence when several grant', () => {
    const id = policy([
      allow('s3:GetObject', '*', {
        Sid: 'WithMfa',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
      allow('s3:*', '*', { Sid: 'Plain' }),
    ]);
    const r = evaluate(getObject(alice, { identityPolicies: [id] }));
    expect(r.conditions).toEqual([]);
    expect(r.evidence.map((e) => e.sid)).toEqual(['Plain']);
  });

  it('among conditional paths, picks the one needing fewest conditions', () => {
    const trust = policy([
      {
        Effect: 'Allow',
        Principal: { AWS: alice.arn },
        Action: 'sts:AssumeRole',
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          StringEquals: { 'sts:ExternalId': 'x' },
        },
      },
      {
        Effect: 'Allow',
        Principal: { AWS: alice.arn },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
      },
    ]);
    const r = evaluate(assume(alice, { resourcePolicy: trust }));
    expect(r.evidence.map((e) => e.statementIndex)).toEqual([1]);
    expect(r.conditions.map((c) => c.key)).toEqual(['sts:ExternalId']);
  });

  it('decides principal keys from the snapshot (aws:PrincipalOrgID, tags, account)', () => {
    const trust = trusting('*', {
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1', 'aws:PrincipalTag/team': 'ops' } },
    });
    const idAllow = [policy([allow('sts:AssumeRole')])];
    expect(
      evaluate(
        assume(
          { ...outsider, orgId: 'o-1', tags: { team: 'ops' } },
          { resourcePolicy: trust, identityPolicies: idAllow },
        ),
      ),
    ).toMatchObject({ decision: 'allowed', conditions: [] });
    expect(
      evaluate(
        assume({ ...outsider, tags: { team: 'ops' } }, { resourcePolicy: trust, identityPolicies: idAllow }),
      ).decision,
    ).toBe('implicitDeny');
  });

  it('a Resource with a request-time variable becomes a condition', () => {
    const id = [policy([allow('s3:GetObject', 'arn:aws:s3:::shared-bucket/${aws:SourceIdentity}.csv')])];
    const r = evaluate(getObject(alice, { identityPolicies: id }));
    expect(r.decision).toBe('allowed');
    expect(r.conditions).toMatchObject([
      {
        key: 'aws:SourceIdentity',
        operator: 'Resource',
        values: ['arn:aws:s3:::shared-bucket/${aws:SourceIdentity}.csv'],
        mustHold: true,
      },
    ]);
  });
});

describe('R15 policy variables', () => {
  it('are substituted only in Version 2012-10-17 documents', () => {
    const statement = allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*');
    const request = {
      principal: alice,
      action: 's3:GetObject',
      resource: { arn: 'arn:aws:s3:::home/alice/a', accountId: A },
    };
    const v2012 = { id: 'v', document: { Version: '2012-10-17', Statement: [statement] } };
    const v2008 = { id: 'v', document: { Version: '2008-10-17', Statement: [statement] } };
    expect(evaluate({ request, identityPolicies: [v2012] }).decision).toBe('allowed');
    expect(evaluate({ request, identityPolicies: [v2008] }).decision).toBe('implicitDeny');
    expect(evaluate({ request: { ...request, principal: app }, identityPolicies: [v2012] }).decision).toBe(
      'implicitDeny',
    );
  });
});

describe('documents as AWS returns them', () => {
  it('accepts URL-encoded JSON strings', () => {
    const doc = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [allow('s3:*')] }));
    expect(evaluate(getObject(alice, { identityPolicies: [{ id: 'enc', document: doc }] })).decision).toBe(
      'allowed',
    );
  });
});

describe('reasons name the step that decided', () => {
  it('a role named in its trust but held back by its boundary is told about the boundary only', () => {
    const r = evaluate(
      assume(app, {
        resourcePolicy: trusting({ AWS: app.arn }),
        permissionsBoundary: policy([allow('s3:*')], 'pb'),
      }),
    );
    expect(r.decision).toBe('implicitDeny');
    expect(r.reasons).toEqual(['The permissions boundary pb does not allow sts:AssumeRole.']);
  });

  it('a service without a grant is told the trust policy does not name it', () => {
    const r = evaluate(
      assume({ type: 'Service', arn: 'ec2.amazonaws.com' }, { resourcePolicy: trusting({ AWS: A }) }),
    );
    expect(r.reasons).toEqual([
      `The trust policy of ${ROLE} does not allow ec2.amazonaws.com to sts:AssumeRole.`,
    ]);
  });
});
