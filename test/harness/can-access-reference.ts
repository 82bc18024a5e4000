/**
 * The CAN_ACCESS edge format (docs/graph-model.md, resources) written the plain way, one object
 * per level and per edge: the reference the ingest's writer (ingest/transform/access-text.ts,
 * which puts the same JSON text together from pieces cached per level) is held to, and the way
 * tests write edges by hand.
 */
import { reasonsOf, type CanAccessEdge } from '../../engine/resources/types.ts';
import type { Props } from '../../ingest/transform/graph-rows.ts';
import {
  LEVEL_DETAIL_KEYS,
  levelProps,
  sameValue,
  type LevelProps,
} from '../../ingest/transform/level-props.ts';

/**
 * The levels of one (caller, resource) as one edge's properties: `levels`, the union of `actions`,
 * `public`/`conditional` when some level is, the union of `conditionKeys`; the first level's `via`,
 * `conditions`, `evidence`, `orgPolicyIds`, `reasons` and granting statement; and, when there is
 * more than one level, `levelDetail`: a JSON list with, per level, its `level`, its `actions` and
 * the properties where it differs from the edge's (null: it has none).
 */
export function combineLevels(common: Props, perLevel: readonly LevelProps[]): Props {
  const [lead] = perLevel;
  if (lead === undefined) throw new Error('A CAN_ACCESS edge needs at least one level');
  const { level: _level, ...first } = lead;
  const props: Props = {
    ...common,
    ...first,
    levels: perLevel.map((l) => l.level),
    actions: perLevel.flatMap((l) => l.actions),
    public: perLevel.some((l) => l.public === true),
    conditional: perLevel.some((l) => l.conditional === true),
    conditionKeys: [...new Set(perLevel.flatMap((l) => l.conditionKeys as string[]))].sort(),
  };
  if (perLevel.length > 1) {
    const detail = perLevel.map((l) => {
      const entry: Record<string, unknown> = { level: l.level, actions: l.actions };
      for (const k of LEVEL_DETAIL_KEYS) if (!sameValue(l[k], props[k])) entry[k] = l[k] ?? null;
      return entry;
    });
    props.levelDetail = JSON.stringify(detail);
  }
  return props;
}

/** An analysed edge's properties, before the caller is marked and the texts bundled. */
export function canAccessProps(edge: CanAccessEdge): Props {
  return combineLevels(
    { fromKind: edge.fromKind, crossAccount: edge.crossAccount, crossOrganization: edge.crossOrganization },
    edge.levels.map((l) => ({ ...levelProps(l), reasons: reasonsOf(edge, l) })),
  );
}
