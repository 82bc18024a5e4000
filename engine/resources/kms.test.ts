/** AWS KMS rules, conformance style: each case cites its AWS page and comes with a near miss. */
import { describe, expect, it } from 'vitest';
import {
  A,
  analyse,
  B,
  doc,
  edgeOf,
  EXT,
  keyArn,
  levelsOf,
  ModelBuilder,
  resource,
  withResources,
} from './test-model.ts';

const KEY = keyArn(A);
const decrypt = doc({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' });
const enableIam = {
  Sid: 'Enable IAM policies',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${A}:root` },
  Action: 'kms:*',
  Resource: '*',
};

describe('key policies (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html)', () => {
  it('IAM policies count when the key policy enables them for the account (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)', () => {
    const b = new ModelBuilder().account(A);
    const app = b.role(A, 'app', doc(), { policies: [decrypt] });
    const result = analyse(withResources(b.build(), resource(KEY, A, { policy: doc(enableIam) })));
    const e = edgeOf(result, app, KEY, 'write');
    expect(e).toMatchObject({ via: 'both', actions: ['kms:Decrypt'] });
    expect(e?.resourceStatement).toMatchObject({ policyKind: 'resource', sid: 'Enable IAM policies' });
    expect(e?.reasons.join(' ')).not.toMatch(/trust policy/i);
  });

  it('near miss: a key policy that does not enable IAM policies leaves an IAM Allow without effect', () => {
    const b = new ModelBuilder().account(A);
    const app = b.role(A, 'app', doc(), { policies: [decrypt] });
    const admin = b.role(A, 'admin', doc());
    const policy = doc({
      Effect: 'Allow',
      Principal: { AWS: admin },
      Action: 'kms:PutKeyPolicy',
      Resource: '*',
    });
    const result = analyse(withResources(b.build(), resource(KEY, A, { policy })));
    expect(levelsOf(result, app, KEY)).toEqual([]);
    // A key policy naming a role in its own account grants it alone (https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html).
    expect(edgeOf(result, admin, KEY, 'permissions-management')).toMatchObject({
      via: 'resource-policy',
      actions: ['kms:PutKeyPolicy'],
    });
  });

  it('another account needs both the key policy and its own IAM Allow (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html)', () => {
    const b = new ModelBuilder().account(A).account(B);
    const allowed = b.role(B, 'consumer', doc(), { policies: [decrypt] });
    const bare = b.role(B, 'bare', doc());
    const policy = doc(enableIam, {
      Sid: 'Account B',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${B}:root` },
      Action: 'kms:Decrypt',
      Resource: '*',
    });
    const result = analyse(withResources(b.build(), resource(KEY, A, { policy })));
    expect(edgeOf(result, allowed, KEY, 'write')).toMatchObject({
      via: 'both',
      crossAccount: true,
      actions: ['kms:Decrypt'],
    });
    expect(levelsOf(result, bare, KEY)).toEqual([]);
  });

  it('a vendor account outside the snapshot shared on the key is external access', () => {
    const policy = doc(enableIam, {
      Sid: 'Vendor',
      Effect: 'Allow',
      Principal: { AWS: EXT },
      Action: ['kms:Decrypt', 'kms:Encrypt'],
      Resource: '*',
    });
    const result = analyse(
      withResources(new ModelBuilder().account(A).build(), resource(KEY, A, { policy })),
    );
    expect(edgeOf(result, EXT, KEY, 'write')).toMatchObject({
      fromKind: 'Account',
      actions: ['kms:Decrypt', 'kms:Encrypt'],
    });
    expect(result.findings.map((f) => [f.kind, f.severity])).toEqual([['external-access', 'high']]);
  });
});

describe('AWS managed keys (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key)', () => {
  const policy = doc({
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['kms:Decrypt'],
    Resource: '*',
    Condition: { StringEquals: { 'kms:CallerAccount': A, 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
  });

  it('stay in their account: no caller of another account', () => {
    const b = new ModelBuilder().account(A).account(B);
    const local = b.role(A, 'local', doc(), { policies: [decrypt] });
    const remote = b.role(B, 'remote', doc(), { policies: [decrypt] });
    const result = analyse(
      withResources(b.build(), resource(KEY, A, { policy, settings: { keyManager: 'AWS' } })),
    );
    expect(levelsOf(result, remote, KEY)).toEqual([]);
    expect(levelsOf(result, B, KEY)).toEqual([]);
    expect(levelsOf(result, '*', KEY)).toEqual([]);
    expect(
      edgeOf(result, local, KEY, 'write')
        ?.conditions.map((c) => c.key)
        .sort(),
    ).toEqual(['kms:CallerAccount', 'kms:ViaService']);
  });

  it('near miss: the same policy on a customer managed key is open to other accounts', () => {
    const b = new ModelBuilder().account(A).account(B);
    const remote = b.role(B, 'remote', doc(), { policies: [decrypt] });
    const result = analyse(
      withResources(b.build(), resource(KEY, A, { policy, settings: { keyManager: 'CUSTOMER' } })),
    );
    expect(levelsOf(result, remote, KEY)).toEqual([]);
    expect(levelsOf(result, B, KEY)).toEqual(['write']);
  });
});

describe('grants (https://docs.aws.amazon.com/kms/latest/developerguide/grants.html)', () => {
  it('a grant gives its grantee the grant operations, with encryption-context constraints as conditions', () => {
    const b = new ModelBuilder().account(A);
    const app = b.role(A, 'app', doc());
    const grants = [
      {
        GrantId: 'g-1',
        GranteePrincipal: app,
        Operations: ['Decrypt', 'DescribeKey'],
        Constraints: { EncryptionContextEquals: { project: 'x' } },
      },
    ];
    const result = analyse(
      withResources(b.build(), resource(KEY, A, { policy: doc(enableIam), settings: { grants } })),
    );
    expect(edgeOf(result, app, KEY, 'write')).toMatchObject({
      via: 'kms-grant',
      actions: ['kms:Decrypt'],
      conditional: true,
    });
    expect(edgeOf(result, app, KEY, 'read')?.conditions.map((c) => c.key)).toEqual([
      'kms:EncryptionContext:project',
    ]);
  });

  it('near miss: without the grant the role has no access', () => {
    const b = new ModelBuilder().account(A);
    const app = b.role(A, 'app', doc());
    const result = analyse(withResources(b.build(), resource(KEY, A, { policy: doc(enableIam) })));
    expect(levelsOf(result, app, KEY)).toEqual([]);
  });
});
