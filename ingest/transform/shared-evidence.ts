/**
 * Evidence written once per snapshot and referenced from the edges that share it
 * (docs/graph-model.md, shared evidence). CAN_ASSUME, CAN_ESCALATE_TO and
 * CAN_ACCESS edges repeat the same statement references, conditions, reason
 * sentences and level details many times over; each text that two edges or more
 * carry becomes one `EvidenceText` row with a number, and the edges keep the
 * number in place of the text: `evidence` → `evidenceRef`, `conditions` →
 * `conditionsRef`, `levelDetail` → `levelDetailRef`, `chain` → `chainRef`.
 * `reasons` → `reasonRefs`: one number per sentence, in order, where
 * `INLINE` (-1) stands for the next sentence of the edge's own `reasons`
 * (a sentence no other edge has, kept on the edge). Texts only one edge
 * carries, and empty lists, stay on the edge. The query layer puts the texts
 * back (query/shared-evidence.ts). Before counting, an edge's `reasons` and
 * `levelDetail` may write its caller's key as CALLER_MARK (`markCaller`, with the
 * key in `callerKey`), so that edges whose texts differ only by the caller they
 * name (principals sharing one decision) share them too; and `bundleProps` may
 * move an edge's properties into one text (`access`), shared like the others. Pure.
 */
import type { Props } from './graph-rows.ts';

/** Edge properties holding one JSON text each. */
export const SHARED_TEXT_PROPS = ['evidence', 'conditions', 'levelDetail', 'chain', 'access'] as const;
/** The edge property holding, as one JSON object, the properties `bundleProps` moved off the edge. */
export const BUNDLE_PROP = 'access';
/** The edge property holding a list of sentences. */
export const SHARED_LIST_PROP = 'reasons';
/** In `reasonRefs`: the next sentence kept in the edge's own `reasons`. */
export const INLINE = -1;

export const refName = (prop: string): string => (prop === SHARED_LIST_PROP ? 'reasonRefs' : `${prop}Ref`);

/**
 * Stands for the edge's caller in its `reasons` and `levelDetail` (a private-use character, which
 * no policy, ARN or sentence of the analysis writes; an edge whose texts hold it is left unmarked).
 */
export const CALLER_MARK = '\uE000';
/** The edge property holding the caller key that CALLER_MARK stands for. */
export const CALLER_PROP = 'callerKey';
/** Edge properties whose texts may name the edge's caller. */
export const CALLER_TEXT_PROPS = ['reasons', 'levelDetail'] as const;

/**
 * The edge's `reasons` and `levelDetail` with every occurrence of `caller` written as CALLER_MARK,
 * and `callerKey: caller`, in place (query/shared-evidence.ts reverses it exactly). `same` returns
 * one copy of equal texts, so edges naming different callers the same way hold one string. Left as
 * it is when no text names the caller or one already holds the mark.
 */
export function markCaller(props: Props, caller: string, same: (text: string) => string = (t) => t): Props {
  const texts = CALLER_TEXT_PROPS.flatMap((name) => {
    const v = props[name];
    return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
  });
  if (caller === '' || texts.some((t) => t.includes(CALLER_MARK)) || !texts.some((t) => t.includes(caller)))
    return props;
  const mark = (t: string): string => same(t.split(caller).join(CALLER_MARK));
  for (const name of CALLER_TEXT_PROPS) {
    const v = props[name];
    if (typeof v === 'string') props[name] = mark(v);
    else if (Array.isArray(v)) props[name] = (v as string[]).map(mark);
  }
  props[CALLER_PROP] = caller;
  return props;
}

/**
 * The edge's `keep` properties, and every other one moved into one JSON object text under `access`
 * (null and undefined values left out, as the load leaves them out), so that edges whose properties
 * are the same but for `keep` share one text. query/shared-evidence.ts puts them back. A new object:
 * deleting the moved properties from the given one would leave it in dictionary mode, several times
 * larger, and the rows keep it until they are loaded.
 */
export function bundleProps(
  props: Props,
  keep: readonly string[],
  same: (text: string) => string = (t) => t,
): Props {
  const kept: Props = {};
  const moved: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (keep.includes(k)) kept[k] = v;
    else if (v !== null && v !== undefined) moved[k] = v;
  }
  kept[BUNDLE_PROP] = same(JSON.stringify(moved));
  return kept;
}

const sharable = (v: unknown): v is string => typeof v === 'string' && v !== '[]';

/**
 * The texts of one snapshot's edges: first every edge is counted (`count`), then each edge's
 * texts that more than one edge carries are replaced by their numbers (`share`), numbered from 0
 * in the order first shared.
 */
export class EvidenceTable {
  private readonly seen = new Map<string, number>();
  private readonly ids = new Map<string, number>();

  count(props: Props): void {
    for (const name of SHARED_TEXT_PROPS) {
      const text = props[name];
      if (sharable(text)) this.seen.set(text, (this.seen.get(text) ?? 0) + 1);
    }
    const reasons = props[SHARED_LIST_PROP];
    if (Array.isArray(reasons))
      for (const r of reasons as string[]) this.seen.set(r, (this.seen.get(r) ?? 0) + 1);
  }

  /** The text's number when more than one edge carries it. */
  private idOf(text: string): number | undefined {
    if ((this.seen.get(text) ?? 0) < 2) return undefined;
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }

  /**
   * The edge's properties with its shared texts replaced by their numbers: a new object when
   * a text moved (deleting properties from the given one would turn it into a slower and
   * larger dictionary-mode object, hundreds of thousands of times over), else the same one.
   */
  share(props: Props): Props {
    let refs: Props | undefined;
    for (const name of SHARED_TEXT_PROPS) {
      const text = props[name];
      const id = sharable(text) ? this.idOf(text) : undefined;
      if (id !== undefined) (refs ??= {})[refName(name)] = id;
    }
    let inline: string[] | undefined;
    const reasons = props[SHARED_LIST_PROP];
    if (Array.isArray(reasons) && reasons.length > 0) {
      const reasonRefs = (reasons as string[]).map((r) => this.idOf(r) ?? INLINE);
      if (reasonRefs.some((r) => r !== INLINE)) {
        (refs ??= {})[refName(SHARED_LIST_PROP)] = reasonRefs;
        inline = (reasons as string[]).filter((_, i) => reasonRefs[i] === INLINE);
      }
    }
    if (!refs) return props;
    const out: Props = {};
    for (const key of Object.keys(props)) {
      if (key === SHARED_LIST_PROP && inline) out[key] = inline;
      else if (!(refName(key) in refs)) out[key] = props[key]!;
    }
    return Object.assign(out, refs);
  }

  /** The shared texts as `EvidenceText` rows: key `evidence:<id>`, properties `id` and `text`. */
  rows(): { key: string; props: Props }[] {
    this.seen.clear();
    return [...this.ids].map(([text, id]) => ({ key: `evidence:${id}`, props: { id, text } }));
  }
}

/**
 * One list object per distinct list of values across the edges' properties: most edges carry
 * the same few condition-key, organization-policy, catalog and reference lists (often empty),
 * and a list object costs more than its values. The edge's own reason sentences, no other
 * edge's, are left alone. Lists are never mutated once made, so sharing them is safe.
 */
export class SameLists {
  private readonly lists = new Map<string, string[] | number[]>();

  share(props: Props): Props {
    for (const [name, value] of Object.entries(props)) {
      if (!Array.isArray(value) || name === SHARED_LIST_PROP) continue;
      const key = `${typeof value[0]}\u0001${(value as (string | number)[]).join('\u0000')}`;
      const known = this.lists.get(key);
      if (known) props[name] = known;
      else this.lists.set(key, value);
    }
    return props;
  }
}
