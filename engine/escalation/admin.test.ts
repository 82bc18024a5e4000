import { describe, expect, it } from 'vitest';
import { roleArn, trustAws } from '../trust/test-model.ts';
import { A, ADMIN_DOC, allow, deny, ModelBuilder, run, withScps } from './test-support.ts';

describe('admin verdicts', () => {
  it('AdministratorAccess is full access, with the granting policy as evidence', () => {
    const b = new ModelBuilder().account(A);
    const admin = b.user(A, 'admin', { policies: [ADMIN_DOC] });
    const info = run(b.build()).admins.get(admin);
    expect(info).toMatchObject({ admin: true, kind: 'full-access', accountId: A, conditions: [] });
    expect(info?.evidence.some((e) => e.policyId === `${admin}#inline/p0`)).toBe(true);
  });

  it('PowerUserAccess-style NotAction iam:* is not admin', () => {
    const b = new ModelBuilder().account(A);
    const power = b.user(A, 'power', {
      policies: [
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] },
      ],
    });
    expect(run(b.build()).admins.get(power)).toMatchObject({ admin: false });
  });

  it('an SCP denying IAM writes takes admin away; a region SCP leaves it conditional', () => {
    const blocked = withScps(new ModelBuilder(), deny('iam:*'));
    const r1 = blocked.role(A, 'admin', trustAws(`arn:aws:iam::${A}:root`), { policies: [ADMIN_DOC] });
    expect(run(blocked.build()).admins.get(r1)?.admin).toBe(false);

    const regional = withScps(new ModelBuilder(), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:*'],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
        },
      ],
    });
    const r2 = regional.role(A, 'admin', trustAws(`arn:aws:iam::${A}:root`), { policies: [ADMIN_DOC] });
    const info = run(regional.build()).admins.get(r2);
    expect(info?.admin).toBe(true);
    expect([...new Set(info?.conditions.map((c) => c.key))]).toEqual(['aws:RequestedRegion']);
  });

  it('a boundary caps admin; an explicit Deny on one probe removes full access', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(A, 'b', allow('s3:*'));
    const bounded = b.user(A, 'bounded', { policies: [ADMIN_DOC], boundary });
    const denied = b.user(A, 'denied', { policies: [ADMIN_DOC, deny('kms:Decrypt')] });
    const a = run(b.build());
    expect(a.admins.get(bounded)?.admin).toBe(false);
    // Not full access, but it may still create a role its own Deny does not bind (M10).
    expect(a.admins.get(denied)).toMatchObject({
      admin: true,
      kind: 'self-grant',
      method: 'iam-create-role',
    });
  });

  it('service-linked roles are never admin nor escalation sources', () => {
    const b = new ModelBuilder().account(A);
    const slr = b.role(A, 'AWSServiceRoleForX', trustAws(roleArn(A, 'x')), {
      path: '/aws-service-role/',
      serviceLinked: true,
      policies: [ADMIN_DOC],
    });
    const a = run(b.build());
    expect(a.admins.get(slr)?.admin).toBe(false);
    expect(a.edges.filter((e) => e.from === slr)).toEqual([]);
  });

  it('self-grant: iam:PutUserPolicy on itself marks it admin with the method as reason', () => {
    const b = new ModelBuilder().account(A);
    const u = b.user(A, 'u', { policies: [allow('iam:PutUserPolicy', `arn:aws:iam::${A}:user/u`)] });
    const info = run(b.build()).admins.get(u);
    expect(info).toMatchObject({ admin: true, kind: 'self-grant', method: 'iam-put-user-policy' });
    expect(info?.reason).toMatch(/iam:PutUserPolicy/);
  });
});
