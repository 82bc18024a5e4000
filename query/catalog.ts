/**
 * What a snapshot holds, listed and looked up: the organization tree, accounts,
 * principals and what governs them, a principal's or an account's edges, one
 * finding. Statements in cypher/api/catalog.cypher; sorted and paged in Cypher.
 * Rows come back as the statements project them; callers shape them.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { edgeFromRow } from './edges.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';
import type { Edge } from './graph.ts';
import { driverOf, type Source } from './cache.ts';

const C = 'api/catalog';

export type Row = Record<string, unknown>;

/** Which slice of a sorted list: `offset` items skipped, at most `limit` kept. */
export interface Window {
  offset: number;
  limit: number;
}

/** A sort key by name (the statements know which) and its direction. */
export interface Sort {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/** One window of a list and the size of the whole list. */
export interface Counted<T> {
  total: number;
  items: T[];
}

const int = (n: number) => neo4j.int(n);

async function rows(source: Source, name: string, params: Row): Promise<Row[]> {
  const res = await driverOf(source).executeQuery(statement(C, name), params);
  return res.records.map((r) => r.toObject() as Row);
}

async function total(source: Source, name: string, params: Row): Promise<number> {
  const res = await driverOf(source).executeQuery(statement(C, name), params);
  return Number(res.records[0]?.get('total') ?? 0);
}

/** Edges of `snapshotId` from a statement returning `{from, to, type, edge}` rows (in any cypher/api file). */
export async function edgeRows(
  source: Source,
  file: string,
  name: string,
  params: Row,
  snapshotId = String(params.snapshotId),
): Promise<Edge[]> {
  const res = await driverOf(source).executeQuery(statement(file, name), params);
  const rows = res.records.map((r) => r.toObject() as Parameters<typeof edgeFromRow>[0]);
  await resolveSharedEvidence(
    source,
    snapshotId,
    rows.map((r) => r.edge),
  );
  return rows.map(edgeFromRow);
}

/** One window from a `NAME-count` / `NAME-page` statement pair of the catalog, sorted in Cypher. */
async function countedPage(
  source: Source,
  name: string,
  params: Row,
  order: Sort,
  window: Window,
  column: string,
): Promise<Counted<Row>> {
  const [count, items] = await Promise.all([
    total(source, `${name}-count`, params),
    rows(source, `${name}-page`, {
      ...params,
      sort: order.field,
      desc: order.direction === 'DESC',
      offset: int(window.offset),
      limit: int(window.limit),
    }),
  ]);
  return { total: count, items: items.map((r) => r[column] as Row) };
}

export interface AccountFilter {
  external?: boolean | null;
  inOrganization?: boolean | null;
  /** Matched case-insensitively against the id and name. */
  search?: string | null;
}

const lowerOrNull = (v: string | null | undefined) => (v ? v.toLowerCase() : null);

export function accounts(
  source: Source,
  snapshotId: string,
  filter: AccountFilter,
  order: Sort,
  window: Window,
): Promise<Counted<Row>> {
  const params = {
    snapshotId,
    external: filter.external ?? null,
    inOrganization: filter.inOrganization ?? null,
    search: lowerOrNull(filter.search),
  };
  return countedPage(source, 'accounts', params, order, window, 'account');
}

export async function account(source: Source, snapshotId: string, id: string): Promise<Row | null> {
  return ((await rows(source, 'account-by-id', { snapshotId, id }))[0]?.account as Row | undefined) ?? null;
}

export interface PrincipalFilter {
  kind?: 'User' | 'Role' | null;
  accountId?: string | null;
  /** Matched case-insensitively against the ARN. */
  search?: string | null;
}

export function principals(
  source: Source,
  snapshotId: string,
  filter: PrincipalFilter,
  order: Sort,
  window: Window,
): Promise<Counted<Row>> {
  const params = {
    snapshotId,
    kind: filter.kind ?? null,
    accountId: filter.accountId ?? null,
    search: lowerOrNull(filter.search),
  };
  return countedPage(source, 'principals', params, order, window, 'principal');
}

export async function principal(source: Source, snapshotId: string, arn: string): Promise<Row | null> {
  return (
    ((await rows(source, 'principal-by-arn', { snapshotId, arn }))[0]?.principal as Row | undefined) ?? null
  );
}

export async function principalPolicies(source: Source, snapshotId: string, key: string): Promise<Row[]> {
  return (await rows(source, 'principal-policies', { snapshotId, key })).map((r) => r.policy as Row);
}

export async function principalBoundary(
  source: Source,
  snapshotId: string,
  key: string,
): Promise<Row | null> {
  return (
    ((await rows(source, 'principal-boundary', { snapshotId, key }))[0]?.policy as Row | undefined) ?? null
  );
}

/** The principal's groups, each with its policies. */
export async function principalGroups(source: Source, snapshotId: string, key: string): Promise<Row[]> {
  return (await rows(source, 'principal-groups', { snapshotId, key })).map((r) => ({
    ...(r.group as Row),
    policies: r.policies as Row[],
  }));
}

async function edgePage(source: Source, name: string, params: Row, window: Window): Promise<Counted<Edge>> {
  const [count, items] = await Promise.all([
    total(source, `${name}-count`, params),
    edgeRows(source, C, `${name}-page`, { ...params, offset: int(window.offset), limit: int(window.limit) }),
  ]);
  return { total: count, items };
}

/** A principal's CAN_ASSUME or CAN_ESCALATE_TO edges out of it or into it; `other` keeps only the edge to/from that node. */
export function principalEdges(
  source: Source,
  snapshotId: string,
  args: {
    key: string;
    direction: 'out' | 'in';
    type: 'CAN_ASSUME' | 'CAN_ESCALATE_TO';
    other?: string | null;
  },
  window: Window,
): Promise<Counted<Edge>> {
  return edgePage(
    source,
    `edges-${args.direction}`,
    { snapshotId, key: args.key, type: args.type, other: args.other ?? null },
    window,
  );
}

/** An account's whole graph of one edge type, out of it or into it. */
export function accountEdges(
  source: Source,
  snapshotId: string,
  args: { accountId: string; direction: 'OUT' | 'IN'; type: 'CAN_ASSUME' | 'CAN_ESCALATE_TO' },
  window: Window,
): Promise<Counted<Edge>> {
  return edgePage(source, 'account-edges', { snapshotId, ...args }, window);
}

/** A finding row and the rows of the nodes it is about. */
export interface FindingRow {
  finding: Row;
  subjects: Row[];
}

export async function findingById(
  source: Source,
  snapshotId: string,
  id: string,
): Promise<FindingRow | null> {
  const r = (await rows(source, 'finding-by-id', { snapshotId, id }))[0];
  return r ? { finding: r.finding as Row, subjects: r.subjects as Row[] } : null;
}

/** admin / external of nodes the query layer returned without them. */
export async function nodeFlags(
  source: Source,
  snapshotId: string,
  keys: readonly string[],
): Promise<Map<string, { admin: boolean; external: unknown }>> {
  const found = await rows(source, 'node-flags', { snapshotId, keys: [...keys] });
  return new Map(found.map((r) => [String(r.key), { admin: r.admin === true, external: r.external }]));
}

type Unit = Row & { children: Unit[]; accounts: Row[]; policies: Row[] };

/**
 * The organization with its tree: each unit's child units, accounts and
 * policies. `account` shapes each account row; null without an organization.
 */
export async function organization(
  source: Source,
  snapshotId: string,
  account: (row: Row) => Row = (r) => r,
): Promise<(Row & { root: Unit | null }) | null> {
  const [org, units, policies, accountList] = await Promise.all([
    rows(source, 'organization', { snapshotId }),
    rows(source, 'organizational-units', { snapshotId }),
    rows(source, 'organization-policies', { snapshotId }),
    rows(source, 'accounts-page', {
      snapshotId,
      external: null,
      inOrganization: true,
      search: null,
      sort: 'ID',
      desc: false,
      offset: int(0),
      limit: int(100_000),
    }),
  ]);
  const o = org[0]?.organization as Row | undefined;
  if (!o) return null;
  const policyBy = new Map<string, Row[]>();
  for (const r of policies) {
    const t = String(r.target);
    policyBy.set(t, [...(policyBy.get(t) ?? []), r.policy as Row]);
  }
  const byId = new Map<string, Unit>();
  for (const r of units) {
    const u = r.unit as Row;
    byId.set(String(u.id), {
      ...u,
      isRoot: u.isRoot === true,
      children: [],
      accounts: [],
      policies: policyBy.get(String(u.id)) ?? [],
    });
  }
  let root: Unit | null = null;
  for (const u of byId.values()) {
    const parent = u.parentId ? byId.get(String(u.parentId)) : undefined;
    if (parent) parent.children.push(u);
    else if (u.isRoot) root = u;
  }
  for (const r of accountList) {
    const a = account(r.account as Row);
    const parent = a.parentId ? byId.get(String(a.parentId)) : undefined;
    parent?.accounts.push(a);
  }
  return { ...o, root };
}
