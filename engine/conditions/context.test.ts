import { describe, expect, it } from 'vitest';
import type { EvaluationRequest, RequestPrincipal } from '../types.ts';
import { ABSENT, isSnapshotKey, RequestKeys, UNKNOWN } from './context.ts';

function keys(principal: RequestPrincipal, extra: Partial<EvaluationRequest> = {}): RequestKeys {
  return new RequestKeys({
    principal,
    action: 'sts:AssumeRole',
    resource: { arn: 'arn:aws:iam::222222222222:role/R' },
    ...extra,
  });
}

const user: RequestPrincipal = {
  type: 'User',
  arn: 'arn:aws:iam::111111111111:user/alice',
  accountId: '111111111111',
  uniqueId: 'AIDAALICE',
  tags: { Team: 'red' },
  orgId: 'o-1',
  orgPaths: ['o-1/r-1/ou-1/'],
};
const role: RequestPrincipal = {
  type: 'Role',
  arn: 'arn:aws:iam::111111111111:role/app',
  uniqueId: 'AROAAPP',
};

describe('request keys', () => {
  it('decides principal keys from the snapshot', () => {
    const k = keys(user);
    expect(k.get('aws:principalarn')).toBe(user.arn);
    expect(k.get('aws:principalaccount')).toBe('111111111111');
    expect(k.get('aws:principalorgid')).toBe('o-1');
    expect(k.get('aws:principalorgpaths')).toEqual(['o-1/r-1/ou-1/']);
    expect(k.get('aws:principaltag/team')).toBe('red');
    expect(k.get('aws:principaltag/missing')).toBe(ABSENT);
    expect(k.get('aws:principaltype')).toBe('User');
    expect(k.get('aws:principalisawsservice')).toBe('false');
    expect(k.get('aws:username')).toBe('alice');
    expect(k.get('aws:userid')).toBe('AIDAALICE');
  });

  it('roles have no aws:username; their aws:userid needs the session name', () => {
    expect(keys(role).get('aws:username')).toBe(ABSENT);
    expect(keys(role).get('aws:principaltype')).toBe('AssumedRole');
    expect(keys(role).get('aws:principalaccount')).toBe('111111111111');
    expect(keys(role).get('aws:principalorgid')).toBe(ABSENT);
    expect(keys(role).get('aws:userid')).toBe(UNKNOWN);
    expect(keys({ ...role, sessionName: 's' }).get('aws:userid')).toBe('AROAAPP:s');
  });

  it('service principals', () => {
    const k = keys({ type: 'Service', arn: 'ec2.amazonaws.com' });
    expect(k.get('aws:principalisawsservice')).toBe('true');
    expect(k.get('aws:principalservicename')).toBe('ec2.amazonaws.com');
    expect(k.get('aws:principalarn')).toBe(ABSENT);
    expect(k.get('aws:principalaccount')).toBe(ABSENT);
  });

  it('decides resource keys, taking the account from the ARN', () => {
    const k = keys(user, {
      resource: { arn: 'arn:aws:iam::222222222222:role/R', tags: { env: 'prod' }, orgId: 'o-1' },
    });
    expect(k.get('aws:resourceaccount')).toBe('222222222222');
    expect(k.get('aws:resourcetag/env')).toBe('prod');
    expect(k.get('iam:resourcetag/env')).toBe('prod');
    expect(k.get('aws:resourceorgid')).toBe('o-1');
    expect(k.get('aws:resourceorgpaths')).toBe(ABSENT);
    expect(keys(user, { resource: { arn: 'arn:aws:s3:::bucket' } }).get('aws:resourceaccount')).toBe(UNKNOWN);
  });

  it('request-time keys are unknown unless given or declared absent; the context wins', () => {
    expect(keys(user).get('aws:multifactorauthpresent')).toBe(UNKNOWN);
    expect(keys(user, { absentKeys: ['sts:ExternalId'] }).get('sts:externalid')).toBe(ABSENT);
    const k = keys(user, {
      context: {
        'aws:MultiFactorAuthPresent': true,
        'aws:PrincipalTag/Team': 'blue',
        'aws:TagKeys': ['a', 1],
      },
    });
    expect(k.get('aws:multifactorauthpresent')).toBe('true');
    expect(k.get('aws:principaltag/team')).toBe('blue');
    expect(k.get('aws:tagkeys')).toEqual(['a', '1']);
  });

  it('knows which keys the snapshot decides', () => {
    expect(isSnapshotKey('aws:PrincipalOrgID')).toBe(true);
    expect(isSnapshotKey('aws:ResourceTag/x')).toBe(true);
    expect(isSnapshotKey('aws:SourceIp')).toBe(false);
    expect(isSnapshotKey('sts:ExternalId')).toBe(false);
  });
});
