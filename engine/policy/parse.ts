/**
 * Policy documents → statements ready for evaluation. Documents come as
 * objects, JSON strings, or URL-encoded JSON strings (as AWS's API returns
 * them). Malformed parts are reported as problems, all of them, instead of
 * stopping at the first; the statement is kept with what could be read so a
 * half-understood Deny is not silently dropped. Patterns are compiled here,
 * once, and parsed policies are cached by document identity.
 */
import { compileCondition, type ConditionClause } from '../conditions/index.ts';
import type { PolicyDocumentJson } from '../model.ts';
import { sharedActionMatcher, type ActionMatcher } from './action.ts';
import { compilePrincipalMatcher, type PrincipalMatcher } from './principal.ts';
import { problem, type PolicyProblem } from './problems.ts';
import { sharedResourceMatcher, type ResourceMatcher } from './resource.ts';

export type { PolicyProblem } from './problems.ts';

export interface ParsedStatement {
  /** Position in the document's Statement list (a single Statement object is index 0). */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  /** Undefined when the statement has neither Action nor NotAction: it applies to nothing. */
  readonly action: ActionMatcher | undefined;
  /** Undefined when the statement has neither Resource nor NotResource (role trust policies): any resource. */
  readonly resource: ResourceMatcher | undefined;
  /** Undefined when the statement has neither Principal nor NotPrincipal. */
  readonly principal: PrincipalMatcher | undefined;
  readonly conditions: readonly ConditionClause[];
  /** The statement as written. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface ParsedPolicy {
  readonly id: string;
  readonly version: string | undefined;
  /** Policy variables are substituted only in Version 2012-10-17 documents. */
  readonly variablesEnabled: boolean;
  readonly statements: readonly ParsedStatement[];
  readonly problems: readonly PolicyProblem[];
}

export class PolicyParseError extends Error {
  constructor(
    readonly policyId: string,
    readonly problems: readonly PolicyProblem[],
  ) {
    super(
      `policy ${policyId || '(unnamed)'} is malformed: ` +
        problems.map((p) => `${p.path || '(document)'}: ${p.message}`).join('; '),
    );
    this.name = 'PolicyParseError';
  }
}

const CURRENT_VERSION = '2012-10-17';
const VERSIONS = new Set([CURRENT_VERSION, '2008-10-17']);
const DOCUMENT_KEYS = new Set(['Version', 'Id', 'Statement']);
export const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);

/** Turn an object, JSON string or URL-encoded JSON string into the document object. */
export function decodePolicyDocument(
  document: PolicyDocumentJson | string,
): { json: Record<string, unknown> } | { problem: PolicyProblem } {
  if (typeof document !== 'string') return { json: document };
  let text = document.trim();
  if (!text.startsWith('{')) {
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return { problem: problem('', 'the document is neither JSON nor URL-encoded JSON') };
    }
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { problem: problem('', 'the document must be a JSON object') };
    }
    return { json: json as Record<string, unknown> };
  } catch (error) {
    return { problem: problem('', `the document is not valid JSON: ${(error as Error).message}`) };
  }
}

function stringList(value: unknown, path: string, problems: PolicyProblem[]): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else problems.push(problem(`${path}[${i}]`, 'expected a string'));
    });
    if (value.length === 0) problems.push(problem(path, 'the list is empty: the statement matches nothing'));
    return out;
  }
  problems.push(problem(path, 'expected a string or a list of strings'));
  return [];
}

/** Exactly one of `element` / `Not${element}` may be present. */
function pick(
  raw: Record<string, unknown>,
  element: 'Action' | 'Resource' | 'Principal',
  path: string,
  problems: PolicyProblem[],
): { value: unknown; negated: boolean; at: string } | undefined {
  const positive = raw[element];
  const negative = raw[`Not${element}`];
  if (positive !== undefined && negative !== undefined) {
    problems.push(
      problem(`${path}.Not${element}`, `a statement cannot have both ${element} and Not${element}`),
    );
  }
  if (positive !== undefined) return { value: positive, negated: false, at: `${path}.${element}` };
  if (negative !== undefined) return { value: negative, negated: true, at: `${path}.Not${element}` };
  return undefined;
}

function parseStatement(
  raw: unknown,
  index: number,
  path: string,
  variablesEnabled: boolean,
  problems: PolicyProblem[],
): ParsedStatement | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(problem(path, 'expected a statement object'));
    return undefined;
  }
  const st = raw as Record<string, unknown>;
  for (const key of Object.keys(st)) {
    if (!STATEMENT_KEYS.has(key))
      problems.push(problem(`${path}.${key}`, `unknown statement element "${key}"`));
  }
  const sid = st.Sid;
  if (sid !== undefined && typeof sid !== 'string')
    problems.push(problem(`${path}.Sid`, 'expected a string'));

  const action = pick(st, 'Action', path, problems);
  if (!action) problems.push(problem(path, 'a statement needs Action or NotAction'));
  const resource = pick(st, 'Resource', path, problems);
  const principal = pick(st, 'Principal', path, problems);
  // Compile every element before judging Effect, so one bad statement reports all its problems.
  const compiled = {
    action:
      action &&
      sharedActionMatcher(stringList(action.value, action.at, problems), action.negated, action.at, problems),
    resource:
      resource &&
      sharedResourceMatcher(
        stringList(resource.value, resource.at, problems),
        resource.negated,
        variablesEnabled,
        resource.at,
        problems,
      ),
    principal:
      principal && compilePrincipalMatcher(principal.value, principal.negated, principal.at, problems),
    conditions: compileCondition(st.Condition, variablesEnabled, `${path}.Condition`, problems),
  };

  const effect = st.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    problems.push(
      problem(
        `${path}.Effect`,
        effect === undefined
          ? 'a statement needs an Effect'
          : `Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`,
      ),
    );
    return undefined;
  }
  return {
    index,
    sid: typeof sid === 'string' ? sid : undefined,
    effect,
    ...compiled,
    raw: st,
  };
}

function parseDocument(document: PolicyDocumentJson | string, id: string): ParsedPolicy {
  const problems: PolicyProblem[] = [];
  const decoded = decodePolicyDocument(document);
  if ('problem' in decoded) {
    return { id, version: undefined, variablesEnabled: false, statements: [], problems: [decoded.problem] };
  }
  const json = decoded.json;
  for (const key of Object.keys(json)) {
    if (!DOCUMENT_KEYS.has(key)) problems.push(problem(key, `unknown policy element "${key}"`));
  }
  const rawVersion = json.Version;
  let version: string | undefined;
  if (rawVersion === undefined) {
    problems.push(
      problem(
        'Version',
        'no Version: policy variables such as ${aws:username} are read as plain text',
        'warning',
      ),
    );
  } else if (typeof rawVersion !== 'string' || !VERSIONS.has(rawVersion)) {
    problems.push(
      problem('Version', `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(rawVersion)}`),
    );
  } else {
    version = rawVersion;
  }
  const variablesEnabled = version === CURRENT_VERSION;

  const rawStatements = json.Statement;
  const statements: ParsedStatement[] = [];
  if (rawStatements === undefined) {
    problems.push(problem('Statement', 'a policy needs a Statement'));
  } else if (Array.isArray(rawStatements)) {
    rawStatements.forEach((raw, i) => {
      const st = parseStatement(raw, i, `Statement[${i}]`, variablesEnabled, problems);
      if (st) statements.push(st);
    });
  } else {
    const st = parseStatement(rawStatements, 0, 'Statement', variablesEnabled, problems);
    if (st) statements.push(st);
  }
  return { id, version, variablesEnabled, statements, problems };
}

const objectCache = new WeakMap<object, Map<string, ParsedPolicy>>();
const stringCache = new Map<string, Map<string, ParsedPolicy>>();
const STRING_CACHE_LIMIT = 4096;

function fromCache(
  byId: Map<string, ParsedPolicy>,
  document: PolicyDocumentJson | string,
  id: string,
): ParsedPolicy {
  const hit = byId.get(id);
  if (hit) return hit;
  // The same document under another id (a managed policy attached twice, say) shares its compiled statements.
  const other = byId.values().next();
  const parsed = other.done ? parseDocument(document, id) : { ...other.value, id };
  byId.set(id, parsed);
  return parsed;
}

/**
 * Parse and validate a policy document. Never throws: problems are listed on
 * the result. Cached by document identity (object) or text (string), so do
 * not mutate a document object after parsing it.
 */
export function parsePolicy(document: PolicyDocumentJson | string, id = ''): ParsedPolicy {
  let byId: Map<string, ParsedPolicy> | undefined;
  if (typeof document === 'string') {
    byId = stringCache.get(document);
    if (!byId) {
      if (stringCache.size >= STRING_CACHE_LIMIT) stringCache.clear();
      byId = new Map();
      stringCache.set(document, byId);
    }
  } else {
    byId = objectCache.get(document);
    if (!byId) {
      byId = new Map();
      objectCache.set(document, byId);
    }
  }
  return fromCache(byId, document, id);
}

/** Like `parsePolicy`, but throws a `PolicyParseError` listing every error (warnings are allowed). */
export function parsePolicyOrThrow(document: PolicyDocumentJson | string, id = ''): ParsedPolicy {
  const parsed = parsePolicy(document, id);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new PolicyParseError(id, errors);
  return parsed;
}
