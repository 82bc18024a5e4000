/**
 * The compiled command line's code cache (bin/code-cache.mjs): used when it was made from
 * the same script, ignored when it is stale, damaged or refused by V8, and never in the way
 * when it cannot be written. No Neo4j.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT, SCRIPT_END, SCRIPT_START, runScript } from '../../bin/code-cache.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-code-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A script as the build writes one, whose `value()` returns `value`, and a cache path beside it. */
function script(body: string): { file: string; cache: string } {
  n += 1;
  const file = path.join(dir, `script-${n}.cjs`);
  fs.writeFileSync(file, `${SCRIPT_START}\n${body}\n${SCRIPT_END}`);
  return { file, cache: path.join(dir, `cache-${n}`, 'test.v8') };
}

const body = (value: number) =>
  // Enough functions that V8 has something to cache, and one that runs.
  [
    ...Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${value}; }`),
    `module.exports = { value: () => f1(0), sum: () => [${Array.from({ length: 50 }, (_, i) => `f${i}(1)`).join(', ')}].reduce((a, b) => a + b) };`,
  ].join('\n');

type Exports = { value: () => number; sum: () => number };

describe('the code cache of the compiled command line', () => {
  it('is written after a run, then used by the next run of the same script', () => {
    const { file, cache } = script(body(7));
    const first = runScript(file, cache);
    expect((first.exports as Exports).value()).toBe(7);
    expect(first.cacheUsed).toBe(false);
    expect(first.save(true)).toBe(true);
    expect(fs.existsSync(cache)).toBe(true);

    const second = runScript(file, cache);
    expect(second.cacheUsed).toBe(true);
    expect((second.exports as Exports).value()).toBe(7);
    expect((second.exports as Exports).sum()).toBe(7 * 50 + (49 * 50) / 2);
    // A cache in use is not written again.
    expect(second.save(true)).toBe(false);
  });

  it('imports a package through IMPORT, with the cache as without it', async () => {
    const { file, cache } = script(
      `module.exports = { load: async () => typeof (await ${IMPORT}('node:os')).cpus };`,
    );
    for (const used of [false, true]) {
      const run = runScript(file, cache);
      expect(run.cacheUsed).toBe(used);
      expect(await (run.exports.load as () => Promise<string>)()).toBe('function');
      run.save(true);
    }
  });

  it('made by a run that failed, is replaced once after a run that succeeded', () => {
    const { file, cache } = script(body(6));
    expect(runScript(file, cache).save(false)).toBe(true);
    const failedAgain = runScript(file, cache);
    expect(failedAgain.cacheUsed).toBe(true);
    expect(failedAgain.save(false)).toBe(false);
    const succeeded = runScript(file, cache);
    expect(succeeded.cacheUsed).toBe(true);
    expect(succeeded.save(true)).toBe(true);
    expect(runScript(file, cache).save(true)).toBe(false);
  });

  /** The script runs without the cache it refuses, gives `value`, and writes one the next run uses. */
  const expectReplaced = (file: string, cache: string, value: number) => {
    const run = runScript(file, cache);
    expect(run.cacheUsed).toBe(false);
    expect((run.exports as Exports).value()).toBe(value);
    expect(run.save(true)).toBe(true);
    expect(runScript(file, cache).cacheUsed).toBe(true);
  };

  it('is ignored when the script changed since it was written (another build), and replaced', () => {
    const { file, cache } = script(body(1));
    runScript(file, cache).save(true);
    // The same length, other code: V8 alone compares only the length.
    fs.writeFileSync(file, `${SCRIPT_START}\n${body(2)}\n${SCRIPT_END}`);
    expectReplaced(file, cache, 2);
  });

  it('is ignored when damaged: a changed byte, cut short, empty', () => {
    const { file, cache } = script(body(3));
    runScript(file, cache).save(true);
    const good = fs.readFileSync(cache);
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length - 100), good.subarray(0, 10), Buffer.alloc(0)]) {
      fs.writeFileSync(cache, bad);
      const run = runScript(file, cache);
      expect(run.cacheUsed).toBe(false);
      expect((run.exports as Exports).value()).toBe(3);
    }
  });

  it('is replaced when V8 refuses it (made by another version or with other flags)', async () => {
    const { file, cache } = script(body(4));
    // A file whose checksum matches but whose contents are no cache V8 made.
    const { writeCache } = await import('../../bin/code-cache.mjs');
    expect(writeCache(cache, fs.readFileSync(file), Buffer.alloc(4096, 1), true)).toBe(true);
    expectReplaced(file, cache, 4);
  });

  it('runs without one when its folder cannot be written', () => {
    const { file } = script(body(5));
    // A folder that cannot be made: its parent is a file (permissions do not stop root).
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const cache = path.join(blocker, 'cache', 'test.v8');
    const run = runScript(file, cache);
    expect((run.exports as Exports).value()).toBe(5);
    expect(run.save(true)).toBe(false);
    expect(runScript(file, cache).cacheUsed).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is not used when source maps are on: stack traces name the sources', async () => {
    const source = path.join(dir, 'boom.ts');
    fs.writeFileSync(
      source,
      'export function boom(): never {\n  // the line below throws\n  throw new Error("boom");\n}\n',
    );
    const file = path.join(dir, 'boom.cjs');
    await build({
      entryPoints: [source],
      outfile: file,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      sourcemap: 'linked',
      minifyWhitespace: true,
      banner: { js: SCRIPT_START },
      footer: { js: SCRIPT_END },
      logLevel: 'silent',
    });
    // In a process of its own, as `iamatlas` with IAMATLAS_DEBUG (the test runner maps stacks its own way).
    const child = [
      `import { runScript } from ${JSON.stringify(pathToFileURL(path.resolve('bin/code-cache.mjs')).href)};`,
      'process.setSourceMapsEnabled(true);',
      `const run = runScript(${JSON.stringify(file)}, ${JSON.stringify(path.join(dir, 'boom-cache', 'test.v8'))});`,
      'try { run.exports.boom(); } catch (err) { console.log(JSON.stringify({ used: run.cacheUsed, saved: run.save(true), stack: err.stack })); }',
    ].join('\n');
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const res = JSON.parse(out.stdout) as { used: boolean; saved: boolean; stack: string };
    expect(res).toMatchObject({ used: false, saved: false });
    expect(res.stack).toContain(`${source}:3:9`);
  });
});
