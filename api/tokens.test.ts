import { describe, expect, it } from 'vitest';
import { hashToken, newToken, tokenCheck } from './tokens.ts';

describe('tokenCheck', () => {
  it('identifies a token on every request, and refuses one that differs from it in one character', () => {
    const reader = newToken('iamr');
    const check = tokenCheck([{ role: 'reader', sha256: hashToken(reader), name: 'ci' }]);
    for (let i = 0; i < 3; i++) expect(check.identify(reader)).toEqual({ role: 'reader', name: 'ci' });
    const last = reader.at(-1) === 'a' ? 'b' : 'a';
    expect(check.identify(reader.slice(0, -1) + last)).toBeUndefined();
    expect(check.identify(reader + 'x')).toBeUndefined();
    expect(check.identify(reader.slice(0, -1))).toBeUndefined();
    expect(check.identify('')).toBeUndefined();
  });

  it('hands out a copy: a caller changing the answer does not change the next one', () => {
    const reader = newToken('iamr');
    const check = tokenCheck([{ role: 'reader', sha256: hashToken(reader) }]);
    const first = check.identify(reader)!;
    first.role = 'reviewer';
    first.name = 'someone else';
    expect(check.identify(reader)).toEqual({
      role: 'reader',
      name: `reader token ${hashToken(reader).slice(0, 8)}`,
    });
  });

  it('identifies each of many tokens with its own role and name, more than it remembers', () => {
    const tokens = Array.from({ length: 100 }, (_, i) => ({
      token: newToken(i % 2 ? 'iamw' : 'iamr'),
      role: (i % 2 ? 'reviewer' : 'reader') as 'reader' | 'reviewer',
      name: `holder ${i}`,
    }));
    const check = tokenCheck(tokens.map((t) => ({ role: t.role, sha256: hashToken(t.token), name: t.name })));
    for (let round = 0; round < 2; round++)
      for (const t of tokens) expect(check.identify(t.token)).toEqual({ role: t.role, name: t.name });
  });
});
