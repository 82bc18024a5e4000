/**
 * Every reason sentence agrees with the decision it explains. The evaluator
 * is run over a matrix of requests (callers, actions, identity and resource
 * policies, SCPs, boundaries, conditions, complete contexts, reference dates)
 * and each result's reasons are checked against its decision:
 *  - an explicit deny starts with the Deny that decided
 *    (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html);
 *  - an implicit deny names what did not allow, and nothing in it says the call is granted;
 *  - an allow names what grants, and nothing in it says the call is denied;
 *  - "Allowed only if" appears exactly when the allow rests on conditions;
 *  - nothing claims that a policy the evaluator was not given does not exist
 *    ("has none"): a snapshot only knows what it holds;
 *  - a caller whose own policies are not in the snapshot is said to be
 *    "assumed to allow" only next to an allow.
 */
import { describe, expect, it } from 'vitest';
import { assumedIdentityNotes, callerNotes } from '../../query/evaluate.ts';
import { evaluate } from '../../engine/evaluate/index.ts';
import { CALLER_OWN_POLICIES } from '../../engine/trust/index.ts';
import type {
  EvaluationInput,
  EvaluationResult,
  PolicyInput,
  RequestPrincipal,
  RequestResource,
} from '../../engine/types.ts';
import {
  A,
  B,
  CITE,
  MGMT,
  ORG,
  doc,
  pol,
  roleRes,
  rootUser,
  role,
  servicePrincipal,
  user,
} from './helpers.ts';

const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';
const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
const expired = { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } };
const lasting = { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } };

interface Caller {
  label: string;
  principal: RequestPrincipal;
  /** Its own policies are not in the snapshot (as the query layer evaluates unknown callers). */
  assumed?: boolean;
}

const CALLERS: Caller[] = [
  { label: 'user', principal: user(A, 'alice', { orgId: ORG }) },
  { label: 'role session', principal: role(A, 'app', { orgId: ORG }) },
  { label: 'root user', principal: rootUser(A, { orgId: ORG }) },
  { label: 'management root user', principal: rootUser(MGMT, { orgId: ORG, inManagementAccount: true }) },
  { label: 'user of another account', principal: user(B, 'bob', { orgId: ORG }) },
  {
    label: 'unknown caller',
    principal: {
      type: 'Role',
      arn: 'arn:aws:iam::333333333333:root',
      accountId: '333333333333',
      credentials: 'either',
    },
    assumed: true,
  },
  { label: 'service', principal: servicePrincipal('ec2.amazonaws.com') },
  {
    label: 'web identity',
    principal: { type: 'WebIdentity', arn: `arn:aws:iam::${A}:oidc-provider/example.com` },
  },
];

interface Target {
  action: string;
  resource: RequestResource;
  kind: 'resource' | 'trust';
}
const TARGETS: Target[] = [
  { action: 's3:GetObject', resource: { arn: `${BUCKET}/data.csv`, accountId: A }, kind: 'resource' },
  { action: 'sts:AssumeRole', resource: roleRes(A, 'target'), kind: 'trust' },
];

const IDENTITY: Record<string, Record<string, unknown>[]> = {
  none: [],
  allow: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  'allow if MFA': [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: mfa }],
  'allow, expired': [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: expired }],
  'allow and deny': [
    { Effect: 'Allow', Action: '*', Resource: '*' },
    { Effect: 'Deny', Action: ['s3:GetObject', 'sts:AssumeRole'], Resource: '*' },
  ],
};

function resourceStatements(kind: string, caller: RequestPrincipal): Record<string, unknown>[] | undefined {
  const who =
    caller.type === 'Service'
      ? { Service: caller.arn }
      : caller.type === 'WebIdentity'
        ? { Federated: caller.arn }
        : { AWS: caller.arn };
  const action = ['s3:GetObject', 'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity'];
  switch (kind) {
    case 'none':
      return undefined;
    case 'allow caller':
      return [{ Effect: 'Allow', Principal: who, Action: action, Resource: '*' }];
    case 'allow caller if MFA':
      return [{ Effect: 'Allow', Principal: who, Action: action, Resource: '*', Condition: mfa }];
    case 'allow caller, lasting':
      return [{ Effect: 'Allow', Principal: who, Action: action, Resource: '*', Condition: lasting }];
    case 'allow its account':
      return [{ Effect: 'Allow', Principal: { AWS: caller.accountId ?? A }, Action: action, Resource: '*' }];
    case 'allow someone else':
      return [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${B}:user/other` },
          Action: action,
          Resource: '*',
        },
      ];
    case 'deny anyone':
      return [{ Effect: 'Deny', Principal: '*', Action: action, Resource: '*' }];
    default:
      throw new Error(kind);
  }
}
const RESOURCE_KINDS = [
  'none',
  'allow caller',
  'allow caller if MFA',
  'allow caller, lasting',
  'allow its account',
  'allow someone else',
  'deny anyone',
];

const SCPS: Record<string, PolicyInput[][] | undefined> = {
  none: undefined,
  full: [[pol(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'p-full')]],
  'deny s3': [
    [pol(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'p-full')],
    [
      pol(
        doc(
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: 's3:*', Resource: '*' },
        ),
        'p-nos3',
      ),
    ],
  ],
  'empty level': [[pol(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'p-full')], []],
};

const BOUNDARIES: Record<string, PolicyInput | undefined> = {
  none: undefined,
  'allows sts only': pol(
    doc({ Effect: 'Allow', Action: 'sts:*', Resource: '*' }),
    `arn:aws:iam::${A}:policy/boundary`,
  ),
};

const REQUESTS: Record<string, Partial<EvaluationInput['request']>> = {
  open: {},
  'complete, no MFA': { contextComplete: true },
  'with MFA': { context: { 'aws:MultiFactorAuthPresent': 'true' } },
  'after 2024': { notBefore: '2024-06-01T00:00:00.000Z' },
};

interface Outcome {
  label: string;
  result: EvaluationResult;
  reasons: string[];
}

function outcomes(): Outcome[] {
  const out: Outcome[] = [];
  for (const caller of CALLERS)
    for (const target of TARGETS)
      for (const [idName, identity] of Object.entries(IDENTITY))
        for (const resourceKind of RESOURCE_KINDS)
          for (const [scpName, scps] of Object.entries(SCPS))
            for (const [boundaryName, boundary] of Object.entries(BOUNDARIES))
              for (const [requestName, more] of Object.entries(REQUESTS)) {
                const action =
                  caller.principal.type === 'WebIdentity' && target.kind === 'trust'
                    ? 'sts:AssumeRoleWithWebIdentity'
                    : target.action;
                const input: EvaluationInput = {
                  request: { principal: caller.principal, action, resource: target.resource, ...more },
                  identityPolicies: caller.assumed
                    ? [CALLER_OWN_POLICIES]
                    : identity.length
                      ? [pol(doc(...identity), `arn:aws:iam::${A}:policy/identity`)]
                      : [],
                };
                const statements = resourceStatements(resourceKind, caller.principal);
                if (statements) {
                  input.resourcePolicy = pol(doc(...statements), `${target.resource.arn}#policy`);
                  input.resourcePolicyKind = target.kind;
                }
                if (scps) input.scps = scps;
                if (boundary) input.permissionsBoundary = boundary;
                const result = evaluate(input);
                const notes = caller.assumed
                  ? callerNotes(
                      { notes: [], assumption: assumedIdentityNotes(caller.principal.arn) },
                      result.decision === 'allowed',
                    )
                  : [];
                out.push({
                  label: [
                    caller.label,
                    action,
                    `identity ${idName}`,
                    `resource ${resourceKind}`,
                    `SCPs ${scpName}`,
                    `boundary ${boundaryName}`,
                    requestName,
                  ].join(' / '),
                  result,
                  reasons: [...result.reasons, ...notes],
                });
              }
  return out;
}

/** Sentences that say the call is granted. */
const SAYS_GRANTED = [
  /^Allowed only if/,
  /allow .* at all \d+ level/,
  /has full access/,
  /assumed to allow/,
  /grants the .* directly/,
  /names the (user|role|session) directly/,
  /allows any principal \("\*"\)/,
  /allows the account root user, which needs no/,
  / allows \S+( \(session [^)]+\))? this action/,
];
/** Sentences that say the call is denied. */
const SAYS_DENIED = [
  /^Explicit deny/,
  /does not allow/,
  /^No (SCP|RCP) at level/,
  /^No identity-based policy allows/,
  /cannot assume roles/,
  /is known, and/,
  /even if they allow the call/,
];
/** Claims about policies the evaluator was not given. */
const CLAIMS_ABSENCE = [/has none/, /has no (trust|resource-based) policy/];

describe(`reason sentences agree with the decision (${CITE.denyAllow})`, () => {
  const all = outcomes();

  it('covers every decision over a large matrix', () => {
    expect(all.length).toBeGreaterThan(5000);
    const decisions = new Set(all.map((o) => o.result.decision));
    expect([...decisions].sort()).toEqual(['allowed', 'explicitDeny', 'implicitDeny']);
    expect(all.some((o) => o.result.decision === 'allowed' && o.result.conditions.length > 0)).toBe(true);
    expect(all.some((o) => o.reasons.some((r) => /cannot apply: .*fails for every request/.test(r)))).toBe(
      true,
    );
  });

  it('every reason agrees with its decision', () => {
    const wrong: string[] = [];
    for (const o of all) {
      const { decision, conditions } = o.result;
      const say = (why: string) =>
        wrong.push(`${o.label}: ${decision}: ${why}\n    ${o.reasons.join('\n    ')}`);
      if (o.reasons.length === 0) say('no reason');
      for (const reason of o.reasons) {
        if (CLAIMS_ABSENCE.some((p) => p.test(reason))) say(`claims an absence: ${reason}`);
        if (decision === 'allowed' && SAYS_DENIED.some((p) => p.test(reason))) say(`says denied: ${reason}`);
        if (decision !== 'allowed' && SAYS_GRANTED.some((p) => p.test(reason)))
          say(`says granted: ${reason}`);
      }
      if (decision === 'explicitDeny' && !o.reasons[0]?.startsWith('Explicit deny:'))
        say('does not lead with the Deny');
      if (decision === 'implicitDeny' && !o.reasons.some((r) => SAYS_DENIED.some((p) => p.test(r))))
        say('no reason says what did not allow');
      if (decision === 'allowed' && !o.reasons.some((r) => SAYS_GRANTED.some((p) => p.test(r))))
        say('no reason says what grants');
      const onlyIf = o.reasons.some((r) => /^Allowed only if these request-time conditions hold/.test(r));
      const mustHold = conditions.some((c) => c.mustHold);
      if (decision === 'allowed' && onlyIf !== mustHold)
        say(`"Allowed only if" ${onlyIf ? 'without' : 'missing for'} conditions that must hold`);
    }
    expect(wrong.slice(0, 10).join('\n'), `${wrong.length} inconsistent outcomes`).toBe('');
  });
});
