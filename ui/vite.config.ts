/**
 * Vite builds the page into ui/dist; relative asset paths so it can be served under any prefix.
 * The build first type-checks the page (page-types.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pageTypes } from './page-types.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  plugins: [pageTypes(path.dirname(root))],
  base: './',
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One chunk is the right size for this page; no inline scripts or styles (strict CSP).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
