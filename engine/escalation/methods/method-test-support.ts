/**
 * Test helpers for the service methods: a snapshot with one source, an administrator role the
 * method's service may assume, a harmless one, and (for methods that pass two roles) the second
 * role; and the positive and near-miss cases every method's own test file runs.
 */
import { expect, it } from 'vitest';
import { roleArn } from '../../trust/test-model.ts';
import {
  A,
  ADMIN_DOC,
  addInstanceProfile,
  allow,
  doc,
  edgesFrom,
  ModelBuilder,
  run,
  targetsOf,
  trustFor,
  trustService,
  withScps,
} from '../test-support.ts';
import type { EscalationMethod } from '../types.ts';

/** The service principal a method's target role trusts, read from the method's own definition. */
export function serviceOf(method: EscalationMethod): string {
  if (!method.service) throw new Error(`no service for ${method.id}`);
  return method.service;
}

export const serviceActions = (m: EscalationMethod): string[] =>
  m.actions.filter((a) => a !== 'iam:PassRole');

export interface Setup {
  sourcePolicies?: ReturnType<typeof doc>[];
  boundary?: ReturnType<typeof doc>;
  scp?: ReturnType<typeof doc>;
  targetTrust?: string;
  passResource?: string;
}

export function build(method: EscalationMethod, setup: Setup = {}) {
  const service = serviceOf(method);
  const b = new ModelBuilder();
  if (setup.scp) withScps(b, setup.scp);
  else b.account(A);
  const target = b.role(A, 'ops-admin', trustFor(setup.targetTrust ?? service), {
    policies: [ADMIN_DOC],
  });
  const harmless = b.role(A, 'harmless', trustFor(service), { policies: [allow('logs:PutLogEvents')] });
  // The second role some methods pass (Data Pipeline's pipeline role, EMR's service role).
  const helperRole = method.alsoPass ? b.role(A, 'helper', trustService(method.alsoPass)) : undefined;
  const boundary = setup.boundary ? b.managed(A, 'boundary', setup.boundary) : undefined;
  const passes = method.actions.includes('iam:PassRole');
  const policies = setup.sourcePolicies ?? [
    allow(serviceActions(method)),
    ...(passes ? [allow('iam:PassRole', setup.passResource ?? `arn:aws:iam::${A}:role/*`)] : []),
  ];
  const source = b.user(A, 'dev', boundary ? { policies, boundary } : { policies });
  const model = b.build();
  for (const r of [target, harmless]) addInstanceProfile(model, r);
  void helperRole;
  return { model, source, target, harmless };
}

/** A near miss: a setup that closes the route. */
export interface NearMiss {
  name: string;
  setup: (m: EscalationMethod) => Setup;
}

/** One required call left out. */
export const withoutCall = (action: string): NearMiss => ({
  name: `${action} not allowed`,
  setup: (m) => {
    const actions = serviceActions(m).filter((x) => x !== action);
    return {
      sourcePolicies: [
        ...(actions.length > 0 ? [allow(actions)] : []),
        ...(m.actions.includes('iam:PassRole') ? [allow('iam:PassRole', `arn:aws:iam::${A}:role/*`)] : []),
      ],
    };
  },
});

/** The last call of the path left out (for paths whose last step has no alternative). */
export const missingLastStep: NearMiss = {
  name: 'the last call of the path not allowed',
  setup: (m) => withoutCall(m.actions[m.actions.length - 1]!).setup(m),
};

/** iam:PassRole allowed only for another service (iam:PassedToService). */
export const passRoleToOtherService: NearMiss = {
  name: 'iam:PassRole limited by iam:PassedToService to another service',
  setup: (m) => ({
    sourcePolicies: [
      allow(serviceActions(m)),
      allow('iam:PassRole', `arn:aws:iam::${A}:role/*`, {
        Condition: { StringEquals: { 'iam:PassedToService': 'states.amazonaws.com' } },
      }),
    ],
  }),
};

/** The administrator role trusts another service. */
export const trustsOtherService: NearMiss = {
  name: 'the administrator role trusting another service',
  setup: () => ({ targetTrust: 'states.amazonaws.com' }),
};

/**
 * The positive case (a principal holding exactly the method's calls, PassRole on the account's
 * roles, reaches the administrator role the service may assume) and the given near misses.
 */
export function methodCases(method: EscalationMethod, ...misses: NearMiss[]): void {
  it(`${method.id}: a principal with exactly its calls reaches the administrator role`, () => {
    const { model, source, target } = build(method);
    const a = run(model);
    const edge = edgesFrom(a, source, method.id).find((e) => e.to === target);
    expect(edge, JSON.stringify(a.edges.map((e) => [e.method, e.to]))).toBeDefined();
    expect(edge?.needsRuntime).toBe(method.needsRuntime);
    expect(edge?.evidence.some((e) => e.policyKind === 'trust' && e.policyId === target)).toBe(true);
    expect(a.admins.get(target)?.admin).toBe(true);
  });
  for (const miss of misses) {
    it(`${method.id}: no edge to the administrator role with ${miss.name}`, () => {
      const { model, source, target } = build(method, miss.setup(method));
      expect(targetsOf(run(model), source, method.id)).not.toContain(target);
    });
  }
}

export { roleArn };
