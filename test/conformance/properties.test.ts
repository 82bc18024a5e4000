/**
 * Property tests over the public `evaluate`, each resting on an AWS rule:
 *  - an applicable explicit Deny in any policy type overrides every Allow
 *    (Policy evaluation logic § denyallow);
 *  - boundaries, session policies and SCPs only ever restrict
 *    (Permissions boundaries; Session policies; SCPs "never grant");
 *  - Action matching is case-insensitive (IAM JSON policy elements: Action);
 *  - statement order does not matter, and adding an Allow never removes access.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, PolicyInput, RequestPrincipal } from '../../engine/types.ts';
import { A, ORG, type Stmt, allow, deny, doc, pol, req, role, run, user } from './helpers.ts';

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'ec2:RunInstances',
  'iam:CreateUser',
  'sqs:SendMessage',
  'sts:GetCallerIdentity',
];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', 's3:Get*', '*', 'ec2:Run?nstances', 'iam:*User', 'sqs:*Message'];
const RESOURCES = [
  'arn:aws:s3:::atlas-bucket/data/file.csv',
  `arn:aws:sqs:us-east-1:${A}:queue`,
  `arn:aws:iam::${A}:user/x`,
];
const RESOURCE_PATTERNS = [
  ...RESOURCES,
  '*',
  'arn:aws:s3:::atlas-bucket/*',
  `arn:aws:sqs:*:${A}:*`,
  'arn:aws:s3:::other/*',
];

const arbPrincipal: fc.Arbitrary<RequestPrincipal> = fc.constantFrom(
  user(A, 'alice', { orgId: ORG }),
  role(A, 'app', { orgId: ORG }),
);

const arbStatement: fc.Arbitrary<Stmt> = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    actions: fc.array(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
    resources: fc.array(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
    notAction: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  })
  .map(({ effect, actions, resources, notAction }) =>
    notAction
      ? { Effect: effect, NotAction: actions, Resource: resources }
      : { Effect: effect, Action: actions, Resource: resources },
  );

const arbAllowStatement: fc.Arbitrary<Stmt> = fc
  .record({
    actions: fc.array(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
    resources: fc.array(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
  })
  .map(({ actions, resources }) => allow(actions, resources));

const arbPolicy: fc.Arbitrary<PolicyInput> = fc
  .array(arbStatement, { minLength: 1, maxLength: 4 })
  .map((st) => pol(doc(...st)));
const arbAllowPolicy: fc.Arbitrary<PolicyInput> = fc
  .array(arbAllowStatement, { minLength: 1, maxLength: 3 })
  .map((st) => pol(doc(...st)));

const arbInput: fc.Arbitrary<EvaluationInput> = fc
  .record({
    principal: arbPrincipal,
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...RESOURCES),
    identity: fc.array(arbPolicy, { minLength: 0, maxLength: 3 }),
  })
  .map(({ principal, action, resource, identity }) => ({
    request: req(principal, action, { arn: resource, accountId: A }),
    identityPolicies: identity,
  }));

const RUNS = { numRuns: 150 };

function flipCase(s: string, mask: boolean[]): string {
  return [...s]
    .map((ch, i) => (mask[i % Math.max(mask.length, 1)] ? ch.toUpperCase() : ch.toLowerCase()))
    .join('');
}

describe('conformance: properties', () => {
  it('adding an unconditional matching Deny to the identity policies yields explicitDeny', async () => {
    await fc.assert(
      fc.asyncProperty(arbInput, async (input) => {
        const withDeny: EvaluationInput = {
          ...input,
          identityPolicies: [...input.identityPolicies, pol(doc(deny(input.request.action, '*')))],
        };
        expect((await run(withDeny)).decision).toBe('explicitDeny');
      }),
      RUNS,
    );
  });

  it('a matching Deny in any policy type (identity, resource, boundary, session, SCP, RCP) yields explicitDeny', async () => {
    const kinds = ['identity', 'resource', 'permissionsBoundary', 'session', 'scp', 'rcp'] as const;
    await fc.assert(
      fc.asyncProperty(arbInput, fc.constantFrom(...kinds), async (base, kind) => {
        const input: EvaluationInput = {
          ...base,
          identityPolicies: [...base.identityPolicies, pol(doc(allow('*')))],
        };
        const d = deny(base.request.action, '*');
        switch (kind) {
          case 'identity':
            input.identityPolicies.push(pol(doc(d)));
            break;
          case 'resource':
            input.resourcePolicy = pol(doc({ ...d, Principal: '*' }));
            break;
          case 'permissionsBoundary':
            input.permissionsBoundary = pol(doc(allow('*'), d));
            break;
          case 'session':
            input.request = { ...input.request, principal: role(A, 'app', { orgId: ORG }) };
            input.sessionPolicies = [pol(doc(allow('*'), d))];
            break;
          case 'scp':
            input.scps = [[pol(doc(allow('*')))], [pol(doc(allow('*'), d))]];
            break;
          case 'rcp':
            input.rcps = [[pol(doc(allow('*'))), pol(doc({ ...d, Principal: '*' }))]];
            break;
        }
        expect((await run(input)).decision).toBe('explicitDeny');
      }),
      RUNS,
    );
  });

  it('adding a permissions boundary never grows permissions', async () => {
    await fc.assert(
      fc.asyncProperty(arbInput, arbAllowPolicy, async (input, boundary) => {
        const before = (await run(input)).decision;
        const after = (await run({ ...input, permissionsBoundary: boundary })).decision;
        if (after === 'allowed') expect(before).toBe('allowed');
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      RUNS,
    );
  });

  it('adding an SCP level never grows permissions', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbInput,
        fc.array(arbAllowPolicy, { minLength: 1, maxLength: 2 }),
        async (input, level) => {
          const base: EvaluationInput = { ...input, scps: [[pol(doc(allow('*')))]] };
          const before = (await run(base)).decision;
          const after = (await run({ ...base, scps: [...(base.scps ?? []), level] })).decision;
          if (after === 'allowed') expect(before).toBe('allowed');
        },
      ),
      RUNS,
    );
  });

  it('adding a session policy never grows permissions', async () => {
    await fc.assert(
      fc.asyncProperty(arbInput, arbAllowPolicy, async (input, session) => {
        const r = { ...input, request: { ...input.request, principal: role(A, 'app') } };
        const before = (await run(r)).decision;
        const after = (await run({ ...r, sessionPolicies: [session] })).decision;
        if (after === 'allowed') expect(before).toBe('allowed');
      }),
      RUNS,
    );
  });

  it('Action matching is case-insensitive (request action and policy action case-flipped)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbInput,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        async (input, maskReq, maskPol) => {
          const before = (await run(input)).decision;
          const flippedPolicies = input.identityPolicies.map((p) => {
            const d = p.document as { Statement: Stmt[] };
            return pol(
              doc(
                ...d.Statement.map((s) => {
                  const key = 'Action' in s ? 'Action' : 'NotAction';
                  const v = s[key] as string[];
                  return { ...s, [key]: v.map((a) => flipCase(a, maskPol)) };
                }),
              ),
            );
          });
          const after = (
            await run({
              ...input,
              identityPolicies: flippedPolicies,
              request: { ...input.request, action: flipCase(input.request.action, maskReq) },
            })
          ).decision;
          expect(after).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it('the order of statements and policies does not change the decision', async () => {
    await fc.assert(
      fc.asyncProperty(arbInput, async (input) => {
        const before = (await run(input)).decision;
        const reversed: EvaluationInput = {
          ...input,
          identityPolicies: [...input.identityPolicies].reverse().map((p) => {
            const d = p.document as { Statement: Stmt[] };
            return pol(doc(...[...d.Statement].reverse()));
          }),
        };
        expect((await run(reversed)).decision).toBe(before);
      }),
      RUNS,
    );
  });

  it('adding an identity Allow never turns allowed into denied', async () => {
    await fc.assert(
      fc.asyncProperty(arbInput, arbAllowPolicy, async (input, extra) => {
        const before = (await run(input)).decision;
        const after = (await run({ ...input, identityPolicies: [...input.identityPolicies, extra] }))
          .decision;
        if (before === 'allowed') expect(after).toBe('allowed');
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      RUNS,
    );
  });
});
