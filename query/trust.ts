/**
 * Trust between accounts, from identity providers and from outside the
 * organization, over CAN_ASSUME (cypher/api/trust.cypher), with the edges an
 * assumption set rules out left out (query/assumptions.ts).
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { assumptionOf, assumptionParams, ASSUMPTION_NAMES, type Assumptions } from './assumptions.ts';
import { edgeRows, type Counted, type Row, type Sort, type Window } from './catalog.ts';
import type { Edge } from './graph.ts';
import { driverOf, type Source } from './cache.ts';

const T = 'api/trust';
const int = (n: number) => neo4j.int(n);

/** The assumption categories of some condition keys, in the order of ASSUMPTION_NAMES. */
export function assumptionsOfKeys(keys: readonly string[]): string[] {
  const found = new Set(keys.map(assumptionOf));
  return ASSUMPTION_NAMES.filter((n) => found.has(n));
}

export interface AccountTrustRow {
  fromAccount: string;
  toAccount: string;
  edgeCount: number;
  conditionalCount: number;
  external: boolean;
  roleCount: number;
  /** Assumption categories of the edges' condition keys. */
  assumptions: string[];
  /** Severities of findings about the target roles. */
  severities: string[];
}

/** Per pair of accounts, the CAN_ASSUME edges from one into roles of the other. */
export async function crossAccountTrust(
  source: Source,
  snapshotId: string,
  assumptions?: Assumptions,
): Promise<AccountTrustRow[]> {
  const res = await driverOf(source).executeQuery(statement(T, 'cross-account-summary'), {
    snapshotId,
    ...assumptionParams(assumptions),
  });
  return res.records.map((r) => ({
    fromAccount: String(r.get('fromAccount')),
    toAccount: String(r.get('toAccount')),
    edgeCount: Number(r.get('edgeCount')),
    conditionalCount: Number(r.get('conditionalCount')),
    external: r.get('external') === true,
    roleCount: Number(r.get('roleCount')),
    assumptions: assumptionsOfKeys(r.get('conditionKeys') as string[]),
    severities: r.get('severities') as string[],
  }));
}

/** One window of the edges of one pair of accounts. */
export function crossAccountEdges(
  source: Source,
  snapshotId: string,
  args: { fromAccount: string; toAccount: string; assumptions?: Assumptions },
  window: Window,
): Promise<Edge[]> {
  return edgeRows(source, T, 'cross-account-edges', {
    snapshotId,
    fromAccount: args.fromAccount,
    toAccount: args.toAccount,
    ...assumptionParams(args.assumptions),
    offset: int(window.offset),
    limit: int(window.limit),
  });
}

export interface ProviderTrustRow {
  provider: Row;
  toAccount: string;
  roleCount: number;
  conditionalCount: number;
  assumptions: string[];
}

/** Per identity provider of the organization and target account: the roles it signs people into. */
export async function providerTrust(
  source: Source,
  snapshotId: string,
  assumptions?: Assumptions,
): Promise<ProviderTrustRow[]> {
  const res = await driverOf(source).executeQuery(statement(T, 'provider-summary'), {
    snapshotId,
    ...assumptionParams(assumptions),
  });
  return res.records.map((r) => ({
    provider: r.get('provider') as Row,
    toAccount: String(r.get('toAccount')),
    roleCount: Number(r.get('roleCount')),
    conditionalCount: Number(r.get('conditionalCount')),
    assumptions: assumptionsOfKeys(r.get('conditionKeys') as string[]),
  }));
}

/** One window of the CAN_ASSUME edges that cross the organization's boundary. */
export async function externalTrust(
  source: Source,
  snapshotId: string,
  assumptions: Assumptions | undefined,
  order: Sort,
  window: Window,
): Promise<Counted<Edge>> {
  const filter = assumptionParams(assumptions);
  const [count, items] = await Promise.all([
    driverOf(source).executeQuery(statement(T, 'external-trust-count'), { snapshotId, ...filter }),
    edgeRows(source, T, 'external-trust-page', {
      snapshotId,
      ...filter,
      sort: order.field,
      desc: order.direction === 'DESC',
      offset: int(window.offset),
      limit: int(window.limit),
    }),
  ]);
  return { total: Number(count.records[0]?.get('total') ?? 0), items };
}
