/** Plain, serializable shapes of graph nodes and CAN_ASSUME edges as the query layer returns them. */
import type { StatementRef } from '../engine/types.ts';
import { assumptionOf, type AssumptionName } from './assumptions.ts';

export type NodeKind =
  'User' | 'Role' | 'Account' | 'ServicePrincipal' | 'IdentityProvider' | 'Anyone' | 'ExternalPrincipal';

/** A graph node: `key` is its identity (ARN, account id, service name, `*`). */
export interface NodeRef {
  key: string;
  kind: NodeKind;
  arn?: string;
  name?: string;
  accountId?: string;
}

/** A request-time condition that must hold (or, with `mustHold: false`, must not) for the decision or edge. */
export interface ConditionOut {
  key: string;
  operator: string;
  values: string[];
  mustHold: boolean;
  /** The analyst assumption it depends on (see assumptions.ts). */
  assumption: AssumptionName;
  /** The statement it comes from. */
  source?: Omit<StatementRef, 'statement'>;
}

/** One CAN_ASSUME edge on a path. */
export interface Hop {
  from: string;
  fromKind: NodeKind;
  to: string;
  actions: string[];
  mechanism: string;
  via: string;
  conditional: boolean;
  conditions: ConditionOut[];
  /** Statements the edge rests on (trust, identity, boundary); SCP/RCP ids in `orgPolicyIds`. */
  evidence: Omit<StatementRef, 'statement'>[];
  orgPolicyIds: string[];
  crossAccount: boolean;
  crossOrganization: boolean;
  roleChaining: boolean;
  reasons: string[];
}

type Props = Record<string, unknown>;

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function toNodeRef(node: Props, kind: unknown): NodeRef {
  const ref: NodeRef = { key: String(node.key), kind: (kind ?? 'ExternalPrincipal') as NodeKind };
  if (typeof node.arn === 'string') ref.arn = node.arn;
  if (typeof node.name === 'string') ref.name = node.name;
  if (typeof node.accountId === 'string') ref.accountId = node.accountId;
  return ref;
}

export function toCondition(c: {
  key: string;
  operator: string;
  values: readonly string[];
  mustHold: boolean;
  source?: StatementRef | Omit<StatementRef, 'statement'>;
}): ConditionOut {
  const out: ConditionOut = {
    key: c.key,
    operator: c.operator,
    values: [...c.values],
    mustHold: c.mustHold,
    assumption: assumptionOf(c.key),
  };
  if (c.source) {
    const { statement: _statement, ...rest } = c.source as StatementRef;
    out.source = rest;
  }
  return out;
}

/** A CAN_ASSUME relationship's properties (as loaded by ingest/transform/derived.ts) as a Hop. */
export function toHop(from: string, to: string, edge: Props): Hop {
  const conditions = (JSON.parse(String(edge.conditions ?? '[]')) as Parameters<typeof toCondition>[0][]).map(
    toCondition,
  );
  return {
    from,
    fromKind: String(edge.fromKind) as NodeKind,
    to,
    actions: strList(edge.actions),
    mechanism: String(edge.mechanism),
    via: String(edge.via),
    conditional: edge.conditional === true,
    conditions,
    evidence: JSON.parse(String(edge.evidence ?? '[]')) as Omit<StatementRef, 'statement'>[],
    orgPolicyIds: strList(edge.orgPolicyIds),
    crossAccount: edge.crossAccount === true,
    crossOrganization: edge.crossOrganization === true,
    roleChaining: edge.roleChaining === true,
    reasons: strList(edge.reasons),
  };
}

/** Summary flags of a path: any hop conditional / cross-account, and the condition keys of all hops. */
export function pathSummary(hops: readonly Hop[]): {
  length: number;
  conditional: boolean;
  crossAccount: boolean;
  conditionKeys: string[];
} {
  return {
    length: hops.length,
    conditional: hops.some((h) => h.conditional),
    crossAccount: hops.some((h) => h.crossAccount),
    conditionKeys: [...new Set(hops.flatMap((h) => h.conditions.map((c) => c.key)))].sort(),
  };
}
