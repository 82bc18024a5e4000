/**
 * The resource analysis (engine/resources) as loader rows: CAN_ACCESS edges
 * from callers to resources, one per (caller, resource) with its access levels; the
 * Resource nodes' `public` and `externalAccess` marks; the analysis's
 * findings with their evidence slimmed like every other finding's. Pure.
 *
 * Callers are nodes already: users and roles of the snapshot, accounts, and
 * the principals, services and `*` that a resource policy or a KMS grant
 * names (resource-rows.ts creates those the way trust-policy callers are).
 */
import type { Finding } from '../../engine/findings/index.ts';
import {
  isPublicEdge,
  reasonsOf,
  type CanAccessEdge,
  type LevelAccess,
  type ResourceAnalysis,
} from '../../engine/resources/types.ts';
import type { StatementRef, UnresolvedCondition } from '../../engine/types.ts';
import type { ExtraNodeSet, ExtraRelSet } from '../load/loader.ts';
import { slimCondition, slimRef } from './evidence-json.ts';
import type { Props } from './graph-rows.ts';
import { accessRowProps } from './access-text.ts';
import { levelProps } from './level-props.ts';
import { CALLER_MARK } from './shared-evidence.ts';

/** Finding kinds whose first subject is a resource reached from outside the zone of trust. */
const OUTSIDE_KINDS = new Set(['public-access', 'external-access']);

/** One CAN_ACCESS edge per (caller, resource). */
export const canAccessKey = (e: Pick<CanAccessEdge, 'from' | 'to'>): string => `CAN_ACCESS|${e.from}|${e.to}`;

const isRef = (v: unknown): v is StatementRef =>
  typeof v === 'object' && v !== null && 'policyId' in v && 'statementIndex' in v;
const isCondition = (v: unknown): v is UnresolvedCondition =>
  typeof v === 'object' && v !== null && 'key' in v && 'operator' in v && 'source' in v;

/**
 * A resource finding's evidence (`statement`, `conditions`) without statement
 * bodies; `statements` lists are slimmed by findingProps like every finding's.
 */
export function slimResourceFinding(f: Finding): Finding {
  const evidence: Record<string, unknown> = { ...f.evidence };
  if (isRef(evidence.statement)) evidence.statement = slimRef(evidence.statement);
  if (Array.isArray(evidence.conditions))
    evidence.conditions = evidence.conditions.map((c: unknown) => (isCondition(c) ? slimCondition(c) : c));
  return { ...f, evidence };
}

export interface ResourceAccessRows {
  canAccess: ExtraRelSet;
  /** `public` / `externalAccess` set to true on the Resource nodes that have them (both default to false). */
  marks: ExtraNodeSet;
  findings: Finding[];
}

/*
 * What a CAN_ACCESS relationship keeps as its own properties: `levels`, which statements filter on,
 * and the caller's key; the rest is one JSON text (`access`), the same for every principal that
 * shares a decision, so stored once (shared-evidence.ts, access-text.ts).
 */

/** Callers whose edges' texts name them, and share a decision with other principals (engine/resources/memo.ts). */
const NAMED_CALLERS = new Set<CanAccessEdge['fromKind']>(['User', 'Role']);

/** A level's properties as one text: where a caller's key must not appear for its row to be shared (SharedRows). */
const levelTexts = new WeakMap<LevelAccess, string>();

function levelText(level: LevelAccess): string {
  let text = levelTexts.get(level);
  if (text === undefined) levelTexts.set(level, (text = JSON.stringify(levelProps(level))));
  return text;
}

/** A caller key no JSON escape can overlap: an ARN of printable ASCII without quote or backslash. */
const PLAIN = /^arn:[\x20\x21\x23-\x5b\x5d-\x7e]+$/;
/** Characters JSON may write as `\u` escapes (control characters, lone surrogates): a sentence with one is written the long way. */
const ESCAPED = /[\p{Cc}\p{Cs}]/u;

/**
 * The rows' properties of principals sharing a decision (`renamed` edges: the same `levels`), made
 * once per decision and way of marking, not once per principal. Two such principals' properties
 * are the same but for `callerKey` when their reasons, with their own key written as the caller
 * mark, are the same sentences (and equal between levels alike) and no other text of the levels
 * holds either key: then accessRowProps writes the same texts for both.
 * Any other edge is written the long way.
 */
export class SharedRows {
  private readonly byLevels = new WeakMap<readonly LevelAccess[], Map<string, Props>>();
  /** `keyOf` of the edges whose sentences do not name their caller: by levels, then kind and name. */
  private readonly keys = new WeakMap<readonly LevelAccess[], Map<string, string | null>>();

  constructor(private readonly same: (text: string) => string) {}

  props(e: CanAccessEdge): Props {
    if (!NAMED_CALLERS.has(e.fromKind)) return accessRowProps(e, false, this.same);
    const key = this.keyOf(e);
    if (key === undefined) return this.full(e);
    let known = this.byLevels.get(e.levels);
    if (known === undefined) this.byLevels.set(e.levels, (known = new Map()));
    const first = known.get(key);
    if (first === undefined) {
      const props = this.full(e);
      known.set(key, props);
      return props;
    }
    const out: Props = { levels: [...(first.levels as string[])] };
    if (first.callerKey !== undefined) out.callerKey = e.from;
    if (first.access !== undefined) out.access = first.access;
    return out;
  }

  /** The edge's own row: its caller marked where its texts name it. */
  private full(e: CanAccessEdge): Props {
    return accessRowProps(e, true, this.same);
  }

  private keyOf(e: CanAccessEdge): string | undefined {
    const caller = e.from;
    if (e.renamed === undefined || e.renamed.to !== caller || !PLAIN.test(caller)) return undefined;
    let named = false;
    for (const l of e.levels) {
      const text = levelText(l);
      if (text.includes(caller) || text.includes(CALLER_MARK)) return undefined;
      if (!named) named = l.reasons.some((r) => r.includes(caller));
    }
    const { from } = e.renamed;
    if (named || !PLAIN.test(from) || bordered(caller)) return markedKey(e, caller);
    // No sentence of the decision names the caller: its marked sentences are the decision's with
    // `from` written as the mark, whoever the caller is (`bordered`), so the key is made once per
    // decision, name it was made for and kind of caller.
    let byName = this.keys.get(e.levels);
    if (byName === undefined) this.keys.set(e.levels, (byName = new Map()));
    const tag = `${e.fromKind}\u0000${e.crossAccount}\u0000${e.crossOrganization}\u0000${from}`;
    let key = byName.get(tag);
    if (key === undefined) byName.set(tag, (key = markedKey(e, caller) ?? null));
    return key ?? undefined;
  }
}

/**
 * The key of an edge whose caller no text of the levels names: its kind and zones, and per level
 * its reasons with the caller written as the mark and whether they are the first level's.
 */
function markedKey(e: CanAccessEdge, caller: string): string | undefined {
  const reasons = e.levels.map((l) => reasonsOf(e, l));
  const lead = reasons[0]!;
  const marked: (boolean | string)[][] = [];
  for (const list of reasons) {
    if (list.some((r) => r.includes(CALLER_MARK) || ESCAPED.test(r))) return undefined;
    const alike = list.length === lead.length && list.every((r, i) => r === lead[i]);
    marked.push([alike, ...list.map((r) => r.split(caller).join(CALLER_MARK))]);
  }
  return JSON.stringify([e.fromKind, e.crossAccount, e.crossOrganization, marked]);
}

/**
 * Does a proper suffix of `s` equal its prefix of the same length? When it does not, two
 * occurrences of `s` never overlap, so in a text with no occurrence of `s` where every `from` is
 * written as `s`, `s` occurs exactly where `from` was: writing those back as the mark gives the
 * same text for every such `s`.
 */
function bordered(s: string): boolean {
  const first = s.charCodeAt(0);
  for (let at = 1; at < s.length; at++) {
    if (s.charCodeAt(at) !== first) continue;
    let i = at;
    while (i < s.length && s.charCodeAt(i) === s.charCodeAt(i - at)) i++;
    if (i === s.length) return true;
  }
  return false;
}

/**
 * `public` and `externalAccess` on the Resource nodes: both for the resources a public edge reaches
 * (`publicArns`, in edge order), `externalAccess` for the first subject of an outside finding.
 */
export function resourceMarks(publicArns: readonly string[], findings: readonly Finding[]): ExtraNodeSet {
  const marks = new Map<string, { public: boolean; externalAccess: boolean }>();
  const mark = (arn: string) => {
    let m = marks.get(arn);
    if (m === undefined) marks.set(arn, (m = { public: false, externalAccess: false }));
    return m;
  };
  for (const arn of publicArns) Object.assign(mark(arn), { public: true, externalAccess: true });
  for (const f of findings) {
    const arn = f.subjects[0];
    if (arn !== undefined && OUTSIDE_KINDS.has(f.kind)) mark(arn).externalAccess = true;
  }
  return {
    file: 'load/resources',
    name: 'node-resource-marks',
    label: 'Resource',
    updatesExisting: true,
    rows: [...marks].map(([key, m]) => ({ key, props: { ...m } })),
  };
}

export function resourceAccessRows(analysis: ResourceAnalysis): ResourceAccessRows {
  // Principals sharing a decision have the same texts but for their own name: written with the
  // caller mark (shared-evidence.ts), they are one string each, stored once.
  const texts = new Map<string, string>();
  const same = (t: string): string => {
    const known = texts.get(t);
    if (known !== undefined) return known;
    texts.set(t, t);
    return t;
  };
  const shared = new SharedRows(same);
  const canAccess: ExtraRelSet = {
    file: 'load/resources',
    name: 'rel-CAN_ACCESS',
    type: 'CAN_ACCESS',
    rows: analysis.edges.map((e) => ({
      key: canAccessKey(e),
      from: e.from,
      to: e.to,
      props: shared.props(e),
    })),
  };
  return {
    canAccess,
    marks: resourceMarks(
      analysis.edges.filter(isPublicEdge).map((e) => e.to),
      analysis.findings,
    ),
    findings: analysis.findings.map(slimResourceFinding),
  };
}
