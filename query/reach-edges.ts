/**
 * The properties of a snapshot's CAN_ASSUME edges that an answer's hops show
 * (see toHop in query/graph.ts), held by the reachability index
 * (query/reach-index.ts) so that a first answer needs no database read.
 *
 * Kept compact: the texts (evidence and conditions as JSON, reason sentences)
 * are interned once each, after the edge's own two ends are taken out of them
 * (a trust policy's id is its role's ARN, and a reason names the caller and
 * the role), so that the many edges whose texts differ only by their ends
 * share one text; the small properties (kind, actions, mechanism, how the
 * trust names the caller, flags, SCP ids) are interned as one record per
 * distinct combination. An edge then holds a few numbers. Putting the ends
 * back gives the text exactly as stored.
 */
import type { Hop } from './graph.ts';
import { toHop } from './graph.ts';

type Props = Record<string, unknown>;

/** Stand-ins for an edge's ends inside its texts (texts or keys that hold them are kept as they are). */
const FROM = '\u0001';
const TO = '\u0002';
const hasMarks = (s: string) => s.includes(FROM) || s.includes(TO);

/** A text's number: -1 none; 0 and up, a text with the ends taken out; -2 and down, a text kept whole. */
const NONE = -1;
const whole = (id: number) => -2 - id;

/** The small properties toHop reads besides the texts, as stored. */
const SMALL = [
  'fromKind',
  'actions',
  'mechanism',
  'via',
  'conditional',
  'orgPolicyIds',
  'crossAccount',
  'crossOrganization',
  'roleChaining',
] as const;

/** Tells undefined from null in the records' identity (toHop reads them differently). */
const smallKey = (p: Props) =>
  JSON.stringify(
    SMALL.map((k) => p[k]),
    (_k, v: unknown) => (v === undefined ? '\u0000undefined' : v),
  );

export class ReachEdgesBuilder {
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();
  private readonly smalls: Props[] = [];
  private readonly smallIds = new Map<string, number>();
  private readonly small: number[] = [];
  private readonly evidence: number[] = [];
  private readonly conditions: number[] = [];
  private readonly reasonOffset: number[] = [0];
  private readonly reasons: number[] = [];

  /** The next edge's properties (evidence already put back, query/shared-evidence.ts), its ends by key. */
  add(p: Props, from: string, to: string): void {
    const key = smallKey(p);
    let s = this.smallIds.get(key);
    if (s === undefined) {
      s = this.smalls.push(Object.freeze(Object.fromEntries(SMALL.map((k) => [k, p[k]])))) - 1;
      this.smallIds.set(key, s);
    }
    this.small.push(s);
    this.evidence.push(this.text(p.evidence, from, to));
    this.conditions.push(this.text(p.conditions, from, to));
    if (Array.isArray(p.reasons))
      for (const r of p.reasons as unknown[]) this.reasons.push(this.text(String(r), from, to));
    this.reasonOffset.push(this.reasons.length);
  }

  private text(v: unknown, from: string, to: string): number {
    if (v === undefined || v === null) return NONE;
    const s = String(v);
    const plain = hasMarks(s) || hasMarks(from) || hasMarks(to) || !from || !to;
    // The longer end first, so that an end found inside the other is not taken out of it.
    const [a, am, b, bm] = from.length >= to.length ? [from, FROM, to, TO] : [to, TO, from, FROM];
    const t = plain ? s : s.replaceAll(a, am).replaceAll(b, bm);
    const key = plain ? `\u0000${s}` : t;
    let id = this.textIds.get(key);
    if (id === undefined) {
      id = this.texts.push(t) - 1;
      this.textIds.set(key, id);
    }
    return plain ? whole(id) : id;
  }

  build(): ReachEdges {
    return new ReachEdges(
      this.texts,
      this.smalls,
      Uint32Array.from(this.small),
      Int32Array.from(this.evidence),
      Int32Array.from(this.conditions),
      Uint32Array.from(this.reasonOffset),
      Int32Array.from(this.reasons),
    );
  }
}

export class ReachEdges {
  constructor(
    private readonly texts: readonly string[],
    private readonly smalls: readonly Props[],
    private readonly small: Uint32Array,
    private readonly evidence: Int32Array,
    private readonly conditions: Int32Array,
    private readonly reasonOffset: Uint32Array,
    private readonly reasons: Int32Array,
  ) {}

  /** Edge `e` (numbered in the order added) as a Hop from `from` to `to`, its ends' keys. */
  hop(e: number, from: string, to: string): Hop {
    const text = (code: number): string | undefined => {
      if (code === NONE) return undefined;
      if (code < NONE) return this.texts[-2 - code]!;
      const t = this.texts[code]!;
      return t.replaceAll(FROM, from).replaceAll(TO, to);
    };
    const reasons: string[] = [];
    for (let i = this.reasonOffset[e]!; i < this.reasonOffset[e + 1]!; i++)
      reasons.push(text(this.reasons[i]!)!);
    return toHop(from, to, {
      ...this.smalls[this.small[e]!],
      evidence: text(this.evidence[e]!),
      conditions: text(this.conditions[e]!),
      reasons,
    });
  }

  /** Distinct texts and property records kept. */
  get distinct(): { texts: number; records: number } {
    return { texts: this.texts.length, records: this.smalls.length };
  }

  /** Rough bytes held: texts at one byte a character (V8 keeps ASCII so), the arrays, the records. */
  get approximateBytes(): number {
    let n = 0;
    for (const t of this.texts) n += t.length + 24;
    return (
      n +
      this.smalls.length * 400 +
      this.small.byteLength +
      this.evidence.byteLength +
      this.conditions.byteLength +
      this.reasonOffset.byteLength +
      this.reasons.byteLength
    );
  }
}
