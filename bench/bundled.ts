/**
 * Runs a benchmark the way `iamatlas` runs its commands: bundled by esbuild with the command
 * line's build options (bin/start.mjs, `cliBuildOptions`), so the same packages are bundled and
 * the same changes are made to the Neo4j driver (its 64 KiB send buffer, strings packed in
 * place, ...), instead of the TypeScript sources and the driver as published, through tsx. What
 * the driver does per row is part of what a load costs, so a benchmark of `iamatlas ingest`
 * measures the driver the command uses.
 *
 * The bundle is an ES module (the benchmarks use top-level await), written under dist/bench and
 * removed when the run ends; it is run by a child Node.js with the given flags, its output
 * passed through.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/paths.ts';

/** Set in the child, so a benchmark knows it runs bundled and does not bundle itself again. */
export const BUNDLED_ENV = 'IAMATLAS_BENCH_BUNDLED';

export const runsBundled = (): boolean => process.env[BUNDLED_ENV] === '1';

/** Bundles `entry` (a path from the project's root) and runs it with `args`; rejects when it fails. */
export async function runBundled(entry: string, args: string[], nodeFlags: string[] = []): Promise<void> {
  const { build } = await import('esbuild');
  const { cliBuildOptions } = await import('../bin/start.mjs');
  const outdir = path.join(
    projectRoot,
    'dist',
    'bench',
    `${path.basename(entry, '.ts')}-${process.pid}-${Date.now()}`,
  );
  const { footer: _footer, define: _define, ...options } = cliBuildOptions(outdir);
  try {
    await build({
      ...options,
      entryPoints: [entry],
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      // Bundled CommonJS packages require Node's own modules.
      banner: {
        js: "import { createRequire as iamatlasRequire } from 'node:module'; const require = iamatlasRequire(import.meta.url);",
      },
      metafile: false,
    });
    const script = path.join(outdir, `${path.basename(entry, '.ts')}.mjs`);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
        stdio: 'inherit',
        env: { ...process.env, [BUNDLED_ENV]: '1' },
      });
      child.on('error', reject);
      child.on('exit', (c, signal) => resolve(signal ? 128 : c));
    });
    if (code !== 0) throw new Error(`the bundled ${entry} ended with exit code ${code}`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
