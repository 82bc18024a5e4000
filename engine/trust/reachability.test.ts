import { describe, expect, it } from 'vitest';
import type { OrganizationPolicy, SnapshotModel } from '../model.ts';
import { analyseTrust, reachabilityStats, type CanAssumeEdge } from './reachability.ts';
import {
  A,
  allowAssume,
  B,
  doc,
  EXT,
  MGMT,
  ModelBuilder,
  ORG_ID,
  OU,
  ROOT,
  roleArn,
  trustAws,
} from './test-model.ts';

function edges(model: SnapshotModel): CanAssumeEdge[] {
  return analyseTrust(model).edges;
}

function edge(model: SnapshotModel, from: string, to: string): CanAssumeEdge | undefined {
  return edges(model).find((e) => e.from === from && e.to === to);
}

const fullAccess: OrganizationPolicy = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  type: 'SERVICE_CONTROL_POLICY',
  document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
  targets: [ROOT, OU, A, B, MGMT],
};

describe('same account', () => {
  it('a trust naming the user ARN grants without any identity policy', () => {
    const b = new ModelBuilder().account(A);
    const alice = b.user(A, 'alice');
    const target = b.role(A, 'target', trustAws(alice));
    const e = edge(b.build(), alice, target);
    expect(e).toMatchObject({
      via: 'exact-principal',
      mechanism: 'AssumeRole',
      crossAccount: false,
      conditional: false,
      roleChaining: false,
    });
    expect(e?.trustStatement).toMatchObject({ policyId: target, policyKind: 'trust', statementIndex: 0 });
    expect(e?.identityStatements).toEqual([]);
  });

  it('a trust naming the account root needs an identity Allow', () => {
    const b = new ModelBuilder().account(A);
    const without = b.user(A, 'without');
    const withAllow = b.user(A, 'with', { policies: [allowAssume(roleArn(A, 'target'))] });
    const target = b.role(A, 'target', trustAws(`arn:aws:iam::${A}:root`));
    const model = b.build();
    expect(edge(model, without, target)).toBeUndefined();
    const e = edge(model, withAllow, target);
    expect(e).toMatchObject({ via: 'account', crossAccount: false });
    expect(e?.identityStatements[0]).toMatchObject({
      policyId: `${withAllow}#inline/p0`,
      policyKind: 'identity',
    });
  });

  it('a bare account id in the trust is the same as its root ARN', () => {
    const b = new ModelBuilder().account(A);
    const u = b.user(A, 'u', { policies: [allowAssume()] });
    const target = b.role(A, 'target', trustAws(A));
    expect(edge(b.build(), u, target)?.via).toBe('account');
  });
});

describe('cross account', () => {
  it('needs both the trust and the caller identity Allow', () => {
    const b = new ModelBuilder().account(A).account(B);
    const target = roleArn(B, 'target');
    const granted = b.user(A, 'granted', { policies: [allowAssume(target)] });
    const bare = b.user(A, 'bare');
    b.role(B, 'target', trustAws([granted, bare]));
    const model = b.build();
    expect(edge(model, granted, target)).toMatchObject({ crossAccount: true, via: 'exact-principal' });
    expect(edge(model, bare, target)).toBeUndefined();
  });

  it('indexes wildcard identity resources by account', () => {
    const b = new ModelBuilder().account(A).account(B);
    const u = b.user(A, 'u', { policies: [allowAssume(`arn:aws:iam::${B}:role/app/*`)] });
    const inApp = b.role(B, 'in-app', trustAws(A), { path: '/app/' });
    const outside = b.role(B, 'outside', trustAws(A));
    const model = b.build();
    expect(edge(model, u, inApp)).toBeDefined();
    expect(edge(model, u, outside)).toBeUndefined();
  });
});

describe('denies remove the edge', () => {
  it('an explicit Deny in an identity policy', () => {
    const b = new ModelBuilder().account(A);
    const u = b.user(A, 'u', {
      policies: [allowAssume(), doc({ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' })],
    });
    const target = b.role(A, 'target', trustAws(u));
    expect(edge(b.build(), u, target)).toBeUndefined();
  });

  it('a permissions boundary without sts:AssumeRole (cross-account)', () => {
    const b = new ModelBuilder().account(A).account(B);
    const boundary = b.managed(A, 'boundary', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
    const u = b.user(A, 'u', { policies: [allowAssume()], boundary });
    const target = b.role(B, 'target', trustAws(u));
    expect(edge(b.build(), u, target)).toBeUndefined();
  });

  it("an SCP Deny of the caller's account, but not in the management account", () => {
    const deny: OrganizationPolicy = {
      id: 'p-deny',
      name: 'deny-assume',
      type: 'SERVICE_CONTROL_POLICY',
      document: doc({ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }),
      targets: [ROOT],
    };
    const b = new ModelBuilder()
      .organization([fullAccess, deny])
      .orgAccount(A)
      .orgAccount(B)
      .orgAccount(MGMT);
    const target = roleArn(B, 'target');
    const member = b.user(A, 'member', { policies: [allowAssume()] });
    const admin = b.user(MGMT, 'admin', { policies: [allowAssume()] });
    b.role(B, 'target', trustAws([member, admin]));
    const model = b.build();
    expect(edge(model, member, target)).toBeUndefined();
    expect(edge(model, admin, target)).toMatchObject({ crossAccount: true, crossOrganization: false });
  });

  it('an SCP allow-list at the OU that omits sts:AssumeRole', () => {
    const s3Only: OrganizationPolicy = {
      id: 'p-s3',
      name: 's3-only',
      type: 'SERVICE_CONTROL_POLICY',
      document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      targets: [OU],
    };
    const onlyRoot = { ...fullAccess, targets: [ROOT, A, B] };
    const b = new ModelBuilder().organization([onlyRoot, s3Only]).orgAccount(A).orgAccount(B);
    const u = b.user(A, 'u', { policies: [allowAssume()] });
    const target = b.role(B, 'target', trustAws(u));
    expect(edge(b.build(), u, target)).toBeUndefined();
  });
});

describe('conditions', () => {
  it('keeps an MFA condition on the edge, exactly as written', () => {
    const b = new ModelBuilder().account(A);
    const u = b.user(A, 'u');
    const target = b.role(
      A,
      'target',
      trustAws(u, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    );
    const e = edge(b.build(), u, target);
    expect(e?.conditional).toBe(true);
    expect(e?.conditions).toEqual([
      expect.objectContaining({
        key: 'aws:MultiFactorAuthPresent',
        operator: 'Bool',
        values: ['true'],
        mustHold: true,
      }),
    ]);
    expect(e?.conditions[0]?.source).toMatchObject({ policyKind: 'trust', statementIndex: 0 });
  });

  it('decides aws:PrincipalOrgID from the snapshot', () => {
    const b = new ModelBuilder().organization([fullAccess]).orgAccount(A).orgAccount(B);
    const u = b.user(A, 'u', { policies: [allowAssume()] });
    const other = b.role(
      B,
      'other-org',
      trustAws(u, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-someoneelse' } } }),
    );
    const ours = b.role(
      B,
      'our-org',
      trustAws(u, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }),
    );
    const model = b.build();
    expect(edge(model, u, other)).toBeUndefined();
    expect(edge(model, u, ours)).toMatchObject({ conditional: false });
  });
});

describe('groups', () => {
  it('a member gets the edge through its group policy, named in the evidence', () => {
    const b = new ModelBuilder().account(A).account(B);
    const target = roleArn(B, 'target');
    const group = b.group(A, 'ops', [allowAssume(target)]);
    const member = b.user(A, 'member', { groups: ['ops'] });
    const outsider = b.user(A, 'outsider');
    b.role(B, 'target', trustAws(A));
    const model = b.build();
    const e = edge(model, member, target);
    expect(e?.identityStatements.map((s) => s.policyId)).toEqual([`${group}#inline/ops-p0`]);
    expect(edge(model, outsider, target)).toBeUndefined();
  });
});

describe('non-IAM callers', () => {
  it('service principals', () => {
    const b = new ModelBuilder().account(A);
    const target = b.role(
      A,
      'lambda-exec',
      doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    );
    expect(edge(b.build(), 'lambda.amazonaws.com', target)).toMatchObject({
      mechanism: 'service',
      via: 'service',
      fromKind: 'ServicePrincipal',
      crossAccount: false,
    });
  });

  it('SAML and OIDC providers, with the matching action and their audience conditions', () => {
    const b = new ModelBuilder().account(A);
    const saml = `arn:aws:iam::${A}:saml-provider/corp`;
    const oidc = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
    const samlRole = b.role(
      A,
      'saml',
      doc({
        Effect: 'Allow',
        Principal: { Federated: saml },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      }),
    );
    const oidcRole = b.role(
      A,
      'oidc',
      doc({
        Effect: 'Allow',
        Principal: { Federated: oidc },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/*' } },
      }),
    );
    // A SAML provider named with the wrong action grants nothing.
    const wrong = b.role(
      A,
      'wrong',
      doc({ Effect: 'Allow', Principal: { Federated: saml }, Action: 'sts:AssumeRole' }),
    );
    const model = b.build();
    const s = edge(model, saml, samlRole);
    expect(s).toMatchObject({ mechanism: 'AssumeRoleWithSAML', via: 'federated', conditional: true });
    expect(s?.conditions.map((c) => c.key)).toEqual(['SAML:aud']);
    const o = edge(model, oidc, oidcRole);
    expect(o).toMatchObject({
      mechanism: 'AssumeRoleWithWebIdentity',
      actions: ['sts:AssumeRoleWithWebIdentity'],
    });
    expect(o?.conditions.map((c) => c.key)).toEqual(['token.actions.githubusercontent.com:sub']);
    expect(edge(model, saml, wrong)).toBeUndefined();
  });

  it('an external account: edge from its Account node, conditions on its principals kept', () => {
    const b = new ModelBuilder().organization([fullAccess]).orgAccount(A);
    const plain = b.role(
      A,
      'vendor',
      trustAws(EXT, { Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }),
    );
    const narrowed = b.role(
      A,
      'narrowed',
      trustAws(EXT, { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${EXT}:role/ci-*` } } }),
    );
    const ownOrgOnly = b.role(
      A,
      'own-org',
      trustAws(EXT, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }),
    );
    const model = b.build();
    const e = edge(model, EXT, plain);
    expect(e).toMatchObject({
      fromKind: 'Account',
      via: 'external-account',
      crossAccount: true,
      crossOrganization: true,
    });
    expect(e?.conditions.map((c) => c.key)).toEqual(['sts:ExternalId']);
    expect(edge(model, EXT, narrowed)?.conditions.map((c) => c.key)).toEqual(['aws:PrincipalArn']);
    expect(edge(model, EXT, ownOrgOnly)).toBeUndefined();
  });

  it('an RCP of the role account blocks external callers', () => {
    const rcp: OrganizationPolicy = {
      id: 'p-perimeter',
      name: 'identity-perimeter',
      type: 'RESOURCE_CONTROL_POLICY',
      document: doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG_ID },
          Bool: { 'aws:PrincipalIsAWSService': 'false' },
        },
      }),
      targets: [OU],
    };
    const b = new ModelBuilder().organization([fullAccess, rcp]).orgAccount(A);
    const target = b.role(A, 'vendor', trustAws(EXT));
    expect(edge(b.build(), EXT, target)).toBeUndefined();
  });

  it('anyone: an edge from "*" and from principals of the same account', () => {
    const b = new ModelBuilder().account(A).account(B);
    const sameAccount = b.user(A, 'same');
    const otherNoAllow = b.user(B, 'other');
    const target = b.role(
      A,
      'open',
      doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
    );
    const model = b.build();
    expect(edge(model, '*', target)).toMatchObject({
      via: 'anyone',
      fromKind: 'Anyone',
      crossOrganization: true,
    });
    expect(edge(model, sameAccount, target)?.via).toBe('anyone');
    expect(edge(model, otherNoAllow, target)).toBeUndefined();
  });

  it('a deleted principal (unique id) matches no one', () => {
    const b = new ModelBuilder().account(A);
    b.user(A, 'u', { policies: [allowAssume()] });
    const target = b.role(A, 'target', trustAws('AROAVK3TQ7MZP2XW4NLE5'));
    const result = analyseTrust(b.build());
    expect(result.edges.filter((e) => e.to === target)).toEqual([]);
    expect(result.stats.unmatchedTrustEntries).toBe(1);
  });
});

describe('roles', () => {
  it('role to role is role chaining, capped at one hour', () => {
    const b = new ModelBuilder().account(A);
    const first = b.role(A, 'first', trustAws(A), { policies: [allowAssume()] });
    const second = b.role(A, 'second', trustAws(first));
    expect(edge(b.build(), first, second)).toMatchObject({
      roleChaining: true,
      maxSessionSeconds: 3600,
      fromKind: 'Role',
    });
  });

  it('a role caller named directly is still limited by its boundary', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(A, 'b', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
    const caller = b.role(A, 'caller', trustAws(A), { boundary });
    const target = b.role(A, 'target', trustAws(caller));
    expect(edge(b.build(), caller, target)).toBeUndefined();
  });

  it('service-linked roles get only their service edge', () => {
    const b = new ModelBuilder().account(A);
    b.user(A, 'admin', { policies: [allowAssume()] });
    const slr = b.role(
      A,
      'AWSServiceRoleForSupport',
      doc(
        { Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' },
      ),
      { path: '/aws-service-role/support.amazonaws.com/', serviceLinked: true },
    );
    expect(
      edges(b.build())
        .filter((e) => e.to === slr)
        .map((e) => e.from),
    ).toEqual(['support.amazonaws.com']);
  });
});

describe('candidate generation', () => {
  it('evaluates O(edges) candidates, not roles × principals', () => {
    const n = 2000;
    const b = new ModelBuilder().account(A);
    // Every role trusts its account, and may itself assume exactly the next role.
    for (let i = 0; i < n; i++) {
      b.role(A, `r${i}`, trustAws(A), { policies: [allowAssume(roleArn(A, `r${(i + 1) % n}`))] });
    }
    // Plus every role trusting one specific role by ARN.
    for (let i = 0; i < n; i++) b.role(A, `s${i}`, trustAws(roleArn(A, `r${i}`)));
    const result = analyseTrust(b.build());
    expect(result.stats.edges).toBe(2 * n);
    expect(result.stats.evaluateCalls).toBe(2 * n);
    expect(reachabilityStats.evaluateCalls).toBe(2 * n);
  });
});

describe('a trust policy naming a role session', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#sts-session-principals
  it('resolves arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION to the role, and the edge shows the session name', () => {
    const b = new ModelBuilder().account(A);
    const ci = b.role(A, 'ci', trustAws(`arn:aws:iam::${A}:root`), {
      policies: [allowAssume()],
      path: '/team/',
    });
    const target = b.role(A, 'deploy', trustAws(`arn:aws:sts::${A}:assumed-role/ci/github-run-42`));
    const e = edge(b.build(), ci, target);
    expect(e).toMatchObject({ fromKind: 'Role', via: 'exact-principal', sessionName: 'github-run-42' });
  });

  it('a session of a role of an account without IAM data stays external, with its session name', () => {
    const b = new ModelBuilder().account(A).account(EXT, { hasIamData: false });
    const session = `arn:aws:sts::${EXT}:assumed-role/ci/run-7`;
    const target = b.role(A, 'deploy', trustAws(session));
    const e = edge(b.build(), session, target);
    expect(e).toMatchObject({ fromKind: 'ExternalPrincipal', sessionName: 'run-7' });
  });
});
