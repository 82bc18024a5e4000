/**
 * KMS grants: each grant lets its grantee principal (which may be in another
 * account) use the key for the grant's operations, without a key policy or
 * IAM policy naming it. Grants only allow; their operations are the grant
 * operations of the grants page. Encryption-context constraints stay on the
 * edge as conditions. https://docs.aws.amazon.com/kms/latest/developerguide/grants.html
 *
 * Not modelled: whether the grantee's SCPs or boundary limit a grant (the
 * pages do not say); an explicit Deny in the key policy against the grantee.
 */
import type { StatementRef, UnresolvedCondition } from '../types.ts';
import { accountCaller, serviceCaller, type Caller, type CallerEnv } from './callers.ts';
import type { KmsGrant } from './model.ts';
import type { ResourcePlan } from './plan.ts';
import { ACCESS_LEVELS, type AccessLevel, type CanAccessEdge } from './types.ts';

/** Grant operations → access level, as the Service Authorization Reference classifies the actions. */
const GRANT_OPERATION_LEVEL: Readonly<Record<string, AccessLevel>> = {
  Decrypt: 'write',
  Encrypt: 'write',
  GenerateDataKey: 'write',
  GenerateDataKeyPair: 'write',
  GenerateDataKeyPairWithoutPlaintext: 'write',
  GenerateDataKeyWithoutPlaintext: 'write',
  GenerateMac: 'write',
  ReEncryptFrom: 'write',
  ReEncryptTo: 'write',
  Sign: 'write',
  Verify: 'write',
  VerifyMac: 'write',
  DescribeKey: 'read',
  GetPublicKey: 'read',
  CreateGrant: 'permissions-management',
  RetireGrant: 'permissions-management',
};

const ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
const IAM_ARN = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(user|role)\//;

function granteeCaller(grantee: string, env: CallerEnv): Caller | undefined {
  const known = env.ctx.principals.get(grantee);
  if (known) return { key: known.key, fromKind: known.kind, principal: known };
  const root = ROOT.exec(grantee)?.[1] ?? (/^\d{12}$/.test(grantee) ? grantee : undefined);
  if (root) return accountCaller(env.ctx.account(root));
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(grantee)) return serviceCaller(grantee);
  const m = IAM_ARN.exec(grantee);
  if (!m?.[1]) return undefined;
  const account = env.ctx.account(m[1]);
  if (account.hasIamData) return undefined;
  return {
    key: grantee,
    fromKind: 'ExternalPrincipal',
    synthetic: {
      request: { type: m[2] === 'user' ? 'User' : 'Role', arn: grantee, accountId: account.id },
      account,
      unknown: /$^/,
    },
  };
}

function grantRef(plan: ResourcePlan, grant: KmsGrant, index: number): StatementRef {
  return {
    policyId: `${plan.resource.arn}#grant/${grant.GrantId ?? index}`,
    policyKind: 'resource',
    statementIndex: index,
    effect: 'Allow',
    statement: grant as unknown as Record<string, unknown>,
  };
}

function constraintConditions(grant: KmsGrant, source: StatementRef): UnresolvedCondition[] {
  const out: UnresolvedCondition[] = [];
  for (const [operator, context] of [
    ['StringEquals', grant.Constraints?.EncryptionContextEquals],
    ['StringEquals', grant.Constraints?.EncryptionContextSubset],
  ] as const) {
    for (const [k, v] of Object.entries(context ?? {})) {
      out.push({ key: `kms:EncryptionContext:${k}`, operator, values: [v], mustHold: true, source });
    }
  }
  return out;
}

/** One edge per grant and grantee, with a level per group of its operations. */
export function grantEdges(plan: ResourcePlan, env: CallerEnv): CanAccessEdge[] {
  const out: CanAccessEdge[] = [];
  (plan.resource.settings.grants ?? []).forEach((grant, index) => {
    const caller = granteeCaller(grant.GranteePrincipal, env);
    if (!caller) return;
    const ref = grantRef(plan, grant, index);
    const conditions = constraintConditions(grant, ref);
    const byLevel = new Map<AccessLevel, string[]>();
    for (const op of grant.Operations ?? []) {
      const level = GRANT_OPERATION_LEVEL[op];
      if (!level) continue;
      const list = byLevel.get(level) ?? [];
      list.push(`kms:${op}`);
      byLevel.set(level, list);
    }
    const callerAccount = caller.principal?.account ?? caller.synthetic?.account;
    const crossAccount = callerAccount !== undefined && callerAccount.id !== plan.resource.accountId;
    if (byLevel.size === 0) return;
    out.push({
      from: caller.key,
      fromKind: caller.fromKind,
      to: plan.resource.arn,
      crossAccount,
      crossOrganization: crossAccount && callerAccount.internal !== plan.account.internal,
      levels: ACCESS_LEVELS.filter((l) => byLevel.has(l)).map((level) => {
        const actions = byLevel.get(level)!;
        return {
          level,
          actions,
          via: 'kms-grant',
          public: false,
          conditional: conditions.length > 0,
          conditions,
          resourceStatement: ref,
          evidence: [ref],
          reasons: [
            `KMS grant ${grant.GrantId ?? index}${grant.Name ? ` ("${grant.Name}")` : ''} on ${plan.resource.arn} lets ${grant.GranteePrincipal} use ${actions.join(', ')}; grants need no key policy or IAM policy naming the grantee.`,
          ],
        };
      }),
    });
  });
  return out;
}
