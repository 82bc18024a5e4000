/** Pages of the GraphQL API: cursors, first/after, connections. */
import { createGraphQLError } from 'graphql-yoga';

export interface Page {
  offset: number;
  limit: number;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** first/after → offset/limit; bad values are GraphQL input errors. */
export function pageArgs(args: { first?: number | null; after?: string | null }, maxPageSize: number): Page {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize)
    throw createGraphQLError(`first must be between 0 and ${maxPageSize}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  let offset = 0;
  if (args.after) {
    const text = Buffer.from(args.after, 'base64url').toString();
    const n = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
    if (!Number.isInteger(n) || n < 0)
      throw createGraphQLError(
        'after is not a cursor this API gave out; pass pageInfo.endCursor of the previous page.',
        {
          extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
        },
      );
    offset = n + 1;
  }
  return { offset, limit: first };
}

/** A page size that must list something (whoCan's first): 1..max. */
export function firstArg(v: unknown, dflt: number, max: number): number {
  const n = (v as number | null | undefined) ?? dflt;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw createGraphQLError(`limit must be between 1 and ${max}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
    });
  return n;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** A connection from the items of one page (already sliced) and the total. */
export function connection<T>(items: T[], page: Page, totalCount: number): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: page.offset + items.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** A connection over a list held in memory. */
export function sliceConnection<T>(all: T[], page: Page): Connection<T> {
  return connection(all.slice(page.offset, page.offset + page.limit), page, all.length);
}
