/**
 * Resource ARNs as AWS writes them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html), each
 * type's resource part as its Service Authorization Reference page lists it.
 */
import { describe, expect, it } from 'vitest';
import { parseResourceArn, type ResourceArn } from './arn.ts';

function ok(arn: string): ResourceArn {
  const got = parseResourceArn(arn);
  if (!got.ok) throw new Error(`${arn}: ${got.message}`);
  return got.arn;
}

function problem(arn: string): string {
  const got = parseResourceArn(arn);
  if (got.ok) throw new Error(`${arn} parsed as ${JSON.stringify(got.arn)}`);
  return got.message;
}

describe('parseResourceArn', () => {
  it.each([
    [
      'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'kms-key',
      '1234abcd-12ab-34cd-56ef-1234567890ab',
    ],
    ['arn:aws:sqs:eu-west-1:111111111111:orders-events.fifo', 'sqs-queue', 'orders-events.fifo'],
    ['arn:aws:sns:us-east-1:111111111111:alerts', 'sns-topic', 'alerts'],
    ['arn:aws:lambda:eu-west-1:111111111111:function:payments', 'lambda-function', 'payments'],
    [
      'arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-AbCdEf',
      'secretsmanager-secret',
      'prod/db-AbCdEf',
    ],
    ['arn:aws:ecr:eu-west-1:111111111111:repository/team/api', 'ecr-repository', 'team/api'],
    ['arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc123', 'ec2-instance', 'i-0abc123'],
    ['arn:aws:glue:eu-west-1:111111111111:devEndpoint/etl', 'glue-dev-endpoint', 'etl'],
    ['arn:aws:cloudformation:eu-west-1:111111111111:stack/web/6c4a-11ef', 'cloudformation-stack', 'web'],
    ['arn:aws:sagemaker:eu-west-1:111111111111:notebook-instance/lab', 'sagemaker-notebook', 'lab'],
    ['arn:aws:ecs:eu-west-1:111111111111:service/prod-cluster/orders', 'ecs-service', 'orders'],
    ['arn:aws:ecs:eu-west-1:111111111111:service/orders', 'ecs-service', 'orders'],
    ['arn:aws:codebuild:eu-west-1:111111111111:project/build', 'codebuild-project', 'build'],
  ])('%s → %s', (arn, type, name) => {
    expect(ok(arn)).toMatchObject({ type, name, accountId: '111111111111', partition: 'aws' });
  });

  it('an S3 bucket ARN has no account or Region: the caller supplies the account', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
    expect(ok('arn:aws:s3:::demo-public-site')).toEqual({
      partition: 'aws',
      service: 's3',
      type: 's3-bucket',
      name: 'demo-public-site',
    });
  });

  it('reads the China and GovCloud partitions', () => {
    expect(ok('arn:aws-cn:s3:::cn-bucket')).toMatchObject({ partition: 'aws-cn', type: 's3-bucket' });
    expect(ok('arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/k1')).toMatchObject({
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      type: 'kms-key',
    });
    expect(ok('arn:aws-cn:sqs:cn-north-1:111111111111:q')).toMatchObject({ region: 'cn-north-1' });
  });

  it('refuses an S3 object ARN, saying the file lists buckets', () => {
    expect(problem('arn:aws:s3:::demo-public-site/index.html')).toContain('S3 object ARN');
  });

  it('keeps colons and slashes inside the resource part', () => {
    expect(ok('arn:aws:secretsmanager:eu-west-1:111111111111:secret:team/a/b-AbCdEf').name).toBe(
      'team/a/b-AbCdEf',
    );
    expect(ok('arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/x:*')).toMatchObject({
      type: 'other',
      name: 'log-group:/aws/lambda/x:*',
    });
  });

  it('a qualified Lambda ARN names the version or alias, which has its own policy', () => {
    // https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html
    expect(ok('arn:aws:lambda:eu-west-1:111111111111:function:payments:prod')).toMatchObject({
      type: 'lambda-function',
      name: 'payments:prod',
      qualifier: 'prod',
    });
    expect(ok('arn:aws:lambda:eu-west-1:111111111111:function:payments:7').qualifier).toBe('7');
    expect(problem('arn:aws:lambda:eu-west-1:111111111111:function:payments:prod:x')).toContain('malformed');
    expect(problem('arn:aws:lambda:eu-west-1:111111111111:function:')).toContain('malformed');
  });

  it('anything else is `other`, keeping what the ARN says', () => {
    expect(ok('arn:aws:dynamodb:eu-west-1:111111111111:table/orders')).toMatchObject({
      type: 'other',
      service: 'dynamodb',
      region: 'eu-west-1',
      accountId: '111111111111',
      name: 'table/orders',
    });
    expect(ok('arn:aws:kms:eu-west-1:111111111111:alias/app').type).toBe('other');
    expect(ok('arn:aws:s3:eu-west-1:111111111111:accesspoint/ap1').type).toBe('other');
    const role = ok('arn:aws:iam::111111111111:role/app');
    expect(role.type).toBe('other');
    expect(role.region).toBeUndefined();
  });

  it('refuses what is not a resource ARN, saying which part is wrong', () => {
    expect(problem('demo-public-site')).toContain('not an ARN');
    expect(problem('arn:aws:s3')).toContain('not an ARN');
    expect(problem('urn:aws:s3:::b')).toContain('not an ARN');
    expect(problem('arn:azure:s3:::b')).toContain('partition');
    expect(problem('arn:aws:sqs:eu-west-1:1111:q')).toContain('12-digit');
    expect(problem('arn:aws:sqs:eu-west-1:111111111111:')).toContain('empty');
    expect(problem('arn:aws:sqs::111111111111:q')).toContain('Region');
    expect(problem('arn:aws:kms:eu-west-1::key/k')).toContain('account');
    expect(problem('arn:aws:s3:::bucket name')).toContain('spaces');
  });
});
