import { describe, expect, it } from 'vitest';
import { check, problemsOf } from './test-support.ts';

describe('BinaryEquals', () => {
  it('compares decoded base64 values', () => {
    const value = btoa('secret-bytes');
    expect(check({ BinaryEquals: { 'x:blob': value } }, { 'x:blob': value })).toBe('true');
    expect(check({ BinaryEquals: { 'x:blob': value } }, { 'x:blob': btoa('other') })).toBe('false');
    // Line breaks inside base64 do not change the bytes.
    expect(
      check({ BinaryEquals: { 'x:blob': value } }, { 'x:blob': `${value.slice(0, 4)}\n${value.slice(4)}` }),
    ).toBe('true');
  });

  it('rejects policy values that are not base64', () => {
    expect(problemsOf({ BinaryEquals: { 'x:blob': '***' } })[0]?.message).toMatch(/base64/);
  });
});
