/** Findings: risks a reviewer should look at, each with the statement that causes it. */
export { findingId, SEVERITY_ORDER, type Finding, type Severity } from './finding.ts';
export {
  snapshotReferenceDate,
  trustFindings,
  TRUST_FINDING_KINDS,
  UNUSED_AFTER_DAYS,
  type TrustFindingKind,
  type TrustFindingOptions,
} from './trust-findings.ts';
export { UNKNOWN_POLICY_FINDING_KIND, unknownPolicyFindings } from './unknown-policies.ts';
