/**
 * The CI gate: which rules a plan's diff breaks. Rules, comma-separated:
 *   new-admin-path      something can become an administrator it could not before
 *   new-external-trust  a role becomes assumable from anyone or from outside the organization
 *   new-escalation      any new CAN_ESCALATE_TO edge
 *   new-assume          any new CAN_ASSUME edge
 *   severity>=LEVEL     a new finding of LEVEL or worse (critical, high, medium, low, info)
 *   unknown-values      the plan holds values known only after apply
 *   none                never fail
 */
import { SEVERITY_ORDER, type Severity } from '../findings/finding.ts';
import type { UnknownValue } from './change.ts';
import type { PlanDiff } from './diff.ts';

export const DEFAULT_FAIL_ON = 'new-admin-path,new-external-trust,severity>=high';

export type GateRule =
  | { rule: 'new-admin-path' | 'new-external-trust' | 'new-escalation' | 'new-assume' | 'unknown-values' }
  | { rule: 'severity'; atLeast: Severity };

export interface GateFailure {
  /** The rule as written (`severity>=high`). */
  rule: string;
  count: number;
}

const SIMPLE = [
  'new-admin-path',
  'new-external-trust',
  'new-escalation',
  'new-assume',
  'unknown-values',
] as const;

/** Parses `--fail-on`; throws an Error naming the bad rule and the accepted ones. */
export function parseFailOn(text: string): GateRule[] {
  const rules: GateRule[] = [];
  for (const raw of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    if (raw === 'none') continue;
    if ((SIMPLE as readonly string[]).includes(raw)) {
      rules.push({ rule: raw as (typeof SIMPLE)[number] });
      continue;
    }
    const m = /^severity\s*>=\s*([a-z]+)$/.exec(raw);
    if (m && (SEVERITY_ORDER as readonly string[]).includes(m[1] ?? '')) {
      rules.push({ rule: 'severity', atLeast: m[1] as Severity });
      continue;
    }
    throw new Error(
      `unknown --fail-on rule "${raw}"; use ${SIMPLE.join(', ')}, severity>=LEVEL (${SEVERITY_ORDER.join(', ')}) or none`,
    );
  }
  return rules;
}

export const ruleText = (r: GateRule): string => (r.rule === 'severity' ? `severity>=${r.atLeast}` : r.rule);

export function evaluateGate(
  rules: readonly GateRule[],
  diff: PlanDiff,
  unknowns: readonly UnknownValue[],
): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const r of rules) {
    let count: number;
    switch (r.rule) {
      case 'new-admin-path':
        count = diff.adminPaths.addedTotal;
        break;
      case 'new-external-trust':
        count = diff.externalTrust.length;
        break;
      case 'new-escalation':
        count = diff.escalate.added.length;
        break;
      case 'new-assume':
        count = diff.assume.added.length;
        break;
      case 'unknown-values':
        count = unknowns.length;
        break;
      case 'severity': {
        const limit = SEVERITY_ORDER.indexOf(r.atLeast);
        count = diff.findings.added.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit).length;
        break;
      }
    }
    if (count > 0) failures.push({ rule: ruleText(r), count });
  }
  return failures;
}
