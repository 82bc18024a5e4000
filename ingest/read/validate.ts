/**
 * Zod at the edge: run a schema, and turn its issues into InputProblems that
 * say where (a JSON path) and what was expected in words, not in zod's terms.
 */
import * as z from 'zod';
import { documentShapeProblem } from './document-shape.ts';
import { describeValue, parsePolicyDocument, POLICY_DOCUMENT_EXPECTED } from './json.ts';
import { formatJsonPath, type InputProblem } from './problems.ts';
import type { PolicyDocumentJson } from '../../engine/model.ts';

/** A value with the place it came from, so later checks (duplicates, references) can point back at it. */
export interface Located<T> {
  value: T;
  file: string;
  jsonPath: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (JSON array)',
  object: 'an object',
};

export function issueToProblem(file: string, basePath: string, issue: z.core.$ZodIssue): InputProblem {
  const jsonPath = formatJsonPath(issue.path, basePath);
  const input: unknown = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      // JSON.parse reads 1e400 as Infinity, which zod reports as "not a number".
      const message =
        input === undefined
          ? 'missing'
          : typeof input === 'number' && !Number.isFinite(input)
            ? 'a number too large to represent'
            : `wrong type: ${describeValue(input)}`;
      return { file, jsonPath, message, expected };
    }
    case 'too_small':
      if (issue.origin === 'string')
        return { file, jsonPath, message: 'empty', expected: 'a non-empty string' };
      if (issue.origin === 'array')
        return { file, jsonPath, message: 'empty list', expected: `at least ${issue.minimum} entry` };
      return {
        file,
        jsonPath,
        message: `too small: ${describeValue(input)}`,
        expected: `>= ${issue.minimum}`,
      };
    case 'too_big':
      return {
        file,
        jsonPath,
        message: `too large: ${describeValue(input)}`,
        expected: `at most ${issue.maximum}`,
      };
    case 'invalid_value':
      return {
        file,
        jsonPath,
        message: `not allowed: ${describeValue(input)}`,
        expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'custom': {
      const expected: unknown = issue.params?.['expected'];
      const showInput = input !== undefined && issue.params?.['showInput'] !== false;
      return {
        file,
        jsonPath,
        message: showInput ? `${issue.message}: ${describeValue(input)}` : issue.message,
        ...(typeof expected === 'string' ? { expected } : {}),
      };
    }
    default:
      return { file, jsonPath, message: issue.message };
  }
}

/** Runs `schema` on `value`; on failure pushes one problem per issue and returns undefined. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  basePath: string,
  problems: InputProblem[],
): z.output<S> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(issueToProblem(file, basePath, issue));
  return undefined;
}

/**
 * Validates a list entry by entry, so one bad role costs one problem and the
 * rest of the file is still checked (every problem is reported in one run).
 */
export function checkEach<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[] | undefined,
  file: string,
  listPath: string,
  problems: InputProblem[],
): Located<z.output<S>>[] {
  const out: Located<z.output<S>>[] = [];
  if (items === undefined) return out;
  items.forEach((item, index) => {
    const jsonPath = formatJsonPath([index], listPath);
    const value = check(schema, item, file, jsonPath, problems);
    if (value !== undefined) out.push({ value, file, jsonPath });
  });
  return out;
}

/** A string that must pass `test`; the issue carries the expected form for people. */
export function formatted(test: (s: string) => boolean, message: string, expected: string) {
  return z.string().refine(test, { message, params: { expected } });
}

function toPolicyDocument(value: unknown, ctx: z.core.$RefinementCtx): PolicyDocumentJson {
  const result = parsePolicyDocument(value);
  if (result.ok) {
    const shape = documentShapeProblem(result.document);
    if (shape === undefined) return result.document;
    ctx.addIssue({
      code: 'custom',
      message: shape.message,
      path: shape.path,
      params: { expected: shape.expected, showInput: false },
    });
    return z.NEVER;
  }
  ctx.addIssue({
    code: 'custom',
    message: result.message,
    // The message already says what the document was; repeating the raw text only adds noise.
    params: { expected: POLICY_DOCUMENT_EXPECTED, showInput: false },
  });
  return z.NEVER;
}

/** A policy document field: object, JSON string or URL-encoded JSON string, parsed here. */
export const policyDocument = z.unknown().transform(toPolicyDocument);

/** The same for a document that may be missing: null, absent or an empty string read as none. */
export const optionalPolicyDocument = z
  .unknown()
  .transform((value, ctx): PolicyDocumentJson | undefined =>
    value === undefined || value === null || value === '' ? undefined : toPolicyDocument(value, ctx),
  )
  .optional();

export const tagList = z
  .array(z.looseObject({ Key: z.string(), Value: z.string() }))
  .optional()
  .transform((tags) => (tags ?? []).map((t) => ({ key: t.Key, value: t.Value })));

export const optionalString = z.string().optional();
