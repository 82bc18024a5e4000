/**
 * Capability chains: a source changes its own permissions, then uses what the
 * change gave it. One positive and one near miss per kind of chain, each
 * resting on the AWS page of the calls it models.
 */
import { describe, expect, it } from 'vitest';
import { trustService } from './test-support.ts';
import { analyseEscalation } from './escalate.ts';
import { escalationFindings } from './findings.ts';
import { adminTarget } from './types.ts';
import { A, ADMIN_DOC, allow, deny, edgesFrom, ModelBuilder, run } from './test-support.ts';

const ADMIN = adminTarget(A);

describe('capability chains', () => {
  // A user's permissions include its groups' policies:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
  it('join a group whose policy lets a member attach AdministratorAccess to itself', () => {
    const b = new ModelBuilder().account(A);
    const group = b.group(A, 'self-managers', [
      allow('iam:AttachUserPolicy', `arn:aws:iam::${A}:user/\${aws:username}`),
    ]);
    const source = b.user(A, 'joiner', { policies: [allow('iam:AddUserToGroup', group)] });
    const a = run(b.build());
    const edge = edgesFrom(a, source).find((e) => e.to === ADMIN);
    expect(edge).toMatchObject({ method: 'iam-attach-user-policy', gains: 'admin' });
    expect(edge?.chain).toEqual([
      expect.objectContaining({
        method: 'iam-add-user-to-group',
        modifies: group,
        actions: ['iam:AddUserToGroup'],
      }),
    ]);
    expect(edge?.actions).toEqual(['iam:AddUserToGroup', 'iam:AttachUserPolicy']);
    // Every step's statement is evidence: the user's own AddUserToGroup and the group's Attach.
    const policies = edge?.evidence.map((e) => e.policyId);
    expect(policies).toContain(`${source}#inline/p0`);
    expect(policies).toContain(`${group}#inline/self-managers-p0`);
    expect(a.stats.chainEdges).toBeGreaterThan(0);
    // The finding counts both steps and names the group change first.
    const finding = escalationFindings(a).find((f) => f.subjects[0] === source);
    expect(finding?.title).toMatch(/in 2 steps/);
    expect(finding?.severity).toBe('high');
    expect(finding?.why).toMatch(/AddUserToGroup on .*self-managers\), then Attach a managed policy/);
  });

  it('near miss: the group only lets members attach policies to other users', () => {
    const b = new ModelBuilder().account(A);
    const group = b.group(A, 'helpers', [allow('iam:AttachUserPolicy', `arn:aws:iam::${A}:user/interns/*`)]);
    const source = b.user(A, 'joiner', { policies: [allow('iam:AddUserToGroup', group)] });
    expect(edgesFrom(run(b.build()), source).filter((e) => e.to === ADMIN)).toEqual([]);
  });

  it('without chains (chains: false) the same account shows no path', () => {
    const b = new ModelBuilder().account(A);
    const group = b.group(A, 'self-managers', [
      allow('iam:AttachUserPolicy', `arn:aws:iam::${A}:user/\${aws:username}`),
    ]);
    const source = b.user(A, 'joiner', { policies: [allow('iam:AddUserToGroup', group)] });
    const a = analyseEscalation(b.build(), { runtimeTargets: 'all', chains: false });
    expect(edgesFrom(a, source)).toEqual([]);
  });

  // A boundary caps the identity policies; once deleted, PutUserPolicy is decided by them alone:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html
  it('delete its own boundary, then use the PutUserPolicy the boundary blocked', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(A, 'only-boundary-admin', allow('iam:DeleteUserPermissionsBoundary'));
    const source = b.user(A, 'bounded', {
      boundary,
      policies: [allow(['iam:DeleteUserPermissionsBoundary', 'iam:PutUserPolicy'])],
    });
    const edge = edgesFrom(run(b.build()), source).find((e) => e.to === ADMIN);
    expect(edge).toMatchObject({ method: 'iam-put-user-policy' });
    expect(edge?.chain?.map((s) => [s.method, s.modifies])).toEqual([
      ['iam-delete-permissions-boundary', boundary],
    ]);
  });

  it('near miss: the boundary also denies deleting itself', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(A, 'locked-boundary', allow('iam:ListUsers'));
    const source = b.user(A, 'bounded', {
      boundary,
      policies: [allow(['iam:DeleteUserPermissionsBoundary', 'iam:PutUserPolicy'])],
    });
    expect(edgesFrom(run(b.build()), source).filter((e) => e.to === ADMIN)).toEqual([]);
  });

  // iam:PolicyARN limits which policy may be attached; that policy then allows PassRole:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PolicyARN
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
  /** A user allowed to attach only `lambda-deployer` (PassRole and Lambda) to itself, and a Lambda admin role. */
  const attacher = (...extra: ReturnType<typeof allow>[]) => {
    const b = new ModelBuilder().account(A);
    const deployer = b.managed(
      A,
      'lambda-deployer',
      allow(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']),
    );
    const adminRole = b.role(A, 'lambda-admin', trustService('lambda.amazonaws.com'), {
      policies: [ADMIN_DOC],
    });
    const source = b.user(A, 'attacher', {
      policies: [
        allow('iam:AttachUserPolicy', `arn:aws:iam::${A}:user/attacher`, {
          Condition: { ArnEquals: { 'iam:PolicyARN': deployer } },
        }),
        ...extra,
      ],
    });
    return { model: b.build(), deployer, adminRole, source };
  };

  it('attach the one policy it may attach, which allows PassRole, then pass an admin role to Lambda', () => {
    const { model, deployer, adminRole, source } = attacher();
    const edge = edgesFrom(run(model), source).find((e) => e.to === adminRole);
    expect(edge?.method).toBe('passrole-lambda-create-invoke');
    expect(edge?.chain?.map((s) => [s.method, s.modifies])).toEqual([['iam-attach-user-policy', deployer]]);
    expect(edge?.actions).toEqual(
      expect.arrayContaining(['iam:AttachUserPolicy', 'iam:PassRole', 'lambda:CreateFunction']),
    );
  });

  it('near miss: an explicit Deny on PassRole stays after the attach', () => {
    const { model, adminRole, source } = attacher(deny('iam:PassRole'));
    expect(edgesFrom(run(model), source).filter((e) => e.to === adminRole)).toEqual([]);
  });

  it('three changes: join the group that may drop boundaries, drop its own, then put a policy', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(
      A,
      'boundary',
      allow(['iam:AddUserToGroup', 'iam:DeleteUserPermissionsBoundary']),
    );
    const group = b.group(A, 'boundary-admins', [allow('iam:DeleteUserPermissionsBoundary')]);
    const source = b.user(A, 'climber', {
      boundary,
      policies: [allow('iam:AddUserToGroup', group), allow('iam:PutUserPolicy')],
    });
    const edge = edgesFrom(run(b.build()), source).find((e) => e.to === ADMIN);
    expect(edge?.method).toBe('iam-put-user-policy');
    expect(edge?.chain?.map((s) => s.method)).toEqual([
      'iam-add-user-to-group',
      'iam-delete-permissions-boundary',
    ]);
  });

  it('near miss: the same chain needs a fourth change, past the bound', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(
      A,
      'boundary',
      allow(['iam:AddUserToGroup', 'iam:DeleteUserPermissionsBoundary']),
    );
    const first = b.group(A, 'step-1', [allow('iam:AddUserToGroup', `arn:aws:iam::${A}:group/step-2`)]);
    b.group(A, 'step-2', [allow('iam:DeleteUserPermissionsBoundary')]);
    const source = b.user(A, 'climber', {
      boundary,
      policies: [allow('iam:AddUserToGroup', first), allow('iam:PutUserPolicy')],
    });
    expect(edgesFrom(run(b.build()), source).filter((e) => e.to === ADMIN)).toEqual([]);
  });

  it('stays bounded: many users free to join many groups cost a small multiple of the plain analysis', () => {
    const build = () => {
      const b = new ModelBuilder().account(A);
      for (let i = 0; i < 60; i++)
        b.group(A, `g${i}`, [allow(['lambda:CreateFunction', `ec2:Describe${i}`])]);
      for (let i = 0; i < 40; i++) b.user(A, `u${i}`, { policies: [allow('iam:AddUserToGroup')] });
      return b.build();
    };
    const plain = analyseEscalation(build(), { chains: false }).stats.evaluateCalls;
    const chained = analyseEscalation(build()).stats;
    expect(chained.chainEdges).toBe(0);
    expect(chained.evaluateCalls).toBeLessThan(3 * plain);
  });
});
