import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'ingest/**/*.test.ts',
      'query/**/*.test.ts',
      'api/**/*.test.ts',
      'db/**/*.test.ts',
      'cli/**/*.test.ts',
      'cypher/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'db/target/**', '.iamatlas/**'],
    globalSetup: ['test/harness/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Neo4j-backed test files share one server; each works in its own snapshot.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
