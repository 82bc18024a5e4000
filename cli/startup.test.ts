/**
 * What every command loads before it runs: the chunks the compiled entry point
 * imports statically (esbuild, as bin/start.mjs builds it). The database driver,
 * the engine and the query layer are loaded only by the commands that use them,
 * so `iamatlas --help` and `iamatlas db status` start without them.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../db/paths.ts';

async function staticallyLoaded(): Promise<{ inputs: Set<string>; packages: Set<string> }> {
  const res = await build({
    absWorkingDir: projectRoot,
    entryPoints: ['cli/main.ts'],
    outdir: 'dist/startup-check',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = res.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'cli/main.ts')!;
  const inputs = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of Object.keys(outputs[out]!.inputs)) inputs.add(i);
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
  it('loads neither the Neo4j driver, the engine, the loader nor the query layer', async () => {
    const { inputs, packages } = await staticallyLoaded();
    expect([...packages].filter((p) => !p.startsWith('node:')).sort()).toEqual(
      ['cli-progress', 'commander', 'zod'].sort(),
    );
    const heavy = [...inputs].filter(
      (f) =>
        /^(engine\/(evaluate|trust|escalation|policy)|ingest\/(read\/(?!problems\.ts)|transform)|query\/(index|reachability|escalation|evaluate|who-can|people))\b/.test(
          f,
        ) || f === 'ingest/load/loader.ts',
    );
    expect(heavy).toEqual([]);
  });
});
