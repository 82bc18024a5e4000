/**
 * `*` / `?` wildcard patterns, the only wildcards IAM has (every other
 * character, regex metacharacters included, is literal). Matching places
 * each star-separated segment once, leftmost first, and never backtracks, so
 * a hostile pattern cannot make evaluation slow the way a generated regex
 * could: literal segments cost time linear in the value.
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
    // The text between wildcards is taken as one slice (found with indexOf), not character by
    // character: a policy's ARNs are compiled as they are parsed, most of them without a wildcard.
    const t = part.text;
    let start = 0;
    let star = t.indexOf('*');
    let one = t.indexOf('?');
    while (star >= 0 || one >= 0) {
      const isOne = star < 0 || (one >= 0 && one < star);
      const at = isOne ? one : star;
      run += t.slice(start, at);
      start = at + 1;
      flush();
      if (isOne) {
        tokens.push(ONE);
        one = t.indexOf('?', start);
      } else {
        if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
        star = t.indexOf('*', start);
      }
    }
    run += start === 0 ? t : t.slice(start);
  }
  flush();
  return tokens;
}

export function globFromString(pattern: string, lowerCase = false): GlobToken[] {
  return compileGlob([text(pattern)], lowerCase);
}

/**
 * Stars split a pattern into segments of literals and `?`s, each of a fixed
 * length. The first segment must sit at the start of the value, the last at
 * its end, and each one between them at its leftmost place after the one
 * before (any later place leaves less room for the rest). A literal segment
 * is found with `indexOf`, linear in the value; a segment with `?`s is
 * tried at each occurrence of its first literal, which can cost the value's
 * length times the segment's in the worst case (never exponential).
 */
export function matchGlob(tokens: readonly GlobToken[], value: string): boolean {
  const n = tokens.length;
  if (n === 1) {
    const only = tokens[0];
    if (only === STAR) return true;
    if (typeof only === 'string') return only === value;
  }
  const len = value.length;
  const firstStar = tokens.indexOf(STAR);
  if (firstStar < 0) return segmentLength(tokens, 0, n) === len && matchesAt(tokens, 0, n, value, 0);
  const headLength = segmentLength(tokens, 0, firstStar);
  if (headLength > len || !matchesAt(tokens, 0, firstStar, value, 0)) return false;
  const lastStar = tokens.lastIndexOf(STAR);
  const tailLength = segmentLength(tokens, lastStar + 1, n);
  const tailStart = len - tailLength;
  if (tailStart < headLength) return false;
  let pos = headLength;
  let from = firstStar + 1;
  while (from < lastStar) {
    let to = from;
    while (tokens[to] !== STAR) to++;
    const found = findSegment(tokens, from, to, value, pos, tailStart);
    if (found < 0) return false;
    pos = found + segmentLength(tokens, from, to);
    from = to + 1;
  }
  return matchesAt(tokens, lastStar + 1, n, value, tailStart);
}

function segmentLength(tokens: readonly GlobToken[], from: number, to: number): number {
  let length = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as GlobToken;
    length += typeof token === 'string' ? token.length : 1;
  }
  return length;
}

/** Do tokens[from, to) (no STAR among them) match `value` starting at `at`? The caller checks the length fits. */
function matchesAt(
  tokens: readonly GlobToken[],
  from: number,
  to: number,
  value: string,
  at: number,
): boolean {
  let pos = at;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as GlobToken;
    if (typeof token === 'string') {
      if (!value.startsWith(token, pos)) return false;
      pos += token.length;
    } else {
      if (pos >= value.length) return false;
      pos++;
    }
  }
  return true;
}

/** Leftmost start ≥ `pos` where tokens[from, to) match and end by `limit`, or -1. */
function findSegment(
  tokens: readonly GlobToken[],
  from: number,
  to: number,
  value: string,
  pos: number,
  limit: number,
): number {
  const length = segmentLength(tokens, from, to);
  const last = limit - length;
  if (last < pos) return -1;
  if (to - from === 1 && typeof tokens[from] === 'string') {
    const found = value.indexOf(tokens[from] as string, pos);
    return found >= 0 && found <= last ? found : -1;
  }
  // Anchor on the segment's first literal: only its occurrences can start a match.
  let offset = 0;
  let anchor: string | undefined;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as GlobToken;
    if (typeof token === 'string') {
      anchor = token;
      break;
    }
    offset++;
  }
  if (anchor === undefined) return pos; // only `?`s: any place with room will do
  for (let start = pos; start <= last; start++) {
    const hit = value.indexOf(anchor, start + offset);
    if (hit < 0 || hit - offset > last) return -1;
    start = hit - offset;
    if (matchesAt(tokens, from, to, value, start)) return start;
  }
  return -1;
}

/** Convenience for callers and tests: does `value` match the wildcard `pattern` (case-sensitive)? */
export function wildcardMatches(pattern: string, value: string): boolean {
  return matchGlob(globFromString(pattern), value);
}
