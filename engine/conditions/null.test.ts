import { describe, expect, it } from 'vitest';
import { check, problemsOf } from './test-support.ts';

describe('Null', () => {
  it('"true" holds when the key is absent, "false" when it is present', () => {
    expect(
      check({ Null: { 'aws:TokenIssueTime': 'true' } }, {}, { absentKeys: ['aws:TokenIssueTime'] }),
    ).toBe('true');
    expect(
      check({ Null: { 'aws:TokenIssueTime': 'false' } }, {}, { absentKeys: ['aws:TokenIssueTime'] }),
    ).toBe('false');
    expect(check({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2024-01-01' })).toBe(
      'true',
    );
    expect(check({ Null: { 'aws:TokenIssueTime': true } }, { 'aws:TokenIssueTime': '2024-01-01' })).toBe(
      'false',
    );
  });

  it('decides snapshot keys and leaves unknown request-time keys unresolved', () => {
    expect(check({ Null: { 'aws:PrincipalTag/team': 'true' } })).toBe('true');
    expect(
      check({ Null: { 'aws:PrincipalTag/team': 'false' } }, {}, { principal: { tags: { Team: 'x' } } }),
    ).toBe('true');
    expect(check({ Null: { 'sts:ExternalId': 'false' } })).toBe('unknown');
  });

  it('takes no IfExists', () => {
    expect(problemsOf({ NullIfExists: { 'aws:x': 'true' } })[0]?.message).toMatch(/no IfExists/);
  });
});
