/** JSON as highlighted DOM (spans with classes, never HTML strings), with chosen strings marked. */
import { h } from './dom.ts';

export function jsonView(value: unknown, mark: readonly string[] = []): HTMLPreElement {
  const pre = h('pre', { class: 'json' });
  const marks = new Set(mark.map((m) => m.toLowerCase()));
  const span = (cls: string, text: string) => {
    const marked = marks.has(text.replace(/^"|"$/g, '').toLowerCase());
    return h('span', { class: marked ? `${cls} j-mark` : cls }, text);
  };
  const write = (v: unknown, indent: string): void => {
    if (v === null) pre.append(span('j-null', 'null'));
    else if (typeof v === 'string') pre.append(span('j-str', JSON.stringify(v)));
    else if (typeof v === 'number') pre.append(span('j-num', String(v)));
    else if (typeof v === 'boolean') pre.append(span('j-bool', String(v)));
    else if (Array.isArray(v)) {
      if (!v.length) return void pre.append('[]');
      pre.append('[\n');
      v.forEach((x, i) => {
        pre.append(indent + '  ');
        write(x, indent + '  ');
        pre.append(i < v.length - 1 ? ',\n' : '\n');
      });
      pre.append(indent + ']');
    } else if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (!entries.length) return void pre.append('{}');
      pre.append('{\n');
      entries.forEach(([k, x], i) => {
        pre.append(indent + '  ', span('j-key', JSON.stringify(k)), ': ');
        write(x, indent + '  ');
        pre.append(i < entries.length - 1 ? ',\n' : '\n');
      });
      pre.append(indent + '}');
    } else pre.append(String(v));
  };
  write(value, '');
  return pre;
}

export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Statement i of a policy document (Statement may be one object or a list). */
export function statementAt(doc: unknown, i: number): unknown {
  if (!doc || typeof doc !== 'object') return undefined;
  const st = (doc as { Statement?: unknown }).Statement;
  if (Array.isArray(st)) return st[i];
  return i === 0 ? st : undefined;
}
