import { describe, expect, it } from 'vitest';
import { RequestKeys } from './context.ts';
import { compileCondition, evaluateConditions } from './index.ts';
import { check, problemsOf, request } from './test-support.ts';

describe('Condition blocks', () => {
  it('ANDs operators and keys', () => {
    const block = {
      StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:RequestTag/env': 'prod' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    const principal = { tags: { team: 'red' } };
    expect(check(block, { 'aws:RequestTag/env': 'prod', 'aws:SecureTransport': true }, { principal })).toBe(
      'true',
    );
    expect(check(block, { 'aws:RequestTag/env': 'dev', 'aws:SecureTransport': true }, { principal })).toBe(
      'false',
    );
    expect(check(block, { 'aws:RequestTag/env': 'prod', 'aws:SecureTransport': false }, { principal })).toBe(
      'false',
    );
  });

  it('compares key names without regard to case, values with it', () => {
    expect(check({ StringEquals: { 'AWS:USERNAME': 'alice' } })).toBe('true');
    expect(check({ StringEquals: { 'aws:username': 'Alice' } })).toBe('false');
    expect(
      check(
        { StringEquals: { 'AWS:PrincipalTag/TEAM': 'red' } },
        {},
        { principal: { tags: { team: 'red' } } },
      ),
    ).toBe('true');
  });

  it('is unknown only when no decided clause is false, and lists the unresolved clauses', () => {
    const clauses = compileCondition(
      {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        StringEquals: { 'sts:ExternalId': 'x', 'aws:PrincipalAccount': '111111111111' },
      },
      true,
      'Condition',
      [],
    );
    const result = evaluateConditions(clauses, new RequestKeys(request()));
    expect(result.state).toBe('unknown');
    expect(result.state === 'unknown' && result.unresolved.map((c) => [c.operator, c.key, c.values])).toEqual(
      [
        ['Bool', 'aws:MultiFactorAuthPresent', ['true']],
        ['StringEquals', 'sts:ExternalId', ['x']],
      ],
    );
    const denied = compileCondition(
      {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        StringEquals: { 'aws:PrincipalAccount': '999999999999' },
      },
      true,
      'C',
      [],
    );
    expect(evaluateConditions(denied, new RequestKeys(request())).state).toBe('false');
  });

  it('keys decided from the snapshot are never unknown: a missing one is absent', () => {
    expect(check({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } })).toBe('false');
    expect(check({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } })).toBe('true');
    expect(
      check({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }, {}, { principal: { orgId: 'o-1' } }),
    ).toBe('true');
  });

  it('an unknown operator is reported and can never be decided', () => {
    expect(problemsOf({ StringEqualz: { 'aws:username': 'alice' } })[0]?.path).toBe('Condition.StringEqualz');
    const clauses = compileCondition({ StringEqualz: { 'aws:username': 'alice' } }, true, 'C', []);
    expect(evaluateConditions(clauses, new RequestKeys(request())).state).toBe('unknown');
  });

  it('reports malformed blocks', () => {
    expect(problemsOf({ StringEquals: 'x' })).toHaveLength(1);
    expect(problemsOf({ StringEquals: { k: [] } })).toHaveLength(1);
    expect(problemsOf({ StringEquals: { k: { nested: 1 } } })).toHaveLength(2);
  });
});
