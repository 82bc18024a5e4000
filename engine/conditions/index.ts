/**
 * A statement's Condition block: every operator and every key must hold
 * (AND); the values listed for one key are alternatives (OR, or NOR for
 * negated operators). Key names are case-insensitive. The result is
 * tri-state: a condition on a request-time key the caller did not supply is
 * returned as unresolved instead of being guessed.
 */
import { problem, type PolicyProblem } from '../policy/problems.ts';
import { parseTemplate, substitute, text, textParts, type TemplatePart } from '../policy/variables.ts';
import { ABSENT, UNKNOWN, type KeyLookup } from './context.ts';
import { onMissingKey } from './if-exists.ts';
import { evaluateNull, nullOperator } from './null.ts';
import { parseOperator, type ParsedOperator, type ValueTest } from './operator.ts';
import { matchValues } from './set-operators.ts';
import { evaluateOnBound } from './time-bound.ts';

export interface ConditionClause {
  /** The operator as written, with any set prefix and IfExists suffix. */
  readonly operator: string;
  /** The key as written. */
  readonly key: string;
  readonly keyLower: string;
  /** The values as written, as text. */
  readonly values: readonly string[];
  /** Undefined when the operator is unknown: such a clause can never be decided. */
  readonly parsed: ParsedOperator | undefined;
  /** One test per value, when no value has policy variables. */
  readonly tests: readonly ValueTest[] | undefined;
  /** One template per value, substituted per request, when some value has policy variables. */
  readonly templates: readonly (readonly TemplatePart[])[] | undefined;
}

export type ConditionResult =
  | { readonly state: 'true' }
  | { readonly state: 'false' }
  | { readonly state: 'unknown'; readonly unresolved: readonly ConditionClause[] };

export const CONDITION_TRUE: ConditionResult = Object.freeze({ state: 'true' });
export const CONDITION_FALSE: ConditionResult = Object.freeze({ state: 'false' });

const NEVER: ValueTest = () => false;

function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function compileClause(
  operatorName: string,
  parsed: ParsedOperator | undefined,
  key: string,
  rawValues: unknown,
  variablesEnabled: boolean,
  path: string,
  problems: PolicyProblem[],
): ConditionClause {
  const list = Array.isArray(rawValues) ? rawValues : [rawValues];
  const values: string[] = [];
  list.forEach((raw, i) => {
    const value = valueText(raw);
    if (value === undefined)
      problems.push(
        problem(Array.isArray(rawValues) ? `${path}[${i}]` : path, 'expected a string, number or boolean'),
      );
    else values.push(value);
  });
  if (values.length === 0) problems.push(problem(path, 'a condition key needs at least one value'));
  if (!parsed)
    return {
      operator: operatorName,
      key,
      keyLower: key.toLowerCase(),
      values,
      parsed,
      tests: undefined,
      templates: undefined,
    };

  const substitutes = variablesEnabled && parsed.def.variables;
  const templates = values.map((value) => parseTemplate(value, substitutes));
  for (const template of templates) for (const error of template.errors) problems.push(problem(path, error));
  const hasVariables = templates.some((template) => template.variables.length > 0);
  if (hasVariables) {
    return {
      operator: operatorName,
      key,
      keyLower: key.toLowerCase(),
      values,
      parsed,
      tests: undefined,
      templates: templates.map((t) => t.parts),
    };
  }
  const tests = templates.map((template, i) => {
    const test = parsed.def.compile(template.parts.length > 0 ? textParts(template.parts) : [text('')]);
    if (typeof test === 'string') {
      problems.push(problem(values.length > 1 ? `${path}[${i}]` : path, test));
      return NEVER;
    }
    return test;
  });
  return {
    operator: operatorName,
    key,
    keyLower: key.toLowerCase(),
    values,
    parsed,
    tests,
    templates: undefined,
  };
}

/** Compile a Condition element into clauses, reporting malformed parts in `problems`. */
export function compileCondition(
  raw: unknown,
  variablesEnabled: boolean,
  path: string,
  problems: PolicyProblem[],
): ConditionClause[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(
      problem(path, 'expected an object of operators, e.g. {"StringEquals": {"aws:username": "alice"}}'),
    );
    return [];
  }
  const clauses: ConditionClause[] = [];
  for (const [operatorName, block] of Object.entries(raw)) {
    const parsed = parseOperator(operatorName);
    if (typeof parsed === 'string') problems.push(problem(`${path}.${operatorName}`, parsed));
    if (typeof block !== 'object' || block === null || Array.isArray(block)) {
      problems.push(problem(`${path}.${operatorName}`, 'expected an object of condition keys and values'));
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      clauses.push(
        compileClause(
          operatorName,
          typeof parsed === 'string' ? undefined : parsed,
          key,
          values,
          variablesEnabled,
          `${path}.${operatorName}.${key}`,
          problems,
        ),
      );
    }
  }
  return clauses;
}

/** Tests for a clause whose values carry variables, or UNKNOWN / false when a variable cannot be substituted. */
function resolveTests(
  clause: ConditionClause,
  parsed: ParsedOperator,
  keys: KeyLookup,
): ValueTest[] | boolean | typeof UNKNOWN {
  const tests: ValueTest[] = [];
  let unknown = false;
  for (const template of clause.templates ?? []) {
    const resolved = substitute(template, keys);
    // AWS: a variable that cannot be resolved makes the condition fail to match.
    if (resolved === ABSENT) return false;
    if (resolved === UNKNOWN) unknown = true;
    else {
      const test = parsed.def.compile(resolved.length > 0 ? resolved : [text('')]);
      tests.push(typeof test === 'string' ? NEVER : test);
    }
  }
  return unknown ? UNKNOWN : tests;
}

/** One operator/key pair: true, false, or UNKNOWN when it depends on a request-time value. */
export function evaluateClause(clause: ConditionClause, keys: KeyLookup): boolean | typeof UNKNOWN {
  const parsed = clause.parsed;
  if (!parsed) return UNKNOWN;
  const value = keys.get(clause.keyLower);
  if (value === UNKNOWN) {
    const bound = keys.timeBound?.(clause.keyLower);
    const decided = bound ? evaluateOnBound(parsed, clause.values, clause.keyLower, bound) : undefined;
    return decided ?? UNKNOWN;
  }
  const present = value !== ABSENT && (typeof value === 'string' || value.length > 0);
  if (parsed.def === nullOperator) return evaluateNull(clause.values, present);
  if (!present) return onMissingKey(parsed);
  let tests = clause.tests;
  if (!tests) {
    const resolved = resolveTests(clause, parsed, keys);
    if (resolved === UNKNOWN || typeof resolved === 'boolean') return resolved;
    tests = resolved;
  }
  return matchValues(parsed.setOperator, parsed.def.negated, value, tests);
}

/** Evaluate a whole Condition block (AND of its clauses). */
export function evaluateConditions(clauses: readonly ConditionClause[], keys: KeyLookup): ConditionResult {
  let unresolved: ConditionClause[] | undefined;
  for (const clause of clauses) {
    const result = evaluateClause(clause, keys);
    if (result === false) return CONDITION_FALSE;
    if (result === UNKNOWN) (unresolved ??= []).push(clause);
  }
  return unresolved ? { state: 'unknown', unresolved } : CONDITION_TRUE;
}

export { ABSENT, UNKNOWN, RequestKeys, isSnapshotKey, type KeyLookup, type KeyValue } from './context.ts';
export { parseOperator, operatorNames, type OperatorDef, type ParsedOperator } from './operator.ts';
export { TIME_KEYS, timeBound, type TimeBound } from './time-bound.ts';
