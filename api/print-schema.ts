/**
 * The schema as SDL, read the way a client sees it: through introspection.
 * `node --import tsx api/print-schema.ts > api/schema.graphql` rewrites the
 * committed file; test/api/queries.test.ts fails when it and the running server differ.
 */
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import path from 'node:path';
import { projectRoot } from '../db/paths.ts';
import { buildSchema } from './app.ts';

/** SDL from an introspection result (e.g. fetched from a running server), formatted as the repository formats it. */
export async function sdlFromIntrospection(result: IntrospectionQuery): Promise<string> {
  const { format, resolveConfig } = await import('prettier');
  const file = path.join(projectRoot, 'api', 'schema.graphql');
  const options = (await resolveConfig(file)) ?? {};
  return format(printSchema(buildClientSchema(result)), { ...options, filepath: file });
}

export const introspectionQuery = (): string =>
  getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });

async function main(): Promise<void> {
  const { graphql } = await import('graphql');
  const res = await graphql({ schema: buildSchema(), source: introspectionQuery() });
  if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('\n'));
  process.stdout.write(await sdlFromIntrospection(res.data as unknown as IntrospectionQuery));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
