/**
 * The engine's derived graph as loader row sets: CAN_ASSUME edges, Finding
 * nodes and their ABOUT relationships. Pure: the model in, rows out.
 * Nested data (conditions, evidence) travels as JSON strings, since Neo4j
 * properties cannot hold maps; statement bodies are left out of the evidence
 * (the Policy node and the role's trustPolicy hold them).
 */
import { trustFindings, type Finding } from '../../engine/findings/index.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import { analyseTrust, type CanAssumeEdge } from '../../engine/trust/index.ts';
import type { StatementRef, UnresolvedCondition } from '../../engine/types.ts';
import type { ExtraNodeSet, ExtraRelSet } from '../load/loader.ts';
import type { Props } from './graph-rows.ts';

const FILE = 'load/derived';

function slimRef(ref: StatementRef): Omit<StatementRef, 'statement'> {
  const { statement: _statement, ...rest } = ref;
  return rest;
}

function slimCondition(c: UnresolvedCondition): Record<string, unknown> {
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

export function canAssumeProps(edge: CanAssumeEdge): Props {
  // SCP/RCP allows are the same few statements on every edge: named by id, not repeated as evidence.
  const statements = edge.evidence.filter((e) => e.policyKind !== 'scp' && e.policyKind !== 'rcp');
  const orgPolicyIds = [
    ...new Set(
      edge.evidence.filter((e) => e.policyKind === 'scp' || e.policyKind === 'rcp').map((e) => e.policyId),
    ),
  ];
  const props: Props = {
    fromKind: edge.fromKind,
    actions: edge.actions,
    mechanism: edge.mechanism,
    via: edge.via,
    crossAccount: edge.crossAccount,
    crossOrganization: edge.crossOrganization,
    conditional: edge.conditional,
    conditionKeys: [...new Set(edge.conditions.map((c) => c.key))].sort(),
    conditions: jsonList(edge.conditions, conditionJson, slimCondition),
    trustPolicyId: edge.trustStatement.policyId,
    trustStatementIndex: edge.trustStatement.statementIndex,
    identityPolicyIds: [...new Set(edge.identityStatements.map((s) => s.policyId))],
    evidence: jsonList(statements, refJson, slimRef),
    orgPolicyIds,
    roleChaining: edge.roleChaining,
    reasons: edge.reasons,
  };
  if (edge.trustStatement.sid !== undefined) props.trustSid = edge.trustStatement.sid;
  if (edge.maxSessionSeconds !== undefined) props.maxSessionSeconds = edge.maxSessionSeconds;
  return props;
}

export function findingProps(f: Finding): Props {
  const evidence: Record<string, unknown> = { ...f.evidence };
  if (Array.isArray(evidence.statements))
    evidence.statements = (evidence.statements as StatementRef[]).map(slimRef);
  return {
    id: f.id,
    kind: f.kind,
    severity: f.severity,
    title: f.title,
    why: f.why,
    subjects: f.subjects,
    evidence: JSON.stringify(evidence),
  };
}

export function deriveForLoad(
  model: SnapshotModel,
  onStage?: (line: string) => void,
): { extraNodes: ExtraNodeSet[]; extraRels: ExtraRelSet[] } {
  const started = performance.now();
  const trust = analyseTrust(model);
  const findings = trustFindings(model, { context: trust.context, trusts: trust.trusts });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { stats } = trust;
  onStage?.(
    `Analysing trust: ${stats.roles} roles, ${stats.edges} CAN_ASSUME edges (${stats.conditionalEdges} conditional), ${findings.length} findings in ${seconds} s`,
  );

  const canAssume: ExtraRelSet = {
    file: FILE,
    name: 'rel-CAN_ASSUME',
    type: 'CAN_ASSUME',
    rows: [],
  };
  // Edges become rows one by one and are let go, so both never sit in memory in full.
  const edges = trust.edges;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i] as CanAssumeEdge;
    canAssume.rows.push({
      key: `CAN_ASSUME|${e.from}|${e.to}`,
      from: e.from,
      to: e.to,
      props: canAssumeProps(e),
    });
    (edges as (CanAssumeEdge | undefined)[])[i] = undefined;
  }
  edges.length = 0;
  const findingNodes: ExtraNodeSet = {
    file: FILE,
    name: 'node-Finding',
    label: 'Finding',
    rows: findings.map((f) => ({ key: f.id, props: findingProps(f) })),
  };
  const about: ExtraRelSet = {
    file: FILE,
    name: 'rel-ABOUT',
    type: 'ABOUT',
    rows: findings.flatMap((f) =>
      f.subjects.map((subject, i) => ({
        key: `ABOUT|${f.id}|${subject}`,
        from: f.id,
        to: subject,
        props: { primary: i === 0 },
      })),
    ),
  };
  return { extraNodes: [findingNodes], extraRels: [canAssume, about] };
}
