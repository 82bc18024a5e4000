/**
 * Policy documents come from JSON.parse, which makes `"__proto__"` an own
 * property like any other key. Building objects keyed by what a policy says
 * (condition operators and keys, tag keys) must never reach Object.prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PolicyDocumentJson } from '../model.ts';
import { buildSnapshotContext } from './context.ts';
import { analyseTrust } from './reachability.ts';
import { A, EXT, ModelBuilder } from './test-model.ts';

const probe = (): unknown => (Object.prototype as Record<string, unknown>)['pollutedByPolicy'];

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)['pollutedByPolicy'];
});

describe('input-keyed objects in trust analysis', () => {
  it('a "__proto__" condition operator in a trust policy leaves Object.prototype alone', () => {
    const trust = JSON.parse(`{
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "${EXT}"},
        "Action": "sts:AssumeRole",
        "Condition": {
          "__proto__": {"pollutedByPolicy": "yes"},
          "StringEquals": {"aws:PrincipalArn": "arn:aws:iam::${EXT}:role/partner"}
        }
      }]
    }`) as PolicyDocumentJson;
    const b = new ModelBuilder().account(A);
    b.role(A, 'vendor', trust);
    analyseTrust(b.build());
    expect(probe()).toBeUndefined();
    expect(({} as Record<string, unknown>)['pollutedByPolicy']).toBeUndefined();
  });

  it('tag keys named like Object.prototype members are ordinary tags', () => {
    const b = new ModelBuilder().account(A);
    const user = b.user(A, 'tagged', { tags: { constructor: 'c', toString: 's' } });
    const plain = b.user(A, 'plain');
    const model = b.build();
    model.users[0]!.tags.push({ key: '__proto__', value: 'p' });
    const ctx = buildSnapshotContext(model);
    expect(ctx.principals.get(user)?.principal.tags).toEqual(
      Object.assign(Object.create(null), { constructor: 'c', toString: 's', ['__proto__']: 'p' }),
    );
    expect(Object.keys(ctx.principals.get(user)?.principal.tags ?? {})).toContain('__proto__');
    expect(ctx.principals.get(plain)?.principal.tags?.['constructor']).toBeUndefined();
    expect(probe()).toBeUndefined();
  });
});
