/** A review session as a report: Markdown for people, JSON for scripts. Pure functions. */
import {
  REVIEW_STATUSES,
  type PlanChangeEvidence,
  type ReviewItemOut,
  type ReviewSessionOut,
} from '../query/reviews.ts';
import type { Edge } from '../query/graph.ts';

export interface SessionReport {
  session: ReviewSessionOut;
  generatedAt: string;
  statusCounts: Record<string, number>;
  items: ReviewItemOut[];
}

export function buildReport(
  session: ReviewSessionOut,
  items: ReviewItemOut[],
  now = new Date(),
): SessionReport {
  const statusCounts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const i of items) statusCounts[i.status] = (statusCounts[i.status] ?? 0) + 1;
  return { session, generatedAt: now.toISOString(), statusCounts, items };
}

export const reportJson = (r: SessionReport): string => JSON.stringify(r, null, 2) + '\n';

const STATUS_WORDS: Record<string, string> = {
  OPEN: 'open',
  ACCEPTED_RISK: 'accepted risk',
  NEEDS_FIX: 'needs fix',
  FIXED: 'fixed',
  FALSE_POSITIVE: 'false positive',
  ARCHIVED: 'archived',
};

/** Markdown text: cells and lines come from the graph and from reviewers, so `|`, `<` and newlines are neutralised. */
const md = (s: string | undefined): string =>
  (s ?? '').replace(/\r?\n/g, ' ').replace(/[|<>`*_[\]]/g, (c) => `\\${c}`);

function edgeLine(e: Edge): string {
  const rel =
    e.type === 'CAN_ASSUME'
      ? 'can assume'
      : e.type === 'CAN_ACCESS'
        ? `can access (${e.level ?? '?'})`
        : `can escalate to${e.method ? ` (${e.method})` : ''}`;
  const conds = e.conditions.map(
    (c) => `${c.mustHold ? '' : 'NOT '}${c.key} ${c.operator} ${c.values.join(', ')}`,
  );
  const ev = e.evidence.map(
    (s) => `${s.policyKind} ${s.policyId} statement ${s.statementIndex}${s.sid ? ` (${s.sid})` : ''}`,
  );
  return (
    `  - \`${md(e.from.key)}\` ${rel} \`${md(e.to.key)}\`` +
    (e.crossAccount ? ' — cross-account' : '') +
    (conds.length ? `\n    - requires: ${md(conds.join('; '))}` : '') +
    (ev.length ? `\n    - evidence: ${md(ev.join('; '))}` : '')
  );
}

/** A proposed change's evidence: the plan and its gate, the hops (changed ones in bold) and the resources behind them. */
function planChangeLines(p: PlanChangeEvidence): string[] {
  const gate = p.passed ? 'passes' : `fails ${p.failures.map((f) => `${f.rule} (${f.count})`).join(', ')}`;
  const lines = [
    `- Plan: \`${md(p.plan)}\` in account ${md(p.accountId)}, checked against snapshot \`${md(p.snapshotId)}\`; the gate ${md(gate)}`,
  ];
  for (const c of p.counts) lines.push(`  - ${md(c.name)}: ${c.count}`);
  if (p.hops.length) lines.push('- Hops (those the change introduces in bold):');
  for (const h of p.hops) {
    const hop = `\`${md(h.from)}\` ${md(h.type)}${h.method ? ` (${md(h.method)})` : ''} \`${md(h.to)}\``;
    lines.push(
      `  - ${h.changed ? `**${hop}**` : hop}${h.addresses.length ? ` — by ${h.addresses.map((a) => `\`${md(a)}\``).join(', ')}` : ''}`,
    );
  }
  if (p.addresses.length) lines.push(`- Resources: ${p.addresses.map((a) => `\`${md(a)}\``).join(', ')}`);
  return lines;
}

/** The analyst's assumptions in words: which request-time conditions count as satisfiable. */
function assumptionsLine(a: ReviewSessionOut['assumptions']): string {
  const on = Object.keys(a).filter((k) => a[k as keyof typeof a]);
  const off = Object.keys(a).filter((k) => !a[k as keyof typeof a]);
  if (!off.length) return 'every request-time condition assumed satisfiable (conditional edges count)';
  return (
    (on.length ? `assumed satisfiable: ${on.join(', ')}; ` : '') +
    `not assumed (edges that need them are left out): ${off.join(', ')}`
  );
}

export function reportMarkdown(r: SessionReport): string {
  const s = r.session;
  const lines = [
    `# Review: ${md(s.name)}`,
    '',
    `- Session: \`${s.id}\``,
    `- Snapshot: \`${s.snapshotId}\``,
    `- Opened ${s.createdAt}${s.createdBy ? ` by ${md(s.createdBy)}` : ''}`,
    `- Assumptions: ${assumptionsLine(s.assumptions)}`,
    `- Report generated ${r.generatedAt}`,
    '',
    '| status | items |',
    '| --- | --- |',
    ...Object.entries(r.statusCounts).map(([k, v]) => `| ${STATUS_WORDS[k] ?? k} | ${v} |`),
    '',
    '## Items',
  ];
  r.items.forEach((item, n) => {
    lines.push(
      '',
      `### ${n + 1}. ${md(item.title)}`,
      '',
      `- Kind: ${item.kind === 'FINDING' ? `finding \`${item.findingId ?? ''}\`` : item.kind === 'PLAN_CHANGE' ? 'proposed change' : 'path'}`,
      `- Status: **${STATUS_WORDS[item.status] ?? item.status}**${item.reviewer ? ` (${md(item.reviewer)}, ${item.updatedAt})` : ''}`,
    );
    if (item.note) lines.push(`- Note: ${md(item.note)}`);
    if (item.subjectKeys.length)
      lines.push(`- Subjects: ${item.subjectKeys.map((k) => `\`${md(k)}\``).join(', ')}`);
    if (item.path) {
      lines.push('- Path:');
      for (const e of item.path.edges) lines.push(edgeLine(e));
    }
    if (item.planChange) lines.push(...planChangeLines(item.planChange));
    if (item.history.length) {
      lines.push('- History:');
      for (const h of item.history)
        lines.push(
          `  - ${h.at}: ${h.fromStatus ? `${STATUS_WORDS[h.fromStatus]} → ` : ''}${STATUS_WORDS[h.toStatus]}` +
            `${h.reviewer ? ` by ${md(h.reviewer)}` : ''}${h.note ? `: ${md(h.note)}` : ''}`,
        );
    }
  });
  return lines.join('\n') + '\n';
}
