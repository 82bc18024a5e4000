import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, PolicyInput, RequestPrincipal } from '../types.ts';
import { evaluate } from './index.ts';

const A = '111111111111';
const B = '222222222222';
const principals: RequestPrincipal[] = [
  { type: 'User', arn: `arn:aws:iam::${A}:user/alice`, accountId: A, name: 'alice', uniqueId: 'AIDAALICE' },
  {
    type: 'Role',
    arn: `arn:aws:iam::${A}:role/app`,
    accountId: A,
    name: 'app',
    sessionName: 's',
    uniqueId: 'AROAAPP',
  },
  { type: 'Role', arn: `arn:aws:iam::${B}:role/ci`, accountId: B, name: 'ci', orgId: 'o-1' },
];
const resources = [
  `arn:aws:iam::${A}:role/Target`,
  `arn:aws:iam::${B}:role/Other`,
  'arn:aws:s3:::bucket/key',
];

const condition = fc.constantFrom(
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  { StringEquals: { 'aws:PrincipalAccount': A } },
  { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } },
  { StringEquals: { 'sts:ExternalId': 'x' } },
);
const principalElement = fc.constantFrom<unknown>(
  '*',
  { AWS: A },
  { AWS: B },
  { AWS: principals[0]?.arn },
  { AWS: principals[1]?.arn },
  { Service: 'ec2.amazonaws.com' },
);

function statement(withPrincipal: boolean) {
  return fc
    .record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: fc.constantFrom('*', 's3:*', 'sts:AssumeRole', 'sts:*', 'iam:Get*', [
        's3:GetObject',
        'sts:AssumeRole',
      ]),
      Resource: fc.constantFrom('*', ...resources, 'arn:aws:iam::*:role/*'),
      Condition: fc.option(condition, { nil: undefined }),
      Principal: withPrincipal ? principalElement : fc.constant(undefined),
    })
    .map((st) => Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined)));
}

let ids = 0;
function policyArb(withPrincipal = false): fc.Arbitrary<PolicyInput> {
  return fc
    .array(statement(withPrincipal), { minLength: 1, maxLength: 3 })
    .map((Statement) => ({ id: `p${++ids}`, document: { Version: '2012-10-17', Statement } }));
}
const levels = fc.option(
  fc.array(fc.array(policyArb(), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  { nil: undefined },
);

const inputArb: fc.Arbitrary<EvaluationInput> = fc
  .record({
    principal: fc.constantFrom(...principals),
    action: fc.constantFrom('sts:AssumeRole', 's3:GetObject', 'iam:GetRole'),
    resource: fc.constantFrom(...resources),
    identityPolicies: fc.array(policyArb(), { maxLength: 3 }),
    resourcePolicy: fc.option(policyArb(true), { nil: undefined }),
    resourcePolicyKind: fc.constantFrom<'resource' | 'trust'>('resource', 'trust'),
    permissionsBoundary: fc.option(policyArb(), { nil: undefined }),
    sessionPolicies: fc.option(fc.array(policyArb(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    scps: levels,
    rcps: levels,
    mfa: fc.constantFrom<boolean | undefined>(true, false, undefined),
  })
  .map(({ principal, action, resource, mfa, ...rest }) => {
    const input: EvaluationInput = {
      request: {
        principal,
        action,
        resource: { arn: resource, accountId: resource.includes(B) ? B : A },
        context: mfa === undefined ? undefined : { 'aws:MultiFactorAuthPresent': mfa },
      },
      identityPolicies: rest.identityPolicies,
      resourcePolicyKind: rest.resourcePolicyKind,
    };
    if (rest.resourcePolicy) input.resourcePolicy = rest.resourcePolicy;
    if (rest.permissionsBoundary) input.permissionsBoundary = rest.permissionsBoundary;
    if (rest.sessionPolicies) input.sessionPolicies = rest.sessionPolicies;
    if (rest.scps) input.scps = rest.scps;
    if (rest.rcps) input.rcps = rest.rcps;
    return input;
  });

type Slot = 'identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp';

function statements(p: PolicyInput): Record<string, unknown>[] {
  return (p.document as { Statement: Record<string, unknown>[] }).Statement;
}

function withStatement(p: PolicyInput | undefined, st: Record<string, unknown>): PolicyInput {
  return {
    id: p?.id ?? 'added',
    document: { Version: '2012-10-17', Statement: [...(p ? statements(p) : []), st] },
  };
}

function addDeny(input: EvaluationInput, slot: Slot, level: number): EvaluationInput {
  const st = { Effect: 'Deny', Action: '*', Resource: '*' };
  const out = { ...input };
  switch (slot) {
    case 'identity':
      out.identityPolicies = [...input.identityPolicies, withStatement(undefined, st)];
      break;
    case 'boundary':
      out.permissionsBoundary = withStatement(input.permissionsBoundary, st);
      break;
    case 'session':
      out.sessionPolicies = [...(input.sessionPolicies ?? []), withStatement(undefined, st)];
      break;
    case 'resource':
      out.resourcePolicy = withStatement(input.resourcePolicy, { ...st, Principal: '*' });
      break;
    case 'scp':
    case 'rcp': {
      const existing = input[`${slot}s`] ?? [[]];
      const at = level % existing.length;
      out[`${slot}s`] = existing.map((lvl, i) => (i === at ? [...lvl, withStatement(undefined, st)] : lvl));
      break;
    }
  }
  return out;
}

function withoutAllows(input: EvaluationInput): EvaluationInput {
  const strip = (p: PolicyInput): PolicyInput => ({
    id: p.id,
    document: { Version: '2012-10-17', Statement: statements(p).filter((st) => st.Effect !== 'Allow') },
  });
  const out: EvaluationInput = { ...input, identityPolicies: input.identityPolicies.map(strip) };
  if (input.resourcePolicy) out.resourcePolicy = strip(input.resourcePolicy);
  if (input.permissionsBoundary) out.permissionsBoundary = strip(input.permissionsBoundary);
  if (input.sessionPolicies) out.sessionPolicies = input.sessionPolicies.map(strip);
  if (input.scps) out.scps = input.scps.map((level) => level.map(strip));
  if (input.rcps) out.rcps = input.rcps.map((level) => level.map(strip));
  return out;
}

function allPolicies(input: EvaluationInput): PolicyInput[] {
  return [
    ...input.identityPolicies,
    ...(input.resourcePolicy ? [input.resourcePolicy] : []),
    ...(input.permissionsBoundary ? [input.permissionsBoundary] : []),
    ...(input.sessionPolicies ?? []),
    ...(input.scps ?? []).flat(),
    ...(input.rcps ?? []).flat(),
  ];
}

describe('evaluation order (properties)', () => {
  it('adding an unconditional matching Deny to any policy gives explicitDeny', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom<Slot>('identity', 'boundary', 'session', 'resource', 'scp', 'rcp'),
        fc.nat(),
        (input, slot, level) => {
          const r = evaluate(addDeny(input, slot, level));
          expect(r.decision).toBe('explicitDeny');
          expect(r.evidence[0]?.effect).toBe('Deny');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with every Allow removed nothing is allowed; with no Deny either, the denial is implicit', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const stripped = withoutAllows(input);
        const r = evaluate(stripped);
        expect(r.decision).not.toBe('allowed');
        const hasDeny = allPolicies(stripped).some((p) => statements(p).length > 0);
        if (!hasDeny) expect(r.decision).toBe('implicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('adding an identity Allow never takes access away', () => {
    fc.assert(
      fc.property(inputArb, policyArb(), (input, generated) => {
        // The generator also makes Deny statements; the property is about Allows only.
        const doc = generated.document as { Version: string; Statement: Record<string, unknown>[] };
        const extra = {
          ...generated,
          document: { ...doc, Statement: doc.Statement.map((st) => ({ ...st, Effect: 'Allow' })) },
        };
        const before = evaluate(input).decision;
        const after = evaluate({ ...input, identityPolicies: [...input.identityPolicies, extra] }).decision;
        if (before === 'allowed') expect(after).toBe('allowed');
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('results are well-formed: allowed cites Allows, conditions cite their statements, denials carry no conditions', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = evaluate(input);
        expect(r.reasons.length).toBeGreaterThan(0);
        if (r.decision === 'allowed') {
          expect(r.evidence.length).toBeGreaterThan(0);
          expect(r.evidence.every((e) => e.effect === 'Allow')).toBe(true);
          for (const c of r.conditions) expect(c.source.effect).toBe(c.mustHold ? 'Allow' : 'Deny');
        } else {
          expect(r.conditions).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
