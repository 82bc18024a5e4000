/**
 * How `iamatlas` starts: from a compiled build in dist/cli when it is fresh,
 * rebuilt when a source it was built from is newer, and each build in its own
 * folder so a running command never loses the chunks it imports later. No Neo4j.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { build } from 'esbuild';
import { buildCli, buildIsFresh, cacheName, cliBuildOptions, currentBuild } from '../../bin/start.mjs';
import { runScript } from '../../bin/code-cache.mjs';
import { projectRoot } from '../../db/paths.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-dist-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('compiled command line', () => {
  it('builds into its own folder, records its sources and counts as fresh until one is newer', async () => {
    expect(buildIsFresh(dist)).toBe(false);
    const dir = await buildCli(dist);
    expect(currentBuild(dist)).toBe(dir);
    expect(fs.existsSync(path.join(dir, 'main.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'main.cjs.map'))).toBe(true);
    const inputs = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('cli/main.ts');
    expect(inputs.some((f) => f.startsWith('node_modules/'))).toBe(false);
    expect(buildIsFresh(dist)).toBe(true);

    // A source changed after the build (here: the build made to look older).
    const past = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(dir, 'main.cjs'), past, past);
    expect(buildIsFresh(dist)).toBe(false);

    // A newer build gets a new folder; the older one stays for commands still running from it.
    const next = await buildCli(dist);
    expect(next).not.toBe(dir);
    expect(currentBuild(dist)).toBe(next);
    expect(fs.existsSync(path.join(dir, 'main.cjs'))).toBe(true);
  }, 60_000);

  it('is not fresh when a source it was built from is gone', async () => {
    const dir = currentBuild(dist)!;
    fs.writeFileSync(path.join(dir, 'inputs.json'), JSON.stringify(['cli/no-such-file.ts']));
    expect(buildIsFresh(dist)).toBe(false);
  });

  it("leaves the Neo4j driver's RxJS out of the build, loading it when a reactive session uses it", async () => {
    // Inside the project, as dist/cli is: what stays in node_modules is found from there.
    const out = path.join(projectRoot, 'dist', `rx-check-${process.pid}`);
    onTestFinished(() => fs.rmSync(out, { recursive: true, force: true }));
    // What the project's code would write: a reactive session, the one part of the driver that uses RxJS.
    const code = [
      "import neo4j from 'neo4j-driver';",
      'export async function check() {',
      "  const driver = neo4j.driver('bolt://127.0.0.1:1');",
      "  const records = driver.rxSession().run('RETURN 1').records();",
      '  await driver.close();',
      "  return { subscribable: typeof records.subscribe === 'function', operators: typeof records.pipe === 'function' };",
      '}',
    ].join('\n');
    const res = await build({
      ...cliBuildOptions(out),
      entryPoints: undefined,
      stdin: { contents: code, resolveDir: projectRoot, sourcefile: 'rx-check.ts', loader: 'ts' },
      splitting: false,
      sourcemap: false,
    });
    expect(Object.keys(res.metafile.inputs).filter((f) => /node_modules\/rxjs\//.test(f))).toEqual([]);
    // Run as the command line is: one script.
    const { exports } = runScript(path.join(out, 'stdin.cjs'), path.join(out, 'cache', 'check.v8'));
    const check = exports.check as () => Promise<{ subscribable: boolean; operators: boolean }>;
    expect(await check()).toMatchObject({ subscribable: true, operators: true });
  }, 60_000);

  it('runs the same command line as the sources', () => {
    const bin = path.join(projectRoot, 'bin', 'iamatlas');
    const run = spawnSync(process.execPath, [bin, '--help'], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: iamatlas/);
    expect(run.stdout).toMatch(/\bingest\b/);
    expect(buildIsFresh()).toBe(true);
    // The run left its code cache in the build's folder, and the next run prints the same.
    expect(fs.existsSync(path.join(currentBuild()!, 'cache', cacheName(['node', bin, '--help'])))).toBe(true);
    const again = spawnSync(process.execPath, [bin, '--help'], { cwd: projectRoot, encoding: 'utf8' });
    expect(again.stdout).toBe(run.stdout);
  }, 60_000);

  it("names a command's code cache by its first word, Node's version and the machine", () => {
    expect(cacheName(['node', 'iamatlas', 'ingest', 'x'])).toBe(
      `ingest-${process.version}-${process.arch}.v8`,
    );
    expect(cacheName(['node', 'iamatlas', '--help'])).toBe(`other-${process.version}-${process.arch}.v8`);
    expect(cacheName(['node', 'iamatlas', '../x'])).toBe(`other-${process.version}-${process.arch}.v8`);
    expect(cacheName(['node', 'iamatlas'])).toBe(`other-${process.version}-${process.arch}.v8`);
  });
});
