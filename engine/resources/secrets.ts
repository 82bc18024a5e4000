/**
 * Secrets Manager across accounts: besides the secret's policy and the
 * caller's identity policies, the caller needs kms:Decrypt on the customer
 * managed key that encrypts the secret (a secret under the AWS managed key
 * aws/secretsmanager cannot be read from another account at all, plan.ts).
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html
 *
 * When the key is among the snapshot's resources (by ARN, or by key id in the
 * secret's account), a cross-account caller without a kms:Decrypt edge on it
 * does not get secretsmanager:GetSecretValue. A key given by alias, or not in
 * the snapshot, is not checked.
 */
import type { Caller } from './callers.ts';
import type { ResourcePlan } from './plan.ts';
import type { CanAccessEdge } from './types.ts';

const GET_SECRET_VALUE = 'secretsmanager:GetSecretValue';

/** The callers of a key's edges that may use kms:Decrypt on it: all the rule reads of a key's edges. */
export function decrypters(edges: Iterable<CanAccessEdge>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const edge of edges)
    if (edge.levels.some((l) => l.level === 'write' && l.actions.includes('kms:Decrypt'))) out.add(edge.from);
  return out;
}

function keyPlan(plans: ReadonlyMap<string, ResourcePlan>, secret: ResourcePlan): ResourcePlan | undefined {
  const id = secret.resource.settings.kmsKeyId;
  if (id === undefined) return undefined;
  const direct = plans.get(id);
  if (direct?.type === 'kms-key') return direct;
  for (const plan of plans.values()) {
    if (
      plan.type === 'kms-key' &&
      plan.resource.accountId === secret.resource.accountId &&
      plan.resource.name === id
    )
      return plan;
  }
  return undefined;
}

/**
 * The rule as an exclusion for decide.ts, reading the keys already decided: key ARN → the callers
 * that may decrypt with it (`decrypters` of its edges).
 */
export function kmsDecryptRule(
  plans: ReadonlyMap<string, ResourcePlan>,
  keyDecrypters: ReadonlyMap<string, ReadonlySet<string>>,
): (plan: ResourcePlan, caller: Caller) => { actions: Set<string>; note: string } | undefined {
  // A secret's key is looked up once, not once per caller.
  const keys = new Map<ResourcePlan, ResourcePlan | undefined>();
  return (plan, caller) => {
    if (plan.type !== 'secretsmanager-secret') return undefined;
    const callerAccount = caller.principal?.accountId ?? caller.synthetic?.account?.id;
    if (
      caller.fromKind !== 'Anyone' &&
      (callerAccount === undefined || callerAccount === plan.resource.accountId)
    )
      return undefined;
    let key = keys.get(plan);
    if (key === undefined && !keys.has(plan)) keys.set(plan, (key = keyPlan(plans, plan)));
    if (!key) return undefined;
    if (keyDecrypters.get(key.resource.arn)?.has(caller.key)) return undefined;
    return {
      actions: new Set([GET_SECRET_VALUE]),
      note: `Reading the secret from another account needs kms:Decrypt on its key ${key.resource.arn}, which this caller does not have.`,
    };
  };
}
