/**
 * The resource analysis (engine/resources) as loader rows: CAN_ACCESS edges
 * from callers to resources, one per (caller, resource, access level); the
 * Resource nodes' `public` and `externalAccess` marks; the analysis's
 * findings with their evidence slimmed like every other finding's. Pure.
 *
 * Callers are nodes already: users and roles of the snapshot, accounts, and
 * the principals, services and `*` that a resource policy or a KMS grant
 * names (resource-rows.ts creates those the way trust-policy callers are).
 */
import type { Finding } from '../../engine/findings/index.ts';
import type { CanAccessEdge, ResourceAnalysis } from '../../engine/resources/types.ts';
import type { StatementRef, UnresolvedCondition } from '../../engine/types.ts';
import type { ExtraNodeSet, ExtraRelSet } from '../load/loader.ts';
import {
  conditionKeysOf,
  conditionsJson,
  refsJson,
  slimCondition,
  slimRef,
  splitOrgEvidence,
} from './evidence-json.ts';
import type { Props } from './graph-rows.ts';

/** Finding kinds whose first subject is a resource reached from outside the zone of trust. */
const OUTSIDE_KINDS = new Set(['public-access', 'external-access']);

export function canAccessProps(edge: CanAccessEdge): Props {
  const { statements, orgPolicyIds } = splitOrgEvidence(edge.evidence);
  const props: Props = {
    fromKind: edge.fromKind,
    level: edge.level,
    actions: edge.actions,
    via: edge.via,
    crossAccount: edge.crossAccount,
    crossOrganization: edge.crossOrganization,
    public: edge.public,
    conditional: edge.conditional,
    conditionKeys: conditionKeysOf(edge.conditions),
    conditions: conditionsJson(edge.conditions),
    evidence: refsJson(statements),
    orgPolicyIds,
    reasons: edge.reasons,
  };
  const granting = edge.resourceStatement;
  if (granting !== undefined) {
    props.resourcePolicyId = granting.policyId;
    props.resourcePolicyStatementIndex = granting.statementIndex;
    if (granting.sid !== undefined) props.resourceSid = granting.sid;
  }
  return props;
}

export const canAccessKey = (e: Pick<CanAccessEdge, 'from' | 'to' | 'level'>): string =>
  `CAN_ACCESS|${e.from}|${e.to}|${e.level}`;

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

export function resourceAccessRows(analysis: ResourceAnalysis): ResourceAccessRows {
  const canAccess: ExtraRelSet = {
    file: 'load/resources',
    name: 'rel-CAN_ACCESS',
    type: 'CAN_ACCESS',
    rows: analysis.edges.map((e) => ({
      key: canAccessKey(e),
      from: e.from,
      to: e.to,
      props: canAccessProps(e),
    })),
  };
  const marks = new Map<string, { public: boolean; externalAccess: boolean }>();
  const mark = (arn: string) => {
    let m = marks.get(arn);
    if (m === undefined) marks.set(arn, (m = { public: false, externalAccess: false }));
    return m;
  };
  for (const e of analysis.edges) {
    if (e.public) Object.assign(mark(e.to), { public: true, externalAccess: true });
  }
  for (const f of analysis.findings) {
    const arn = f.subjects[0];
    if (arn !== undefined && OUTSIDE_KINDS.has(f.kind)) mark(arn).externalAccess = true;
  }
  return {
    canAccess,
    marks: {
      file: 'load/resources',
      name: 'node-resource-marks',
      label: 'Resource',
      updatesExisting: true,
      rows: [...marks].map(([key, m]) => ({ key, props: { ...m } })),
    },
    findings: analysis.findings.map(slimResourceFinding),
  };
}
