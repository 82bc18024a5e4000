/**
 * The engine's derived graph as loader row sets: CAN_ASSUME edges, Finding
 * nodes and their ABOUT relationships. Pure: the model in, rows out.
 * Nested data (conditions, evidence) travels as JSON strings, since Neo4j
 * properties cannot hold maps; statement bodies are left out of the evidence
 * (the Policy node and the role's trustPolicy hold them).
 */
import { trustFindings, unknownPolicyFindings, type Finding } from '../../engine/findings/index.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import { analyseTrust, type CanAssumeEdge } from '../../engine/trust/index.ts';
import {
  adminAccountOf,
  analyseEscalation,
  escalationFindings,
  isAdminTarget,
  type EscalationEdge,
} from '../../engine/escalation/index.ts';
import type { StatementRef, UnresolvedCondition } from '../../engine/types.ts';
import type { ExtraNodeSet, ExtraRelSet } from '../load/loader.ts';
import { analysePeople, mfaCannotHold, usersWithoutMfa } from './people-derived.ts';
import type { Props } from './graph-rows.ts';
import { hopsToAdminRows } from './hops-to-admin.ts';

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
  if (edge.sessionName !== undefined) props.sessionName = edge.sessionName;
  return props;
}

export function canEscalateProps(edge: EscalationEdge): Props {
  const statements = edge.evidence.filter((e) => e.policyKind !== 'scp' && e.policyKind !== 'rcp');
  const orgPolicyIds = [
    ...new Set(
      edge.evidence.filter((e) => e.policyKind === 'scp' || e.policyKind === 'rcp').map((e) => e.policyId),
    ),
  ];
  const props: Props = {
    method: edge.method,
    catalogIds: edge.catalogIds,
    actions: edge.actions,
    gains: edge.gains,
    target: edge.to,
    crossAccount: edge.crossAccount,
    conditional: edge.conditions.length > 0,
    conditionKeys: [...new Set(edge.conditions.map((c) => c.key))].sort(),
    conditions: jsonList(edge.conditions, conditionJson, slimCondition),
    evidence: jsonList(statements, refJson, slimRef),
    orgPolicyIds,
  };
  if (edge.needsRuntime) props.needsRuntime = edge.needsRuntime;
  if (edge.caveats) props.caveats = edge.caveats;
  if (edge.via) props.via = edge.via;
  if (edge.modifies) props.modifies = edge.modifies;
  if (edge.chain) {
    // Capability chains: the changes made before the edge's method, each with its own statements.
    props.chainMethods = edge.chain.map((s) => s.method);
    props.chain = JSON.stringify(
      edge.chain.map((s) => ({
        method: s.method,
        actions: s.actions,
        modifies: s.modifies,
        conditions: s.conditions.map(slimCondition),
        evidence: s.evidence.filter((e) => e.policyKind !== 'scp' && e.policyKind !== 'rcp').map(slimRef),
      })),
    );
  }
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

function withMfaNote(props: Props, note: string | undefined): Props {
  if (note !== undefined) props.mfaCannotHold = note;
  return props;
}

/** The steps of the analysis, told as each begins (benchmarks time them). */
export type AnalysisStep = 'trust' | 'escalation' | 'findings' | 'rows';

export function deriveForLoad(
  model: SnapshotModel,
  onStage?: (line: string) => void,
  onStep?: (step: AnalysisStep) => void,
): { extraNodes: ExtraNodeSet[]; extraRels: ExtraRelSet[] } {
  const started = performance.now();
  onStep?.('trust');
  const trust = analyseTrust(model);
  const findings = trustFindings(model, { context: trust.context, trusts: trust.trusts });
  // Escalation reads the CAN_ASSUME edges, so it runs before they are turned into rows and let go.
  onStep?.('escalation');
  const escalation = analyseEscalation(model, { canAssume: trust.edges, snapshotContext: trust.context });
  onStep?.('findings');
  findings.push(...escalationFindings(escalation));
  findings.push(...unknownPolicyFindings(model));
  const people = analysePeople(model);
  const noMfa = usersWithoutMfa(model);
  findings.push(...people.findings);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { stats } = trust;
  onStage?.(
    `Analysing trust: ${stats.roles} roles, ${stats.edges} CAN_ASSUME edges (${stats.conditionalEdges} conditional), ${escalation.stats.edges} CAN_ESCALATE_TO edges, ${findings.length} findings in ${seconds} s`,
  );
  onStep?.('rows');
  const canEscalate: ExtraRelSet = {
    file: 'load/escalation',
    name: 'rel-CAN_ESCALATE_TO',
    type: 'CAN_ESCALATE_TO',
    rows: escalation.edges.map((e) => ({
      key: `CAN_ESCALATE_TO|${e.from}|${e.to}|${e.method}`,
      from: e.from,
      to: isAdminTarget(e.to) ? adminAccountOf(e.to) : e.to,
      props: withMfaNote(canEscalateProps(e), mfaCannotHold(noMfa, e.from, e.conditions)),
    })),
  };
  const adminFlags: ExtraNodeSet = {
    file: 'load/escalation',
    name: 'node-admin',
    label: 'Principal',
    updatesExisting: true,
    rows: [...escalation.admins.values()]
      .filter((a) => a.admin)
      .map((a) => ({
        key: a.principal,
        props: {
          admin: true,
          adminKind: a.kind ?? 'full-access',
          adminReason: a.reason,
          adminConditionKeys: [...new Set(a.conditions.map((c) => c.key))].sort(),
        },
      })),
  };

  // Before the CAN_ASSUME edges are let go below.
  const hops = hopsToAdminRows(escalation, trust.edges);

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
      props: withMfaNote(canAssumeProps(e), mfaCannotHold(noMfa, e.from, e.conditions)),
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
  return {
    extraNodes: [findingNodes, adminFlags, hops],
    extraRels: [canAssume, canEscalate, people.canSignIn, about],
  };
}
