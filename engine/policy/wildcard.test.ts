import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wildcardMatches } from './wildcard.ts';

/** A pattern made from `value` by replacing some characters with `?` and some runs with `*`. */
const valueAndPattern = fc
  .tuple(
    fc.string({ maxLength: 30 }),
    fc.array(fc.constantFrom('keep', 'one', 'star', 'star-empty'), { maxLength: 30 }),
  )
  .map(([value, edits]) => {
    let pattern = '';
    for (let i = 0; i < value.length; i++) {
      const edit = edits[i] ?? 'keep';
      const ch = value[i] as string;
      if (ch === '*' || ch === '?') pattern += ch === '*' ? '*' : '?';
      else if (edit === 'one') pattern += '?';
      else if (edit === 'star') pattern += '*';
      else if (edit === 'star-empty') pattern += `*${ch}`;
      else pattern += ch;
    }
    return { value, pattern };
  });

describe('wildcards', () => {
  it('a pattern made from a string by wildcarding characters matches it', () => {
    fc.assert(fc.property(valueAndPattern, ({ value, pattern }) => wildcardMatches(pattern, value)));
  });

  it('a pattern without wildcards matches exactly itself', () => {
    const plain = fc.string({ maxLength: 20 }).filter((s) => !s.includes('*') && !s.includes('?'));
    fc.assert(fc.property(plain, plain, (a, b) => wildcardMatches(a, b) === (a === b)));
  });

  it('? matches exactly one character', () => {
    expect(wildcardMatches('a?c', 'abc')).toBe(true);
    expect(wildcardMatches('a?c', 'ac')).toBe(false);
    expect(wildcardMatches('a?c', 'abbc')).toBe(false);
  });

  it('* matches any run, including none', () => {
    expect(wildcardMatches('*', '')).toBe(true);
    expect(wildcardMatches('a*', 'a')).toBe(true);
    expect(wildcardMatches('a*c*e', 'abcde')).toBe(true);
    expect(wildcardMatches('a*c*e', 'abcdf')).toBe(false);
    expect(wildcardMatches('*ab', 'aab')).toBe(true);
  });

  it('regex metacharacters are literal', () => {
    expect(wildcardMatches('a.c', 'abc')).toBe(false);
    expect(wildcardMatches('a+', 'aa')).toBe(false);
    expect(wildcardMatches('(x)[y]{2}^$|\\', '(x)[y]{2}^$|\\')).toBe(true);
  });

  it('stays linear when a long literal between stars almost matches everywhere', () => {
    // A matcher that restarts at each position compares the 1,000 letters 100,000 times.
    const start = performance.now();
    expect(wildcardMatches(`*${'a'.repeat(1_000)}b*`, 'a'.repeat(100_000))).toBe(false);
    expect(wildcardMatches(`x*${'a'.repeat(1_000)}*y`, `x${'a'.repeat(100_000)}y`)).toBe(true);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('stays fast on patterns that make backtracking regexes explode', () => {
    const pattern = '*a'.repeat(30) + 'b';
    expect(wildcardMatches(pattern, 'a'.repeat(2000))).toBe(false);
  });
});
