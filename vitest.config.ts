import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs no Neo4j and no browser (pure code, files on disk,
 * rendering and argument parsing) and runs in seconds with `npm run test:unit`;
 * `slow` holds the rest: tests against a real Neo4j (test/harness/ finds one),
 * real HTTP and a browser, and the property tests that try thousands of
 * generated inputs each (*.property.test.ts). `npm test` runs both, as CI does.
 */
const EXCLUDE = ['node_modules/**', 'db/target/**', '.iamatlas/**'];
const PROPERTY = '**/*.property.test.ts';

export default defineConfig({
  test: {
    exclude: EXCLUDE,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure tests: one module graph for all files (no re-import per file) keeps the run short.
          pool: 'threads',
          isolate: false,
          include: [
            'engine/**/*.test.ts',
            'ingest/read/**/*.test.ts',
            'ingest/transform/**/*.test.ts',
            'query/**/*.test.ts',
            'cli/**/*.test.ts',
            'cypher/**/*.test.ts',
            'bench/**/*.test.ts',
            'test/conformance/**/*.test.ts',
          ],
          exclude: [...EXCLUDE, PROPERTY],
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: [
            'ingest/*.test.ts',
            'ingest/load/**/*.test.ts',
            'api/**/*.test.ts',
            'db/**/*.test.ts',
            'test/**/*.test.ts',
            PROPERTY,
          ],
          exclude: [...EXCLUDE, 'test/conformance/**'],
          // Neo4j-backed test files share one server; each works in its own snapshot.
          globalSetup: ['test/harness/global-setup.ts'],
        },
      },
    ],
  },
});
