/** `plan-check --format text`: the report a person reads in a terminal. */
import type { PlanCheckResult } from '../../query/index.ts';
import { text } from '../render.ts';
import { by, edgeLine, pathLine, short, verdict } from './plan-check-lines.ts';

export function renderText(r: PlanCheckResult): string {
  const d = r.diff;
  const out = [
    `plan-check ${r.file}: ${verdict(r)}`,
    `  checked ${r.snapshot ? `against snapshot ${r.snapshot.name} (${r.snapshot.id})` : 'alone (no snapshot)'}, account ${r.accountId} (${r.accountSource}), ${r.changes.length} IAM change(s), ${r.seconds} s`,
    ...(r.analysis
      ? [
          `  analysis: ${r.analysis.mode}, ${r.analysis.principals} of ${r.analysis.total} principals (${r.analysis.reason})`,
        ]
      : []),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', `${title}:`, ...lines.map((l) => `  ${l}`));
  };
  const moreAdmin = (total: number, shown: number) =>
    total > shown ? [`... and ${total - shown} more`] : [];
  section('New paths to admin (changed hops marked *)', [
    ...d.adminPaths.added.map((p) => pathLine(p, (s) => `*${s}*`) + by(p.addresses)),
    ...moreAdmin(d.adminPaths.addedTotal, d.adminPaths.added.length),
  ]);
  section(
    'New trust from anyone or outside the organization',
    d.externalTrust.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'New findings',
    d.findings.added.map(
      (f) => `[${f.severity}] ${f.kind} ${short(f.subjects[0] ?? '')}: ${f.title}${by(f.addresses)}`,
    ),
  );
  section(
    'New CAN_ASSUME',
    d.assume.added.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'New CAN_ESCALATE_TO',
    d.escalate.added.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section('Paths to admin removed', [
    ...d.adminPaths.removed.map((p) => pathLine(p, (s) => `-${s}-`) + by(p.addresses)),
    ...moreAdmin(d.adminPaths.removedTotal, d.adminPaths.removed.length),
  ]);
  section(
    'CAN_ASSUME removed',
    d.assume.removed.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'CAN_ESCALATE_TO removed',
    d.escalate.removed.map((e) => edgeLine(e) + by(e.addresses)),
  );
  section(
    'Findings resolved',
    d.findings.removed.map((f) => `[${f.severity}] ${f.kind} ${short(f.subjects[0] ?? '')}`),
  );
  section(
    'Known only after apply (read as matching nothing)',
    r.unknowns.map((u) => `${u.address}.${u.attribute}`),
  );
  section(
    'Not analysed',
    r.skipped.map((s) => `${s.address} (${s.resourceType}): ${s.reason}`),
  );
  section('Warnings', r.warnings);
  return text(out);
}
