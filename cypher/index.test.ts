import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCypherFile, statements } from './index.ts';

describe('cypher statement files', () => {
  it('splits named statements and drops comments', () => {
    const m = parseCypherFile(
      '// header\n// name: a\nMATCH (n)\n// why\nRETURN n;\n\n// name: b\nRETURN 1;\n',
      'x',
    );
    expect([...m.entries()]).toEqual([
      ['a', 'MATCH (n)\nRETURN n'],
      ['b', 'RETURN 1'],
    ]);
  });

  it('rejects a name defined twice', () => {
    expect(() => parseCypherFile('// name: a\nRETURN 1;\n// name: a\nRETURN 2;', 'f.cypher')).toThrow(
      /twice/,
    );
  });

  it('every statement file parses and takes user values only as parameters', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.cypher'))
          files.push(path.relative(dir, path.join(d, e.name)).replace(/\.cypher$/, ''));
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const stmts = statements(f);
      expect(stmts.size, f).toBeGreaterThan(0);
      for (const [name, s] of stmts) {
        // No template placeholders: values arrive as $parameters.
        expect(s, `${f}:${name}`).not.toMatch(/\$\{|%s|\{\{/);
      }
    }
  });
});
