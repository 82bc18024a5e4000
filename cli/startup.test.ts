/**
 * What every command loads before it runs: the chunks the compiled entry point
 * imports statically, built as bin/start.mjs builds it. The database driver,
 * the argument schemas (zod), the engine and the query layer are loaded only by
 * the commands that use them, so `iamatlas --help` and `iamatlas db status`
 * start without them.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DRIVER_CHUNK, cliBuildOptions } from '../bin/start.mjs';

async function staticallyLoaded(): Promise<{ inputs: Set<string>; packages: Set<string> }> {
  const res = await build({ ...cliBuildOptions('dist/startup-check'), write: false });
  const outputs: Metafile['outputs'] = res.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'cli/main.ts')!;
  const inputs = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of Object.keys(outputs[out]!.inputs)) {
      // A bundled package's files: node_modules/NAME/... or node_modules/@SCOPE/NAME/...
      const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1];
      if (pkg) packages.add(pkg);
      else inputs.add(i);
    }
    for (const imp of outputs[out]!.imports) {
      if (imp.kind !== 'import-statement') continue;
      if (imp.external) packages.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(entry);
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
      .filter((l) => l !== undefined);
    expect(locales).toEqual(['en']);
  });

  it("gives the bundled Neo4j driver's send buffer 64 KiB (the driver's file still reads as the build expects)", async () => {
    const res = await build({ ...cliBuildOptions('dist/startup-check'), write: false });
    const texts = res.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text);
    expect(texts.filter((t) => t.includes(DRIVER_CHUNK.to))).toHaveLength(1);
    expect(texts.some((t) => t.includes(DRIVER_CHUNK.from))).toBe(false);
  });
});
