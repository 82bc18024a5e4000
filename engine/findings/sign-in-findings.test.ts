/**
 * Findings from the credential report, judged at a fixed reference date so the
 * answer does not depend on the day the test runs.
 */
import { describe, expect, it } from 'vitest';
import { parseCredentialReport } from '../credential-report.ts';
import { HEADER, ROWS } from '../credential-report.sample.ts';
import { signInFindings } from './sign-in-findings.ts';

const REFERENCE = Date.parse('2026-12-01T00:00:00Z');

describe('sign-in findings', () => {
  const { report } = parseCredentialReport([HEADER, ...ROWS].join('\n'), '111122223333');
  const findings = signInFindings(report, REFERENCE);
  const byKind = (kind: string) => findings.filter((f) => f.kind === kind);

  it('the root user without MFA, and with an active access key', () => {
    expect(byKind('root-user-without-mfa').map((f) => f.subjects)).toEqual([
      ['111122223333'],
    ]);
    expect(byKind('root-user-access-key')).toEqual([
      expect.objectContaining({
        severity: 'critical',
        evidence: expect.objectContaining({ slot: 1, lastUsedService: 'ecr' }),
      }),
    ]);
  });

  it('a console user without MFA, but not a user without a password nor one with MFA', () => {
    expect(byKind('console-user-without-mfa').map((f) => f.evidence.user)).toEqual(['alice']);
  });

  it('active keys never used or unused for 90 days, not a key used yesterday', () => {
    const keys = byKind('access-key-unused').map((f) => [f.evidence.user, f.evidence.slot, f.title]);
    expect(keys).toEqual([
      ['bob', 1, 'Active access key never used'],
      ['bob', 2, 'Active access key unused for 90 days or more'],
    ]);
    // Same input a year earlier: key 2 had been used 46 days before.
    const earlier = signInFindings(report, Date.parse('2025-03-02T00:00:00Z'));
    expect(earlier.filter((f) => f.kind === 'access-key-unused').map((f) => f.evidence.slot)).toEqual([1]);
  });

  it('gives each finding a stable id of its own', () => {
    const ids = findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(signInFindings(report, REFERENCE).map((f) => f.id)).toEqual(ids);
  });
});
