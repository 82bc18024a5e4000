/** Findings of a snapshot (Finding nodes with the nodes they are ABOUT), most severe first. */
import type { Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { SEVERITY_ORDER, type Severity } from '../engine/findings/finding.ts';
import { cached, driverOf, type Source } from './cache.ts';
import { parseArgs } from './args.ts';
import { findingsArgs, type FindingsArgs } from './arg-schemas.ts';

export interface FindingSubject {
  key: string;
  kind?: string;
  arn?: string;
  name?: string;
  accountId?: string;
  /** The finding's main subject. */
  primary: boolean;
}

export interface FindingOut {
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  why: string;
  /** In the finding's order; the first is the main subject. */
  subjects: FindingSubject[];
  evidence: Record<string, unknown>;
}

export interface FindingsResult {
  findings: FindingOut[];
  /** Count per severity of the findings returned. */
  bySeverity: Record<Severity, number>;
}

/**
 * The findings of a snapshot. Inside the API the answer is kept per snapshot and arguments
 * (query/cache.ts, bounded by count and bytes), so paging through them reads the snapshot once,
 * not once per page.
 */
export async function findings(
  source: Source,
  snapshotId: string,
  args: FindingsArgs = {},
): Promise<FindingsResult> {
  const a = parseArgs(findingsArgs, args);
  return cached(
    source,
    snapshotId,
    'findings',
    a,
    () => readFindings(driverOf(source), snapshotId, a),
    (r) => Math.max(1, r.findings.length),
  );
}

/** A finding row (`finding` and `subjects` of the `findings` statement) as a FindingOut. */
export function toFinding(f: Record<string, unknown>, subjectRows: Record<string, unknown>[]): FindingOut {
  const found = new Map(subjectRows.map((s) => [String(s.key), s] as const));
  const keys = Array.isArray(f.subjectKeys) ? f.subjectKeys.map(String) : [...found.keys()];
  const subjects = keys.map((key, i): FindingSubject => {
    const s = found.get(key) ?? {};
    const subject: FindingSubject = { key, primary: i === 0 };
    for (const k of ['kind', 'arn', 'name', 'accountId'] as const)
      if (typeof s[k] === 'string') subject[k] = s[k];
    return subject;
  });
  return {
    id: String(f.id),
    kind: String(f.kind),
    severity: String(f.severity) as Severity,
    title: String(f.title),
    why: String(f.why),
    subjects,
    evidence: typeof f.evidence === 'string' ? (JSON.parse(f.evidence) as Record<string, unknown>) : {},
  };
}

async function readFindings(driver: Driver, snapshotId: string, a: FindingsArgs): Promise<FindingsResult> {
  const res = await driver.executeQuery(statement('queries/findings', 'findings'), {
    snapshotId,
    severity: a.severity ?? null,
    kind: a.kind ?? null,
    account: a.account ?? null,
  });
  const out: FindingOut[] = res.records.map((r) =>
    toFinding(r.get('finding') as Record<string, unknown>, r.get('subjects') as Record<string, unknown>[]),
  );
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  out.sort(
    (x, y) => rank(x.severity) - rank(y.severity) || x.kind.localeCompare(y.kind) || x.id.localeCompare(y.id),
  );
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of out) bySeverity[f.severity]++;
  return { findings: out, bySeverity };
}
