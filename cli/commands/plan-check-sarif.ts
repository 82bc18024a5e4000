/**
 * `plan-check --format sarif`: SARIF 2.1.0 for code-scanning services
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), located at the plan file
 * and the Terraform address.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../engine/findings/finding.ts';
import type { PlanCheckResult } from '../../query/index.ts';
import { pathLine } from './plan-check-lines.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const RULES: Record<string, { text: string; level: 'error' | 'warning' | 'note' }> = {
  'new-admin-path': {
    text: 'The change gives a principal a path to an account administrator',
    level: 'error',
  },
  'new-external-trust': {
    text: 'The change lets anyone, or a principal outside the organization, assume a role',
    level: 'error',
  },
  'new-escalation': { text: 'The change adds a privilege-escalation edge', level: 'warning' },
  'new-assume': { text: 'The change adds a role-assumption edge', level: 'note' },
  'unknown-value': { text: 'A value known only after apply was read as matching nothing', level: 'note' },
};

const fingerprint = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

function artifactUri(file: string): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? pathToFileURL(file).href : rel.split(path.sep).join('/');
}

export function renderSarif(r: PlanCheckResult, version = '0.0.0'): string {
  const rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] =
    [];
  const ruleIndex = (id: string, textValue: string, level: string): number => {
    let i = rules.findIndex((x) => x.id === id);
    if (i < 0)
      i = rules.push({ id, shortDescription: { text: textValue }, defaultConfiguration: { level } }) - 1;
    return i;
  };
  const uri = artifactUri(r.file);
  const lines = new Map(
    r.changes.flatMap((c) => (c.line !== undefined ? [[c.address, c.line] as const] : [])),
  );
  const locations = (addresses: readonly string[]) => {
    const list = addresses.length ? addresses : [undefined];
    return list.map((address) => {
      const line = address === undefined ? undefined : lines.get(address);
      return {
        physicalLocation: {
          artifactLocation: { uri },
          ...(line !== undefined ? { region: { startLine: line } } : {}),
        },
        ...(address !== undefined
          ? { logicalLocations: [{ fullyQualifiedName: address, kind: 'resource' }] }
          : {}),
      };
    });
  };
  const results: Record<string, unknown>[] = [];
  const add = (
    ruleId: string,
    level: string,
    message: string,
    addresses: readonly string[],
    key: string,
    ruleText = RULES[ruleId]?.text ?? ruleId,
  ) =>
    results.push({
      ruleId,
      ruleIndex: ruleIndex(ruleId, ruleText, RULES[ruleId]?.level ?? level),
      level,
      message: { text: message },
      locations: locations(addresses),
      partialFingerprints: { 'iamatlasPlanCheck/v1': fingerprint(ruleId, key) },
    });

  for (const p of r.diff.adminPaths.added)
    add(
      'new-admin-path',
      'error',
      `${p.from} can become administrator of ${p.adminAccount}: ${pathLine(p, (s) => `[new] ${s}`)}`,
      p.addresses,
      `${p.from}|${p.adminAccount}`,
    );
  for (const e of r.diff.externalTrust)
    add(
      'new-external-trust',
      'error',
      `${e.to} becomes assumable by ${e.from} (${e.fromKind ?? 'principal'}${e.crossOrganization ? ', outside the organization' : ''})`,
      e.addresses,
      `${e.from}|${e.to}`,
    );
  for (const f of r.diff.findings.added)
    add(`finding/${f.kind}`, LEVEL[f.severity], `${f.title} (${f.severity})`, f.addresses, f.id, f.kind);
  for (const e of r.diff.escalate.added)
    add(
      'new-escalation',
      'warning',
      `${e.from} can escalate to ${e.to} by ${e.method}`,
      e.addresses,
      `${e.from}|${e.to}|${e.method}`,
    );
  for (const e of r.diff.assume.added)
    add('new-assume', 'note', `${e.from} can assume ${e.to} (${e.method})`, e.addresses, `${e.from}|${e.to}`);
  for (const u of r.unknowns)
    add(
      'unknown-value',
      'note',
      `${u.address}.${u.attribute} is known only after apply; the analysis read it as matching nothing`,
      [u.address],
      u.placeholder,
    );

  const sarif = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'iamatlas plan-check', version, rules } },
        artifacts: [{ location: { uri } }],
        results,
        properties: { accountId: r.accountId, snapshot: r.snapshot?.id ?? null, failedRules: r.failures },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
