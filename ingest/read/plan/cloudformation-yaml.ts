/**
 * A CloudFormation template in YAML → the same JSON value a JSON template
 * parses to. The short forms of the intrinsic functions (`!Ref X`,
 * `!GetAtt A.Arn`, `!Sub '...'`, `!Join [',', [...]]`, `!If [...]` …) become
 * their long forms (`{"Ref": "X"}`, `{"Fn::GetAtt": "A.Arn"}` …), as
 * CloudFormation reads them:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 * and https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { InputProblem } from '../problems.ts';

/** Short-form tags → the key of their long form. `!Ref` and `!Condition` keep their names. */
const INTRINSICS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'And',
      'Base64',
      'Cidr',
      'Equals',
      'FindInMap',
      'ForEach',
      'GetAtt',
      'GetAZs',
      'If',
      'ImportValue',
      'Join',
      'Length',
      'Not',
      'Or',
      'Select',
      'Split',
      'Sub',
      'ToJsonString',
      'Transform',
    ].map((n) => [n, `Fn::${n}`]),
  ),
};

export type YamlTemplate = { ok: true; value: unknown } | { ok: false; problems: InputProblem[] };

const EXPECTED = 'a CloudFormation template in YAML (or JSON)';

/** Parses a YAML template; every problem names the file and the line. */
export function parseCloudFormationYaml(text: string, file: string): YamlTemplate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: InputProblem[] = doc.errors.map((e) => {
    const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return {
      file,
      jsonPath: '',
      line: at.line,
      column: at.col,
      message: `the file is not valid YAML (${e.message.split('\n')[0]})`,
      expected: EXPECTED,
    };
  });
  if (problems.length) return { ok: false, problems };

  const problemAt = (node: Node, message: string, expected: string): void => {
    const at = lineCounter.linePos(node.range?.[0] ?? 0);
    problems.push({ file, jsonPath: '', line: at.line, column: at.col, message, expected });
  };

  const toJs = (node: unknown): unknown => {
    if (node == null) return null;
    if (isAlias(node)) return toJs(node.resolve(doc));
    let value: unknown;
    if (isMap(node)) {
      const o: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : toJs(pair.key);
        o[String(key)] = toJs(pair.value);
      }
      value = o;
    } else if (isSeq(node)) value = node.items.map(toJs);
    else if (isScalar(node)) value = node.value;
    else return null;
    const tag = (node as Node).tag;
    if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return value;
    const name = INTRINSICS[tag.slice(1)];
    if (!name) {
      problemAt(
        node as Node,
        `unknown tag ${tag}`,
        `a CloudFormation intrinsic function (${Object.keys(INTRINSICS)
          .map((n) => `!${n}`)
          .join(', ')})`,
      );
      return value;
    }
    // `!GetAtt Resource.Attribute` is a string in the short form; the long form also takes that string.
    return { [name]: value };
  };

  const value = toJs(doc.contents);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value };
}
