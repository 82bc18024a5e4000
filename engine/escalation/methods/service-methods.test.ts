/**
 * One positive and one near miss per PassRole and existing-resource method.
 * The near misses rotate through the ways a route is closed: PassRole scoped
 * to a harmless role, an explicit Deny, a permissions boundary, an SCP, an
 * iam:PassedToService condition for another service, a role that does not
 * trust the service.
 */
import { describe, expect, it } from 'vitest';
import { roleArn, userArn } from '../../trust/test-model.ts';
import {
  A,
  ADMIN_DOC,
  allow,
  deny,
  edgesFrom,
  ModelBuilder,
  run,
  targetsOf,
  trustService,
} from '../test-support.ts';
import { EXISTING_RESOURCE_METHODS, PASSROLE_METHODS } from './index.ts';
import { build, serviceActions, type Setup } from './method-test-support.ts';
import type { EscalationMethod } from '../types.ts';

type NearMiss = { name: string; setup: (m: EscalationMethod) => Setup; passRoleOnly?: boolean };

const PASSROLE_MISSES: NearMiss[] = [
  {
    name: 'PassRole scoped to a harmless role',
    setup: () => ({ passResource: roleArn(A, 'harmless') }),
  },
  {
    name: 'an explicit Deny on iam:PassRole for the admin role',
    setup: (m) => ({
      sourcePolicies: [
        allow(serviceActions(m)),
        allow('iam:PassRole', `arn:aws:iam::${A}:role/*`),
        deny('iam:PassRole', roleArn(A, 'ops-admin')),
      ],
    }),
  },
  {
    name: 'a permissions boundary without the service calls',
    setup: () => ({ boundary: allow('iam:PassRole') }),
  },
  {
    name: "an SCP denying the service's calls",
    setup: (m) => ({ scp: deny(serviceActions(m)) }),
  },
  {
    name: 'iam:PassedToService limited to another service',
    setup: (m) => ({
      sourcePolicies: [
        allow(serviceActions(m)),
        allow('iam:PassRole', `arn:aws:iam::${A}:role/*`, {
          Condition: { StringEquals: { 'iam:PassedToService': 'states.amazonaws.com' } },
        }),
      ],
    }),
  },
];

describe('PassRole methods', () => {
  PASSROLE_METHODS.forEach((method, i) => {
    it(`${method.id} (${method.catalogIds.join(', ')}) reaches the role the service trusts`, () => {
      const { model, source, target } = build(method);
      const a = run(model);
      const edge = edgesFrom(a, source, method.id).find((e) => e.to === target);
      expect(edge, JSON.stringify(a.edges.map((e) => [e.method, e.to]))).toBeDefined();
      expect(edge?.gains).toBe('principal');
      expect(edge?.actions).toContain('iam:PassRole');
      expect(
        edge?.evidence.some((e) => e.policyKind === 'identity' && e.policyId === `${source}#inline/p1`),
      ).toBe(true);
      expect(edge?.evidence.some((e) => e.policyKind === 'trust' && e.policyId === target)).toBe(true);
      expect(Boolean(edge?.needsRuntime)).toBe(Boolean(method.needsRuntime));
      // The passed role is an administrator: the source now reaches admin.
      expect(a.admins.get(target)?.admin).toBe(true);
    });

    const miss = PASSROLE_MISSES[i % PASSROLE_MISSES.length]!;
    it(`${method.id}: no edge to the admin role with ${miss.name}`, () => {
      const { model, source, target } = build(method, miss.setup(method));
      const a = run(model);
      expect(targetsOf(a, source, method.id)).not.toContain(target);
    });
  });

  it('an SCP that denies something else leaves the route open (control for the SCP near misses)', () => {
    const method = PASSROLE_METHODS.find((m) => m.id === 'passrole-lambda-create-invoke')!;
    const { model, source, target } = build(method, { scp: deny('s3:DeleteBucket') });
    expect(targetsOf(run(model), source, method.id)).toContain(target);
  });

  it('PassRole scoped to a harmless role still yields the harmless edge', () => {
    const method = PASSROLE_METHODS.find((m) => m.id === 'passrole-lambda-create-invoke')!;
    const { model, source, harmless } = build(method, { passResource: roleArn(A, 'harmless') });
    expect(targetsOf(run(model), source, method.id)).toEqual([harmless]);
  });

  it('EC2 instance methods need an instance profile; the new-profile method does not', () => {
    const b = new ModelBuilder().account(A);
    const role = b.role(A, 'no-profile', trustService('ec2.amazonaws.com'), { policies: [ADMIN_DOC] });
    const source = b.user(A, 'dev', {
      policies: [
        allow([
          'iam:PassRole',
          'ec2:RunInstances',
          'iam:CreateInstanceProfile',
          'iam:AddRoleToInstanceProfile',
        ]),
      ],
    });
    const a = run(b.build());
    expect(targetsOf(a, source, 'passrole-ec2-run-instances')).toEqual([]);
    expect(targetsOf(a, source, 'passrole-ec2-new-instance-profile')).toEqual([role]);
  });

  it('keeps request-time conditions of the service calls on the edge', () => {
    const b = new ModelBuilder().account(A);
    const role = b.role(A, 'fn', trustService('lambda.amazonaws.com'));
    const source = b.user(A, 'dev', {
      policies: [
        allow('iam:PassRole'),
        allow(['lambda:CreateFunction', 'lambda:InvokeFunction'], '*', {
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      ],
    });
    const edge = edgesFrom(run(b.build()), source, 'passrole-lambda-create-invoke')[0];
    expect(edge?.to).toBe(role);
    expect(edge?.conditions.map((c) => c.key)).toEqual(['aws:MultiFactorAuthPresent']);
  });
});

describe('existing-resource methods', () => {
  EXISTING_RESOURCE_METHODS.forEach((method, i) => {
    it(`${method.id} (${method.catalogIds.join(', ')}) reaches roles the service runs as, and says what must exist`, () => {
      const { model, source, target } = build(method);
      const edge = edgesFrom(run(model), source, method.id).find((e) => e.to === target);
      expect(edge).toBeDefined();
      expect(edge?.needsRuntime).toBe(method.needsRuntime);
      expect(edge?.actions.every((x) => method.actions.includes(x))).toBe(true);
      expect(edge?.evidence.some((e) => e.policyKind === 'identity')).toBe(true);
    });

    const misses: Setup[] = [
      { targetTrust: 'states.amazonaws.com' },
      { sourcePolicies: [allow(method.actions), deny(method.actions)] },
      { boundary: allow('s3:GetObject') },
      { scp: deny(method.actions) },
    ];
    const setup = misses[i % misses.length]!;
    it(`${method.id}: near miss (${JSON.stringify(Object.keys(setup))})`, () => {
      const { model, source, target } = build(method, setup);
      expect(targetsOf(run(model), source, method.id)).not.toContain(target);
    });
  });

  it('are left out of the default paths', () => {
    const method = EXISTING_RESOURCE_METHODS[0]!;
    const { model, source } = build(method);
    expect(userArn(A, 'dev')).toBe(source);
    const a = run(model);
    expect(a.stats.runtimeEdges).toBeGreaterThan(0);
  });
});
