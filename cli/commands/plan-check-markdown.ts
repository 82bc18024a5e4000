/** `plan-check --format markdown`: a summary fit for a pull-request comment. */
import type { PlanCheckResult } from '../../query/index.ts';
import { edgeLine, pathLine, short } from './plan-check-lines.ts';

const md = (s: string): string => s.replace(/([|*_`<>[\]])/g, '\\$1');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

export function renderMarkdown(r: PlanCheckResult): string {
  const d = r.diff;
  const out = [
    `### IAM Atlas plan-check: ${r.failures.length ? '**fails**' : 'passes'}`,
    '',
    `${code(r.file)} checked ${r.snapshot ? `against snapshot ${code(r.snapshot.name)}` : 'alone (no snapshot)'} in account ${code(r.accountId)}. ` +
      (r.failures.length
        ? `Failed rules: ${r.failures.map((f) => `${code(f.rule)} (${f.count})`).join(', ')}.`
        : `Rules: ${r.rules.map(code).join(', ') || 'none'}.`),
    '',
    '| change | added | removed |',
    '| --- | ---: | ---: |',
    `| paths to admin | ${d.adminPaths.addedTotal} | ${d.adminPaths.removedTotal} |`,
    `| trust from anyone / outside the organization | ${d.externalTrust.length} | |`,
    `| findings | ${d.findings.added.length} | ${d.findings.removed.length} |`,
    `| CAN_ASSUME edges | ${d.assume.added.length} | ${d.assume.removed.length} |`,
    `| CAN_ESCALATE_TO edges | ${d.escalate.added.length} | ${d.escalate.removed.length} |`,
  ];
  const by = (a: readonly string[]) => (a.length ? ` — ${a.map(code).join(', ')}` : '');
  const list = (title: string, lines: string[], open = true) => {
    if (lines.length === 0) return;
    out.push(
      '',
      open ? `#### ${title}` : `<details><summary>${title}</summary>`,
      '',
      ...lines.map((l) => `- ${l}`),
    );
    if (!open) out.push('', '</details>');
  };
  list(
    'New paths to admin (hops the change introduces in bold)',
    d.adminPaths.added.map((p) => pathLine(p, (x) => `**${x}**`, md) + by(p.addresses)),
  );
  list(
    'New trust from anyone or outside the organization',
    d.externalTrust.map((e) => md(edgeLine(e)) + by(e.addresses)),
  );
  list(
    'New findings',
    d.findings.added.map(
      (f) =>
        `**${f.severity}** ${code(f.kind)} ${md(short(f.subjects[0] ?? ''))}: ${md(f.title)}${by(f.addresses)}`,
    ),
  );
  list(
    'All new and removed edges',
    [
      ...d.assume.added.map((e) => `added ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.escalate.added.map((e) => `added ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.assume.removed.map((e) => `removed ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.escalate.removed.map((e) => `removed ${md(edgeLine(e))}${by(e.addresses)}`),
      ...d.adminPaths.removed.map(
        (p) => `removed path to admin: ${md(pathLine(p, (s) => s))}${by(p.addresses)}`,
      ),
    ],
    false,
  );
  list(
    'Values known only after apply (read as matching nothing)',
    r.unknowns.map((u) => code(`${u.address}.${u.attribute}`)),
    false,
  );
  return out.join('\n') + '\n';
}
