/**
 * The GraphQL client: POST /graphql with the session cookie. Every failure becomes an ApiError
 * whose message says what is wrong and what to do, for the error banner. `request` sends one
 * document of queries.ts by name, typed by what GraphQL Code Generator made of it
 * (generated/documents.ts, `npm run codegen`): the compiler checks the page's use of every
 * answer, and the variables it sends, against the schema.
 */
import type { Documents } from './generated/documents.ts';
import * as Q from './queries.ts';
export type ApiErrorKind = 'offline' | 'auth' | 'database' | 'input' | 'conflict' | 'server';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const ENDPOINT = 'graphql';

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('offline', 'The IAM Atlas server does not answer. Is `iamatlas serve` still running?');
  }
  if (res.status === 401 || res.status === 403)
    throw new ApiError(
      'auth',
      'Not signed in, or the session expired. Open the sign-in link that `iamatlas serve` printed.',
    );
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(
      'server',
      `The server answered ${res.status} ${res.statusText} without a GraphQL response.`,
    );
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    const code = first.extensions?.code ?? '';
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') throw new ApiError('auth', first.message);
    if (code === 'DATABASE_UNAVAILABLE' || /neo4j|database|ServiceUnavailable/i.test(first.message))
      throw new ApiError('database', first.message);
    if (code === 'QUERY_TIMEOUT')
      throw new ApiError(
        'server',
        `${first.message} Lower the max hops or switch assumptions off to narrow it.`,
      );
    if (code === 'CONFLICT') throw new ApiError('conflict', first.message);
    if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'GRAPHQL_VALIDATION_FAILED')
      throw new ApiError('input', first.message);
    throw new ApiError('server', first.message);
  }
  if (!body.data) throw new ApiError('server', `The server answered ${res.status} with no data.`);
  return body.data;
}

/** Sends the document of queries.ts named `name`; its answer has the type generated for it. */
export function request<K extends keyof Documents>(
  name: K,
  variables: Documents[K]['variables'],
): Promise<Documents[K]['result']> {
  return gql<Documents[K]['result']>(Q[name], variables);
}
