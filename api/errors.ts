/**
 * Errors as clients see them: GraphQL errors with a code and a message a person
 * can act on; never a stack trace. Anything unexpected becomes "Internal
 * server error" with the request id, and is logged in full on the server.
 */
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { SnapshotNotFound } from '../ingest/load/snapshots.ts';
import { DatabaseUnavailable, QueryTimeout, RequestDeadline, classifyNeo4jError } from './neo4j.ts';
import { NotInSnapshotError, QueryInputError } from '../query/errors.ts';

/**
 * By name, not instanceof: graphql-armor loads graphql as CommonJS, and under a
 * bundler the app may see the ES module copy, so one error class can come in two.
 */
function isGraphQLError(e: unknown): e is GraphQLError {
  return e instanceof Error && e.name === 'GraphQLError';
}

export function toClientError(
  err: unknown,
  requestId: string,
  logUnexpected: (e: unknown) => void,
): GraphQLError {
  const original = isGraphQLError(err) ? (err.originalError ?? err) : err;
  const base = isGraphQLError(err) ? err : undefined;
  const make = (message: string, extensions: Record<string, unknown>) =>
    createGraphQLError(message, {
      nodes: base?.nodes,
      path: base?.path,
      extensions: { requestId, ...extensions },
    });

  if (isGraphQLError(original)) {
    // Validation, parsing, limits and our own GraphQL errors: keep message and code.
    return createGraphQLError(original.message, {
      nodes: original.nodes,
      path: original.path,
      extensions: { code: 'BAD_USER_INPUT', ...original.extensions, requestId },
    });
  }
  if (original instanceof QueryInputError)
    return make(original.message, {
      code: 'BAD_USER_INPUT',
      ...(original.argument ? { argument: original.argument } : {}),
    });
  if (original instanceof NotInSnapshotError)
    return make(original.message, { code: 'NOT_FOUND', key: original.key });
  if (original instanceof SnapshotNotFound) return make(original.message, { code: 'NOT_FOUND' });
  const classified = classifyNeo4jError(original);
  if (classified instanceof DatabaseUnavailable)
    return make(classified.message, { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } });
  if (classified instanceof QueryTimeout) return make(classified.message, { code: 'QUERY_TIMEOUT' });
  if (classified instanceof RequestDeadline) return make(classified.message, { code: 'REQUEST_TIMEOUT' });
  logUnexpected(original);
  return make(`Internal server error (request ${requestId}); the server log has the details.`, {
    code: 'INTERNAL_SERVER_ERROR',
  });
}
