/**
 * Managed policies whose document the analysis does not have: attached in
 * the export, absent from its Policies list, and unknown to the bundled
 * catalog of AWS-managed policies. The evaluator reads them as allowing
 * nothing, so every answer about their principals may miss permissions;
 * this finding says which policies and which principals.
 */
import type { SnapshotModel } from '../model.ts';
import { findingId, type Finding } from './finding.ts';

export const UNKNOWN_POLICY_FINDING_KIND = 'policy-document-unknown';

export function unknownPolicyFindings(model: SnapshotModel): Finding[] {
  const unknown = model.policies.filter((p) => p.documentSource?.kind === 'unknown');
  if (unknown.length === 0) return [];
  const attached = new Map<string, string[]>(unknown.map((p) => [p.arn, []]));
  for (const principal of [...model.users, ...model.groups, ...model.roles]) {
    const arns = new Set(principal.managedPolicyArns);
    if ('permissionsBoundaryArn' in principal && principal.permissionsBoundaryArn !== undefined)
      arns.add(principal.permissionsBoundaryArn);
    for (const arn of arns) attached.get(arn)?.push(principal.arn);
  }
  return unknown.map((policy): Finding => {
    const principals = (attached.get(policy.arn) ?? []).sort();
    const subjects = [policy.arn, ...principals];
    return {
      id: findingId(UNKNOWN_POLICY_FINDING_KIND, [policy.arn]),
      kind: UNKNOWN_POLICY_FINDING_KIND,
      severity: 'medium',
      title: `Policy document unknown: ${policy.name}`,
      why: `${policy.arn} is attached to ${principals.length} ${principals.length === 1 ? 'principal' : 'principals'} but the export holds no document for it, and the bundled catalog of AWS-managed policies does not know it. The analysis reads it as allowing nothing, so what ${principals.length === 1 ? 'this principal' : 'these principals'} can do may be more than shown. Export it (aws iam get-account-authorization-details without --filter) to analyse it.`,
      subjects,
      evidence: { policyArn: policy.arn, attachedTo: principals, documentSource: 'unknown' },
    };
  });
}
