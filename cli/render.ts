/**
 * Human text of query results, shared by the query commands: pure functions
 * from a result to lines (no I/O), so each command's `render` can be tested
 * without a database.
 */
import type { ConditionOut, Hop, NodeRef } from '../query/graph.ts';
import type { EvaluationOutcome, ReachEntry } from '../query/index.ts';
import type { StatementRef } from '../engine/types.ts';
import type { SnapshotInfo } from '../ingest/load/snapshots.ts';

/** What a command's `render` is told besides its result. */
export interface RenderOptions {
  /** The result as JSON, as the query function returned it. */
  json?: boolean;
  /** The snapshot the answer comes from (human output names it). */
  snapshot: Pick<SnapshotInfo, 'id' | 'name'>;
}

/** The result as `--json` prints it. */
export const jsonText = (result: unknown): string => JSON.stringify(result, null, 2) + '\n';

/** Lines as printed: one per line, each ended. */
export const text = (lines: readonly string[]): string => lines.map((l) => l + '\n').join('');

const EQUALS = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'Bool',
  'NumericEquals',
  'ArnEquals',
  'DateEquals',
]);

export function formatCondition(c: ConditionOut): string {
  const op = c.operator.replace(/IfExists$/, '');
  const shown = EQUALS.has(op) ? '=' : op === 'StringLike' || op === 'ArnLike' ? 'like' : c.operator;
  const values = c.values.length ? ` ${c.values.join(' | ')}` : '';
  return c.mustHold ? `[needs ${c.key} ${shown}${values}]` : `[needs NOT ${c.key} ${shown}${values}]`;
}

export const conditionText = (cs: readonly ConditionOut[]): string =>
  cs.length ? ' ' + cs.map(formatCondition).join(' ') : '';

export function hopLine(h: Hop): string {
  const how =
    h.type === 'CAN_ACCESS'
      ? `${h.level ?? '?'} access${h.via ? ` by ${h.via}` : ''}${h.public ? ', public' : ''}`
      : (h.mechanism ?? h.method ?? h.type);
  const flags = [how, h.crossAccount ? 'cross-account' : 'same account'];
  if (h.roleChaining) flags.push('role chaining');
  return `    → ${h.to}  (${flags.join(', ')})${conditionText(h.conditions)}`;
}

export const nodeLabel = (n: NodeRef): string => `${n.key} (${n.kind})`;
export const hopsWord = (n: number): string => `${n} hop${n === 1 ? '' : 's'}`;
export const snapshotLabel = (s: Pick<SnapshotInfo, 'id' | 'name'>): string =>
  s.name !== s.id ? `${s.id} "${s.name}"` : s.id;

/** A reachability entry: the node, its distance, and the path's hops. */
export function entryLines(e: ReachEntry): string[] {
  return [
    `${nodeLabel(e.node)}  ${hopsWord(e.length)}${e.conditional ? ', conditional' : ''}`,
    ...e.hops.map(hopLine),
  ];
}

const statementText = (e: StatementRef): string =>
  `${e.policyKind} ${e.policyId} #${e.statementIndex}${e.sid ? ` (${e.sid})` : ''}`;

/** The statements that allowed a request, each once. */
export const evidenceText = (evidence: readonly StatementRef[]): string =>
  [...new Set(evidence.map(statementText))].join('; ');

/** A live evaluation: the verdict, how the principal was read, the conditions, why, the evidence. */
export function outcomeLines(r: EvaluationOutcome, subject: string): string[] {
  const out: string[] = [];
  const verdict =
    r.decision === 'allowed'
      ? r.conditional
        ? 'ALLOWED, if the conditions below hold'
        : 'ALLOWED'
      : r.decision === 'explicitDeny'
        ? 'DENIED (explicit deny)'
        : 'DENIED (no policy allows it)';
  out.push(`${verdict}: ${subject}`);
  if (r.principal.rootReading === 'root-user')
    out.push(
      `  evaluated as the root user of account ${r.principal.accountId ?? '?'} (the account is in the snapshot)`,
    );
  else if (r.principal.rootReading === 'any-principal')
    out.push(
      `  evaluated as any principal of account ${r.principal.accountId ?? '?'} (the account is not in the snapshot)`,
    );
  else if (r.principal.arn !== r.principal.input)
    out.push(`  evaluated as ${r.principal.arn} (${r.principal.type})`);
  if (r.contextComplete) out.push('  the context given is the whole request: keys not given are absent');
  if (r.referenceDate)
    out.push(`  requests made on or after ${r.referenceDate} (the snapshot's reference date)`);
  if (r.conditions.length) {
    out.push('Conditions:');
    for (const c of r.conditions)
      out.push(`  ${formatCondition(c)}  (${c.assumption}; from ${c.source?.policyId ?? '?'})`);
  }
  out.push('Why:');
  for (const line of r.reasons) out.push(`  - ${line}`);
  if (r.evidence.length) {
    out.push('Evidence:');
    const seen = new Set<string>();
    for (const e of r.evidence) {
      const line = `${e.effect} ${e.policyKind} ${e.policyId}, statement ${e.statementIndex}${e.sid ? ` (${e.sid})` : ''}`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(`  - ${line}`);
    }
  }
  return out;
}
