/**
 * The same analysis ingest runs (trust reachability, escalation, findings),
 * on the model before and after a change, and what differs: CAN_ASSUME and
 * CAN_ESCALATE_TO edges, nodes that can newly reach (or no longer reach) an
 * account's administrator, new trust from outside the organization or from
 * anyone, and findings. Every difference names the resources of the change
 * that touch it (`touched`, from overlay.ts), and every hop of a path says
 * whether the change introduces it.
 */
import {
  analyseEscalation,
  adminAccountOf,
  escalationFindings,
  EscalationGraph,
  isAdminTarget,
  type AdminInfo,
  type EscalationEdge,
  type HopKind,
  type PathHop,
} from '../escalation/index.ts';
import { trustFindings, unknownPolicyFindings, type Finding } from '../findings/index.ts';
import type { SnapshotModel } from '../model.ts';
import { analyseTrust, type CanAssumeEdge } from '../trust/index.ts';
import { holdingKey } from './overlay.ts';

export interface Analysis {
  canAssume: CanAssumeEdge[];
  escalation: EscalationEdge[];
  admins: Map<string, AdminInfo>;
  findings: Finding[];
}

/**
 * Edges and administrators of the nodes that a change cannot reach, as a
 * snapshot stores them: with them, the ways to an administrator of the nodes
 * analysed are whole without analysing those nodes again.
 */
export interface StoredFrame {
  canAssume: CanAssumeEdge[];
  escalation: EscalationEdge[];
  admins: Map<string, AdminInfo>;
}

const byEnds = (a: { from: string; to: string }, b: { from: string; to: string }): number =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
const byEndsAndMethod = (a: EscalationEdge, b: EscalationEdge): number =>
  byEnds(a, b) || (a.method < b.method ? -1 : a.method > b.method ? 1 : 0);

/**
 * The derived graph of a model, as ingest computes it (ingest/transform/derived.ts).
 * With `frame`, the stored edges and administrators of nodes outside the model
 * join the analysed ones before the ways to an administrator are walked. Edges
 * and administrators come in a fixed order, so that among equally short ways the
 * same one is chosen whichever nodes were analysed.
 */
export function analyse(model: SnapshotModel, frame?: StoredFrame): Analysis {
  const trust = analyseTrust(model);
  const findings = trustFindings(model, { context: trust.context, trusts: trust.trusts });
  const escalation = analyseEscalation(model, { canAssume: trust.edges, snapshotContext: trust.context });
  const analysed = new Set(escalation.admins.keys());
  const canAssume = [...escalation.canAssume, ...(frame?.canAssume ?? [])].sort(byEnds);
  const edges = [...escalation.edges, ...(frame?.escalation ?? [])].sort(byEndsAndMethod);
  const admins = new Map(
    [...escalation.admins, ...[...(frame?.admins ?? [])].filter(([key]) => !analysed.has(key))].sort(
      ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
    ),
  );
  const input = { edges, canAssume, admins, context: escalation.context };
  findings.push(
    ...escalationFindings(input, { graph: new EscalationGraph(input, { targetsInOrder: true }) }),
    ...unknownPolicyFindings(model),
  );
  return { canAssume, escalation: edges, admins, findings };
}

export interface EdgeDelta {
  kind: 'CAN_ASSUME' | 'CAN_ESCALATE_TO';
  from: string;
  to: string;
  /** The assume mechanism (CAN_ASSUME) or the escalation method id (CAN_ESCALATE_TO). */
  method: string;
  fromKind?: CanAssumeEdge['fromKind'];
  crossAccount: boolean;
  crossOrganization?: boolean;
  /** Request-time condition keys the edge needs. */
  conditionKeys: string[];
  /** Resources of the change that touch the edge's ends or the statements it rests on. */
  addresses: string[];
}

export interface HopView {
  from: string;
  to: string;
  kind: HopKind;
  method?: string;
  /** True when this hop exists only on the side the path is on (added paths: the change introduces it). */
  changed: boolean;
  addresses: string[];
}

export interface AdminPathDelta {
  from: string;
  /** The account whose administrator `from` can (no longer) become. */
  adminAccount: string;
  hops: HopView[];
  addresses: string[];
}

/** A finding of one side only, without its evidence, with the resources behind it. */
export type FindingDelta = Omit<Finding, 'evidence'> & { addresses: string[] };

export interface Delta<T> {
  added: T[];
  removed: T[];
}

export interface PlanDiff {
  assume: Delta<EdgeDelta>;
  escalate: Delta<EdgeDelta>;
  adminPaths: Delta<AdminPathDelta> & { addedTotal: number; removedTotal: number };
  /** Added CAN_ASSUME edges from anyone or from outside the organization. */
  externalTrust: EdgeDelta[];
  findings: Delta<FindingDelta>;
}

/** Most admin paths listed per direction (the totals are counted in full). */
export const ADMIN_PATH_LIMIT = 200;

const assumeKey = (e: { from: string; to: string }) => `${e.from}|${e.to}`;
const escalateKey = (e: { from: string; to: string; method: string }) => `${e.from}|${e.to}|${e.method}`;
const hopKey = (h: PathHop) =>
  h.kind === 'IS_ADMIN' ? `IS_ADMIN|${h.from}` : `${h.kind}|${h.from}|${h.to}|${h.method ?? ''}`;

class Attribution {
  constructor(
    private readonly touched: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly groupsOf: ReadonlyMap<string, string[]>,
  ) {}

  /**
   * The addresses recorded under `keys` (an inline policy id counts for its
   * owner too), and under the holdings of `policies` by `holders` or their
   * groups: the attachment that put a statement's policy on the principal.
   */
  of(
    keys: Iterable<string | undefined>,
    policies: readonly string[] = [],
    holders: readonly string[] = [],
  ): string[] {
    const out = new Set<string>();
    const add = (key: string) => {
      for (const a of this.touched.get(key) ?? []) out.add(a);
    };
    for (const key of keys) {
      if (key === undefined) continue;
      add(key);
      const hash = key.indexOf('#');
      if (hash > 0) add(key.slice(0, hash));
      for (const g of this.groupsOf.get(key) ?? []) add(g);
    }
    for (const policy of policies) add(policy);
    for (const holder of holders)
      for (const h of [holder, ...(this.groupsOf.get(holder) ?? [])])
        for (const policy of policies) add(holdingKey(h, policy));
    return [...out].sort();
  }
}

function groupsByUser(model: SnapshotModel): Map<string, string[]> {
  const byName = new Map(model.groups.map((g) => [`${g.accountId}|${g.name}`, g.arn]));
  return new Map(
    model.users.map((u) => [
      u.arn,
      u.groupNames.flatMap((n) => {
        const arn = byName.get(`${u.accountId}|${n}`);
        return arn ? [arn] : [];
      }),
    ]),
  );
}

function edgeDeltas(
  edges: Iterable<CanAssumeEdge | EscalationEdge>,
  only: ReadonlySet<string>,
  attr: Attribution,
): EdgeDelta[] {
  const out: EdgeDelta[] = [];
  for (const e of edges) {
    const assume = 'mechanism' in e;
    const key = assume ? assumeKey(e) : escalateKey(e);
    if (!only.has(key)) continue;
    const evidence = assume ? e.evidence : [...e.evidence, ...(e.chain ?? []).flatMap((s) => s.evidence)];
    const delta: EdgeDelta = {
      kind: assume ? 'CAN_ASSUME' : 'CAN_ESCALATE_TO',
      from: e.from,
      to: e.to,
      method: assume ? e.mechanism : e.method,
      crossAccount: e.crossAccount,
      conditionKeys: [...new Set(e.conditions.map((c) => c.key))].sort(),
      addresses: attr.of(
        [e.from, e.to, ...(assume ? [] : [e.via, e.modifies])],
        evidence.map((s) => s.policyId),
        [e.from, ...(!assume && e.via ? [e.via] : [])],
      ),
    };
    if (assume) {
      delta.fromKind = e.fromKind;
      delta.crossOrganization = e.crossOrganization;
    }
    out.push(delta);
  }
  return out.sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.method.localeCompare(b.method),
  );
}

function onlyIn<T>(a: Iterable<T>, b: Iterable<T>, key: (x: T) => string): Set<string> {
  const other = new Set<string>();
  for (const x of b) other.add(key(x));
  const out = new Set<string>();
  for (const x of a) {
    const k = key(x);
    if (!other.has(k)) out.add(k);
  }
  return out;
}

/** Every node that can reach `target` over the graph's hops. */
function reachersOf(graph: EscalationGraph, target: string): Set<string> {
  const seen = new Set<string>();
  const queue = [target];
  while (queue.length > 0) {
    const node = queue.pop() as string;
    for (const hop of graph.hopsIn(node)) {
      if (seen.has(hop.from) || hop.from === target) continue;
      seen.add(hop.from);
      queue.push(hop.from);
    }
  }
  return seen;
}

function adminTargets(a: Analysis): Set<string> {
  const out = new Set<string>();
  for (const info of a.admins.values())
    if (info.admin && info.kind === 'full-access') out.add(`admin:${info.accountId}`);
  for (const e of a.escalation) if (isAdminTarget(e.to)) out.add(e.to);
  return out;
}

function pathDeltas(
  graph: EscalationGraph,
  otherHops: ReadonlySet<string>,
  pairs: { from: string; target: string }[],
  attr: Attribution,
): AdminPathDelta[] {
  const out: AdminPathDelta[] = [];
  for (const { from, target } of pairs.slice(0, ADMIN_PATH_LIMIT)) {
    const path = graph.shortestPath(from, target);
    if (!path) continue;
    const hops: HopView[] = path.hops.map((h) => {
      const changed = !otherHops.has(hopKey(h));
      const view: HopView = {
        from: h.from,
        to: h.to,
        kind: h.kind,
        changed,
        addresses: changed
          ? attr.of(
              [h.from, h.to],
              h.evidence.map((s) => s.policyId),
              [h.from],
            )
          : [],
      };
      if (h.method !== undefined) view.method = h.method;
      return view;
    });
    out.push({
      from,
      adminAccount: adminAccountOf(target as `admin:${string}`),
      hops,
      addresses: [...new Set(hops.flatMap((h) => h.addresses))].sort(),
    });
  }
  return out;
}

function hopKeys(a: Analysis): Set<string> {
  const keys = new Set<string>();
  for (const e of a.canAssume) keys.add(`CAN_ASSUME|${e.from}|${e.to}|${e.mechanism}`);
  for (const e of a.escalation) keys.add(`CAN_ESCALATE_TO|${e.from}|${e.to}|${e.method}`);
  for (const info of a.admins.values())
    if (info.admin && info.kind === 'full-access') keys.add(`IS_ADMIN|${info.principal}`);
  return keys;
}

/** Sources worth naming: not AWS services (they assume the roles they are given by design). */
function sourceKinds(a: Analysis): Map<string, CanAssumeEdge['fromKind']> {
  return new Map(a.canAssume.map((e) => [e.from, e.fromKind]));
}

function adminPathChanges(
  from: Analysis,
  to: Analysis,
  fromGraph: EscalationGraph,
  toGraph: EscalationGraph,
  attr: Attribution,
): { list: AdminPathDelta[]; total: number } {
  const kinds = sourceKinds(to);
  const pairs: { from: string; target: string }[] = [];
  for (const target of [...adminTargets(to)].sort()) {
    const now = reachersOf(toGraph, target);
    const before = reachersOf(fromGraph, target);
    for (const node of [...now].sort()) {
      if (before.has(node) || isAdminTarget(node) || kinds.get(node) === 'ServicePrincipal') continue;
      pairs.push({ from: node, target });
    }
  }
  return { list: pathDeltas(toGraph, hopKeys(from), pairs, attr), total: pairs.length };
}

function findingDeltas(findings: Finding[], only: ReadonlySet<string>, attr: Attribution): FindingDelta[] {
  return findings
    .filter((f) => only.has(f.id))
    .map(({ evidence, ...rest }) => {
      const statements = Array.isArray(evidence.statements)
        ? (evidence.statements as { policyId?: unknown }[])
        : [];
      return {
        ...rest,
        addresses: attr.of(
          rest.subjects,
          statements.flatMap((s) => (typeof s.policyId === 'string' ? [s.policyId] : [])),
          rest.subjects,
        ),
      };
    });
}

export function diffAnalyses(
  before: Analysis,
  after: Analysis,
  models: { before: SnapshotModel; after: SnapshotModel },
  touched: ReadonlyMap<string, ReadonlySet<string>>,
): PlanDiff {
  const attrAfter = new Attribution(touched, groupsByUser(models.after));
  const attrBefore = new Attribution(touched, groupsByUser(models.before));
  const edges = <T extends CanAssumeEdge | EscalationEdge>(
    a: readonly T[],
    b: readonly T[],
    key: (e: T) => string,
  ): Delta<EdgeDelta> => ({
    added: edgeDeltas(b, onlyIn(b, a, key), attrAfter),
    removed: edgeDeltas(a, onlyIn(a, b, key), attrBefore),
  });
  const assume = edges(before.canAssume, after.canAssume, assumeKey);
  const escalate = edges(before.escalation, after.escalation, escalateKey);

  const beforeGraph = new EscalationGraph({
    edges: before.escalation,
    canAssume: before.canAssume,
    admins: before.admins,
  });
  const afterGraph = new EscalationGraph({
    edges: after.escalation,
    canAssume: after.canAssume,
    admins: after.admins,
  });
  const added = adminPathChanges(before, after, beforeGraph, afterGraph, attrAfter);
  const removed = adminPathChanges(after, before, afterGraph, beforeGraph, attrBefore);

  const fKey = (f: Finding) => f.id;
  return {
    assume,
    escalate,
    adminPaths: {
      added: added.list,
      removed: removed.list,
      addedTotal: added.total,
      removedTotal: removed.total,
    },
    externalTrust: assume.added.filter((e) => e.fromKind === 'Anyone' || e.crossOrganization === true),
    findings: {
      added: findingDeltas(after.findings, onlyIn(after.findings, before.findings, fKey), attrAfter),
      removed: findingDeltas(before.findings, onlyIn(before.findings, after.findings, fKey), attrBefore),
    },
  };
}
