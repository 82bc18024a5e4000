/**
 * Imported for its effect, before the server's libraries load: unless NODE_ENV is set, the API
 * server's process runs them in production mode, as the container image does (Dockerfile).
 *
 * What that changes in the libraries the server loads:
 * - graphql-js skips, on every failed type test of its executor and validation, the look for a
 *   second copy of graphql-js loaded beside it (a diagnostic that throws when one is found;
 *   graphql's jsutils/instanceOf). The project has one copy (package-lock.json), and Node.js
 *   loads its CommonJS build for every importer, ES modules too (graphql 16 names no `exports`).
 * - express's default error page leaves stack traces out; the app answers every request itself
 *   (its own 404 and error handlers), so that page is never sent.
 * graphql-yoga and envelop look for `development` (and `test`) only, which this does not set.
 * See https://expressjs.com/en/advanced/best-practice-performance.html#set-node_env-to-production.
 */
process.env.NODE_ENV ??= 'production';
