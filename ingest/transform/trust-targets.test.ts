import { describe, expect, it } from 'vitest';
import { A, ModelBuilder, trustAws } from '../../engine/trust/test-model.ts';
import { toGraphRows } from './graph-rows.ts';
import { classifyAwsPrincipal, trustTargets } from './trust-targets.ts';

describe('trust-policy targets', () => {
  it('treats the account id and the account root ARN as the same account principal', () => {
    expect(classifyAwsPrincipal('123456789012')).toMatchObject({ key: '123456789012', kind: 'account' });
    expect(classifyAwsPrincipal('arn:aws:iam::123456789012:root')).toMatchObject({
      key: '123456789012',
      kind: 'account',
    });
  });

  it('recognises roles, users, sessions, unique ids of deleted principals and anyone', () => {
    expect(classifyAwsPrincipal('arn:aws:iam::123456789012:role/team/deploy')).toMatchObject({
      kind: 'role',
      accountId: '123456789012',
      name: 'deploy',
    });
    expect(classifyAwsPrincipal('arn:aws:iam::123456789012:user/alice').kind).toBe('user');
    expect(classifyAwsPrincipal('arn:aws:sts::123456789012:assumed-role/r/s').kind).toBe('assumed-role');
    expect(classifyAwsPrincipal('AROAEXAMPLEID1234567').kind).toBe('unique-id');
    expect(classifyAwsPrincipal('*').kind).toBe('anyone');
  });

  it('lists every named principal of every statement with its effect, actions and conditions', () => {
    const edges = trustTargets({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Sso',
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111111111111:saml-provider/Okta' },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['222222222222', 'arn:aws:iam::333333333333:role/ci'],
            Service: 'ec2.amazonaws.com',
          },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
        { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:user/admin' }, Action: '*' },
      ],
    });
    expect(edges.map((e) => [e.statementIndex, e.target.kind, e.target.key])).toEqual([
      [0, 'federated', 'arn:aws:iam::111111111111:saml-provider/Okta'],
      [1, 'account', '222222222222'],
      [1, 'role', 'arn:aws:iam::333333333333:role/ci'],
      [1, 'service', 'ec2.amazonaws.com'],
      [2, 'user', 'arn:aws:iam::111111111111:user/admin'],
    ]);
    expect(edges[0]).toMatchObject({ sid: 'Sso', effect: 'Allow', actions: ['sts:AssumeRoleWithSAML'] });
    expect(edges[0]!.target.providerType).toBe('SAML');
    expect(edges[0]!.conditions).toEqual({
      StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
    });
    expect(edges[4]).toMatchObject({ effect: 'Deny', notPrincipal: true });
  });

  it('accepts a single statement object and a bare "*" principal', () => {
    const edges = trustTargets({ Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' } });
    expect(edges).toHaveLength(1);
    expect(edges[0]!.target.kind).toBe('anyone');
  });
});

describe('a trust policy naming a role session', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#sts-session-principals
  it('is matched as its role, and keeps the session name', () => {
    expect(classifyAwsPrincipal('arn:aws:sts::123456789012:assumed-role/ci/github-run-42')).toEqual({
      key: 'arn:aws:iam::123456789012:role/ci',
      kind: 'assumed-role',
      accountId: '123456789012',
      name: 'ci',
      sessionName: 'github-run-42',
    });
  });

  it('the TRUSTS edge goes to the role of the snapshot (whatever its path) with the session name', () => {
    const b = new ModelBuilder().account(A);
    const ci = b.role(A, 'ci', trustAws(`arn:aws:iam::${A}:root`), { path: '/team/' });
    const deploy = b.role(A, 'deploy', trustAws(`arn:aws:sts::${A}:assumed-role/ci/run-7`));
    const trusts = toGraphRows(b.build()).rels.TRUSTS.filter((r) => r.from === deploy);
    expect(trusts.map((r) => [r.to, r.props['sessionName'], r.props['principalValue']])).toEqual([
      [ci, 'run-7', `arn:aws:sts::${A}:assumed-role/ci/run-7`],
    ]);
  });
});
