/**
 * Condition operator names: `[ForAnyValue:|ForAllValues:]Base[IfExists]`.
 * Each operator family lives in its own module; this file only parses the
 * name and finds the family's definition.
 */
import type { TextPart } from '../policy/variables.ts';
import { arnOperators } from './arn.ts';
import { binaryOperators } from './binary.ts';
import { boolOperators } from './bool.ts';
import { dateOperators } from './date.ts';
import { ipOperators } from './ip.ts';
import { nullOperator } from './null.ts';
import { numericOperators } from './numeric.ts';
import type { SetOperator } from './set-operators.ts';
import { stringOperators } from './string.ts';

/** Tests one request value against one policy value, in the operator's positive sense. */
export type ValueTest = (contextValue: string) => boolean;

export interface OperatorDef {
  /** Canonical base name, e.g. `StringNotLike`. */
  readonly name: string;
  /** Negated operators (StringNotEquals, NotIpAddress, …) hold when no policy value matches. */
  readonly negated: boolean;
  /** Whether `${...}` in policy values is substituted (string and ARN operators). */
  readonly variables: boolean;
  /** Compile one policy value; a string result says why the value is invalid for this operator. */
  compile(value: readonly TextPart[]): ValueTest | string;
}

export interface ParsedOperator {
  /** As written in the policy. */
  readonly written: string;
  readonly setOperator: SetOperator | undefined;
  readonly ifExists: boolean;
  readonly def: OperatorDef;
}

const REGISTRY = new Map<string, OperatorDef>();
for (const def of [
  ...stringOperators,
  ...numericOperators,
  ...dateOperators,
  ...boolOperators,
  ...binaryOperators,
  ...ipOperators,
  ...arnOperators,
  nullOperator,
]) {
  REGISTRY.set(def.name.toLowerCase(), def);
}

const SET_PREFIXES: readonly [string, SetOperator][] = [
  ['foranyvalue:', 'ForAnyValue'],
  ['forallvalues:', 'ForAllValues'],
];

/** Parse an operator name; a string result is the problem to report. */
export function parseOperator(written: string): ParsedOperator | string {
  let rest = written;
  let setOperator: SetOperator | undefined;
  for (const [prefix, op] of SET_PREFIXES) {
    if (rest.toLowerCase().startsWith(prefix)) {
      setOperator = op;
      rest = rest.slice(prefix.length);
    }
  }
  let ifExists = false;
  if (rest.length > 'IfExists'.length && rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const def = REGISTRY.get(rest.toLowerCase());
  if (!def) return `unknown condition operator "${written}"`;
  if (def === nullOperator && (ifExists || setOperator))
    return `"${written}": Null takes no IfExists or set operator`;
  return { written, setOperator, ifExists, def };
}

export function operatorNames(): string[] {
  return [...REGISTRY.values()].map((def) => def.name);
}
