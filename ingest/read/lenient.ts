/**
 * Fields the analysis does not depend on (dates, counts, descriptions, paths
 * the ARN repeats) are checked before the strict schema runs: a value of the
 * wrong type, null included, is dropped with a warning instead of refusing the
 * file, since exports written or edited by other tools carry such values. A
 * list given as one object is read as a list of one, with a warning.
 */
import type { z } from 'zod';
import { childPath, type InputProblem } from './problems.ts';
import { describeValue } from './json.ts';
import { issueToProblem } from './validate.ts';

export type Leniency = Record<string, LenientField>;

export type LenientField =
  /** A field that may be dropped when its value does not pass the schema (whose output replaces the value). */
  | { kind: 'optional'; schema: z.ZodType }
  /** An object whose own fields are lenient; `optional` when the object itself may be dropped too. */
  | { kind: 'object'; fields: Leniency; optional: boolean }
  /** A list whose entries have lenient fields; `single` when one object stands for a list of one. */
  | { kind: 'list'; of: Leniency; single: boolean };

export const optional = (schema: z.ZodType): LenientField => ({ kind: 'optional', schema });
export const object = (fields: Leniency, opts: { optional: boolean }): LenientField => ({
  kind: 'object',
  fields,
  optional: opts.optional,
});
export const list = (of: Leniency, opts: { single: boolean } = { single: false }): LenientField => ({
  kind: 'list',
  of,
  single: opts.single,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ignored = (problem: InputProblem, key: string): InputProblem => ({
  ...problem,
  message: `${problem.message}; ignored, the analysis does not depend on ${key}`,
});

/**
 * Returns `value` with the lenient fields of `spec` dropped or normalized; each
 * change is a warning at its JSON path. Anything else is left for the schema.
 */
export function relax(
  value: unknown,
  spec: Leniency,
  file: string,
  jsonPath: string,
  warnings: InputProblem[],
): unknown {
  if (!isObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  const set = (key: string, next: unknown): void => {
    out ??= { ...value };
    if (next === undefined) delete out[key];
    else out[key] = next;
  };
  for (const [key, field] of Object.entries(spec)) {
    if (!Object.hasOwn(value, key)) continue;
    const current = value[key];
    const at = childPath(jsonPath, key);
    switch (field.kind) {
      case 'optional': {
        const result = field.schema.safeParse(current, { reportInput: true });
        if (result.success) {
          if (result.data !== current) set(key, result.data);
          break;
        }
        const issue = result.error.issues[0];
        const problem =
          issue === undefined
            ? { message: 'not readable', file, jsonPath: at }
            : issueToProblem(file, at, issue);
        warnings.push(ignored(problem, key));
        set(key, undefined);
        break;
      }
      case 'object':
        if (isObject(current)) {
          const next = relax(current, field.fields, file, at, warnings);
          if (next !== current) set(key, next);
        } else if (field.optional) {
          warnings.push(
            ignored(
              { file, jsonPath: at, message: `wrong type: ${describeValue(current)}`, expected: 'an object' },
              key,
            ),
          );
          set(key, undefined);
        }
        break;
      case 'list': {
        let items: unknown = current;
        if (field.single && isObject(current)) {
          warnings.push({
            file,
            jsonPath: at,
            message: `${key} is one object instead of a list; read as a list of one`,
            expected: 'a list (JSON array), as the AWS CLI writes it',
          });
          items = [current];
        }
        if (!Array.isArray(items)) break;
        let changed = items !== current;
        const next = items.map((item: unknown, index) => {
          const relaxed = relax(item, field.of, file, childPath(at, index), warnings);
          if (relaxed !== item) changed = true;
          return relaxed;
        });
        if (changed) set(key, next);
        break;
      }
    }
  }
  return out ?? value;
}

/**
 * A tool that writes `null` for a field writes it on every entry: past `limit`
 * warnings for one field (the JSON path with its list indices left out), one
 * line says how many more entries had it, so a large account does not bury
 * the other warnings.
 */
export function collapseRepeats(found: InputProblem[], limit = 5): InputProblem[] {
  const byField = new Map<string, InputProblem[]>();
  for (const w of found) {
    const field = w.jsonPath.replace(/\[\d+\]/g, '[*]');
    const list = byField.get(field) ?? [];
    list.push(w);
    byField.set(field, list);
  }
  const out: InputProblem[] = [];
  for (const [field, list] of byField) {
    out.push(...list.slice(0, limit));
    const first = list[0];
    if (list.length > limit && first !== undefined) {
      out.push({
        file: first.file,
        jsonPath: field,
        message: `... and ${list.length - limit} more entries with the same kind of value at ${field}, ignored the same way`,
      });
    }
  }
  return out;
}
