/**
 * Builds the page when it is missing or older than its sources, so `serve` (and `npm start`)
 * need no separate build step. Returns the folder the server should serve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/paths.ts';

const uiRoot = path.join(projectRoot, 'ui');
export const UI_DIST = path.join(uiRoot, 'dist');

function newestSource(): number {
  let newest = fs.statSync(path.join(uiRoot, 'index.html')).mtimeMs;
  for (const f of [path.join(uiRoot, 'vite.config.ts'), path.join(uiRoot, 'page-types.ts')])
    if (fs.existsSync(f)) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(uiRoot, 'src'));
  if (fs.existsSync(path.join(uiRoot, 'public'))) walk(path.join(uiRoot, 'public'));
  return newest;
}

/**
 * True when ui/dist/index.html is missing or older than any source file. An
 * installation that ships only the built page (the Docker image) has no sources
 * to compare with: its page counts as fresh.
 */
export function uiIsStale(): boolean {
  const index = path.join(UI_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  if (!fs.existsSync(path.join(uiRoot, 'src'))) return false;
  return fs.statSync(index).mtimeMs < newestSource();
}

let building: Promise<string> | undefined;

export function ensureUiBuilt(say: (line: string) => void): Promise<string> {
  if (!uiIsStale()) return Promise.resolve(UI_DIST);
  // One build per process, even when several callers ask at once (parallel tests, serve + bench).
  building ??= (async () => {
    say('Building the web page (ui/dist)...');
    const started = Date.now();
    const { build } = await import('vite');
    await build({ configFile: path.join(uiRoot, 'vite.config.ts'), logLevel: 'warn' });
    // Vite may keep the old mtime when the output is byte-identical; touch it so it counts as fresh.
    const now = new Date();
    fs.utimesSync(path.join(UI_DIST, 'index.html'), now, now);
    say(`Built the web page in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return UI_DIST;
  })().finally(() => {
    building = undefined;
  });
  return building;
}
