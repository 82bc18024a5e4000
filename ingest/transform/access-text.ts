/**
 * A CAN_ACCESS row's properties (docs/graph-model.md, resources): `levels`, the caller's key when
 * the texts write it as the caller mark (shared-evidence.ts), and every other property as one JSON
 * text, `access`, which query/shared-evidence.ts reads back. The one writer of that text. It is put
 * together from pieces each level keeps once (its `actions` and the properties after
 * `conditionKeys`, as JSON), so the long texts a level repeats (its conditions and evidence) are
 * not written again for every edge that cites it. ingest/transform/resource-rows.test.ts holds it
 * to the format written the plain way, object by object (test/harness/can-access-reference.ts). Pure.
 */
import { reasonsOf, type CanAccessEdge, type LevelAccess } from '../../engine/resources/types.ts';
import type { Props } from './graph-rows.ts';
import { LEVEL_DETAIL_KEYS, levelProps, sameValue, type LevelProps } from './level-props.ts';
import { BUNDLE_PROP, CALLER_MARK, CALLER_PROP } from './shared-evidence.ts';

/** `,"key":value` as JSON.stringify writes a member of an object; nothing for null and undefined, which the load leaves out. */
const member = (key: string, value: unknown): string =>
  value === null || value === undefined ? '' : `,${JSON.stringify(key)}:${JSON.stringify(value)}`;

/** What the edge's text takes from one level, as JSON, made once per level. */
interface LevelJson {
  props: LevelProps;
  /** The level's actions without the brackets (empty for none): joined with the other levels' into the edge's. */
  actions: string;
  /** `conditions`, `evidence`, `orgPolicyIds` and the granting statement: the members after `conditionKeys`. */
  tail: string;
  /** The start of the level's `levelDetail` entry: its `level` and `actions`. */
  detailHead: string;
}

const levelJsonCache = new WeakMap<LevelAccess, LevelJson>();

function levelJson(level: LevelAccess): LevelJson {
  let known = levelJsonCache.get(level);
  if (known !== undefined) return known;
  const props = levelProps(level);
  known = {
    props,
    actions: JSON.stringify(props.actions).slice(1, -1),
    tail:
      member('conditions', props.conditions) +
      member('evidence', props.evidence) +
      member('orgPolicyIds', props.orgPolicyIds) +
      member('resourcePolicyId', props.resourcePolicyId) +
      member('resourcePolicyStatementIndex', props.resourcePolicyStatementIndex) +
      member('resourceSid', props.resourceSid),
    detailHead: `{"level":${JSON.stringify(props.level)},"actions":${JSON.stringify(props.actions)}`,
  };
  levelJsonCache.set(level, known);
  return known;
}

/**
 * The edge's `levelDetail`: per level, its `level`, `actions` and each property
 * that differs from the edge's (`edge`: the lead level's, but for the combined ones).
 */
function levelDetail(
  levels: readonly LevelJson[],
  reasons: readonly string[][],
  edge: Record<string, unknown>,
): string {
  const entries: string[] = [];
  levels.forEach((l, i) => {
    let entry = l.detailHead;
    for (const k of LEVEL_DETAIL_KEYS) {
      const own = k === 'reasons' ? reasons[i] : l.props[k];
      if (!sameValue(own, edge[k])) entry += `,${JSON.stringify(k)}:${JSON.stringify(own ?? null)}`;
    }
    entries.push(entry + '}');
  });
  return `[${entries.join(',')}]`;
}

/**
 * The row's properties: `levels`, `callerKey` when the caller is marked (only with `mark`;
 * never for a caller that is not a principal; as shared-evidence.ts `markCaller` marks other
 * edges), and the `access` text, given to `same` (the marked sentences are only written into that
 * text, so they are not kept apart).
 */
export function accessRowProps(e: CanAccessEdge, mark: boolean, same: (text: string) => string): Props {
  const levels = e.levels.map(levelJson);
  const lead = levels[0];
  if (lead === undefined) throw new Error('A CAN_ACCESS edge needs at least one level');
  const leadProps = lead.props;
  const reasons = e.levels.map((l) => reasonsOf(e, l));
  const keysOf = (l: LevelJson): string[] => l.props.conditionKeys as string[];
  const conditionKeys = [...new Set(levels.length === 1 ? keysOf(lead) : levels.flatMap(keysOf))].sort();
  const isPublic = levels.some((l) => l.props.public === true);
  const conditional = levels.some((l) => l.props.conditional === true);
  let leadReasons = reasons[0]!;
  let detail: string | undefined;
  if (levels.length > 1) {
    const edge: Record<string, unknown> = {
      via: leadProps.via,
      public: isPublic,
      conditional,
      conditionKeys,
      conditions: leadProps.conditions,
      evidence: leadProps.evidence,
      orgPolicyIds: leadProps.orgPolicyIds,
      reasons: leadReasons,
    };
    for (const k of ['resourcePolicyId', 'resourcePolicyStatementIndex', 'resourceSid'] as const)
      if (k in leadProps) edge[k] = leadProps[k];
    detail = levelDetail(levels, reasons, edge);
  }
  const kept: Props = { levels: levels.map((l) => l.props.level) };
  // markCaller: the caller's key written as the mark in the reasons and the level detail, when
  // some text names the caller and none holds the mark already.
  const caller = e.from;
  if (mark && caller !== '') {
    const texts = detail === undefined ? leadReasons : [...leadReasons, detail];
    if (!texts.some((t) => t.includes(CALLER_MARK)) && texts.some((t) => t.includes(caller))) {
      const marked = (t: string): string => t.split(caller).join(CALLER_MARK);
      leadReasons = leadReasons.map(marked);
      if (detail !== undefined) detail = marked(detail);
      kept[CALLER_PROP] = caller;
    }
  }
  const actions =
    levels.length === 1
      ? lead.actions
      : levels
          .map((l) => l.actions)
          .filter((a) => a !== '')
          .join(',');
  const body =
    member('fromKind', e.fromKind) +
    member('crossAccount', e.crossAccount) +
    member('crossOrganization', e.crossOrganization) +
    `,"actions":[${actions}]` +
    member('via', leadProps.via) +
    `,"public":${isPublic},"conditional":${conditional},"conditionKeys":${JSON.stringify(conditionKeys)}` +
    lead.tail +
    `,"reasons":${JSON.stringify(leadReasons)}` +
    member('levelDetail', detail);
  kept[BUNDLE_PROP] = same(`{${body.slice(1)}}`);
  return kept;
}
