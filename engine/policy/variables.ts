/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` and
 * the escapes `${*}`, `${?}`, `${$}`. They exist only in documents with
 * Version 2012-10-17; in older documents `${...}` is plain text.
 */
import { ABSENT, UNKNOWN, type KeyLookup } from '../conditions/context.ts';

/** Text from the policy. `literal` text came from an escape or a substituted value: `*` and `?` in it are not wildcards. */
export interface TextPart {
  readonly kind: 'text';
  readonly text: string;
  readonly literal: boolean;
}

export interface VariableRef {
  readonly kind: 'variable';
  /** The key as written, e.g. `aws:PrincipalTag/team`. */
  readonly key: string;
  readonly keyLower: string;
  readonly defaultValue: string | undefined;
  /** The variable as written, e.g. `${aws:username}`. */
  readonly source: string;
}

export type TemplatePart = TextPart | VariableRef;

export interface Template {
  readonly parts: readonly TemplatePart[];
  readonly variables: readonly VariableRef[];
  /** Messages about malformed `${...}` (kept as plain text). */
  readonly errors: readonly string[];
}

const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /^\s*([^\s,']+)\s*(?:,\s*'([^']*)'\s*)?$/;

export function text(value: string, literal = false): TextPart {
  return { kind: 'text', text: value, literal };
}

export function parseTemplate(value: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || !value.includes('${')) return { parts: [text(value)], variables: [], errors: [] };
  const parts: TemplatePart[] = [];
  const variables: VariableRef[] = [];
  const errors: string[] = [];
  let pos = 0;
  while (pos < value.length) {
    const open = value.indexOf('${', pos);
    if (open < 0) {
      parts.push(text(value.slice(pos)));
      break;
    }
    if (open > pos) parts.push(text(value.slice(pos, open)));
    const close = value.indexOf('}', open + 2);
    if (close < 0) {
      errors.push(`unterminated policy variable in "${value}"`);
      parts.push(text(value.slice(open)));
      break;
    }
    const inner = value.slice(open + 2, close);
    const source = value.slice(open, close + 1);
    const escaped = ESCAPES[inner.trim()];
    const match = escaped === undefined ? VARIABLE.exec(inner) : null;
    if (escaped !== undefined) {
      parts.push(text(escaped, true));
    } else if (match && match[1]) {
      const ref: VariableRef = {
        kind: 'variable',
        key: match[1],
        keyLower: match[1].toLowerCase(),
        defaultValue: match[2],
        source,
      };
      parts.push(ref);
      variables.push(ref);
    } else {
      errors.push(`malformed policy variable ${source}`);
      parts.push(text(source));
    }
    pos = close + 1;
  }
  return { parts, variables, errors };
}

/**
 * A variable's value for this request. Multi-valued keys cannot be used as
 * variables, so they behave like a missing key; a default covers both.
 */
export function resolveVariable(ref: VariableRef, keys: KeyLookup): string | typeof ABSENT | typeof UNKNOWN {
  const value = keys.get(ref.keyLower);
  if (value === UNKNOWN) return UNKNOWN;
  if (typeof value === 'string') return value;
  return ref.defaultValue ?? ABSENT;
}

/** The template with every variable replaced by its value as literal text. */
export function substitute(
  parts: readonly TemplatePart[],
  keys: KeyLookup,
): TextPart[] | typeof ABSENT | typeof UNKNOWN {
  const out: TextPart[] = [];
  let unknown = false;
  for (const part of parts) {
    if (part.kind === 'text') {
      out.push(part);
      continue;
    }
    const value = resolveVariable(part, keys);
    // A missing variable voids the element even if another one is merely unknown.
    if (value === ABSENT) return ABSENT;
    if (value === UNKNOWN) unknown = true;
    else out.push(text(value, true));
  }
  return unknown ? UNKNOWN : out;
}

/** The parts of a template known to have no variables. */
export function textParts(parts: readonly TemplatePart[]): TextPart[] {
  return parts.filter((part): part is TextPart => part.kind === 'text');
}

export function joinText(parts: readonly TextPart[]): string {
  if (parts.length === 1 && parts[0]) return parts[0].text;
  let out = '';
  for (const part of parts) out += part.text;
  return out;
}
