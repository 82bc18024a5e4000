/**
 * escalation-to-admin: one finding per user or role that is not already a
 * full administrator, cannot reach one just by assuming roles it is trusted
 * to assume (that access is by design and the trust analysis reports it),
 * and yet can reach full control of an account once escalation methods are
 * allowed. The finding names its shortest, least conditional path.
 *
 * Severity: one step with no request-time condition is critical; one
 * conditional step, or two unconditional steps, high; up to three steps
 * medium; longer low. Paths that need an existing resource (only with
 * `includeRuntime`) are one level lower.
 */
import { findingId, SEVERITY_ORDER, type Finding, type Severity } from '../findings/finding.ts';
import { splitArn } from '../policy/arn.ts';
import type { StatementRef } from '../types.ts';
import { ALL_METHODS } from './methods/index.ts';
import { EscalationGraph, pathOf, type EscalationPath, type HopKind, type PathHop } from './paths.ts';
import { adminAccountOf, isAdminTarget, type AdminInfo, type EscalationEdge } from './types.ts';
import type { CanAssumeEdge } from '../trust/reachability.ts';
import type { SnapshotContext } from '../trust/context.ts';

export const ESCALATION_FINDING_KIND = 'escalation-to-admin';

export interface EscalationFindingInput {
  edges: readonly EscalationEdge[];
  canAssume: readonly CanAssumeEdge[];
  admins: ReadonlyMap<string, AdminInfo>;
  context: SnapshotContext;
}

export interface EscalationFindingOptions {
  includeRuntime?: boolean;
  /** Reuse a graph built with the same includeRuntime. */
  graph?: EscalationGraph;
}

const ASSUME_ONLY: ReadonlySet<HopKind> = new Set(['CAN_ASSUME', 'IS_ADMIN']);
const TITLES = new Map(ALL_METHODS.map((m) => [m.id, m.title]));

export function severityOf(path: EscalationPath): Severity {
  const { length, conditionCount } = path;
  let level =
    length <= 1 && conditionCount === 0
      ? 0
      : length <= 1 || (length === 2 && conditionCount === 0)
        ? 1
        : length <= 3
          ? 2
          : 3;
  if (path.needsRuntime.length > 0) level++;
  return SEVERITY_ORDER[Math.min(level, 3)] as Severity;
}

const slim = (r: StatementRef): Omit<StatementRef, 'statement'> => {
  const { statement: _statement, ...rest } = r;
  return rest;
};

export function describeHop(hop: PathHop): string {
  switch (hop.kind) {
    case 'CAN_ASSUME':
      return `assume ${hop.to}`;
    case 'IS_ADMIN':
      return `${hop.from} is a full administrator of account ${adminAccountOf(hop.to as `admin:${string}`)}`;
    case 'ADMIN_CONTROLS':
      return `as an administrator of its account, become ${hop.to}`;
    default: {
      const title = TITLES.get(hop.method ?? '') ?? hop.method ?? 'escalate';
      const target = isAdminTarget(hop.to) ? `full access in account ${adminAccountOf(hop.to)}` : hop.to;
      const last = hop.chain
        ? hop.actions.filter((a) => !hop.chain?.some((s) => s.actions.includes(a)))
        : hop.actions;
      const first = (hop.chain ?? []).map(
        (s) => `${TITLES.get(s.method) ?? s.method} (${s.actions.join(', ')} on ${s.modifies}), then `,
      );
      const on = hop.modifies ? ` on ${hop.modifies}` : '';
      return `${first.join('')}${title} (${last.join(', ')}${on}) → ${target}`;
    }
  }
}

export function escalationFindings(
  input: EscalationFindingInput,
  options: EscalationFindingOptions = {},
): Finding[] {
  const graph =
    options.graph ?? new EscalationGraph(input, { includeRuntime: options.includeRuntime ?? false });
  const byAssume = graph.towardAdmin(ASSUME_ONLY);
  const byAny = graph.towardAdmin();
  const findings: Finding[] = [];
  for (const p of input.context.principals.values()) {
    if (p.role?.serviceLinked) continue;
    if (input.admins.get(p.key)?.kind === 'full-access') continue;
    if (byAssume.has(p.key)) continue;
    const start = byAny.get(p.key);
    if (!start?.next) continue;
    const hops: PathHop[] = [];
    for (let hop: PathHop | undefined = start.next; hop; hop = byAny.get(hop.to)?.next) hops.push(hop);
    const last = hops[hops.length - 1];
    if (!last) continue;
    const path = pathOf(p.key, last.to, hops);
    findings.push(toFinding(p.key, path));
  }
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.evidence.length as number) - (b.evidence.length as number) ||
      (a.evidence.conditionCount as number) - (b.evidence.conditionCount as number) ||
      a.subjects[0]!.localeCompare(b.subjects[0]!),
  );
}

function toFinding(principal: string, path: EscalationPath): Finding {
  const account = adminAccountOf(path.to as `admin:${string}`);
  const through = [
    ...new Set(path.hops.map((h) => h.to).filter((k) => !isAdminTarget(k) && k !== principal)),
  ];
  const steps = path.length === 1 ? '1 step' : `${path.length} steps`;
  const conditionKeys = [
    ...new Set(path.hops.filter((h) => h.kind !== 'IS_ADMIN').flatMap((h) => h.conditions.map((c) => c.key))),
  ];
  const why =
    `${principal} is not an administrator and cannot become one just by assuming roles, but it can gain full ` +
    `access to account ${account} in ${steps}: ` +
    path.hops.map((h, i) => `(${i + 1}) ${describeHop(h)}`).join('; ') +
    '.' +
    (conditionKeys.length > 0
      ? ` It needs these request-time conditions to hold: ${conditionKeys.join(', ')}.`
      : '') +
    (path.needsRuntime.length > 0 ? ` It needs, at run time: ${path.needsRuntime.join('; ')}.` : '');
  return {
    id: findingId(ESCALATION_FINDING_KIND, [principal]),
    kind: ESCALATION_FINDING_KIND,
    severity: severityOf(path),
    title: `${splitArn(principal).at(-1)} can become an administrator of account ${account} in ${steps}`,
    why,
    subjects: [principal, ...through, account],
    evidence: {
      adminAccount: account,
      length: path.length,
      conditionCount: path.conditionCount,
      conditionKeys,
      needsRuntime: path.needsRuntime,
      hops: path.hops.map((h) => ({
        from: h.from,
        to: h.to,
        kind: h.kind,
        method: h.method,
        actions: h.actions,
        conditionKeys: [...new Set(h.conditions.map((c) => c.key))],
        statements: h.evidence.map(slim),
        ...(h.chain
          ? {
              chain: h.chain.map((s) => ({
                method: s.method,
                actions: s.actions,
                modifies: s.modifies,
                statements: s.evidence.map(slim),
              })),
            }
          : {}),
      })),
    },
  };
}
