/**
 * SNS, SQS, Lambda, Secrets Manager and ECR, conformance style: each case
 * cites its AWS page and comes with a near miss.
 */
import { describe, expect, it } from 'vitest';
import {
  A,
  analyse,
  B,
  doc,
  edgeOf,
  EXT,
  functionArn,
  keyArn,
  levelsOf,
  MGMT,
  ModelBuilder,
  ORG_ID,
  queueArn,
  repositoryArn,
  resource,
  secretArn,
  topicArn,
  withResources,
} from './test-model.ts';

const TOPIC = topicArn(A);
const QUEUE = queueArn(A);
const allow = (action: string) => doc({ Effect: 'Allow', Action: action, Resource: '*' });

describe('a topic a service publishes to (https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html)', () => {
  const policy = doc({
    Sid: 'S3Events',
    Effect: 'Allow',
    Principal: { Service: 's3.amazonaws.com' },
    Action: 'sns:Publish',
    Resource: TOPIC,
    Condition: {
      StringEquals: { 'aws:SourceAccount': A },
      ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::demo-*' },
    },
  });

  it('the service principal can publish; aws:SourceAccount and aws:SourceArn stay on the edge as conditions', () => {
    const result = analyse(
      withResources(new ModelBuilder().account(A).build(), resource(TOPIC, A, { policy })),
    );
    const e = edgeOf(result, 's3.amazonaws.com', TOPIC, 'write');
    expect(e).toMatchObject({
      fromKind: 'ServicePrincipal',
      via: 'resource-policy',
      crossAccount: false,
      conditional: true,
    });
    expect(e?.conditions.map((c) => c.key).sort()).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
    // Access Analyzer gives no finding for AWS service principals.
    expect(result.findings).toEqual([]);
  });

  it('near miss: another service is not named', () => {
    const result = analyse(
      withResources(new ModelBuilder().account(A).build(), resource(TOPIC, A, { policy })),
    );
    expect(result.edges.map((e) => e.from)).toEqual(['s3.amazonaws.com']);
  });
});

describe('aws:PrincipalOrgID (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid)', () => {
  const orgPolicy = (org: string) =>
    doc({
      Sid: 'Organization',
      Effect: 'Allow',
      Principal: '*',
      Action: 'sqs:SendMessage',
      Resource: QUEUE,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': org } },
    });

  it('a queue open to the organization: decided from the organization, no external access', () => {
    const b = new ModelBuilder().organization().orgAccount(A).orgAccount(B).orgAccount(MGMT);
    const sender = b.role(B, 'sender', doc(), { policies: [allow('sqs:SendMessage')] });
    const result = analyse(withResources(b.build(), resource(QUEUE, A, { policy: orgPolicy(ORG_ID) })));
    // Another account reached through "*" is one Account caller standing for its principals with an identity Allow.
    expect(levelsOf(result, sender, QUEUE)).toEqual([]);
    expect(edgeOf(result, B, QUEUE, 'write')).toMatchObject({
      fromKind: 'Account',
      conditional: false,
      crossAccount: true,
      crossOrganization: false,
    });
    expect(levelsOf(result, '*', QUEUE)).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('near miss: another organization: anyone in it, on that condition, is external access', () => {
    const b = new ModelBuilder().organization().orgAccount(A).orgAccount(B).orgAccount(MGMT);
    const sender = b.role(B, 'sender', doc(), { policies: [allow('sqs:SendMessage')] });
    const result = analyse(
      withResources(b.build(), resource(QUEUE, A, { policy: orgPolicy('o-other00000') })),
    );
    expect(levelsOf(result, sender, QUEUE)).toEqual([]);
    expect(levelsOf(result, B, QUEUE)).toEqual([]);
    const e = edgeOf(result, '*', QUEUE, 'write');
    expect(e).toMatchObject({ public: false, conditional: true });
    expect(e?.conditions.map((c) => [c.key, c.values])).toEqual([['aws:PrincipalOrgID', ['o-other00000']]]);
    expect(result.findings.map((f) => [f.kind, f.severity])).toEqual([['external-access', 'high']]);
  });
});

describe('aws:SourceVpce on a topic (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcevpce)', () => {
  const policy = (condition?: Record<string, unknown>) =>
    doc({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sns:Publish',
      Resource: TOPIC,
      ...(condition ? { Condition: condition } : {}),
    });

  it('anyone may publish through the endpoint: a request-time condition, not public', () => {
    const result = analyse(
      withResources(
        new ModelBuilder().account(A).build(),
        resource(TOPIC, A, { policy: policy({ StringEquals: { 'aws:SourceVpce': 'vpce-0123' } }) }),
      ),
    );
    expect(edgeOf(result, '*', TOPIC, 'write')).toMatchObject({ public: false, conditional: true });
  });

  it('near miss: without the condition the topic is public, and the finding is critical (write)', () => {
    const result = analyse(
      withResources(new ModelBuilder().account(A).build(), resource(TOPIC, A, { policy: policy() })),
    );
    expect(edgeOf(result, '*', TOPIC, 'write')).toMatchObject({ public: true, conditional: false });
    expect(result.findings.map((f) => [f.kind, f.severity])).toEqual([['public-access', 'critical']]);
  });
});

describe('same account either side, cross-account both (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html)', () => {
  it('SQS: a role of another account named by the queue policy needs its own identity Allow', () => {
    const b = new ModelBuilder().account(A).account(B);
    const withAllow = b.role(B, 'with', doc(), { policies: [allow('sqs:*')] });
    const without = b.role(B, 'without', doc());
    const policy = doc({
      Effect: 'Allow',
      Principal: { AWS: [withAllow, without] },
      Action: 'sqs:SendMessage',
      Resource: QUEUE,
    });
    const result = analyse(withResources(b.build(), resource(QUEUE, A, { policy })));
    expect(edgeOf(result, withAllow, QUEUE, 'write')).toMatchObject({
      via: 'both',
      actions: ['sqs:SendMessage'],
    });
    expect(levelsOf(result, without, QUEUE)).toEqual([]);
  });

  it('Lambda: a service principal invokes through a permission pinned by aws:SourceArn (https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html)', () => {
    const fn = functionArn(A);
    const policy = doc({
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: fn,
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:events:us-east-1:${A}:rule/nightly` } },
    });
    const result = analyse(withResources(new ModelBuilder().account(A).build(), resource(fn, A, { policy })));
    expect(edgeOf(result, 'events.amazonaws.com', fn, 'write')?.conditions.map((c) => c.key)).toEqual([
      'aws:SourceArn',
    ]);
    expect(levelsOf(result, '*', fn)).toEqual([]);
  });
});

describe('Secrets Manager across accounts (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html)', () => {
  const SECRET = secretArn(A);
  const policy = doc({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${B}:root` },
    Action: 'secretsmanager:GetSecretValue',
    Resource: '*',
  });

  it('a secret under the AWS managed key cannot be read from another account', () => {
    const b = new ModelBuilder().account(A).account(B);
    const reader = b.role(B, 'reader', doc(), {
      policies: [allow('secretsmanager:*'), allow('kms:Decrypt')],
    });
    const result = analyse(withResources(b.build(), resource(SECRET, A, { policy })));
    expect(levelsOf(result, reader, SECRET)).toEqual([]);
  });

  it('near miss: under a customer managed key whose policy lets the reader decrypt, it can', () => {
    const b = new ModelBuilder().account(A).account(B);
    const reader = b.role(B, 'reader', doc(), {
      policies: [allow('secretsmanager:*'), allow('kms:Decrypt')],
    });
    const key = keyArn(A);
    const keyPolicy = doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 'kms:Decrypt', Resource: '*' });
    const result = analyse(
      withResources(
        b.build(),
        resource(key, A, { policy: keyPolicy }),
        resource(SECRET, A, { policy, settings: { kmsKeyId: key } }),
      ),
    );
    expect(edgeOf(result, reader, SECRET, 'read')).toMatchObject({
      actions: ['secretsmanager:GetSecretValue'],
      via: 'both',
    });
  });

  it('near miss: under a customer managed key that does not let the reader decrypt, it cannot', () => {
    const b = new ModelBuilder().account(A).account(B);
    const reader = b.role(B, 'reader', doc(), {
      policies: [allow('secretsmanager:*'), allow('kms:Decrypt')],
    });
    const key = keyArn(A);
    const result = analyse(
      withResources(
        b.build(),
        resource(key, A, {
          policy: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'kms:*', Resource: '*' }),
        }),
        resource(SECRET, A, { policy, settings: { kmsKeyId: key } }),
      ),
    );
    expect(levelsOf(result, reader, SECRET)).toEqual([]);
  });
});

describe('ECR across accounts (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html)', () => {
  const REPO = repositoryArn(A);
  const policy = doc({
    Effect: 'Allow',
    Principal: { AWS: B },
    Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  });

  it('a role of the named account pulls when its identity policy grants ecr:GetAuthorizationToken', () => {
    const b = new ModelBuilder().account(A).account(B);
    const puller = b.role(B, 'puller', doc(), { policies: [allow('ecr:*')] });
    const result = analyse(withResources(b.build(), resource(REPO, A, { policy })));
    expect(edgeOf(result, puller, REPO, 'read')?.actions).toEqual([
      'ecr:BatchGetImage',
      'ecr:GetDownloadUrlForLayer',
    ]);
  });

  it('near miss: without ecr:GetAuthorizationToken it cannot authenticate', () => {
    const b = new ModelBuilder().account(A).account(B);
    const puller = b.role(B, 'puller', doc(), {
      policies: [
        doc({ Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' }),
      ],
    });
    const result = analyse(withResources(b.build(), resource(REPO, A, { policy })));
    expect(levelsOf(result, puller, REPO)).toEqual([]);
  });

  it('an account outside the snapshot named by the policy is external access', () => {
    const ext = doc({ Effect: 'Allow', Principal: { AWS: EXT }, Action: 'ecr:BatchGetImage' });
    const result = analyse(
      withResources(new ModelBuilder().account(A).build(), resource(REPO, A, { policy: ext })),
    );
    expect(result.findings.map((f) => [f.kind, f.severity, f.subjects])).toEqual([
      ['external-access', 'medium', [REPO, EXT]],
    ]);
  });
});
