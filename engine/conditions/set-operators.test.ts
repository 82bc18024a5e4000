import { describe, expect, it } from 'vitest';
import { check } from './test-support.ts';

const TAGS = 'aws:TagKeys';

describe('ForAnyValue / ForAllValues', () => {
  it('ForAllValues: every request value must match one policy value', () => {
    expect(check({ 'ForAllValues:StringEquals': { [TAGS]: ['env', 'team'] } }, { [TAGS]: ['env'] })).toBe(
      'true',
    );
    expect(
      check({ 'ForAllValues:StringEquals': { [TAGS]: ['env', 'team'] } }, { [TAGS]: ['env', 'cost'] }),
    ).toBe('false');
  });

  it('ForAnyValue: at least one request value must match', () => {
    expect(check({ 'ForAnyValue:StringEquals': { [TAGS]: ['env'] } }, { [TAGS]: ['cost', 'env'] })).toBe(
      'true',
    );
    expect(check({ 'ForAnyValue:StringEquals': { [TAGS]: ['env'] } }, { [TAGS]: ['cost'] })).toBe('false');
  });

  it('a missing key or empty set: ForAllValues holds, ForAnyValue does not', () => {
    expect(check({ 'ForAllValues:StringEquals': { [TAGS]: ['env'] } }, {}, { absentKeys: [TAGS] })).toBe(
      'true',
    );
    expect(check({ 'ForAllValues:StringEquals': { [TAGS]: ['env'] } }, { [TAGS]: [] })).toBe('true');
    expect(check({ 'ForAnyValue:StringEquals': { [TAGS]: ['env'] } }, {}, { absentKeys: [TAGS] })).toBe(
      'false',
    );
    expect(check({ 'ForAnyValue:StringEquals': { [TAGS]: ['env'] } }, { [TAGS]: [] })).toBe('false');
    expect(check({ 'ForAnyValue:StringNotEquals': { [TAGS]: ['env'] } }, { [TAGS]: [] })).toBe('false');
  });

  it('negated operators test each request value against none of the policy values', () => {
    // ForAnyValue:StringNotEquals — some request value is not listed.
    expect(
      check({ 'ForAnyValue:StringNotEquals': { [TAGS]: ['env', 'team'] } }, { [TAGS]: ['env', 'cost'] }),
    ).toBe('true');
    expect(
      check({ 'ForAnyValue:StringNotEquals': { [TAGS]: ['env', 'team'] } }, { [TAGS]: ['env', 'team'] }),
    ).toBe('false');
    // ForAllValues:StringNotLike — no request value matches any pattern.
    expect(check({ 'ForAllValues:StringNotLike': { [TAGS]: ['aws:*'] } }, { [TAGS]: ['env', 'team'] })).toBe(
      'true',
    );
    expect(check({ 'ForAllValues:StringNotLike': { [TAGS]: ['aws:*'] } }, { [TAGS]: ['env', 'aws:x'] })).toBe(
      'false',
    );
  });

  it('without a set operator a multi-valued key matches when any value does', () => {
    expect(
      check(
        { StringLike: { 'aws:PrincipalOrgPaths': 'o-1/r-1/ou-a/*' } },
        {},
        { principal: { orgPaths: ['o-1/r-1/ou-b/', 'o-1/r-1/ou-a/ou-c/'] } },
      ),
    ).toBe('true');
    expect(
      check(
        { StringNotLike: { 'aws:PrincipalOrgPaths': 'o-1/r-1/ou-a/*' } },
        {},
        { principal: { orgPaths: ['o-1/r-1/ou-b/', 'o-1/r-1/ou-a/ou-c/'] } },
      ),
    ).toBe('false');
  });

  it('a single-valued key acts as a set of one', () => {
    expect(check({ 'ForAllValues:StringEquals': { 'aws:username': ['alice', 'bob'] } })).toBe('true');
    expect(check({ 'ForAnyValue:StringEquals': { 'aws:username': ['bob'] } })).toBe('false');
  });
});
