import { describe, expect, it } from 'vitest';
import { parseIamArn } from './arn.ts';

describe('parseIamArn', () => {
  it('reads account, path and name of IAM entities', () => {
    expect(
      parseIamArn(
        'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
        'role',
      ),
    ).toEqual({
      partition: 'aws',
      accountId: '123456789012',
      type: 'role',
      path: '/aws-service-role/ecs.amazonaws.com/',
      name: 'AWSServiceRoleForECS',
    });
    expect(parseIamArn('arn:aws-us-gov:iam::123456789012:user/alice', 'user')?.path).toBe('/');
  });

  it('knows AWS-managed policies by their "aws" account', () => {
    expect(parseIamArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole', 'policy')).toMatchObject({
      accountId: 'aws',
      path: '/service-role/',
      name: 'AWSLambdaRole',
    });
    expect(parseIamArn('arn:aws:iam::aws:role/x', 'role')).toBeUndefined();
  });

  it('names identity providers from the ARN', () => {
    expect(parseIamArn('arn:aws:iam::123456789012:saml-provider/Okta', 'saml-provider')?.name).toBe('Okta');
    expect(
      parseIamArn(
        'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
        'oidc-provider',
      )?.name,
    ).toBe('token.actions.githubusercontent.com');
    expect(
      parseIamArn(
        'arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC',
        'oidc-provider',
      )?.name,
    ).toBe('oidc.eks.eu-west-1.amazonaws.com/id/ABC');
  });

  it('refuses malformed ARNs', () => {
    for (const bad of [
      'arn:aws:iam::12345678901:role/a', // 11 digits
      'arn:aws:iam:us-east-1:123456789012:role/a', // IAM has no region
      'arn:aws:sts::123456789012:role/a',
      'arn:aws:iam::123456789012:user/a', // wrong type
      'arn:aws:iam::123456789012:role/',
      'arn:aws:iam::123456789012:role/a b',
      'role/a',
    ]) {
      expect(parseIamArn(bad, 'role'), bad).toBeUndefined();
    }
  });
});
