/**
 * CAN_ACCESS rows made one resource at a time, as the resource analysis decides them
 * (engine/resources/analyse.ts, `eachResourceAccess`), and handed on at once as records, so
 * that neither every edge nor every row is in memory together: a large organization's edges
 * and rows are gigabytes (docs/benchmarks.md).
 *
 * A row's properties are those resourceAccessRows gives (resource-access-rows.ts): `levels`,
 * `callerKey` and one JSON text, `access`. That text is shared evidence (shared-evidence.ts)
 * when two rows or more carry it, which is known only once every resource is done. So a record
 * names its text by a number (texts numbered in the order they are first met, equal texts told
 * by their SHA-256 digest) and carries the text itself only where it is first met; `finish`
 * then turns records into rows with `access` or `accessRef`, the shared texts numbered as
 * EvidenceTable numbers them: after the other edges' texts, in the order of the rows that
 * first carry them. An `access` text is a JSON object, which no other edge's shared text is
 * (JSON lists and sentences), so counting it apart from them counts it the same. Pure.
 */
import crypto from 'node:crypto';
import type { Finding } from '../../engine/findings/index.ts';
import type { ResourcePart } from '../../engine/resources/analyse.ts';
import { isPublicEdge } from '../../engine/resources/types.ts';
import type { ExtraNodeSet, ExtraRelSet } from '../load/loader.ts';
import type { Props } from './graph-rows.ts';
import { canAccessKey, resourceMarks, SharedRows, slimResourceFinding } from './resource-access-rows.ts';
import { BUNDLE_PROP, refName } from './shared-evidence.ts';

/**
 * One CAN_ACCESS row before its `access` text is known to be shared: caller, resource, the
 * properties but `access`, the text's number, and the text where it is first met (else null).
 * Plain JSON, so it can be kept on disk until loaded.
 */
type Row = ExtraRelSet['rows'][number];

/**
 * A text's SHA-256 digest in base64: `crypto.hash` where Node has it (20.12 and later,
 * https://nodejs.org/api/crypto.html#cryptohashalgorithm-data-outputencoding), which makes no Hash
 * object per text; else the same digest through `createHash`.
 */
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'base64')
    : (text) => crypto.createHash('sha256').update(text).digest('base64');

export type AccessRecord = [from: string, to: string, props: Props, text: number, access: string | null];

/** What the records become once every resource is done. */
export interface FinishedAccess {
  /** The `access` texts two rows or more carry, as EvidenceText rows. */
  texts: { key: string; props: Props }[];
  /** A record as the CAN_ACCESS row resourceAccessRows and EvidenceTable would have made. */
  row: (record: AccessRecord) => Row;
}

export class ResourceAccessStream {
  /** One copy of equal texts within one resource's rows (where principals share decisions). */
  private readonly partTexts = new Map<string, string>();
  private readonly shared = new SharedRows((t) => {
    const known = this.partTexts.get(t);
    if (known !== undefined) return known;
    this.partTexts.set(t, t);
    return t;
  });
  /** Text digest → its number. */
  private readonly numbers = new Map<string, number>();
  /** Rows carrying each text, by number. */
  private readonly counts: number[] = [];
  /**
   * The texts met twice or more, by number, as UTF-8 until `finish`: mostly ASCII, but a caller
   * mark makes the string two bytes a character, and off the heap the collector never walks them.
   */
  private readonly sharedTexts = new Map<number, Buffer>();
  private readonly publicArns: string[] = [];
  private readonly findings: Finding[] = [];
  rows = 0;

  /**
   * `emit` takes the records in order, each as soon as it is made (one resource's first-met texts
   * are not held together until the resource is done); they are not kept here.
   */
  constructor(private readonly emit: (records: AccessRecord[]) => void) {}

  add(part: ResourcePart): void {
    const local = new Map<string, number>();
    for (const edge of part.edges) {
      const props = this.shared.props(edge);
      const access = props[BUNDLE_PROP];
      if (typeof access !== 'string') throw new Error(`CAN_ACCESS ${canAccessKey(edge)} has no access text`);
      const rest: Props = {};
      for (const k in props) if (k !== BUNDLE_PROP) rest[k] = props[k]!;
      let no = local.get(access);
      let first = false;
      if (no === undefined) {
        const digest = sha256(access);
        no = this.numbers.get(digest);
        if (no === undefined) {
          no = this.counts.length;
          this.numbers.set(digest, no);
          this.counts.push(0);
          first = true;
        }
        local.set(access, no);
      }
      if (++this.counts[no]! === 2) this.sharedTexts.set(no, Buffer.from(access, 'utf8'));
      this.emit([[edge.from, edge.to, rest, no, first ? access : null]]);
      this.rows++;
      if (isPublicEdge(edge)) this.publicArns.push(edge.to);
    }
    for (const f of part.findings) this.findings.push(f);
    this.partTexts.clear();
  }

  /** `firstId`: the number EvidenceTable gives its next shared text (how many the other edges share). */
  finish(firstId: number): FinishedAccess {
    const ids = new Int32Array(this.counts.length).fill(-1);
    const texts: FinishedAccess['texts'] = [];
    let next = firstId;
    this.counts.forEach((count, no) => {
      if (count < 2) return;
      ids[no] = next;
      texts.push({
        key: `evidence:${next}`,
        props: { id: next, text: this.sharedTexts.get(no)!.toString('utf8') },
      });
      next++;
    });
    this.sharedTexts.clear();
    this.numbers.clear();
    const ref = refName(BUNDLE_PROP);
    const row = ([from, to, rest, no, access]: AccessRecord): Row => {
      const props: Props = { ...rest };
      const id = ids[no]!;
      if (id >= 0) props[ref] = id;
      else if (access !== null) props[BUNDLE_PROP] = access;
      else throw new Error(`CAN_ACCESS|${from}|${to}: its access text was not kept`);
      return { key: canAccessKey({ from, to }), from, to, props };
    };
    return { texts, row };
  }

  /** The Resource nodes' marks and the findings of every resource added so far. */
  results(): { marks: ExtraNodeSet; findings: Finding[] } {
    return {
      marks: resourceMarks(this.publicArns, this.findings),
      findings: this.findings.map(slimResourceFinding),
    };
  }
}
