/**
 * A policy document rebuilt from the blocks of an `aws_iam_policy_document`
 * data source, for plans where Terraform could not render its `json` before
 * apply (an input was unknown). Attribute names from the AWS provider's
 * documentation (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document).
 * A `null` list member is a value known only after apply: it becomes the
 * placeholder, which matches nothing.
 */
import type { PolicyDocumentJson } from '../../../engine/model.ts';
import { isPlainObject } from '../json.ts';

const list = (v: unknown, placeholder: string): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : placeholder)) : [];

function principals(blocks: unknown, placeholder: string): Record<string, string[]> | '*' | undefined {
  if (!Array.isArray(blocks) || blocks.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const b of blocks) {
    if (!isPlainObject(b)) continue;
    const type = typeof b.type === 'string' ? b.type : placeholder;
    const ids = list(b.identifiers, placeholder);
    // `type = "*"` with `identifiers = ["*"]` is how the data source writes Principal "*".
    if (type === '*' && ids.includes('*')) return '*';
    (out[type] ??= []).push(...ids);
  }
  return out;
}

/** Undefined when the values hold no statement blocks (nothing to rebuild from). */
export function documentFromBlocks(
  values: Record<string, unknown>,
  placeholder: string,
): PolicyDocumentJson | undefined {
  if (!Array.isArray(values.statement)) return undefined;
  const statements: Record<string, unknown>[] = [];
  for (const s of values.statement) {
    if (!isPlainObject(s)) continue;
    const st: Record<string, unknown> = { Effect: typeof s.effect === 'string' ? s.effect : 'Allow' };
    if (typeof s.sid === 'string' && s.sid !== '') st.Sid = s.sid;
    const pairs: [string, string][] = [
      ['actions', 'Action'],
      ['not_actions', 'NotAction'],
      ['resources', 'Resource'],
      ['not_resources', 'NotResource'],
    ];
    for (const [from, to] of pairs) {
      const v = list(s[from], placeholder);
      if (v.length > 0) st[to] = v;
    }
    const p = principals(s.principals, placeholder);
    if (p !== undefined) st.Principal = p;
    const np = principals(s.not_principals, placeholder);
    if (np !== undefined) st.NotPrincipal = np;
    if (Array.isArray(s.condition) && s.condition.length > 0) {
      const cond: Record<string, Record<string, string[]>> = {};
      for (const c of s.condition) {
        if (!isPlainObject(c)) continue;
        const test = typeof c.test === 'string' ? c.test : placeholder;
        const variable = typeof c.variable === 'string' ? c.variable : placeholder;
        ((cond[test] ??= {})[variable] ??= []).push(...list(c.values, placeholder));
      }
      st.Condition = cond;
    }
    statements.push(st);
  }
  return {
    Version: typeof values.version === 'string' ? values.version : '2012-10-17',
    Statement: statements,
  };
}
