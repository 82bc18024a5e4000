import { describe, expect, it } from 'vitest';
import { ABSENT, UNKNOWN, type KeyLookup, type KeyValue } from '../conditions/context.ts';
import { parseTemplate, resolveVariable, substitute, type VariableRef } from './variables.ts';

function lookup(values: Record<string, KeyValue>): KeyLookup {
  return { get: (key) => values[key] ?? UNKNOWN };
}

describe('policy variables', () => {
  it('parses variables, defaults and escapes', () => {
    const t = parseTemplate("home/${aws:username}/${ aws:PrincipalTag/team , 'none' }/${*}${?}${$}", true);
    expect(t.errors).toEqual([]);
    expect(t.variables.map((v) => [v.key, v.defaultValue])).toEqual([
      ['aws:username', undefined],
      ['aws:PrincipalTag/team', 'none'],
    ]);
    expect(
      t.parts.filter((p) => p.kind === 'text' && p.literal).map((p) => (p.kind === 'text' ? p.text : '')),
    ).toEqual(['*', '?', '$']);
  });

  it('is plain text when variables are disabled (Version 2008-10-17 or none)', () => {
    const t = parseTemplate('home/${aws:username}', false);
    expect(t.variables).toEqual([]);
    expect(t.parts).toEqual([{ kind: 'text', text: 'home/${aws:username}', literal: false }]);
  });

  it('reports malformed variables and keeps them as text', () => {
    expect(parseTemplate('a/${aws:username', true).errors).toHaveLength(1);
    expect(parseTemplate('a/${aws:username, nope}', true).errors).toHaveLength(1);
  });

  it('resolves key names case-insensitively, with defaults for absent and multi-valued keys', () => {
    const ref = parseTemplate("${AWS:UserName, 'anon'}", true).variables[0] as VariableRef;
    expect(resolveVariable(ref, lookup({ 'aws:username': 'alice' }))).toBe('alice');
    expect(resolveVariable(ref, lookup({ 'aws:username': ABSENT }))).toBe('anon');
    expect(resolveVariable(ref, lookup({ 'aws:username': ['a', 'b'] }))).toBe('anon');
    expect(resolveVariable(ref, lookup({}))).toBe(UNKNOWN);
  });

  it('substitution: an absent variable voids the template, an unknown one leaves it unresolved', () => {
    const t = parseTemplate('${aws:username}/${aws:SourceIdentity}', true);
    expect(substitute(t.parts, lookup({ 'aws:username': ABSENT }))).toBe(ABSENT);
    expect(substitute(t.parts, lookup({ 'aws:username': 'a' }))).toBe(UNKNOWN);
    expect(substitute(t.parts, lookup({ 'aws:username': 'a', 'aws:sourceidentity': 's' }))).toEqual([
      { kind: 'text', text: 'a', literal: true },
      { kind: 'text', text: '/', literal: false },
      { kind: 'text', text: 's', literal: true },
    ]);
  });
});
