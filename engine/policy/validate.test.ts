import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse.ts';
import { validatePolicy, validatePolicyActions } from './validate.ts';

describe('validatePolicy', () => {
  it('flags principals in identity policies and missing resources', () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Principal: '*' }],
    });
    expect(validatePolicy(p, 'identity').map((x) => x.path)).toEqual([
      'Statement[0].Principal',
      'Statement[0].Resource',
    ]);
  });

  it('flags NotPrincipal in trust policies and with Allow in resource policies', () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', NotPrincipal: { AWS: '111111111111' } }],
    });
    expect(validatePolicy(p, 'trust')[0]?.message).toMatch(/NotPrincipal/);
    expect(validatePolicy(p, 'resource')[0]?.message).toMatch(/only supported with Deny/);
  });

  it('flags resource-policy statements without a principal', () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    expect(validatePolicy(p, 'resource')).toHaveLength(1);
    expect(validatePolicy(p, 'identity')).toEqual([]);
  });

  it('warns about actions the AWS catalog does not know', async () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt', 'iam:Pass*', '*'], Resource: '*' },
      ],
    });
    expect(await validatePolicyActions(p)).toEqual([
      {
        path: 'Statement[0].Action[1]',
        message: '"s3:GetObjekt" matches no known AWS action',
        severity: 'warning',
      },
    ]);
  });
});
