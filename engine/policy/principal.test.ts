import { describe, expect, it } from 'vitest';
import type { RequestPrincipal } from '../types.ts';
import { compilePrincipalMatcher, matchPrincipal, notPrincipalExempts } from './principal.ts';
import type { PolicyProblem } from './problems.ts';

const A = '111111111111';
const B = '222222222222';
const alice: RequestPrincipal = { type: 'User', arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
const deployRole: RequestPrincipal = {
  type: 'Role',
  arn: `arn:aws:iam::${A}:role/ci/Deploy`,
  accountId: A,
  name: 'Deploy',
  sessionName: 'build-7',
};
const root: RequestPrincipal = { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A };
const ec2: RequestPrincipal = { type: 'Service', arn: 'ec2.amazonaws.com' };
const github: RequestPrincipal = {
  type: 'WebIdentity',
  arn: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
};

function compile(raw: unknown, negated = false) {
  const problems: PolicyProblem[] = [];
  return { m: compilePrincipalMatcher(raw, negated, 'Principal', problems), problems };
}

function kind(raw: unknown, p: RequestPrincipal) {
  return matchPrincipal(compile(raw).m, p);
}

describe('principal matching', () => {
  it('"*" and {"AWS": "*"} both match anyone', () => {
    for (const raw of ['*', { AWS: '*' }, { AWS: ['*'] }]) {
      for (const p of [alice, deployRole, root, ec2, github]) expect(kind(raw, p).kind).toBe('anyone');
    }
  });

  it('an account id and the account root ARN both mean the account', () => {
    for (const raw of [{ AWS: A }, { AWS: `arn:aws:iam::${A}:root` }]) {
      expect(kind(raw, alice)).toMatchObject({ kind: 'account' });
      expect(kind(raw, deployRole)).toMatchObject({ kind: 'account' });
      expect(kind(raw, root)).toMatchObject({ kind: 'account' });
      expect(kind(raw, { ...alice, arn: `arn:aws:iam::${B}:user/alice`, accountId: B }).kind).toBe('none');
      expect(kind(raw, ec2).kind).toBe('none');
    }
  });

  it('user and role ARNs match exactly; a role ARN matches the role’s sessions', () => {
    expect(kind({ AWS: alice.arn }, alice)).toEqual({
      kind: 'exact-principal',
      exact: 'user',
      entry: alice.arn,
    });
    expect(kind({ AWS: `arn:aws:iam::${A}:user/Alice` }, alice).kind).toBe('none');
    expect(kind({ AWS: deployRole.arn }, deployRole)).toMatchObject({
      kind: 'exact-principal',
      exact: 'role',
    });
    // Without its path the role ARN names a different (non-existent) role.
    expect(kind({ AWS: `arn:aws:iam::${A}:role/Deploy` }, deployRole).kind).toBe('none');
  });

  it('an assumed-role session ARN matches that session only (no role path in it)', () => {
    const session = `arn:aws:sts::${A}:assumed-role/Deploy/build-7`;
    expect(kind({ AWS: session }, deployRole)).toMatchObject({
      kind: 'exact-principal',
      exact: 'role-session',
    });
    expect(kind({ AWS: session }, { ...deployRole, sessionName: 'other' }).kind).toBe('none');
    // The session grant is preferred to a role grant in the same statement: it survives more implicit denies.
    expect(kind({ AWS: [deployRole.arn, session] }, deployRole)).toMatchObject({ exact: 'role-session' });
  });

  it('a unique id (a deleted principal) matches no one', () => {
    const { m, problems } = compile({ AWS: 'AROAEXAMPLEEXAMPLE123' });
    expect(matchPrincipal(m, { ...deployRole, uniqueId: 'AROAEXAMPLEEXAMPLE123' }).kind).toBe('none');
    expect(problems[0]?.severity).toBe('warning');
  });

  it('partial wildcards are rejected and match no one', () => {
    const { m, problems } = compile({ AWS: `arn:aws:iam::${A}:user/*` });
    expect(matchPrincipal(m, alice).kind).toBe('none');
    expect(problems[0]?.message).toMatch(/no partial wildcards/);
  });

  it('service and federated principals', () => {
    expect(kind({ Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }, ec2)).toMatchObject({
      kind: 'service',
    });
    expect(kind({ Service: 'ec2.amazonaws.com' }, alice).kind).toBe('none');
    expect(kind({ Federated: github.arn }, github)).toMatchObject({ kind: 'federated' });
    expect(
      kind({ Federated: 'accounts.google.com' }, { type: 'WebIdentity', arn: 'accounts.google.com' }).kind,
    ).toBe('federated');
    expect(kind({ Federated: github.arn }, alice).kind).toBe('none');
  });

  it('reports unknown principal types and malformed entries', () => {
    expect(compile({ Group: 'x' }).problems).toHaveLength(1);
    expect(compile({ AWS: 'not-an-arn' }).problems).toHaveLength(1);
    expect(compile(['*']).problems).toHaveLength(1);
  });
});

describe('NotPrincipal exemptions', () => {
  it('the documented example: [user Bob, Bob’s account] exempts Bob only', () => {
    const bob: RequestPrincipal = { type: 'User', arn: `arn:aws:iam::${A}:user/Bob`, accountId: A };
    const { m } = compile({ AWS: [bob.arn, `arn:aws:iam::${A}:root`] }, true);
    expect(notPrincipalExempts(m, bob)).toBe(true);
    expect(notPrincipalExempts(m, alice)).toBe(false);
    expect(notPrincipalExempts(m, root)).toBe(true);
  });

  it('the principal without its account is not exempt', () => {
    expect(notPrincipalExempts(compile({ AWS: alice.arn }, true).m, alice)).toBe(false);
  });

  it('a role session needs its account, role and session listed', () => {
    const session = `arn:aws:sts::${A}:assumed-role/Deploy/build-7`;
    const all = compile({ AWS: [A, deployRole.arn, session] }, true).m;
    expect(notPrincipalExempts(all, deployRole)).toBe(true);
    expect(notPrincipalExempts(all, { ...deployRole, sessionName: 'other' })).toBe(false);
    expect(notPrincipalExempts(compile({ AWS: [A, deployRole.arn] }, true).m, deployRole)).toBe(false);
    // The session name is the caller's choice: an unnamed session may take the listed one.
    expect(notPrincipalExempts(all, { ...deployRole, sessionName: undefined })).toBe(true);
  });

  it('services and providers are exempt when listed', () => {
    expect(notPrincipalExempts(compile({ Service: 'ec2.amazonaws.com' }, true).m, ec2)).toBe(true);
    expect(notPrincipalExempts(compile({ AWS: A }, true).m, ec2)).toBe(false);
  });
});
