/**
 * One access level of a CAN_ACCESS edge (engine/resources/types.ts, `LevelAccess`) as the
 * properties the edge stores for it, before the levels are combined into one edge
 * (access-text.ts). Pure.
 */
import type { LevelAccess } from '../../engine/resources/types.ts';
import { conditionKeysOf, conditionsJson, refsJson, splitOrgEvidence } from './evidence-json.ts';
import type { Props } from './graph-rows.ts';

/** One level's properties as a CAN_ACCESS edge stores them (before combining the levels). */
export type LevelProps = Props & { level: string; actions: string[] };

/** A level's properties without its reasons (which name the edge's caller): built once per shared level. */
const levelCache = new WeakMap<LevelAccess, LevelProps>();

export function levelProps(level: LevelAccess): LevelProps {
  const known = levelCache.get(level);
  if (known) return known;
  const { statements, orgPolicyIds } = splitOrgEvidence(level.evidence);
  const props: LevelProps = {
    level: level.level,
    actions: level.actions,
    via: level.via,
    public: level.public,
    conditional: level.conditional,
    conditionKeys: conditionKeysOf(level.conditions),
    conditions: conditionsJson(level.conditions),
    evidence: refsJson(statements),
    orgPolicyIds,
  };
  const granting = level.resourceStatement;
  if (granting !== undefined) {
    props.resourcePolicyId = granting.policyId;
    props.resourcePolicyStatementIndex = granting.statementIndex;
    if (granting.sid !== undefined) props.resourceSid = granting.sid;
  }
  levelCache.set(level, props);
  return props;
}

/** Properties a level may have of its own; `levelDetail` lists a level's where they differ from the edge's. */
export const LEVEL_DETAIL_KEYS = [
  'via',
  'public',
  'conditional',
  'conditionKeys',
  'conditions',
  'evidence',
  'orgPolicyIds',
  'reasons',
  'resourcePolicyId',
  'resourcePolicyStatementIndex',
  'resourceSid',
] as const;

/** The same value: equal scalars, or lists with equal members in the same order. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));
