/**
 * Checks on a policy document's JSON shape that no grammar check makes:
 *
 * - keys that name JavaScript object internals (`__proto__`, `constructor`,
 *   `prototype`). No IAM element, principal type, condition operator or
 *   condition key has these names
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html),
 *   and code that builds objects keyed by policy text could be steered by
 *   them, so a document carrying one is refused;
 * - nesting deeper than any policy grammar allows (a document, its Statement
 *   list, a statement, Condition, an operator, a key and its value list is
 *   seven levels), which would only exhaust the stack of code that walks it.
 *
 * The walk is iterative, so the check itself cannot overflow the stack.
 */

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Generous against the grammar's seven levels, small enough for every recursive reader of documents. */
export const MAX_DOCUMENT_DEPTH = 32;

export interface ShapeProblem {
  /** Path inside the document, as zod and formatJsonPath take it. */
  path: (string | number)[];
  message: string;
  expected: string;
}

/** The first shape problem of a policy document, or undefined when it has none. */
export function documentShapeProblem(document: unknown): ShapeProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DOCUMENT_DEPTH) {
      return {
        path,
        message: `the policy document is nested more than ${MAX_DOCUMENT_DEPTH} levels deep`,
        expected: 'a policy document as IAM writes it (at most a few levels of nesting)',
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          path: [...path, key],
          message: `"${key}" is not a policy element, principal type, condition operator or condition key`,
          expected: 'a policy document without "__proto__", "constructor" or "prototype" keys',
        };
      }
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
