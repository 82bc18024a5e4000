import express from 'express';
import { createGraphQLError, createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { servePair } from '../test/harness/server-pair.ts';
import { plainJsonGraphql } from './graphql-route.ts';

/** The same yoga behind express twice: with the plain JSON route in front, and alone. */
function app(withRoute: boolean) {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello(name: String!): String!  busy: String  broken: String }',
      resolvers: {
        Query: {
          hello: (_: unknown, a: { name: string }) => `hello ${a.name}`,
          busy: () => {
            throw createGraphQLError('busy', {
              extensions: {
                code: 'TOO_MANY_REQUESTS',
                http: { status: 429, headers: { 'Retry-After': '2' } },
              },
            });
          },
          broken: () => {
            throw new Error('internal detail');
          },
        },
      },
    }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: false,
    cors: false,
  });
  const a = express();
  a.use('/graphql', express.json());
  if (withRoute) a.post('/graphql', plainJsonGraphql(yoga));
  a.use('/graphql', yoga as unknown as express.RequestHandler);
  return a;
}

const served = servePair(() => [app(true), app(false)]);

const HELLO = 'query($n: String!) { hello(name: $n) }';
const cases: [string, { body: string; headers?: Record<string, string>; path?: string }][] = [
  ['an answer', { body: JSON.stringify({ query: HELLO, variables: { n: 'a' } }) }],
  [
    'an answer, Accept JSON',
    {
      body: JSON.stringify({ query: HELLO, variables: { n: 'a' } }),
      headers: { accept: 'application/json' },
    },
  ],
  ['a parse error', { body: JSON.stringify({ query: '{ hello' }) }],
  ['a validation error', { body: JSON.stringify({ query: '{ nope }' }) }],
  ['a missing variable', { body: JSON.stringify({ query: HELLO }) }],
  ['a wrong variable', { body: JSON.stringify({ query: HELLO, variables: { n: 5 } }) }],
  ['an unknown operation', { body: JSON.stringify({ query: 'query A { busy }', operationName: 'B' }) }],
  ['an error with an HTTP status', { body: JSON.stringify({ query: '{ busy }' }) }],
  ['an unexpected error (masked)', { body: JSON.stringify({ query: '{ broken }' }) }],
  ['an unknown member', { body: JSON.stringify({ query: '{ busy }', other: 1 }) }],
  ['variables of the wrong type', { body: JSON.stringify({ query: HELLO, variables: [1] }) }],
  ['a batch', { body: JSON.stringify([{ query: '{ busy }' }]) }],
  [
    'Accept graphql-response+json',
    { body: JSON.stringify({ query: '{ nope }' }), headers: { accept: 'application/graphql-response+json' } },
  ],
  ['a query string', { body: JSON.stringify({ query: HELLO, variables: { n: 'q' } }), path: '/graphql?x=1' }],
];

describe('the plain JSON route answers as yoga does', () => {
  it.each(cases)('%s', async (_name, c) => {
    const [mine, yogas] = await Promise.all(
      served.urls.map(async (url) => {
        const res = await fetch(url + (c.path ?? '/graphql'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...c.headers },
          body: c.body,
        });
        const headers = Object.fromEntries([...res.headers].filter(([k]) => k !== 'date'));
        return { status: res.status, headers, body: await res.text() };
      }),
    );
    expect(mine).toEqual(yogas);
  });
});
