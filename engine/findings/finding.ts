/** The Finding record shared by every analysis that reports risks. */
import { createHash } from 'node:crypto';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface Finding {
  /** Stable across runs: a hash of the kind and the subjects. */
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  /** A paragraph a reviewer reads: what was found, in which statement, and why it matters. */
  why: string;
  /** Graph node keys the finding is about; the first is the main subject. */
  subjects: string[];
  evidence: Record<string, unknown>;
}

export function findingId(kind: string, subjects: readonly string[]): string {
  const hash = createHash('sha256')
    .update(`${kind}\u0000${subjects.join('\u0000')}`)
    .digest('hex');
  return `finding-${hash.slice(0, 20)}`;
}
