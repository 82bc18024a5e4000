/**
 * `*` / `?` wildcard patterns, the only wildcards IAM has (every other
 * character, regex metacharacters included, is literal). Matching is a
 * linear-time scan with backtracking to the last `*` only, so a hostile
 * pattern cannot make evaluation slow the way a generated regex could.
 */
import { text, type TextPart } from './variables.ts';

/** Any run of characters, including none. */
export const STAR = 0;
/** Exactly one character. */
export const ONE = 1;
export type GlobToken = string | typeof STAR | typeof ONE;

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Tokens for a pattern; wildcards in `literal` parts (escapes, substituted values) stay literal. */
export function compileGlob(parts: readonly TextPart[], lowerCase = false): GlobToken[] {
  const tokens: GlobToken[] = [];
  let run = '';
  const flush = (): void => {
    if (run) tokens.push(lowerCase ? run.toLowerCase() : run);
    run = '';
  };
  for (const part of parts) {
    if (part.literal) {
      run += part.text;
      continue;
    }
    for (const ch of part.text) {
      if (ch === '*') {
        flush();
        if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
      } else if (ch === '?') {
        flush();
        tokens.push(ONE);
      } else {
        run += ch;
      }
    }
  }
  flush();
  return tokens;
}

export function globFromString(pattern: string, lowerCase = false): GlobToken[] {
  return compileGlob([text(pattern)], lowerCase);
}

export function matchGlob(tokens: readonly GlobToken[], value: string): boolean {
  const n = tokens.length;
  if (n === 1) {
    const only = tokens[0];
    if (only === STAR) return true;
    if (typeof only === 'string') return only === value;
  }
  const len = value.length;
  let ti = 0;
  let pos = 0;
  let starTi = -1;
  let starPos = 0;
  for (;;) {
    if (ti < n) {
      const token = tokens[ti] as GlobToken;
      if (token === STAR) {
        if (ti === n - 1) return true;
        starTi = ti;
        starPos = pos;
        ti++;
        continue;
      }
      if (token === ONE) {
        if (pos < len) {
          pos++;
          ti++;
          continue;
        }
      } else if (value.startsWith(token, pos)) {
        pos += token.length;
        ti++;
        continue;
      }
    } else if (pos === len) {
      return true;
    }
    if (starTi < 0 || starPos >= len) return false;
    starPos++;
    pos = starPos;
    ti = starTi + 1;
  }
}

/** Convenience for callers and tests: does `value` match the wildcard `pattern` (case-sensitive)? */
export function wildcardMatches(pattern: string, value: string): boolean {
  return matchGlob(globFromString(pattern), value);
}
