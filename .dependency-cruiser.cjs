/* global module */
/**
 * The structure rules of the project, checked by `npm run depcruise`
 * (dependency-cruiser, https://github.com/sverweij/dependency-cruiser) in CI:
 * - engine/ is pure: it imports nothing of the project outside engine/ (its tests may
 *   read fixtures with ingest/read);
 * - query/ (the read side) serves the API and the CLI, so imports neither, nor ui/;
 * - cli/ stands on query/, not on the API; `iamatlas serve` (cli/serve.ts) is the
 *   one command that starts the API server, and so the one that may import it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'engine/ imports nothing of the project outside engine/ (no I/O, no database, no API).',
      severity: 'error',
      from: { path: '^engine/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['local'], pathNot: '^engine/' },
    },
    {
      name: 'query-serves-api-and-cli',
      comment: 'query/ is used by api/ and cli/: it imports neither of them, nor ui/.',
      severity: 'error',
      from: { path: '^query/' },
      to: { path: '^(api|cli|ui)/' },
    },
    {
      name: 'cli-stands-on-query',
      comment: 'cli/ reads through query/, not through the API (only cli/serve.ts starts the API server).',
      severity: 'error',
      from: { path: '^cli/', pathNot: '^cli/serve\\.ts$' },
      to: { path: '^api/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|db/target|ui/dist|\\.iamatlas)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
