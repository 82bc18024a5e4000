/** One positive and one near miss per IAM method (credentials, trust, policy changes). */
import { describe, expect, it } from 'vitest';
import { roleArn, trustAws, userArn } from '../../trust/test-model.ts';
import { adminTarget } from '../types.ts';
import {
  A,
  ADMIN_DOC,
  allow,
  deny,
  edgesFrom,
  ModelBuilder,
  run,
  targetsOf,
  withScps,
} from '../test-support.ts';

const ADMIN = adminTarget(A);

describe('credentials of another user', () => {
  it('iam-create-access-key (M12): another user, with the two-key caveat', () => {
    const b = new ModelBuilder().account(A);
    const victim = b.user(A, 'victim', { policies: [ADMIN_DOC] });
    const source = b.user(A, 'helpdesk', {
      policies: [allow('iam:CreateAccessKey', `arn:aws:iam::${A}:user/*`)],
    });
    const edge = edgesFrom(run(b.build()), source, 'iam-create-access-key')[0];
    expect(edge?.to).toBe(victim);
    expect(edge?.caveats?.[0]).toMatch(/fewer than two access keys/);
    expect(edge?.evidence[0]?.policyId).toBe(`${source}#inline/p0`);
  });

  it('iam-create-access-key: ${aws:username} limits it to oneself', () => {
    const b = new ModelBuilder().account(A);
    b.user(A, 'victim', { policies: [ADMIN_DOC] });
    const source = b.user(A, 'self-service', {
      policies: [
        allow(['iam:CreateAccessKey', 'iam:DeleteAccessKey'], `arn:aws:iam::${A}:user/\${aws:username}`),
      ],
    });
    expect(targetsOf(run(b.build()), source)).toEqual([]);
  });

  it('iam-create-login-profile (M14) and its explicit-Deny near miss', () => {
    const b = new ModelBuilder().account(A);
    const victim = b.user(A, 'victim');
    const other = b.user(A, 'protected');
    const source = b.user(A, 'helpdesk', {
      policies: [allow('iam:CreateLoginProfile'), deny('iam:CreateLoginProfile', other)],
    });
    expect(targetsOf(run(b.build()), source, 'iam-create-login-profile')).toEqual([victim]);
  });

  it('iam-update-login-profile (M15) and its resource-scoped near miss', () => {
    const b = new ModelBuilder().account(A);
    const victim = b.user(A, 'intern-1');
    b.user(A, 'admin-1', { policies: [ADMIN_DOC] });
    const source = b.user(A, 'helpdesk', {
      policies: [allow('iam:UpdateLoginProfile', `arn:aws:iam::${A}:user/intern-*`)],
    });
    const edges = edgesFrom(run(b.build()), source, 'iam-update-login-profile');
    expect(edges.map((e) => e.to)).toEqual([victim]);
    expect(edges[0]?.caveats?.[0]).toMatch(/already has a console password/);
  });
});

describe('trust changes', () => {
  it('iam-update-assume-role-policy (M16): rewrite the trust, then assume (same account, no identity Allow needed)', () => {
    const b = new ModelBuilder().account(A);
    const target = b.role(A, 'terraform-admin', trustAws(roleArn(A, 'ci')), { policies: [ADMIN_DOC] });
    const source = b.user(A, 'operator', {
      policies: [allow('iam:UpdateAssumeRolePolicy', `arn:aws:iam::${A}:role/*`)],
    });
    const edge = edgesFrom(run(b.build()), source, 'iam-update-assume-role-policy')[0];
    expect(edge?.to).toBe(target);
    expect(edge?.actions).toEqual(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole']);
    expect(edge?.conditions).toEqual([]);
  });

  it('iam-update-assume-role-policy: an SCP denying IAM changes closes it', () => {
    const b = withScps(new ModelBuilder(), deny('iam:Update*'));
    const target = b.role(A, 'terraform-admin', trustAws(roleArn(A, 'ci')), { policies: [ADMIN_DOC] });
    const source = b.user(A, 'operator', { policies: [allow('iam:UpdateAssumeRolePolicy')] });
    expect(targetsOf(run(b.build()), source)).not.toContain(target);
  });

  it('iam-update-assume-role-policy: a boundary without sts:AssumeRole closes it', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(A, 'b', allow('iam:UpdateAssumeRolePolicy'));
    const target = b.role(A, 'terraform-admin', trustAws(roleArn(A, 'ci')), { policies: [ADMIN_DOC] });
    const source = b.user(A, 'operator', {
      policies: [allow(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'])],
      boundary,
    });
    expect(targetsOf(run(b.build()), source)).not.toContain(target);
  });
});

describe('policy changes that make a principal one controls an administrator', () => {
  it('iam-create-policy-version (M01): a policy attached through a group that allows editing itself', () => {
    const b = new ModelBuilder().account(A);
    const policy = `arn:aws:iam::${A}:policy/tooling`;
    b.managed(A, 'tooling', allow('iam:CreatePolicyVersion', policy));
    const g = b.group(A, 'release', []);
    b.build()
      .groups.find((x) => x.arn === g)!
      .managedPolicyArns.push(policy);
    const source = b.user(A, 'rm', { groups: ['release'] });
    const a = run(b.build());
    const edge = edgesFrom(a, source, 'iam-create-policy-version')[0];
    expect(edge).toMatchObject({ to: ADMIN, gains: 'admin', modifies: policy, conditions: [] });
    expect(a.admins.get(source)).toMatchObject({ admin: true, kind: 'self-grant' });
  });

  it('iam-create-policy-version: a boundary that keeps the principal small closes it', () => {
    const b = new ModelBuilder().account(A);
    const policy = b.managed(
      A,
      'tooling',
      allow('iam:CreatePolicyVersion', `arn:aws:iam::${A}:policy/tooling`),
    );
    const boundary = b.managed(A, 'b', allow(['iam:CreatePolicyVersion', 's3:*']));
    const source = b.user(A, 'rm', { managed: [policy], boundary });
    const a = run(b.build());
    expect(edgesFrom(a, source)).toEqual([]);
    expect(a.admins.get(source)?.admin).toBe(false);
  });

  it('iam-set-default-policy-version (M02): an older version allowed everything', () => {
    const b = new ModelBuilder().account(A);
    const policy = b.managed(A, 'ops', allow('iam:SetDefaultPolicyVersion'));
    b.build()
      .policies.find((p) => p.arn === policy)!
      .versions.push({ versionId: 'v0', isDefaultVersion: false, document: ADMIN_DOC });
    const source = b.user(A, 'ops', { managed: [policy] });
    expect(targetsOf(run(b.build()), source, 'iam-set-default-policy-version')).toEqual([ADMIN]);
  });

  it('iam-set-default-policy-version: older versions that are no broader give nothing', () => {
    const b = new ModelBuilder().account(A);
    const policy = b.managed(A, 'ops', allow('iam:SetDefaultPolicyVersion'));
    b.build()
      .policies.find((p) => p.arn === policy)!
      .versions.push({
        versionId: 'v0',
        isDefaultVersion: false,
        document: allow('s3:*'),
      });
    const source = b.user(A, 'ops', { managed: [policy] });
    expect(targetsOf(run(b.build()), source)).toEqual([]);
  });

  it('iam-attach-user-policy (M03) on oneself', () => {
    const b = new ModelBuilder().account(A);
    const source = b.user(A, 'u', {
      policies: [allow('iam:AttachUserPolicy', `arn:aws:iam::${A}:user/\${aws:username}`)],
    });
    expect(targetsOf(run(b.build()), source, 'iam-attach-user-policy')).toEqual([ADMIN]);
  });

  it('iam-attach-user-policy: iam:PolicyARN limited to ReadOnlyAccess closes it', () => {
    const b = new ModelBuilder().account(A);
    const source = b.user(A, 'u', {
      policies: [
        allow('iam:AttachUserPolicy', '*', {
          Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
        }),
      ],
    });
    expect(targetsOf(run(b.build()), source)).toEqual([]);
  });

  it('iam-attach-group-policy (M04) on a group one belongs to, not on another group', () => {
    const b = new ModelBuilder().account(A);
    const mine = b.group(A, 'mine', []);
    b.group(A, 'theirs', []);
    const source = b.user(A, 'u', { groups: ['mine'], policies: [allow('iam:AttachGroupPolicy')] });
    const other = b.user(A, 'v', {
      policies: [allow('iam:AttachGroupPolicy', `arn:aws:iam::${A}:group/theirs`)],
    });
    const a = run(b.build());
    expect(edgesFrom(a, source, 'iam-attach-group-policy')[0]).toMatchObject({ to: ADMIN, modifies: mine });
    expect(targetsOf(a, other)).toEqual([]);
  });

  it('iam-attach-role-policy (M05): on a role one can assume (via), not when denied', () => {
    const b = new ModelBuilder().account(A);
    const role = b.role(A, 'app', trustAws(userArn(A, 'u')));
    const source = b.user(A, 'u', { policies: [allow('iam:AttachRolePolicy', role)] });
    const denied = b.user(A, 'w', {
      policies: [allow('iam:AttachRolePolicy', role), deny('iam:AttachRolePolicy')],
    });
    const a = run(b.build());
    expect(edgesFrom(a, source, 'iam-attach-role-policy')[0]).toMatchObject({ to: ADMIN, via: role });
    expect(targetsOf(a, denied)).toEqual([]);
  });

  it('iam-put-user-policy (M06) on oneself; an SCP denying it closes it', () => {
    const open = new ModelBuilder().account(A);
    const s1 = open.user(A, 'u', { policies: [allow('iam:PutUserPolicy', userArn(A, 'u'))] });
    expect(targetsOf(run(open.build()), s1, 'iam-put-user-policy')).toEqual([ADMIN]);
    const closed = withScps(new ModelBuilder(), deny('iam:PutUserPolicy'));
    const s2 = closed.user(A, 'u', { policies: [allow('iam:PutUserPolicy', userArn(A, 'u'))] });
    expect(targetsOf(run(closed.build()), s2)).toEqual([]);
  });

  it('iam-put-group-policy (M07) on its own group; not on a group named elsewhere', () => {
    const b = new ModelBuilder().account(A);
    b.group(A, 'mine', []);
    b.group(A, 'theirs', []);
    const source = b.user(A, 'u', {
      groups: ['mine'],
      policies: [allow('iam:PutGroupPolicy', `arn:aws:iam::${A}:group/mine`)],
    });
    const other = b.user(A, 'v', {
      groups: ['mine'],
      policies: [allow('iam:PutGroupPolicy', `arn:aws:iam::${A}:group/theirs`)],
    });
    const a = run(b.build());
    expect(targetsOf(a, source, 'iam-put-group-policy')).toEqual([ADMIN]);
    expect(targetsOf(a, other)).toEqual([]);
  });

  it('iam-put-role-policy (M08) on itself; a boundary keeps the role small', () => {
    const b = new ModelBuilder().account(A);
    const free = b.role(A, 'free', trustAws(`arn:aws:iam::${A}:root`), {
      policies: [allow('iam:PutRolePolicy', roleArn(A, 'free'))],
    });
    const boundary = b.managed(A, 'b', allow('iam:PutRolePolicy'));
    const bounded = b.role(A, 'bounded', trustAws(`arn:aws:iam::${A}:root`), {
      policies: [allow('iam:PutRolePolicy', roleArn(A, 'bounded'))],
      boundary,
    });
    const a = run(b.build());
    expect(targetsOf(a, free, 'iam-put-role-policy')).toEqual([ADMIN]);
    expect(targetsOf(a, bounded)).toEqual([]);
  });

  it('iam-add-user-to-group (M09) into an admin group, not into a harmless one', () => {
    const b = new ModelBuilder().account(A);
    const admins = b.group(A, 'admins', [ADMIN_DOC]);
    b.group(A, 'readers', [allow('s3:GetObject')]);
    const source = b.user(A, 'u', { policies: [allow('iam:AddUserToGroup', admins)] });
    const other = b.user(A, 'v', {
      policies: [allow('iam:AddUserToGroup', `arn:aws:iam::${A}:group/readers`)],
    });
    const a = run(b.build());
    expect(edgesFrom(a, source, 'iam-add-user-to-group')[0]).toMatchObject({ to: ADMIN, modifies: admins });
    expect(targetsOf(a, other)).toEqual([]);
  });

  it('iam-create-role (M10), unless CreateRole requires a permissions boundary', () => {
    const b = new ModelBuilder().account(A);
    const source = b.user(A, 'u', { policies: [allow(['iam:CreateRole', 'iam:PutRolePolicy'])] });
    const bounded = b.user(A, 'v', {
      policies: [
        allow('iam:CreateRole', '*', {
          Condition: { StringEquals: { 'iam:PermissionsBoundary': `arn:aws:iam::${A}:policy/b` } },
        }),
        allow('iam:PutRolePolicy'),
      ],
    });
    const a = run(b.build());
    expect(targetsOf(a, source, 'iam-create-role')).toEqual([ADMIN]);
    expect(targetsOf(a, bounded)).toEqual([]);
  });

  it('iam-delete-permissions-boundary (M11): only when the boundary itself allows the deletion', () => {
    const b = new ModelBuilder().account(A);
    const loose = b.managed(A, 'loose', allow(['s3:*', 'iam:DeleteUserPermissionsBoundary']));
    const tight = b.managed(A, 'tight', allow(['s3:*']));
    const s1 = b.user(A, 'u', { policies: [ADMIN_DOC], boundary: loose });
    const s2 = b.user(A, 'v', { policies: [ADMIN_DOC], boundary: tight });
    const a = run(b.build());
    expect(edgesFrom(a, s1, 'iam-delete-permissions-boundary')[0]).toMatchObject({
      to: ADMIN,
      modifies: loose,
    });
    expect(targetsOf(a, s2)).toEqual([]);
  });

  it('two-step combination (M18): take over a user with an access key, then give it everything', () => {
    const b = new ModelBuilder().account(A);
    const victim = b.user(A, 'victim');
    const source = b.user(A, 'u', {
      policies: [allow(['iam:CreateAccessKey', 'iam:PutUserPolicy'], userArn(A, 'victim'))],
    });
    const a = run(b.build());
    expect(edgesFrom(a, source, 'iam-put-user-policy')[0]).toMatchObject({ to: ADMIN, via: victim });
    expect(edgesFrom(a, source, 'iam-put-user-policy')[0]?.actions).toEqual([
      'iam:PutUserPolicy',
      'iam:CreateAccessKey',
    ]);
  });
});
