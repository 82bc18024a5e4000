/**
 * Evidence as the loader stores it: statement references and conditions
 * without the statement bodies (the Policy node and the resource's or role's
 * policy hold them), as JSON strings, since Neo4j properties cannot hold maps.
 * Shared by every derived edge and finding. Pure.
 */
import type { StatementRef, UnresolvedCondition } from '../../engine/types.ts';

export function slimRef(ref: StatementRef): Omit<StatementRef, 'statement'> {
  const { statement: _statement, ...rest } = ref;
  return rest;
}

export function slimCondition(c: UnresolvedCondition): Record<string, unknown> {
  return {
    key: c.key,
    operator: c.operator,
    values: c.values,
    mustHold: c.mustHold,
    source: slimRef(c.source),
  };
}

/** The engine shares evidence objects between edges; their JSON is built once each. */
const refJson = new WeakMap<StatementRef, string>();
const conditionJson = new WeakMap<UnresolvedCondition, string>();

function jsonList<T extends object>(
  items: readonly T[],
  cache: WeakMap<T, string>,
  slim: (item: T) => unknown,
): string {
  const parts: string[] = [];
  for (const item of items) {
    let text = cache.get(item);
    if (text === undefined) cache.set(item, (text = JSON.stringify(slim(item))));
    parts.push(text);
  }
  return `[${parts.join(',')}]`;
}

export const refsJson = (refs: readonly StatementRef[]): string => jsonList(refs, refJson, slimRef);
export const conditionsJson = (conditions: readonly UnresolvedCondition[]): string =>
  jsonList(conditions, conditionJson, slimCondition);

/** Condition keys of an edge, sorted and unique, for filtering without parsing the JSON. */
export const conditionKeysOf = (conditions: readonly UnresolvedCondition[]): string[] =>
  [...new Set(conditions.map((c) => c.key))].sort();

/**
 * SCP/RCP allows are the same few statements on every edge: named by id
 * (`orgPolicyIds`), not repeated as evidence.
 */
export function splitOrgEvidence(evidence: readonly StatementRef[]): {
  statements: StatementRef[];
  orgPolicyIds: string[];
} {
  const isOrg = (e: StatementRef) => e.policyKind === 'scp' || e.policyKind === 'rcp';
  return {
    statements: evidence.filter((e) => !isOrg(e)),
    orgPolicyIds: [...new Set(evidence.filter(isOrg).map((e) => e.policyId))],
  };
}
