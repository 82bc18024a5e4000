/**
 * Every Cypher statement IAM Atlas runs lives in a .cypher file of this folder,
 * under a `// name: NAME` header; code asks for statements by file and name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/paths.ts';

const here = path.join(projectRoot, 'cypher');
const cache = new Map<string, Map<string, string>>();

/** Parses a .cypher file into named statements (comments kept out, `;` ends a statement). */
export function parseCypherFile(text: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | undefined;
  let body: string[] = [];
  const flush = () => {
    const stmt = body.join('\n').trim().replace(/;\s*$/, '');
    if (name !== undefined) {
      if (!stmt) throw new Error(`${file}: statement "${name}" is empty`);
      if (out.has(name)) throw new Error(`${file}: statement "${name}" is defined twice`);
      out.set(name, stmt);
    }
    name = undefined;
    body = [];
  };
  for (const line of text.split('\n')) {
    const m = /^\/\/\s*name:\s*([\w-]+)\s*$/.exec(line.trim());
    if (m) {
      flush();
      name = m[1];
      continue;
    }
    if (line.trim().startsWith('//')) continue;
    body.push(line);
    if (line.trim().endsWith(';')) flush();
  }
  flush();
  return out;
}

/** All named statements of one file, e.g. `statements('load/nodes')`. */
export function statements(file: string): Map<string, string> {
  let m = cache.get(file);
  if (!m) {
    const full = path.join(here, `${file}.cypher`);
    m = parseCypherFile(fs.readFileSync(full, 'utf8'), full);
    cache.set(file, m);
  }
  return m;
}

export function statement(file: string, name: string): string {
  const s = statements(file).get(name);
  if (!s) throw new Error(`No Cypher statement "${name}" in cypher/${file}.cypher`);
  return s;
}
