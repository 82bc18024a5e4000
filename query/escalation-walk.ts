/**
 * The escalation graph around some principals: their CAN_ASSUME and
 * CAN_ESCALATE_TO edges and those of every node they reach, breadth-first with
 * the `escalation-out` statement of cypher/api/escalation.cypher (one hop at a
 * time, all starts together). Escalation paths and admin ways walk what it finds.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { assumptionParams, type Assumptions } from './assumptions.ts';
import { edgeFromRow, nodeFromKey } from './edges.ts';
import { hopOf, type Edge, type NodeKind, type NodeRef } from './graph.ts';
import { driverOf, type Source } from './cache.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

/** Rows one statement may return before the walk reports itself truncated. */
export const ROWS_PER_STATEMENT = 20_000;
/** Frontier keys per statement. */
const KEYS_PER_STATEMENT = 500;

/** The edges out of every node within maxHops - 1 hops of a start, and which of them gain admin. */
export interface Explored {
  out: Map<string, Edge[]>;
  gainsAdmin: Set<Edge>;
  /** A statement returned its row limit: some edges may be missing. */
  truncated: boolean;
}

export type RowObject = Record<string, unknown>;
type EdgeRow = Parameters<typeof edgeFromRow>[0];

/** The edge properties of an `escalation-out-listing` row, in the order the statement lists them. */
const LISTING_EDGE_PROPS = [
  'method',
  'mechanism',
  'via',
  'fromKind',
  'actions',
  'conditional',
  'crossAccount',
  'conditions',
  'chain',
  'conditionsRef',
  'chainRef',
  'evidence',
  'evidenceRef',
] as const;

/** The properties of a listing row's edge, named. */
const listingProps = (values: unknown): RowObject => {
  const props: RowObject = {};
  const list = values as unknown[];
  for (let i = 0; i < LISTING_EDGE_PROPS.length; i++) props[LISTING_EDGE_PROPS[i]!] = list[i] ?? null;
  return props;
};

/** Edges from `escalation-out-listing` rows, each node built once. */
function listingEdges(): (row: RowObject) => Edge {
  const nodes = new Map<string, NodeRef>();
  const node = (key: string, kind?: NodeKind): NodeRef => {
    let n = nodes.get(key);
    if (!n) nodes.set(key, (n = nodeFromKey(key, kind)));
    return n;
  };
  return (row) => {
    const to = node(String(row.to), typeof row.toKind === 'string' ? (row.toKind as NodeKind) : undefined);
    const from = node(String(row.from));
    const { from: _f, to: _t, ...hop } = hopOf(String(row.type), from.key, to.key, row.edge as RowObject);
    return { ...hop, from, to };
  };
}

/**
 * A fixed order of a node's edges (type, far end, method, mechanism, via, actions), so that the
 * ways found depend neither on how the walk was batched nor on the order Neo4j stored the edges in
 * (two loads of one input list the same paths in the same order).
 */
const edgeOrder = (x: Edge, y: Edge): number =>
  cmp(x.type, y.type) ||
  cmp(x.to.key, y.to.key) ||
  cmp(x.method ?? '', y.method ?? '') ||
  cmp(x.mechanism ?? '', y.mechanism ?? '') ||
  cmp(x.via ?? '', y.via ?? '') ||
  cmpLists(x.actions ?? [], y.actions ?? []);

const cmp = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

function cmpLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = cmp(a[i]!, b[i]!);
    if (c) return c;
  }
  return a.length - b.length;
}

/**
 * Explores breadth-first from `starts` over CAN_ASSUME and CAN_ESCALATE_TO edges (without those
 * whose conditions `assumptions` drop): every node within maxHops - 1 hops is expanded, so every
 * walk of at most maxHops edges is known. With `sorted`, each node's edges come in a fixed order.
 *
 * With `towardAdmin`, only what a walk to admin of at most maxHops edges can use: an edge taken
 * as hop h is kept when it reaches admin or leads to a node whose stored `hopsToAdmin` is at most
 * maxHops - h, and the walk does not go on through an edge that reaches admin. Every such walk
 * from a start is still known, and each node's edges keep their order.
 *
 * With `listing`, each edge carries only what `query escalations` prints or walks by
 * (`escalation-out-listing`): its ends by key (the far end with its kind), method, mechanism,
 * via, actions, conditions, capability chain, and its evidence only when `listing.evidence`;
 * its other lists (reasons, organization policies) are empty.
 */
export async function exploreEscalation(
  source: Source,
  snapshotId: string,
  starts: readonly string[],
  maxHops: number,
  opts: {
    assumptions?: Assumptions;
    towardAdmin?: boolean;
    listing?: { evidence: boolean };
    /** The first hop's rows, already read (escalation-listing-start): hop 1 is not asked again. */
    firstRows?: RowObject[];
  } = {},
): Promise<Explored> {
  const db = driverOf(source);
  const edgeOf = opts.listing ? listingEdges() : (r: RowObject) => edgeFromRow(r as EdgeRow);
  const out = new Map<string, Edge[]>();
  const gainsAdmin = new Set<Edge>();
  const expanded = new Set<string>();
  let frontier = [...new Set(starts)];
  let truncated = false;
  for (let hop = 1; hop <= maxHops && frontier.length; hop++) {
    for (const k of frontier) expanded.add(k);
    const next = new Set<string>();
    const take = async (rows: RowObject[]): Promise<void> => {
      if (rows.length >= ROWS_PER_STATEMENT) truncated = true;
      if (opts.listing) for (const r of rows) r.edge = listingProps(r.edge);
      await resolveSharedEvidence(
        source,
        snapshotId,
        rows.map((r) => r.edge as RowObject),
      );
      for (const r of rows) {
        const e = edgeOf(r);
        const reachesAdmin = r.reachesAdmin === true;
        if (reachesAdmin) gainsAdmin.add(e);
        const list = out.get(e.from.key) ?? [];
        list.push(e);
        out.set(e.from.key, list);
        if (!expanded.has(e.to.key) && !(opts.towardAdmin && reachesAdmin)) next.add(e.to.key);
      }
    };
    if (hop === 1 && opts.firstRows) await take(opts.firstRows);
    else
      for (let i = 0; i < frontier.length; i += KEYS_PER_STATEMENT) {
        const res = await db.executeQuery(
          statement('api/escalation', opts.listing ? 'escalation-out-listing' : 'escalation-out'),
          {
            snapshotId,
            keys: frontier.slice(i, i + KEYS_PER_STATEMENT),
            rowLimit: neo4j.int(ROWS_PER_STATEMENT),
            remaining: opts.towardAdmin ? neo4j.int(maxHops - hop) : null,
            ...assumptionParams(opts.assumptions),
            ...(opts.listing ? { evidence: opts.listing.evidence } : {}),
          },
        );
        await take(res.records.map((r) => r.toObject()));
      }
    frontier = [...next];
  }
  for (const list of out.values()) list.sort(edgeOrder);
  return { out, gainsAdmin, truncated };
}
