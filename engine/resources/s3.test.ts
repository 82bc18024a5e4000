/**
 * Amazon S3 rules, conformance style: each case cites the AWS page it rests on
 * and comes with a near miss.
 */
import { describe, expect, it } from 'vitest';
import {
  A,
  analyse,
  B,
  bucketArn,
  doc,
  edgeOf,
  EXT,
  levelsOf,
  ModelBuilder,
  resource,
  withResources,
} from './test-model.ts';

const BUCKET = bucketArn('demo-bucket');
const read = {
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [BUCKET, `${BUCKET}/*`],
};
const publicRead = doc({ Sid: 'PublicRead', Principal: '*', ...read });
const allowS3 = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });

describe('Block Public Access (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)', () => {
  it('a public bucket policy without RestrictPublicBuckets gives anyone read and list: public', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { policy: publicRead }),
    );
    const result = analyse(model);
    const e = edgeOf(result, '*', BUCKET, 'read');
    expect(e).toMatchObject({ fromKind: 'Anyone', public: true, via: 'resource-policy', crossAccount: true });
    expect(e?.actions).toEqual(['s3:GetObject']);
    expect(levelsOf(result, '*', BUCKET)).toEqual(['list', 'read']);
    expect(result.findings.map((f) => [f.kind, f.severity])).toEqual([['public-access', 'high']]);
  });

  it('RestrictPublicBuckets at the account level cuts the public grant (most restrictive of account and bucket)', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, {
        policy: publicRead,
        settings: { accountPublicAccessBlock: { RestrictPublicBuckets: true }, publicAccessBlock: {} },
      }),
    );
    const result = analyse(model);
    expect(levelsOf(result, '*', BUCKET)).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('a bucket policy naming an external account: BPA does not apply when the policy is not public', () => {
    const policy = doc({ Sid: 'Vendor', Principal: { AWS: `arn:aws:iam::${EXT}:root` }, ...read });
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, {
        policy,
        settings: { publicAccessBlock: { RestrictPublicBuckets: true, BlockPublicPolicy: true } },
      }),
    );
    const result = analyse(model);
    const e = edgeOf(result, EXT, BUCKET, 'read');
    expect(e).toMatchObject({ fromKind: 'Account', via: 'both', crossAccount: true, public: false });
    expect(e?.resourceStatement).toMatchObject({ policyId: BUCKET, statementIndex: 0, sid: 'Vendor' });
    expect(result.findings.map((f) => [f.kind, f.subjects])).toEqual([['external-access', [BUCKET, EXT]]]);
  });

  it('…and where it does: RestrictPublicBuckets with a public statement in the same policy cuts the vendor too', () => {
    const policy = doc(
      { Sid: 'Vendor', Principal: { AWS: `arn:aws:iam::${EXT}:root` }, ...read },
      { Sid: 'PublicRead', Principal: '*', ...read },
    );
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { policy, settings: { publicAccessBlock: { RestrictPublicBuckets: true } } }),
    );
    const result = analyse(model);
    expect(levelsOf(result, EXT, BUCKET)).toEqual([]);
    expect(levelsOf(result, '*', BUCKET)).toEqual([]);
  });

  it('RestrictPublicBuckets leaves principals of the owner account in', () => {
    const b = new ModelBuilder().account(A);
    const alice = b.user(A, 'alice');
    const model = withResources(
      b.build(),
      resource(BUCKET, A, {
        policy: publicRead,
        settings: { publicAccessBlock: { RestrictPublicBuckets: true } },
      }),
    );
    expect(levelsOf(analyse(model), alice, BUCKET)).toEqual(['list', 'read']);
  });
});

describe("S3's definition of public (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status)", () => {
  const withCondition = (condition: Record<string, unknown>) =>
    doc({ Sid: 'Conditional', Principal: '*', ...read, Condition: condition });

  it('"*" pinned to a VPC endpoint is not public: anyone can read through it, on that condition', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, {
        policy: withCondition({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }),
        settings: { publicAccessBlock: { RestrictPublicBuckets: true } },
      }),
    );
    const result = analyse(model);
    const e = edgeOf(result, '*', BUCKET, 'read');
    expect(e).toMatchObject({ public: false, conditional: true });
    expect(e?.conditions.map((c) => c.key)).toEqual(['aws:SourceVpce']);
    expect(result.findings.map((f) => f.kind)).toEqual(['external-access']);
  });

  it('near miss: a wildcard VPC value stays public, so RestrictPublicBuckets cuts it', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, {
        policy: withCondition({ StringLike: { 'aws:SourceVpc': 'vpc-*' } }),
        settings: { publicAccessBlock: { RestrictPublicBuckets: true } },
      }),
    );
    expect(levelsOf(analyse(model), '*', BUCKET)).toEqual([]);
  });

  it('aws:SourceIp no wider than /8 pins; a /4 does not', () => {
    const narrow = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { policy: withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }) }),
    );
    expect(edgeOf(analyse(narrow), '*', BUCKET, 'read')).toMatchObject({ public: false, conditional: true });
    const wide = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { policy: withCondition({ IpAddress: { 'aws:SourceIp': '64.0.0.0/4' } }) }),
    );
    expect(edgeOf(analyse(wide), '*', BUCKET, 'read')).toMatchObject({ public: true, conditional: true });
  });
});

describe('ACLs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html)', () => {
  const aclRead = {
    acl: {
      Grants: [
        {
          Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
          Permission: 'READ' as const,
        },
      ],
    },
  };

  it('a READ grant to AllUsers lets anyone list the bucket, via the ACL', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { settings: aclRead }),
    );
    const result = analyse(model);
    const e = edgeOf(result, '*', BUCKET, 'list');
    expect(e).toMatchObject({ via: 's3-acl', public: true });
    expect(e?.resourceStatement).toMatchObject({ policyId: `${BUCKET}#acl`, statementIndex: 0 });
    expect(levelsOf(result, '*', BUCKET)).toEqual(['list']);
  });

  it('near miss: BucketOwnerEnforced disables ACLs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html)', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { settings: { ...aclRead, objectOwnership: 'BucketOwnerEnforced' } }),
    );
    expect(analyse(model).edges).toEqual([]);
  });

  it('near miss: IgnorePublicAcls makes S3 ignore the public grant', () => {
    const model = withResources(
      new ModelBuilder().account(A).build(),
      resource(BUCKET, A, { settings: { ...aclRead, publicAccessBlock: { IgnorePublicAcls: true } } }),
    );
    expect(analyse(model).edges).toEqual([]);
  });
});

describe('same account (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html)', () => {
  it('a bucket policy naming a role grants it without any identity policy', () => {
    const b = new ModelBuilder().account(A);
    const role = b.role(A, 'reader', doc());
    const policy = doc({ Principal: { AWS: role }, ...read });
    const result = analyse(withResources(b.build(), resource(BUCKET, A, { policy })));
    expect(edgeOf(result, role, BUCKET, 'read')).toMatchObject({
      via: 'resource-policy',
      crossAccount: false,
    });
    expect(result.findings).toEqual([]);
  });

  it('near miss: naming the account delegates to identity policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts)', () => {
    const b = new ModelBuilder().account(A);
    const bare = b.role(A, 'bare', doc());
    const allowed = b.role(A, 'allowed', doc(), { policies: [allowS3] });
    const policy = doc({ Principal: { AWS: `arn:aws:iam::${A}:root` }, ...read });
    const result = analyse(withResources(b.build(), resource(BUCKET, A, { policy })));
    expect(levelsOf(result, bare, BUCKET)).toEqual([]);
    // In the same account the identity Allow alone suffices, and the evaluator cites it.
    expect(edgeOf(result, allowed, BUCKET, 'read')?.via).toBe('identity-policy');
  });

  it('an identity policy alone grants in the same account; a role of another account needs the bucket policy too', () => {
    const b = new ModelBuilder().account(A).account(B);
    const local = b.role(A, 'local', doc(), { policies: [allowS3] });
    const remote = b.role(B, 'remote', doc(), { policies: [allowS3] });
    const result = analyse(withResources(b.build(), resource(BUCKET, A)));
    expect(edgeOf(result, local, BUCKET, 'write')).toMatchObject({
      via: 'identity-policy',
      crossAccount: false,
    });
    expect(levelsOf(result, remote, BUCKET)).toEqual([]);
  });
});

describe('NotPrincipal with Deny (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html)', () => {
  it('denies everyone but the listed principal (with its account)', () => {
    const b = new ModelBuilder().account(A);
    const admin = b.user(A, 'admin', { policies: [allowS3] });
    const other = b.user(A, 'other', { policies: [allowS3] });
    const policy = doc({
      Effect: 'Deny',
      NotPrincipal: { AWS: [admin, `arn:aws:iam::${A}:root`] },
      Action: 's3:*',
      Resource: [BUCKET, `${BUCKET}/*`],
    });
    const result = analyse(withResources(b.build(), resource(BUCKET, A, { policy })));
    expect(levelsOf(result, admin, BUCKET)).toEqual([
      'list',
      'permissions-management',
      'read',
      'tagging',
      'write',
    ]);
    expect(levelsOf(result, other, BUCKET)).toEqual([]);
  });

  it('near miss: a principal with a permissions boundary is always denied (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)', () => {
    const b = new ModelBuilder().account(A);
    const boundary = b.managed(A, 'boundary', allowS3);
    const admin = b.user(A, 'admin', { policies: [allowS3], boundary });
    const policy = doc({
      Effect: 'Deny',
      NotPrincipal: { AWS: [admin, `arn:aws:iam::${A}:root`] },
      Action: 's3:*',
      Resource: [BUCKET, `${BUCKET}/*`],
    });
    expect(
      levelsOf(analyse(withResources(b.build(), resource(BUCKET, A, { policy }))), admin, BUCKET),
    ).toEqual([]);
  });
});

describe('object actions are evaluated on BUCKET/*', () => {
  it('a grant on a key prefix only does not count as object access', () => {
    const b = new ModelBuilder().account(A);
    const role = b.role(A, 'prefix', doc(), {
      policies: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/public/*` })],
    });
    const whole = b.role(A, 'whole', doc(), {
      policies: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` })],
    });
    const result = analyse(withResources(b.build(), resource(BUCKET, A)));
    expect(levelsOf(result, role, BUCKET)).toEqual([]);
    expect(edgeOf(result, whole, BUCKET, 'read')?.reasons.join(' ')).toContain(`${BUCKET}/*`);
  });
});
