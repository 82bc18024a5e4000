/**
 * How the readers describe bad input. Every problem names the file, the place
 * in it (a JSON path such as `RoleDetailList[3].RoleName`) and, when it helps,
 * what was expected there — enough for a person to fix the file without
 * reading our code.
 */

export interface InputProblem {
  file: string;
  /** Where in the file, e.g. `RoleDetailList[3].AssumeRolePolicyDocument`; '' for the file as a whole. */
  jsonPath: string;
  message: string;
  expected?: string;
  /** 1-based; only for problems found while parsing the JSON text itself. */
  line?: number;
  column?: number;
}

/** How many problems the error message lists before summarising the rest (the full list is on `problems`). */
const MESSAGE_LIMIT = 20;

/** Thrown by readSnapshot when the input cannot be read as a whole; nothing of it should be loaded. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly problems: InputProblem[];
  /** Warnings found along the way, so a caller can still show them next to the problems. */
  readonly warnings: InputProblem[];

  constructor(problems: InputProblem[], warnings: InputProblem[] = []) {
    super(summarise(problems));
    this.problems = problems;
    this.warnings = warnings;
  }
}

export function formatProblem(problem: InputProblem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}:${problem.column ?? 1}`;
  if (problem.jsonPath !== '') where += ` at ${problem.jsonPath}`;
  const expected = problem.expected === undefined ? '' : `; expected ${problem.expected}`;
  return `${where}: ${problem.message}${expected}`;
}

function summarise(problems: InputProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const head = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${files} ${
    files === 1 ? 'file' : 'files'
  } of the snapshot input:`;
  const lines = problems.slice(0, MESSAGE_LIMIT).map((p) => `  - ${formatProblem(p)}`);
  if (problems.length > MESSAGE_LIMIT) lines.push(`  ... and ${problems.length - MESSAGE_LIMIT} more`);
  return [head, ...lines].join('\n');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['RoleDetailList', 3, 'RoleName']` → `RoleDetailList[3].RoleName`, the way people write paths into JSON. */
export function formatJsonPath(segments: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** Appends one segment to a path already formatted. */
export function childPath(base: string, segment: string | number): string {
  return formatJsonPath([segment], base);
}
