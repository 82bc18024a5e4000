/**
 * What every command loads before it runs: the chunks the compiled entry point
 * imports statically, built as bin/start.mjs builds it. The database driver,
 * the argument schemas (zod), the engine and the query layer are loaded only by
 * the commands that use them, so `iamatlas --help` and `iamatlas db status`
 * start without them.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliBuildOptions } from '../bin/start.mjs';

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
});
