/**
 * What every command loads before it runs: the modules the compiled entry point
 * imports statically, built as bin/start.mjs builds it (one script, in which a module
 * imported with `import()` runs only when it is imported). The database driver,
 * the argument schemas (zod), the engine and the query layer are loaded only by
 * the commands that use them, so `iamatlas --help` and `iamatlas db status`
 * start without them.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  DRIVER_BYTE,
  DRIVER_CHUNK,
  DRIVER_INTEGER,
  DRIVER_MESSAGE,
  DRIVER_STRING,
  cliBuildOptions,
  dynamicPackageImports,
  withPackageImports,
} from '../bin/start.mjs';

async function staticallyLoaded(): Promise<{ inputs: Set<string>; packages: Set<string> }> {
  const res = await build({ ...cliBuildOptions('dist/startup-check'), write: false });
  const graph: Metafile['inputs'] = res.metafile.inputs;
  const inputs = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    // A bundled package's files: node_modules/NAME/... or node_modules/@SCOPE/NAME/...
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
    if (inputs.has(file)) return;
    inputs.add(file);
    if (pkg) packages.add(pkg);
    for (const imp of graph[file]!.imports) {
      // What runs when the module runs: its import statements and require calls, not its import().
      if (imp.kind !== 'import-statement' && imp.kind !== 'require-call') continue;
      if (imp.external) packages.add(imp.path);
      else visit(imp.path);
    }
  };
  visit('cli/main.ts');
  for (const f of inputs) if (/(?:^|\/)node_modules\//.test(f)) inputs.delete(f);
  return { inputs, packages };
}

describe('the command line at start-up', () => {
  it('loads neither the Neo4j driver, zod, the engine, the loader nor the query layer', async () => {
    const { inputs, packages } = await staticallyLoaded();
    expect([...packages].filter((p) => !p.startsWith('node:')).sort()).toEqual(['commander']);
    const heavy = [...inputs].filter(
      (f) =>
        /^(engine\/(evaluate|trust|escalation|policy)|ingest\/(read\/(?!problems\.ts)|transform)|query\/(index|reachability|escalation|evaluate|who-can|people|arg-schemas|args\.ts))\b/.test(
          f,
        ) || f === 'ingest/load/loader.ts',
    );
    expect(heavy).toEqual([]);
  });

  it("bundles zod's English messages but none of its other languages", async () => {
    // `import { z } from 'zod'` keeps zod's whole namespace, every language included (about
    // 360 kB that every command connecting to the database would load); `import * as z` does not.
    const res = await build({ ...cliBuildOptions('dist/startup-check'), write: false });
    // What ends up in the output: esbuild lists every file it read as an input, kept or not.
    const bundled = Object.values(res.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([f]) => f),
    );
    const locales = bundled
      .map((f) => /node_modules\/zod\/v4\/locales\/([^/]+)\.js$/.exec(f)?.[1])
      // locales/index.js lists the languages; in the one script it is only the call that runs en.js.
      .filter((l) => l !== undefined && l !== 'index');
    expect(locales).toEqual(['en']);
  });

  it("gives the bundled Neo4j driver's send buffer 64 KiB, joins a message's chunks, packs strings and integers and reads bytes directly (the driver's files still read as the build expects)", async () => {
    // Spaced as the driver's files are, so its text is found as written.
    const res = await build({
      ...cliBuildOptions('dist/startup-check'),
      minifyWhitespace: false,
      write: false,
    });
    const texts = res.outputFiles.filter((f) => f.path.endsWith('.cjs')).map((f) => f.text);
    expect(texts).toHaveLength(1);
    for (const patch of [DRIVER_CHUNK, DRIVER_MESSAGE]) {
      expect(texts.filter((t) => t.includes(patch.to))).toHaveLength(1);
      expect(texts.some((t) => t.includes(patch.from))).toBe(false);
    }
    // These add code in front of a function's own (esbuild prints it anew): a line of each, as printed.
    const added = new Map([
      [DRIVER_STRING, 'ch._ensure(size2 + 3);'],
      [DRIVER_INTEGER, 'if (x.high === (small < 0 ? -1 : 0)) {'],
      [DRIVER_BYTE, 'var byte = this._buffer[position];'],
    ]);
    for (const [, line] of added) {
      expect(texts.filter((t) => t.includes(line))).toHaveLength(1);
    }
  });

  it('finds every import.meta.url in the script (no import.meta left that a CommonJS script lacks)', async () => {
    const res = await build({ ...cliBuildOptions('dist/startup-check'), write: false });
    expect(res.warnings.map((w) => w.text)).toEqual([]);
    // The script is ASCII: it is read without decoding (bin/code-cache.mjs).
    const text = res.outputFiles.find((f) => f.path.endsWith('.cjs'))!.text;
    expect([...text].every((c) => c.charCodeAt(0) < 128)).toBe(true);
  });

  it("leaves no import() of a package for the script's own loader (bin/code-cache.mjs imports them)", async () => {
    const res = await build({ ...cliBuildOptions('dist/startup-check'), write: false });
    const packages = dynamicPackageImports(res.metafile);
    expect(packages).toContain('vite');
    const text = res.outputFiles.find((f) => f.path.endsWith('.cjs'))!.text;
    const script = withPackageImports(text, packages);
    expect(script.length).toBe(text.length);
    for (const p of packages) expect(script).not.toContain(`import(${JSON.stringify(p)})`);
  });
});
