/**
 * The read side's one path model, as plain serializable objects: a node
 * (NodeRef), one CAN_ASSUME, CAN_ESCALATE_TO or CAN_ACCESS edge with its
 * evidence (Hop; CAN_ACCESS, a principal's access to a resource, ends a path),
 * and a walk (Path). Every read returns these; the API's GraphQL `Edge` is a
 * Hop seen with its end nodes (Edge below), its `Path` the same walk with those
 * edges (PathWithEdges), and the page reads the same fields through the types
 * generated from its GraphQL documents. The engine's escalation search keeps
 * its own record of a walk (engine/escalation/paths.ts: facts such as IS_ADMIN
 * are hops there); test/queries/escalation-reference.test.ts checks the two
 * searches agree.
 */
import type { HopKind } from '../engine/escalation/paths.ts';
import type { ChainStep } from '../engine/escalation/types.ts';
import type { CanAssumeEdge } from '../engine/trust/reachability.ts';
import type { StatementRef } from '../engine/types.ts';
import { assumptionOf, type AssumptionName } from './assumptions.ts';

/**
 * What a node is: the kinds of caller the engine's trust analysis names (a role
 * is one of them), and the Identity Center people, groups and permission sets.
 */
export type NodeKind = CanAssumeEdge['fromKind'] | 'Person' | 'PeopleGroup' | 'PermissionSet' | 'Resource';

/** A graph node: `key` is its identity (ARN, account id, service name, `*`). */
export interface NodeRef {
  key: string;
  kind: NodeKind;
  arn?: string;
  name?: string;
  accountId?: string;
  /** Known when the node was read with its flags (the API's projections); otherwise looked up on demand. */
  isAdmin?: boolean;
  external?: boolean;
}

/** A statement an answer rests on, without its text. */
export type EvidenceRef = Omit<StatementRef, 'statement'>;

/** One change a principal makes to its own permissions in a capability chain (the engine's ChainStep, as read back). */
export type ChainStepOut = Pick<ChainStep, 'method' | 'actions' | 'modifies'> & { evidence: EvidenceRef[] };

/**
 * The edges of the loaded graph a path walks: the engine's path hops that are edges (its IS_ADMIN and
 * ADMIN_CONTROLS are facts, not edges), and CAN_ACCESS, a principal's access to a resource (a path's last hop).
 */
export type HopType = Extract<HopKind, 'CAN_ASSUME' | 'CAN_ESCALATE_TO'> | 'CAN_ACCESS';

/** A request-time condition that must hold (or, with `mustHold: false`, must not) for the decision or edge. */
export interface ConditionOut {
  key: string;
  operator: string;
  values: string[];
  mustHold: boolean;
  /** The analyst assumption it depends on (see assumptions.ts). */
  assumption: AssumptionName;
  /** The statement it comes from. */
  source?: EvidenceRef;
}

/** One edge on a path, CAN_ASSUME, CAN_ESCALATE_TO or CAN_ACCESS, with its evidence; its ends named by key. */
export interface Hop {
  type: HopType;
  from: string;
  /** The caller's kind, when the edge's properties say it (CAN_ASSUME). */
  fromKind?: NodeKind;
  to: string;
  actions: string[];
  /** AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity or service (CAN_ASSUME). */
  mechanism?: string;
  /** How the trust policy names the caller (CAN_ASSUME); which policies grant (CAN_ACCESS: resource-policy, identity-policy, both, kms-grant, s3-acl). */
  via?: string;
  /** The access level (CAN_ACCESS): read, write, list, permissions-management or tagging. */
  level?: string;
  /** Anyone can use it (CAN_ACCESS). */
  public?: boolean;
  /** Escalation method id (CAN_ESCALATE_TO). */
  method?: string;
  conditional: boolean;
  conditions: ConditionOut[];
  /** Statements the edge rests on (trust or resource, identity, boundary); SCP/RCP ids in `orgPolicyIds`. */
  evidence: EvidenceRef[];
  orgPolicyIds: string[];
  crossAccount: boolean;
  crossOrganization: boolean;
  roleChaining: boolean;
  reasons: string[];
  /** Capability chain of a CAN_ESCALATE_TO edge: the changes made before `method` (empty otherwise). */
  chain: ChainStepOut[];
}

/** What a walk's hops add up to. */
export interface PathSummary {
  /** Hops on the path. */
  length: number;
  /** Some hop needs a request-time condition. */
  conditional: boolean;
  /** Some hop crosses accounts. */
  crossAccount: boolean;
  /** Condition keys of all hops, sorted. */
  conditionKeys: string[];
}

/** A walk: its nodes from start to end, and the hop between each two. */
export interface Path extends PathSummary {
  nodes: NodeRef[];
  hops: Hop[];
}

/** A hop with its end nodes: the API's GraphQL `Edge`. */
export type Edge = Omit<Hop, 'from' | 'to'> & { from: NodeRef; to: NodeRef };

/** A path with its hops as edges: the API's GraphQL `Path` (and a review item's path). */
export type PathWithEdges = Omit<Path, 'hops'> & { edges: Edge[] };

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
    type: 'CAN_ASSUME',
    from,
    fromKind: String(edge.fromKind) as NodeKind,
    to,
    actions: strList(edge.actions),
    mechanism: String(edge.mechanism),
    via: String(edge.via),
    conditional: edge.conditional === true,
    conditions,
    evidence: JSON.parse(String(edge.evidence ?? '[]')) as EvidenceRef[],
    orgPolicyIds: strList(edge.orgPolicyIds),
    crossAccount: edge.crossAccount === true,
    crossOrganization: edge.crossOrganization === true,
    roleChaining: edge.roleChaining === true,
    reasons: strList(edge.reasons),
    chain: [],
  };
}

const jsonList = <T>(v: unknown): T[] => {
  if (Array.isArray(v)) return v as T[];
  if (typeof v !== 'string') return [];
  try {
    const parsed = JSON.parse(v) as unknown;
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
};

/** What CAN_ESCALATE_TO and CAN_ACCESS properties share (both written by ingest with JSON lists). */
function hopBase(type: HopType, from: string, to: string, e: Props): Hop {
  return {
    type,
    from,
    to,
    actions: strList(e.actions),
    conditional: e.conditional === true,
    conditions: jsonList<Parameters<typeof toCondition>[0]>(e.conditions).map(toCondition),
    evidence: jsonList<EvidenceRef>(e.evidence),
    orgPolicyIds: strList(e.orgPolicyIds),
    crossAccount: e.crossAccount === true,
    crossOrganization: e.crossOrganization === true,
    roleChaining: false,
    reasons: strList(e.reasons),
    chain: [],
  };
}

/** A CAN_ESCALATE_TO relationship's properties (ingest/transform/derived.ts) as a Hop. */
export function toEscalationHop(from: string, to: string, e: Props): Hop {
  // Keys in the order answers have always listed them.
  const { type, from: _from, to: _to, actions, ...rest } = hopBase('CAN_ESCALATE_TO', from, to, e);
  return {
    type,
    from,
    to,
    actions,
    via: typeof e.via === 'string' ? e.via : undefined,
    method: typeof e.method === 'string' ? e.method : undefined,
    ...rest,
    chain: jsonList<ChainStepOut>(e.chain),
  };
}

/**
 * The properties of each level of a CAN_ACCESS relationship (docs/graph-model.md, resources): the
 * edge's own for its only level, else the edge's with each `levelDetail` entry laid over them (null:
 * the level has no such property).
 */
export function accessLevelProps(e: Props): Props[] {
  const levels = strList(e.levels);
  const detail = jsonList<Props>(e.levelDetail);
  if (detail.length === 0) return [{ ...e, level: levels[0] }];
  return detail.map((entry) => {
    const props: Props = { ...e };
    for (const [k, v] of Object.entries(entry)) {
      if (v === null) delete props[k];
      else props[k] = v;
    }
    return props;
  });
}

function accessHop(from: string, to: string, e: Props): Hop {
  const hop: Hop = { ...hopBase('CAN_ACCESS', from, to, e), public: e.public === true };
  if (typeof e.fromKind === 'string') hop.fromKind = e.fromKind as NodeKind;
  if (typeof e.via === 'string') hop.via = e.via;
  if (typeof e.level === 'string') hop.level = e.level;
  return hop;
}

/** A CAN_ACCESS relationship as one Hop per access level it carries, in the order of its `levels`. */
export function toAccessHops(from: string, to: string, e: Props): Hop[] {
  return accessLevelProps(e).map((props) => accessHop(from, to, props));
}

/** A CAN_ACCESS relationship's first level as a Hop (toAccessHops gives every level). */
export function toAccessHop(from: string, to: string, e: Props): Hop {
  return toAccessHops(from, to, e)[0]!;
}

/** A relationship of any path type as a Hop. */
export function hopOf(type: string, from: string, to: string, props: Props): Hop {
  if (type === 'CAN_ESCALATE_TO') return toEscalationHop(from, to, props);
  if (type === 'CAN_ACCESS') return toAccessHop(from, to, props);
  return toHop(from, to, props);
}

/** Summary flags of a path: any hop conditional / cross-account, and the condition keys of all hops. */
export function pathSummary(
  hops: readonly Pick<Hop, 'conditional' | 'crossAccount' | 'conditions'>[],
): PathSummary {
  return {
    length: hops.length,
    conditional: hops.some((h) => h.conditional),
    crossAccount: hops.some((h) => h.crossAccount),
    conditionKeys: [...new Set(hops.flatMap((h) => h.conditions.map((c) => c.key)))].sort(),
  };
}
