/**
 * `contextComplete`: the given context is the whole request, as in AWS's IAM
 * policy simulator, where a key the simulation does not supply is absent
 * from the request (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html).
 * So every request-time key that a governing policy tests and the context
 * does not give is marked absent: `...IfExists` and `Null` then decide, and
 * nothing comes back as a condition still to hold. Keys the snapshot decides
 * (principal and resource facts) keep their snapshot values.
 */
import { isSnapshotKey, parsePolicy } from '../../engine/evaluate/index.ts';
import type { EvaluationInput, PolicyInput } from '../../engine/types.ts';

function governing(input: EvaluationInput): PolicyInput[] {
  const out = [...input.identityPolicies, ...(input.sessionPolicies ?? [])];
  if (input.permissionsBoundary) out.push(input.permissionsBoundary);
  if (input.resourcePolicy) out.push(input.resourcePolicy);
  for (const level of [...(input.scps ?? []), ...(input.rcps ?? [])]) out.push(...level);
  return out;
}

/** Marks the request-time keys the input's policies test, and its context lacks, as absent. */
export function completeContext(input: EvaluationInput): void {
  const given = new Set(Object.keys(input.request.context ?? {}).map((k) => k.toLowerCase()));
  const absent = new Set<string>();
  for (const policy of governing(input)) {
    for (const st of parsePolicy(policy.document, policy.id).statements) {
      for (const c of st.conditions) {
        if (!given.has(c.keyLower) && !absent.has(c.keyLower) && !isSnapshotKey(c.key))
          absent.add(c.keyLower);
      }
    }
  }
  input.request.absentKeys = [...absent];
}
