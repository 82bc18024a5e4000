/**
 * The engine's derived graph as loader row sets: CAN_ASSUME, CAN_ESCALATE_TO
 * and CAN_ACCESS edges, Finding nodes and their ABOUT relationships. Pure: the model in, rows out.
 * Nested data (conditions, evidence) travels as JSON strings, since Neo4j
 * properties cannot hold maps; statement bodies are left out of the evidence
 * (the Policy node and the role's trustPolicy hold them).
 */
import { trustFindings, unknownPolicyFindings, type Finding } from '../../engine/findings/index.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import { analyseTrust, type CanAssumeEdge, type TrustAnalysis } from '../../engine/trust/index.ts';
import {
  adminAccountOf,
  analyseEscalation,
  escalationFindings,
  isAdminTarget,
  type EscalationAnalysis,
  type EscalationEdge,
} from '../../engine/escalation/index.ts';
import type { StatementRef } from '../../engine/types.ts';
import {
  conditionKeysOf,
  conditionsJson,
  refsJson,
  slimCondition,
  slimRef,
  splitOrgEvidence,
} from './evidence-json.ts';
import type { ExtraNodeSet, ExtraRelSet, StreamedRelSet } from '../load/loader.ts';
import { MemorySpill, type RecordSpill } from '../load/record-spill.ts';
import { analysePeople, mfaCannotHold, usersWithoutMfa } from './people-derived.ts';
import { eachResourceAccess } from '../../engine/resources/analyse.ts';
import { ResourceAccessStream, type AccessRecord } from './resource-access-stream.ts';
import type { Props } from './graph-rows.ts';
import { hopsToAdminRows } from './hops-to-admin.ts';
import { trustRollupRows } from './trust-rollup-rows.ts';
import { EvidenceTable, SameLists } from './shared-evidence.ts';

const FILE = 'load/derived';

export function canAssumeProps(edge: CanAssumeEdge): Props {
  const { statements, orgPolicyIds } = splitOrgEvidence(edge.evidence);
  const props: Props = {
    fromKind: edge.fromKind,
    actions: edge.actions,
    mechanism: edge.mechanism,
    via: edge.via,
    crossAccount: edge.crossAccount,
    crossOrganization: edge.crossOrganization,
    conditional: edge.conditional,
    conditionKeys: conditionKeysOf(edge.conditions),
    conditions: conditionsJson(edge.conditions),
    trustPolicyId: edge.trustStatement.policyId,
    trustStatementIndex: edge.trustStatement.statementIndex,
    identityPolicyIds: [...new Set(edge.identityStatements.map((s) => s.policyId))],
    evidence: refsJson(statements),
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
  const { statements, orgPolicyIds } = splitOrgEvidence(edge.evidence);
  const props: Props = {
    method: edge.method,
    catalogIds: edge.catalogIds,
    actions: edge.actions,
    gains: edge.gains,
    target: edge.to,
    crossAccount: edge.crossAccount,
    conditional: edge.conditions.length > 0,
    conditionKeys: conditionKeysOf(edge.conditions),
    conditions: conditionsJson(edge.conditions),
    evidence: refsJson(statements),
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
        evidence: splitOrgEvidence(s.evidence).statements.map(slimRef),
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

/**
 * Trust analysis and its findings. Only what the later steps read leaves this
 * function: the per-role trust indexes the findings used are let go here,
 * before the escalation analysis, the largest step, begins.
 */
function trustStep(model: SnapshotModel): Omit<TrustAnalysis, 'trusts'> & { findings: Finding[] } {
  const trust = analyseTrust(model);
  const findings = trustFindings(model, { context: trust.context, trusts: trust.trusts });
  return { edges: trust.edges, stats: trust.stats, context: trust.context, findings };
}

/** The steps of the analysis, told as each begins (benchmarks time them). */
export type AnalysisStep = 'trust' | 'escalation' | 'resources' | 'findings' | 'rows';

/** What the rows are made from: the analysis's results without its working state (the snapshot context). */
interface Analysed {
  canAssume: CanAssumeEdge[];
  escalation: Pick<EscalationAnalysis, 'edges' | 'admins'>;
  /** CAN_ACCESS rows went to the spill as each resource was analysed; the stream numbers their texts. */
  resources: ResourceAccessStream;
  people: ReturnType<typeof analysePeople>;
  noMfa: ReturnType<typeof usersWithoutMfa>;
  resourceMarks: ExtraNodeSet;
  findings: Finding[];
}

/**
 * Trust, escalation, resources and findings. The snapshot context (every principal's
 * request context and parsed policies) and the escalation's working state stay inside:
 * they are let go when it returns, before the rows are made.
 */
function analyse(
  model: SnapshotModel,
  spill: RecordSpill<AccessRecord>,
  onStage?: (line: string) => void,
  onStep?: (step: AnalysisStep) => void,
): Analysed {
  const started = performance.now();
  onStep?.('trust');
  const trust = trustStep(model);
  const findings = trust.findings;
  // Escalation reads the CAN_ASSUME edges, so it runs before they are turned into rows and let go.
  onStep?.('escalation');
  const escalation = analyseEscalation(model, { canAssume: trust.edges, snapshotContext: trust.context });
  // Resources read the snapshot context alone (paths through role chains are the query layer's).
  // Run last, as measured: first, right after the read, the peak of an ingest without resources
  // was higher (docs/benchmarks.md, "Resource analysis first, right after the read"). Each
  // resource's edges become rows at once and go to the spill: no more than one resource's are kept.
  onStep?.('resources');
  const resources = new ResourceAccessStream((records) => spill.append(records));
  eachResourceAccess(model, { context: trust.context }, (part) => resources.add(part));
  const resourceResults = resources.results();
  onStep?.('findings');
  findings.push(...escalationFindings(escalation));
  findings.push(...unknownPolicyFindings(model));
  const people = analysePeople(model);
  const noMfa = usersWithoutMfa(model);
  findings.push(...people.findings);
  findings.push(...resourceResults.findings);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { stats } = trust;
  onStage?.(
    `Analysing trust: ${stats.roles} roles, ${stats.edges} CAN_ASSUME edges (${stats.conditionalEdges} conditional), ${escalation.stats.edges} CAN_ESCALATE_TO edges, ${resources.rows} CAN_ACCESS edges, ${findings.length} findings in ${seconds} s`,
  );
  return {
    canAssume: trust.edges,
    escalation: { edges: escalation.edges, admins: escalation.admins },
    resources,
    resourceMarks: resourceResults.marks,
    people,
    noMfa,
    findings,
  };
}

export interface DeriveOptions {
  /**
   * Where the CAN_ACCESS rows wait for the load (record-spill.ts), in `streamedRels`, read in
   * chunks as the load writes them: a file for a large ingest; in memory when not given.
   */
  accessSpill?: RecordSpill<AccessRecord>;
}

export interface Derived {
  extraNodes: ExtraNodeSet[];
  extraRels: ExtraRelSet[];
  streamedRels: StreamedRelSet[];
}

export function deriveForLoad(
  model: SnapshotModel,
  onStage?: (line: string) => void,
  onStep?: (step: AnalysisStep) => void,
  opts: DeriveOptions = {},
): Derived {
  const spill = opts.accessSpill ?? new MemorySpill<AccessRecord>();
  const {
    escalation,
    resources,
    resourceMarks,
    people,
    noMfa,
    findings,
    canAssume: edges,
  } = analyse(model, spill, onStage, onStep);
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
  const hops = hopsToAdminRows(escalation, edges);
  const rollup = trustRollupRows(model, edges, findings);

  const canAssume: ExtraRelSet = {
    file: FILE,
    name: 'rel-CAN_ASSUME',
    type: 'CAN_ASSUME',
    rows: [],
  };
  // Edges become rows one by one and are let go, so both never sit in memory in full.
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
  // Each evidence text edges share once, referenced from them by number (shared-evidence.ts).
  // CAN_ACCESS texts were counted as their rows were made (resource-access-stream.ts); theirs are
  // numbered after these.
  const table = new EvidenceTable();
  const derivedEdges = [canAssume, canEscalate];
  for (const set of derivedEdges) for (const row of set.rows) table.count(row.props);
  const lists = new SameLists();
  for (const set of derivedEdges) for (const row of set.rows) row.props = lists.share(table.share(row.props));
  const shared = table.rows();
  const access = resources.finish(shared.length);
  const evidenceTexts: ExtraNodeSet = {
    file: FILE,
    name: 'node-EvidenceText',
    label: 'EvidenceText',
    table: true,
    rows: [...shared, ...access.texts],
  };
  const canAccess = { file: 'load/resources', name: 'rel-CAN_ACCESS', type: 'CAN_ACCESS' };
  // Read from the spill as the load writes them, wherever the spill keeps them.
  const streamedRels: StreamedRelSet[] = [
    {
      ...canAccess,
      total: resources.rows,
      chunks: async function* (size) {
        for await (const records of spill.chunks(size)) yield records.map(access.row);
      },
    },
  ];
  return {
    extraNodes: [evidenceTexts, findingNodes, adminFlags, resourceMarks, hops, rollup],
    extraRels: [canAssume, canEscalate, people.canSignIn, about],
    streamedRels,
  };
}
