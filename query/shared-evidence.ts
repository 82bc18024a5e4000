/**
 * Puts shared evidence back on edges read from a snapshot (docs/graph-model.md,
 * shared evidence): an edge loaded with `evidenceRef`, `conditionsRef`,
 * `levelDetailRef`, `chainRef` or `reasonRefs` gets `evidence`, `conditions`,
 * `levelDetail`, `chain` and `reasons` as they were before the load stored them
 * once (ingest/transform/shared-evidence.ts; in `reasonRefs`, INLINE takes the
 * next of the edge's own `reasons`), so every read answers as if each edge held
 * its own copy. An edge with `access` gets the properties it bundles back; one with `callerKey` gets that key back where its
 * `reasons` and `levelDetail` write the caller mark. Edges without references
 * (snapshots loaded before, hand-written test graphs) are left as they are,
 * without a query.
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import {
  BUNDLE_PROP,
  CALLER_MARK,
  CALLER_PROP,
  CALLER_TEXT_PROPS,
  INLINE,
  SHARED_LIST_PROP,
  SHARED_TEXT_PROPS,
  refName,
} from '../ingest/transform/shared-evidence.ts';
import { readOnce } from '../db/read-once.ts';
import { driverOf, type Source } from './cache.ts';

type Props = Record<string, unknown>;

/** Texts kept across reads (a snapshot never changes, and its id is never reused); dropped past this many. */
const MAX_KEPT = 200_000;
const kept = new Map<string, Map<number, string>>();
let keptCount = 0;

const refsOf = (props: Props): number[] => {
  const ids: number[] = [];
  for (const name of SHARED_TEXT_PROPS) {
    const ref = props[refName(name)];
    if (ref !== undefined && ref !== null) ids.push(Number(ref));
  }
  const list = props[refName(SHARED_LIST_PROP)];
  if (Array.isArray(list)) for (const r of list) if (Number(r) !== INLINE) ids.push(Number(r));
  return ids;
};

/** The properties bundled into one text (ingest/transform/shared-evidence.ts, bundleProps) back on the edge. */
function unbundle(e: Props): void {
  const text = e[BUNDLE_PROP];
  if (typeof text !== 'string') return;
  delete e[BUNDLE_PROP];
  Object.assign(e, JSON.parse(text) as Props);
}

/** The edge's caller key back in place of the caller mark (ingest/transform/shared-evidence.ts, markCaller). */
function unmarkCaller(e: Props): void {
  const caller = e[CALLER_PROP];
  if (typeof caller !== 'string') return;
  const unmark = (t: unknown): unknown => (typeof t === 'string' ? t.split(CALLER_MARK).join(caller) : t);
  for (const name of CALLER_TEXT_PROPS) {
    const v = e[name];
    if (typeof v === 'string') e[name] = unmark(v);
    else if (Array.isArray(v)) e[name] = v.map(unmark);
  }
  delete e[CALLER_PROP];
}

/**
 * An edge's own texts back in place (its bundled properties, its caller's key for the mark): all
 * a read does for an edge without shared references. In place; pure.
 */
export function restoreOwnTexts(e: Props): void {
  unbundle(e);
  unmarkCaller(e);
}

/** Replaces, in place, the references of `edges` (relationship property maps of `snapshotId`) by their texts. */
export async function resolveSharedEvidence(
  source: Source,
  snapshotId: string,
  edges: Iterable<Props | null | undefined>,
): Promise<void> {
  const withRefs: Props[] = [];
  const wanted = new Set<number>();
  let texts = kept.get(snapshotId);
  for (const e of edges) {
    if (!e) continue;
    const ids = refsOf(e);
    if (ids.length === 0 && !Array.isArray(e[refName(SHARED_LIST_PROP)])) {
      restoreOwnTexts(e);
      continue;
    }
    withRefs.push(e);
    for (const id of ids) if (!texts?.has(id)) wanted.add(id);
  }
  if (withRefs.length === 0) return;
  if (wanted.size > 0) {
    // One statement for the numbers no earlier read brought.
    const res = await readOnce(driverOf(source), statement('queries/shared-evidence', 'evidence-texts'), {
      snapshotId,
      ids: [...wanted].map((id) => neo4j.int(id)),
    });
    if (keptCount + res.records.length > MAX_KEPT) {
      kept.clear();
      keptCount = 0;
    }
    texts = kept.get(snapshotId) ?? new Map<number, string>();
    kept.set(snapshotId, texts);
    for (const r of res.records) {
      texts.set(Number(r.get('id')), String(r.get('text')));
      keptCount++;
    }
  }
  const textOf = (ref: unknown): string => {
    const text = texts!.get(Number(ref));
    if (text === undefined)
      throw new Error(
        `snapshot ${snapshotId} has no evidence text ${String(ref)}: delete it and ingest again`,
      );
    return text;
  };
  for (const e of withRefs) {
    for (const name of SHARED_TEXT_PROPS) {
      const ref = e[refName(name)];
      if (ref === undefined || ref === null) continue;
      e[name] = textOf(ref);
      delete e[refName(name)];
    }
    const list = e[refName(SHARED_LIST_PROP)];
    if (Array.isArray(list)) {
      const own = Array.isArray(e[SHARED_LIST_PROP]) ? (e[SHARED_LIST_PROP] as unknown[]) : [];
      let next = 0;
      e[SHARED_LIST_PROP] = list.map((r) => (Number(r) === INLINE ? own[next++] : textOf(r)));
      delete e[refName(SHARED_LIST_PROP)];
    }
    restoreOwnTexts(e);
  }
}
