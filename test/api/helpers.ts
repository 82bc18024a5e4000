/** Starts the API in-process on port 0 against the test Neo4j, with known tokens, and talks GraphQL to it. */
import type { Driver } from 'neo4j-driver';
import { apiConfig, type ApiConfig, type Limits } from '../../api/config.ts';
import { applyReviewSchema } from '../../api/reviews.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { hashToken, tokenCheck } from '../../api/tokens.ts';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';

export const READER = 'test-reader-token-0123456789';
export const REVIEWER = 'test-reviewer-token-0123456789';

export interface LogLine {
  [k: string]: unknown;
}

export async function startApi(
  driver: Driver,
  opts: { limits?: Partial<Limits>; config?: Partial<ApiConfig> } = {},
): Promise<RunningServer & { logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const config = apiConfig({
    tokens: tokenCheck([
      { role: 'reader', sha256: hashToken(READER) },
      { role: 'reviewer', sha256: hashToken(REVIEWER) },
    ]),
    log: (e) => logs.push(e),
    ...opts.config,
    limits: { ...apiConfig({ tokens: tokenCheck([]) }).limits, ...opts.limits },
  });
  await applyReviewSchema(driver);
  const s = await startServer({ driver, config, host: '127.0.0.1', port: 0 });
  return Object.assign(s, { logs });
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

export async function gql<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = READER,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: GqlResponse<T>['body'];
  try {
    body = JSON.parse(text) as GqlResponse<T>['body'];
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, headers: res.headers, body };
}

/** Loads the demo organization as a new snapshot with a unique name. */
export async function ingestDemo(driver: Driver, name: string, dir = DEMO_ORG_DIR): Promise<string> {
  const res = await ingestPaths(driver, [dir], { name });
  return res.snapshotId;
}
