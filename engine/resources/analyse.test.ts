/** The analysis as a whole: organization policies, the zone of trust, and the prefilter's economy. */
import { describe, expect, it } from 'vitest';
import type { OrganizationPolicy } from '../model.ts';
import { ANALYSED_TYPES } from './actions.ts';
import {
  A,
  analyse,
  B,
  bucketArn,
  doc,
  edgeOf,
  EXT,
  functionArn,
  keyArn,
  levelsOf,
  MGMT,
  ModelBuilder,
  OU,
  queueArn,
  repositoryArn,
  resource,
  ROOT,
  secretArn,
  topicArn,
  withResources,
} from './test-model.ts';

const BUCKET = bucketArn('data');
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const fullAccess: OrganizationPolicy = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  type: 'SERVICE_CONTROL_POLICY',
  document: allowAll,
  // Every level from the root down must allow.
  targets: [ROOT, OU, A, B, MGMT],
};
const sampleArns = (account: string) => [
  bucketArn(`b-${account}`),
  keyArn(account),
  queueArn(account),
  topicArn(account),
  functionArn(account),
  secretArn(account),
  repositoryArn(account),
];

describe('no grant, no edge', () => {
  it('resources without a policy, and principals whose policies name other services or resources, give nothing', () => {
    const b = new ModelBuilder().account(A).account(B);
    for (let i = 0; i < 20; i++) {
      b.role(A, `r${i}`, doc(), {
        policies: [
          doc({ Effect: 'Allow', Action: ['ec2:*', 'iam:Get*'], Resource: '*' }),
          doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::elsewhere/*' }),
        ],
      });
      b.user(B, `u${i}`, { policies: [allowAll] });
    }
    const arns = sampleArns(A);
    expect(arns.length).toBe(ANALYSED_TYPES.length);
    const result = analyse(withResources(b.build(), ...arns.map((arn) => resource(arn, A))));
    expect(result.edges).toEqual([]);
    expect(result.findings).toEqual([]);
    // The prefilter never paired them: nothing was evaluated.
    expect(result.stats.evaluateCalls).toBe(0);
    expect(result.stats).toMatchObject({ resources: 7, analysedResources: 7, edges: 0 });
  });
});

describe('nothing to analyse', () => {
  it('a snapshot without resources of an analysed type gives empty results and zero counts', () => {
    const b = new ModelBuilder().account(A);
    b.role(A, 'admin', doc(), { policies: [allowAll] });
    const none = analyse(b.build());
    expect(none).toEqual({
      edges: [],
      findings: [],
      stats: {
        resources: 0,
        analysedResources: 0,
        evaluateCalls: 0,
        edges: 0,
        publicEdges: 0,
        externalEdges: 0,
      },
    });
    // A resource whose type is not analysed is counted, and nothing else happens.
    const other = analyse(
      withResources(b.build(), resource('arn:aws:ec2:us-east-1:' + A + ':instance/i-0abc', A)),
    );
    expect(other.stats).toMatchObject({ resources: 1, analysedResources: 0, evaluateCalls: 0, edges: 0 });
    expect(other.edges).toEqual([]);
  });
});

describe('organization policies (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html)', () => {
  const rcp: OrganizationPolicy = {
    id: 'p-perimeter',
    name: 'Perimeter',
    type: 'RESOURCE_CONTROL_POLICY',
    document: doc({
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*', 'sqs:*', 'sns:*'],
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-test123456' },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    }),
    targets: [ROOT],
  };
  const open = (arn: string, action: string) =>
    doc({ Effect: 'Allow', Principal: { AWS: EXT }, Action: action, Resource: arn });

  it('an RCP perimeter stops an outside account on S3 and SQS, not on SNS (not among the RCP services)', () => {
    const b = new ModelBuilder().organization([fullAccess, rcp]).orgAccount(A).orgAccount(MGMT);
    const queue = queueArn(A);
    const topic = topicArn(A);
    const result = analyse(
      withResources(
        b.build(),
        resource(BUCKET, A, { policy: open(BUCKET, 's3:ListBucket') }),
        resource(queue, A, { policy: open(queue, 'sqs:SendMessage') }),
        resource(topic, A, { policy: open(topic, 'sns:Publish') }),
      ),
    );
    expect(levelsOf(result, EXT, BUCKET)).toEqual([]);
    expect(levelsOf(result, EXT, queue)).toEqual([]);
    expect(levelsOf(result, EXT, topic)).toEqual(['write']);
  });

  it('near miss: RCPs do not cover the management account’s resources', () => {
    const b = new ModelBuilder().organization([fullAccess, rcp]).orgAccount(A).orgAccount(MGMT);
    const bucket = bucketArn('mgmt');
    const result = analyse(
      withResources(b.build(), resource(bucket, MGMT, { policy: open(bucket, 's3:ListBucket') })),
    );
    expect(levelsOf(result, EXT, bucket)).toEqual(['list']);
  });

  it("the caller's SCPs apply to it, the resource account's do not (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html)", () => {
    const denyS3: OrganizationPolicy = {
      id: 'p-no-s3',
      name: 'NoS3',
      type: 'SERVICE_CONTROL_POLICY',
      document: doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }),
      targets: [B],
    };
    const b = new ModelBuilder()
      .organization([fullAccess, denyS3])
      .orgAccount(A)
      .orgAccount(B)
      .orgAccount(MGMT);
    const local = b.role(A, 'local', doc(), { policies: [allowAll] });
    const remote = b.role(B, 'remote', doc(), { policies: [allowAll] });
    const policy = doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:ListBucket', Resource: BUCKET });
    const result = analyse(withResources(b.build(), resource(BUCKET, A, { policy })));
    expect(levelsOf(result, remote, BUCKET)).toEqual([]);
    expect(levelsOf(result, local, BUCKET)).toEqual([
      'list',
      'permissions-management',
      'read',
      'tagging',
      'write',
    ]);
    expect(edgeOf(result, local, BUCKET, 'read')?.evidence.map((e) => e.policyKind)).toContain('scp');
  });
});

describe('zone of trust (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html)', () => {
  const build = () => {
    const b = new ModelBuilder().organization([fullAccess]).orgAccount(A).orgAccount(B).orgAccount(MGMT);
    const reader = b.role(B, 'reader', doc(), { policies: [allowAll] });
    const policy = doc({
      Sid: 'Sister',
      Effect: 'Allow',
      Principal: { AWS: reader },
      Action: 's3:GetObject',
      Resource: `${BUCKET}/*`,
    });
    return { model: withResources(b.build(), resource(BUCKET, A, { policy })), reader };
  };

  it('the organization by default: a sister account is inside, no finding', () => {
    const { model, reader } = build();
    const result = analyse(model);
    expect(edgeOf(result, reader, BUCKET, 'read')).toMatchObject({
      crossAccount: true,
      crossOrganization: false,
    });
    expect(result.findings).toEqual([]);
  });

  it('near miss: with the account as the zone, the same access is external', () => {
    const { model, reader } = build();
    const [finding] = analyse(model, 'account').findings;
    expect(finding).toMatchObject({
      kind: 'external-access',
      severity: 'medium',
      subjects: [BUCKET, reader],
    });
    expect(finding?.why).toContain('statement 0 ("Sister")');
    expect(finding?.evidence).toMatchObject({
      levels: ['read'],
      actions: { read: ['s3:GetObject'] },
      zoneOfTrust: 'account',
    });
  });
});

describe('role sessions named in a resource policy', () => {
  it('count as the role (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#sts-session-principals)', () => {
    const b = new ModelBuilder().account(A);
    const role = b.role(A, 'worker', doc());
    const policy = doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:sts::${A}:assumed-role/worker/batch` },
      Action: 'sqs:ReceiveMessage',
      Resource: queueArn(A),
    });
    const result = analyse(withResources(b.build(), resource(queueArn(A), A, { policy })));
    expect(edgeOf(result, role, queueArn(A), 'read')).toMatchObject({
      via: 'resource-policy',
      fromKind: 'Role',
    });
  });
});

describe('decisions shared between principals with the same policies', () => {
  it('are shared only when nothing looks at who the principal is', () => {
    const b = new ModelBuilder().account(A);
    const shared = b.managed(A, 'readers', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
    const tagged = b.managed(
      A,
      'tagged',
      doc({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
      }),
    );
    const one = b.role(A, 'one', doc(), { managed: [shared] });
    const two = b.role(A, 'two', doc(), { managed: [shared] });
    const data = b.role(A, 'data', doc(), { managed: [tagged], tags: { team: 'data' } });
    const web = b.role(A, 'web', doc(), { managed: [tagged], tags: { team: 'web' } });
    const result = analyse(withResources(b.build(), resource(BUCKET, A)));
    expect(edgeOf(result, one, BUCKET, 'read')?.reasons[0]).toContain(one);
    expect(edgeOf(result, two, BUCKET, 'read')?.reasons[0]).toContain(two);
    expect(edgeOf(result, two, BUCKET, 'read')?.reasons[0]).not.toContain(one);
    expect(levelsOf(result, data, BUCKET)).toEqual(['list']);
    expect(levelsOf(result, web, BUCKET)).toEqual([]);
  });
});

describe('aws:RequestedRegion is the Region of a regional resource (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion)', () => {
  // A request to a queue is sent to the queue's Regional endpoint, so the Region it names is the queue's.
  const regionGuard: OrganizationPolicy = {
    id: 'p-regions',
    name: 'OnlyEuWest1',
    type: 'SERVICE_CONTROL_POLICY',
    document: doc({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    }),
    targets: [A],
  };
  const build = (queue: string) => {
    const b = new ModelBuilder().organization([fullAccess, regionGuard]).orgAccount(A).orgAccount(MGMT);
    const worker = b.role(A, 'worker', doc(), { policies: [allowAll] });
    return { worker, result: analyse(withResources(b.build(), resource(queue, A))) };
  };

  it('a Region guard in an SCP is decided for a queue in the allowed Region: no condition left', () => {
    const queue = `arn:aws:sqs:eu-west-1:${A}:jobs`;
    const { worker, result } = build(queue);
    const e = edgeOf(result, worker, queue, 'write');
    expect(e).toBeDefined();
    expect(e?.conditions).toEqual([]);
  });

  it('near miss: a queue in another Region cannot be reached at all', () => {
    const queue = `arn:aws:sqs:us-west-2:${A}:jobs`;
    const { worker, result } = build(queue);
    expect(levelsOf(result, worker, queue)).toEqual([]);
  });
});
