/**
 * Resource / NotResource matching, also used by the Arn* condition operators.
 * ARNs compare part by part: the first five colon-separated parts (arn,
 * partition, service, region, account) each match on their own, so a
 * wildcard there never spans a colon; the resource part takes the rest,
 * colons included. Matching is case-sensitive throughout.
 */
import { ABSENT, UNKNOWN, type KeyLookup } from '../conditions/context.ts';
import { splitArn } from './arn.ts';
import { problem, type PolicyProblem } from './problems.ts';
import {
  parseTemplate,
  substitute,
  textParts,
  type TemplatePart,
  type TextPart,
  type VariableRef,
} from './variables.ts';
import { compileGlob, matchGlob, STAR, type GlobToken } from './wildcard.ts';
import { SharedMatchers } from './shared-matchers.ts';

export interface ArnPattern {
  /** The pattern as written. */
  readonly source: string;
  /** One glob per ARN part, when the pattern has no variables. */
  readonly segments: readonly (readonly GlobToken[])[] | undefined;
  /** One template per ARN part, when the pattern has variables to substitute per request. */
  readonly templates: readonly (readonly TemplatePart[])[] | undefined;
  readonly variables: readonly VariableRef[];
}

/** Split template parts into ARN parts; only colons in the pattern's own text separate parts. */
function segmentParts(parts: readonly TemplatePart[]): TemplatePart[][] {
  const segments: TemplatePart[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'text' || part.literal) {
      (segments[segments.length - 1] as TemplatePart[]).push(part);
      continue;
    }
    let rest = part.text;
    let colon = rest.indexOf(':');
    while (colon >= 0 && segments.length < 6) {
      (segments[segments.length - 1] as TemplatePart[]).push({
        kind: 'text',
        text: rest.slice(0, colon),
        literal: false,
      });
      segments.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(':');
    }
    (segments[segments.length - 1] as TemplatePart[]).push({ kind: 'text', text: rest, literal: false });
  }
  return segments;
}

export function compileArnPattern(
  source: string,
  parts: readonly TemplatePart[],
  variables: readonly VariableRef[],
): ArnPattern {
  const segments = segmentParts(parts);
  if (variables.length > 0) return { source, segments: undefined, templates: segments, variables };
  return {
    source,
    segments: segments.map((segment) => compileGlob(textParts(segment))),
    templates: undefined,
    variables,
  };
}

function matchSegments(segments: readonly (readonly GlobToken[])[], arnParts: readonly string[]): boolean {
  if (segments.length !== arnParts.length) {
    // A lone `*` is the one pattern that is not an ARN and still matches every ARN.
    return segments.length === 1 && segments[0]?.length === 1 && segments[0][0] === STAR;
  }
  for (let i = 0; i < segments.length; i++) {
    if (!matchGlob(segments[i] as readonly GlobToken[], arnParts[i] as string)) return false;
  }
  return true;
}

/**
 * Does the ARN (already split with `splitArn`) match the pattern? A variable
 * with no value makes the pattern match nothing; one known only at request
 * time leaves the answer UNKNOWN.
 */
export function matchArnPattern(
  pattern: ArnPattern,
  arnParts: readonly string[],
  keys: KeyLookup,
): boolean | typeof UNKNOWN {
  if (pattern.segments) return matchSegments(pattern.segments, arnParts);
  const templates = pattern.templates ?? [];
  const segments: GlobToken[][] = [];
  let unknown = false;
  for (const template of templates) {
    const resolved = substitute(template, keys);
    if (resolved === ABSENT) return false;
    if (resolved === UNKNOWN) unknown = true;
    else segments.push(compileGlob(resolved));
  }
  return unknown ? UNKNOWN : matchSegments(segments, arnParts);
}

export interface ResourceMatcher {
  /** True for NotResource. */
  readonly negated: boolean;
  readonly patterns: readonly string[];
  readonly matchesAll: boolean;
  readonly compiled: readonly ArnPattern[];
}

export function compileResourceMatcher(
  values: readonly string[],
  negated: boolean,
  variablesEnabled: boolean,
  path: string,
  problems: PolicyProblem[],
): ResourceMatcher {
  const compiled: ArnPattern[] = [];
  let matchesAll = false;
  values.forEach((value, i) => {
    if (value === '*') {
      matchesAll = true;
      return;
    }
    const template = parseTemplate(value, variablesEnabled);
    for (const error of template.errors) problems.push(problem(`${path}[${i}]`, error));
    const pattern = compileArnPattern(value, template.parts, template.variables);
    const parts = splitArn(value);
    if (parts.length < 6) {
      problems.push(
        problem(
          `${path}[${i}]`,
          `"${value}" is not a full ARN (arn:partition:service:region:account:resource) or "*"`,
          'warning',
        ),
      );
    } else if ((parts[2] ?? '').includes('*') || (parts[2] ?? '').includes('?')) {
      problems.push(
        problem(
          `${path}[${i}]`,
          `"${value}" has a wildcard in the service part of the ARN, which IAM does not allow`,
        ),
      );
    }
    compiled.push(pattern);
  });
  return { negated, patterns: values, matchesAll, compiled };
}

/** Statements naming the same resources (one account's ARNs, `*`) share one matcher (shared-matchers.ts). */
const sharedMatchers = new SharedMatchers<ResourceMatcher>(50_000);

export function sharedResourceMatcher(
  values: readonly string[],
  negated: boolean,
  variablesEnabled: boolean,
  path: string,
  problems: PolicyProblem[],
): ResourceMatcher {
  const key = `${negated ? '!' : ''}${variablesEnabled ? '$' : ''}${JSON.stringify(values)}`;
  return sharedMatchers.get(key, problems, () =>
    compileResourceMatcher(values, negated, variablesEnabled, path, problems),
  );
}

/**
 * Whether any pattern matches: true, false, or the patterns whose match
 * depends on request-time variables. NotResource is applied by the caller.
 */
export function matchResourcePatterns(
  matcher: ResourceMatcher,
  arnParts: readonly string[],
  keys: KeyLookup,
): boolean | ArnPattern[] {
  if (matcher.matchesAll) return true;
  let unresolved: ArnPattern[] | undefined;
  for (const pattern of matcher.compiled) {
    const matched = matchArnPattern(pattern, arnParts, keys);
    if (matched === true) return true;
    if (matched === UNKNOWN) (unresolved ??= []).push(pattern);
  }
  return unresolved ?? false;
}

/** A part-wise ARN test for a pattern whose variables are already substituted (the Arn* operators). */
export function arnTester(parts: readonly TextPart[]): (arn: string) => boolean {
  const segments = segmentParts(parts).map((segment) => compileGlob(textParts(segment)));
  return (arn) => matchSegments(segments, splitArn(arn));
}

/** Does `arn` match the Resource pattern (no policy variables)? For callers outside evaluation. */
export function resourceMatches(pattern: string, arn: string): boolean {
  return arnTester([{ kind: 'text', text: pattern, literal: false }])(arn);
}
