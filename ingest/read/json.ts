/**
 * Turning text into JSON, and JSON into policy documents, with errors a
 * person can act on: a line and column for broken files, the decoding step
 * that failed for policy documents.
 */
import type { PolicyDocumentJson } from '../../engine/model.ts';

/** The first character that is not JSON whitespace, or '' when there is none. */
export function firstSignificantChar(text: string): string {
  const match = /[^ \t\r\n]/.exec(text);
  return match === null ? '' : match[0];
}

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; offset: number; line: number; column: number; detail: string };

export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(text, detail);
    return { ok: false, offset, ...lineColumn(text, offset), detail: shortDetail(detail) };
  }
}

/**
 * V8 only sometimes says "at position N" (Node 20 omits it for "Unexpected
 * token"), so when it is missing we find the place ourselves; the scan runs on
 * the failure path only.
 */
function errorOffset(text: string, message: string): number {
  const match = /at position (\d+)/.exec(message);
  if (match?.[1] !== undefined) return Math.min(Number(match[1]), text.length);
  return findSyntaxErrorOffset(text);
}

/** V8 quotes a slice of the input in some messages; in a 50 MB file that slice is noise. */
function shortDetail(message: string): string {
  const cut = message.replace(/, "[\s\S]*" is not valid JSON$/, '');
  return cut.length > 200 ? `${cut.slice(0, 200)}...` : cut;
}

/** 1-based line and column of a character offset (columns count UTF-16 code units, as editors mostly do). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error in `text`, or -1 when it is valid JSON.
 * Iterative (an explicit stack of open containers), so a file nested
 * thousands of levels deep and cut short cannot overflow the call stack.
 */
export function findSyntaxErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const OBJECT = 0;
  const ARRAY = 1;
  const open: number[] = [];

  const skipWhitespace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const isDigit = (c: number): boolean => c >= 48 && c <= 57;
  const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        i++;
        const e = text[i];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!isHex(text.charCodeAt(i))) return false;
            i++;
          }
        } else return false;
      } else i++;
    }
    return false;
  };

  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else return false;
    if (text[i] === '.') {
      i++;
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return true;
  };

  const literal = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };

  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    if (c === '-' || isDigit(text.charCodeAt(i))) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return false;
  };

  /** `"key":` of an object member. */
  const memberKey = (): boolean => {
    skipWhitespace();
    if (text[i] !== '"' || !string()) return false;
    skipWhitespace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  let expectValue = true;
  for (;;) {
    if (expectValue) {
      skipWhitespace();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipWhitespace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
        } else {
          open.push(c === '{' ? OBJECT : ARRAY);
          if (c === '{' && !memberKey()) return Math.min(i, n);
          continue;
        }
      } else if (!scalar()) {
        return Math.min(i, n);
      }
      expectValue = false;
    }
    skipWhitespace();
    const top = open[open.length - 1];
    if (top === undefined) return i < n ? i : -1;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === OBJECT && !memberKey()) return Math.min(i, n);
      expectValue = true;
    } else if (c === (top === OBJECT ? '}' : ']')) {
      i++;
      open.pop();
    } else {
      return Math.min(i, n);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const POLICY_DOCUMENT_EXPECTED =
  'a policy document: a JSON object, or a string holding one (plain or URL-encoded JSON)';

export type PolicyDocumentResult =
  { ok: true; document: PolicyDocumentJson } | { ok: false; message: string };

/**
 * The IAM API returns policy documents URL-encoded (RFC 3986: a space is %20,
 * and a literal `+` stays `+`), the CLI and SDKs often decode them, and people
 * paste them as objects. decodeURIComponent is the matching decoder: a
 * form-decoder would turn `+` into a space and change condition values.
 */
export function parsePolicyDocument(value: unknown): PolicyDocumentResult {
  if (isPlainObject(value)) return { ok: true, document: value };
  if (typeof value !== 'string')
    return { ok: false, message: `the policy document is ${describeValue(value)}` };
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, message: 'the policy document is an empty string' };

  let json = trimmed;
  let how = 'the policy document string';
  if (!trimmed.startsWith('{')) {
    try {
      json = decodeURIComponent(trimmed).trim();
    } catch {
      return { ok: false, message: 'the policy document is neither JSON nor valid URL-encoded text' };
    }
    how = 'the policy document, after URL-decoding,';
  }
  let parsed = parseJson(json);
  // Some tools encode only the quotes and leave the braces: "{%22Version%22:...}".
  if (!parsed.ok && json === trimmed && /%[0-9A-Fa-f]{2}/.test(trimmed)) {
    try {
      const decoded = parseJson(decodeURIComponent(trimmed));
      if (decoded.ok) parsed = decoded;
    } catch {
      // Not URL-encoding after all; the error about the raw text stands.
    }
  }
  if (!parsed.ok) {
    return {
      ok: false,
      message: `${how} is not valid JSON (${parsed.detail}; at character ${parsed.offset + 1} of the document)`,
    };
  }
  if (!isPlainObject(parsed.value)) {
    return { ok: false, message: `${how} is JSON but ${describeValue(parsed.value)}, not an object` };
  }
  return { ok: true, document: parsed.value };
}

/** A short, safe description of a JSON value for messages ("a number (42)"). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > 60
        ? `a string ("${value.slice(0, 60)}...")`
        : `a string (${JSON.stringify(value)})`;
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/**
 * The first key that appears twice in one object of valid JSON `text`, with
 * its offset. JSON.parse keeps the last value without a word, so a policy
 * reading `"Effect": "Deny", "Effect": "Allow"` would be analysed as Allow
 * while a person reading the file sees Deny first. Call it on text that
 * parsed; one pass, no recursion.
 */
export function firstDuplicateKey(text: string): { key: string; offset: number } | undefined {
  const objects: (Set<string> | null)[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i++;
      let escaped = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) {
          escaped = true;
          i++;
        }
        i++;
      }
      if (!expectKey) continue;
      expectKey = false;
      const raw = text.slice(start + 1, i);
      const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      const keys = objects[objects.length - 1];
      if (keys?.has(key)) return { key, offset: start };
      keys?.add(key);
    } else if (c === 123) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      objects.push(null);
    } else if (c === 125 || c === 93) {
      objects.pop();
    } else if (c === 44) {
      expectKey = objects[objects.length - 1] != null;
    }
  }
  return undefined;
}
